"""How well easyread lint finds what people marked by hand, on text we did not write.

benchmarks/accuracy/ holds excerpts of public report text (r*.md) with hand marks beside them
(r*.yaml: jargon words and phrases, acronyms not explained, long sentences) and published Easy
Read texts (e*.md). See benchmarks/accuracy/GUIDE.md for how they were marked and SOURCES.md
for where they come from. `dev/` is for tuning; `held/` is only read to report figures.
`check/` (report text added later, marked the same way) is run to see whether a change made on
`dev/` holds on text it was not made on.

Prints precision and recall per class on each half:

- jargon: findings of jargon, hard-word, uncommon-word, wordy-phrase and nominalisation. A
  finding is right if it overlaps a marked word or phrase; a mark is found if a finding overlaps
  it. Every use of a marked phrase counts (whole words, any case, with -s, -es, -d, -ed or -ing),
  as the guide says; the recall counting each marked phrase once (found if any use is) is
  printed too, since a hard word is reported only where it is first used.
- acronym: findings of acronym-undefined, against the marked acronyms.
- long-sentence: findings of long-sentence, against the marked first words.

and the findings per 100 words on the Easy Read texts (the classes above, and passive-voice).
`hard-word-bold` (info: a hard word the text explains but does not make bold) is not a jargon
finding: the word is explained; it counts only in the "all rules" figure.

    python benchmarks/bench_accuracy.py                 # dev and check: the parts to work on
    python benchmarks/bench_accuracy.py --half held     # only to report final figures
    python benchmarks/bench_accuracy.py --half all
"""

from __future__ import annotations

import argparse
import re
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from easyread.lint import lint_report
from easyread.lint.findings import Finding
from easyread.reader import read_files
from easyread.reader.sentences import count_words

ROOT = Path(__file__).resolve().parent / "accuracy"
JARGON_RULES = frozenset({"jargon", "hard-word", "uncommon-word", "wordy-phrase", "nominalisation"})
ACRONYM_RULES = frozenset({"acronym-undefined"})
LONG_RULES = frozenset({"long-sentence"})
EASY_READ_RULES = JARGON_RULES | ACRONYM_RULES | LONG_RULES | {"passive-voice"}
TARGETS = {"jargon": (0.8, 0.8), "acronym": (0.0, 0.95), "long-sentence": (0.0, 0.95)}
MAX_PER_100_WORDS = 3.0


@dataclass
class Score:
    right: int = 0  # findings that match a mark
    findings: int = 0
    found: int = 0  # marks that a finding matches
    marks: int = 0
    misses: list[str] = field(default_factory=list)
    wrong: list[str] = field(default_factory=list)
    phrases_found: int = 0  # marked words or phrases with at least one use found
    phrases: int = 0

    @property
    def precision(self) -> float:
        return self.right / self.findings if self.findings else 1.0

    @property
    def recall(self) -> float:
        return self.found / self.marks if self.marks else 1.0


def lint_file(path: Path) -> list[Finding]:
    return lint_report(read_files([path]))


def offsets(text: str, finding: Finding) -> tuple[int, int]:
    starts = [0] + [index + 1 for index, char in enumerate(text) if char == "\n"]
    start = starts[finding.line - 1] + finding.column - 1
    end = starts[finding.end_line - 1] + finding.end_column - 1
    return start, end


def marked_spans(text: str, phrases: list[str]) -> list[tuple[int, int, str]]:
    spans: list[tuple[int, int, str]] = []
    for phrase in phrases:
        words = r"\s+".join(re.escape(word) for word in phrase.split())
        pattern = re.compile(rf"(?<![\w-]){words}(?:s|es|d|ed|ing)?(?![\w-])", re.IGNORECASE)
        spans.extend((m.start(), m.end(), phrase) for m in pattern.finditer(text))
    return spans


def score_jargon(text: str, marks: list[str], findings: list[Finding], score: Score) -> None:
    spans = marked_spans(text, marks)
    found_spans = [offsets(text, f) for f in findings if f.rule in JARGON_RULES]
    for (start, end), finding in zip(
        found_spans, [f for f in findings if f.rule in JARGON_RULES], strict=True
    ):
        score.findings += 1
        if any(start < m_end and m_start < end for m_start, m_end, _ in spans):
            score.right += 1
        else:
            score.wrong.append(f"{finding.rule}:{finding.text}")
    phrases_found: set[str] = set()
    for m_start, m_end, phrase in spans:
        score.marks += 1
        if any(start < m_end and m_start < end for start, end in found_spans):
            score.found += 1
            phrases_found.add(phrase)
        else:
            score.misses.append(text[m_start:m_end] if phrase else phrase)
    score.phrases += len({phrase for _, _, phrase in spans})
    score.phrases_found += len(phrases_found)


