"""One finding for one problem: where the word rules report the same words, only the most
specific rule speaks.

"dysphagia" used for the first time without bold is a glossary hard word (hard-word: make it
bold and explain it) and, when the glossary has a plainer word, jargon too. A reader of the
lint output should see one line for it. PRECEDENCE lists the word rules from the most
specific to the most general; a finding whose words overlap a finding of a rule earlier in the
list is dropped. Rules not in the list (long-sentence, passive-voice, ...) are about other
problems and always stay.
"""

from __future__ import annotations

from pathlib import Path

from easyread.lint.findings import Finding
from easyread.lint.scan import Spans

PRECEDENCE = (
    "acronym-undefined",  # the letters: say what they stand for
    "hard-word",  # a glossary hard word at its first use: bold and explain it
    "nominalisation",  # "the implementation of": the whole phrase, not only its noun
    "wordy-phrase",  # a phrase from the wordy-phrase list (never inside a glossary term)
    "jargon",  # a glossary word with a plainer word
    "uncommon-word",  # any word that is rare in everyday English
)
# acronym-unknown is not here: it tells the team to add an acronym to the glossary, which is
# another problem than the reader not knowing it, for other people.
_RANK = {rule: rank for rank, rule in enumerate(PRECEDENCE)}
_COLUMNS = 1 << 32


def one_per_problem(findings: list[Finding]) -> list[Finding]:
    """The findings without those that repeat, in a more general rule, a problem another
    finding already reports. Order is kept."""
    ranked = [finding for finding in findings if finding.rule in _RANK]
    if len(ranked) < 2:
        return findings
    taken: dict[Path, list[Spans]] = {}
    dropped: set[int] = set()
    for finding in sorted(ranked, key=lambda item: _RANK[item.rule]):
        start = finding.line * _COLUMNS + finding.column
        end = finding.end_line * _COLUMNS + finding.end_column
        rank = _RANK[finding.rule]
        by_rank = taken.get(finding.path)
        if by_rank is None:
            by_rank = taken[finding.path] = [Spans() for _ in PRECEDENCE]
        if any(spans.overlaps(start, end) for spans in by_rank[:rank]):
            dropped.add(id(finding))
            continue
        if not by_rank[rank].overlaps(start, end):
            by_rank[rank].add(start, end)
    if not dropped:
        return findings
    return [finding for finding in findings if id(finding) not in dropped]