def score_acronyms(marks: list[str], findings: list[Finding], score: Score) -> None:
    reported = [f for f in findings if f.rule in ACRONYM_RULES]
    bases = {re.sub(r"(?:['’]s|s)$", "", f.text) for f in reported}
    score.findings += len(reported)
    score.right += sum(1 for f in reported if re.sub(r"(?:['’]s|s)$", "", f.text) in marks)
    score.wrong += [f.text for f in reported if re.sub(r"(?:['’]s|s)$", "", f.text) not in marks]
    score.marks += len(marks)
    score.found += sum(1 for mark in marks if mark in bases)
    score.misses += [mark for mark in marks if mark not in bases]


def _plain(text: str) -> str:
    return " ".join(re.sub(r"[^\w\s]", "", text.replace("’", "'")).lower().split())


def score_long(marks: list[str], findings: list[Finding], score: Score) -> None:
    sentences = [_plain(f.text) for f in findings if f.rule in LONG_RULES]
    prefixes = [_plain(mark) for mark in marks]
    score.findings += len(sentences)
    score.right += sum(1 for s in sentences if any(s.startswith(p) for p in prefixes))
    score.wrong += [s[:40] for s in sentences if not any(s.startswith(p) for p in prefixes)]
    score.marks += len(prefixes)
    score.found += sum(1 for p in prefixes if any(s.startswith(p) for s in sentences))
    score.misses += [p for p in prefixes if not any(s.startswith(p) for s in sentences)]


def run_half(folder: Path, verbose: bool) -> tuple[dict[str, Score], float, float, int]:
    scores = {name: Score() for name in ("jargon", "acronym", "long-sentence")}
    for path in sorted(folder.glob("r*.md")):
        marks = yaml.safe_load(path.with_suffix(".yaml").read_text("utf-8"))
        text = path.read_text("utf-8")
        findings = lint_file(path)
        score_jargon(text, [str(m) for m in marks.get("jargon") or []], findings, scores["jargon"])
        score_acronyms([str(m) for m in marks.get("acronyms") or []], findings, scores["acronym"])
        score_long(
            [str(m) for m in marks.get("long-sentences") or []], findings, scores["long-sentence"]
        )
    words = counted = every = 0
    for path in sorted(folder.glob("e*.md")):
        report = read_files([path])
        words += sum(
            count_words(sentence.text)
            for _, point in report.points()
            for sentence in point.sentences
        )
        findings = lint_report(report)
        counted += sum(1 for f in findings if f.rule in EASY_READ_RULES)
        every += sum(1 for f in findings if f.rule not in ("missing-picture", "acronym-unknown"))
        if verbose:
            for f in findings:
                if f.rule in EASY_READ_RULES:
                    print(f"    easy read {path.name}: {f.rule} {f.text[:50]!r}")
    per_100 = 100 * counted / words if words else 0.0
    per_100_every = 100 * every / words if words else 0.0
    return scores, per_100, per_100_every, words


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--half",
        choices=("dev", "check", "held", "work", "all"),
        default="work",
        help="work = dev and check (the default); all = dev, check and held",
    )
    parser.add_argument("--verbose", "-v", action="store_true", help="list misses and mistakes")
    args = parser.parse_args()
    halves = {"work": ("dev", "check"), "all": ("dev", "check", "held")}.get(
        args.half, (args.half,)
    )
    print(f"{'half':<5} {'class':<14} {'precision':>9} {'recall':>7} {'right/findings':>15} "
          f"{'found/marks':>12}  target")  # fmt: skip
    for half in halves:
        scores, per_100, per_100_every, words = run_half(ROOT / half, args.verbose)
        for name, score in scores.items():
            min_precision, min_recall = TARGETS[name]
            met = score.precision >= min_precision and score.recall >= min_recall
            target = (
                f"recall >= {min_recall}"
                + (f", precision >= {min_precision}" if min_precision else "")
                + (" met" if met else " NOT met")
            )
            print(f"{half:<5} {name:<14} {score.precision:>9.2f} {score.recall:>7.2f} "
                  f"{score.right:>7}/{score.findings:<7} {score.found:>5}/{score.marks:<6}  "
                  f"{target}")  # fmt: skip
            if score.phrases:
                print(f"{'':<20} recall counting each marked word or phrase once: "
                      f"{score.phrases_found / score.phrases:.2f} "
                      f"({score.phrases_found}/{score.phrases})")  # fmt: skip
            if args.verbose:
                print(f"      missed: {sorted(set(score.misses))}")
                print(f"      wrong:  {sorted(set(score.wrong))}")
        met = "met" if per_100 <= MAX_PER_100_WORDS else "NOT met"
        print(f"{half:<5} Easy Read text: {per_100:.2f} findings per 100 words ({words} words; "
              f"target at most {MAX_PER_100_WORDS:g}: {met}); all rules but missing-picture and "
              f"acronym-unknown: {per_100_every:.2f}")  # fmt: skip


if __name__ == "__main__":
    main()
