"""The jargon rule: glossary words that have a plainer word to use instead."""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Iterator

from easyread.glossary import Entry, Match
from easyread.glossary.explanation import explained_at
from easyread.glossary.matcher import canonical
from easyread.lint.findings import Finding
from easyread.lint.rules.base import LintContext, Rule
from easyread.lint.text import TextPiece, char_before

CHECKED = ("heading", "sentence", "alt")


class Jargon(Rule):
    """A word or phrase from the glossary that has a plainer word to use instead.

    Jargon shuts readers out. Words such as "deliver", "facilitate", "key" or "stakeholder" are
    common in reports, but many people with a learning disability do not know them. The rule
    finds every form of the word ("delivered", "delivering"), phrases split over two lines, and
    words in headings, bold text, lists and picture descriptions. It looks at every use, not only
    the first one. Words in inline code, link addresses and picture file names are not checked.

    The suggestion comes from the glossary entry's `suggest` list. When there is exactly one
    plainer word and the text uses the word in its plain form, `easyread lint --fix` can make
    the change for you ("Deliver" at the start of a sentence becomes "Give").

    A word written with a capital inside a sentence is taken to be part of a name ("the Care
    Quality Commission") and is not reported. Acronyms are left to the acronym rules, and the
    glossary's hard words to the hard-word rule: a hard word is explained once, where it is
    first used, so it is one problem, reported once, not once for every use.
    """

    id = "jargon"
    description = "A jargon word that has a plainer word to use instead."
    severity = "warning"
    examples_fail = [
        "# Our plan\n\nWe will deliver better care.\n",
        "# Our plan\n\nWe delivered the training.\n",
        "# Key facts\n\nWe met 20 people.\n",
        "# Our plan\n\nWe talked to our\nstakeholders about it.\n",
        "# Our plan\n\n![A stakeholder meeting](pictures/meeting.png) We met 20 people.\n",
    ]
    examples_pass = [
        "# Our plan\n\nWe will give you better care.\n",
        "# Our work\n\nType the word on the keyboard.\n",
        "# Our work\n\nThe file is called `deliver.txt` on the computer.\n",
        "# Our work\n\nRead [our plan](https://example.org/deliver-key-stakeholder) online.\n",
        "# Our work\n\nWe met the Key Stakeholder Group.\n",
    ]

    def check(self, context: LintContext) -> Iterator[Finding]:
        glossary = context.glossary()
        if glossary is None:
            return
        for piece, matches in zip(context.pieces(), context.glossary_matches(), strict=True):
            if not matches or piece.kind not in CHECKED:
                continue
            for match in matches:
                entry = match.entry
                if not is_jargon(entry):
                    continue
                if piece.is_code(match.start, match.end) or in_a_name(piece, match):
                    continue
                finding = context.finding(
                    piece,
                    match.start,
                    match.end,
                    jargon_message(match),
                    suggestion_text(entry.suggest),
                    fix=safe_fix(match),
                )
                if finding.fix is not None and finding.line != finding.end_line:
                    # Over a line break the model has a space where the file has a new line.
                    finding = dataclasses.replace(finding, fix=None)
                yield finding


def in_a_name(piece: TextPiece, match: Match) -> bool:
    """A lower-case term written with a capital inside a sentence is part of a name
    ("the Care Quality Commission"): the author cannot change it. Headings are still checked,
    since some are written in Title Case."""
    if piece.kind == "heading" or match.start == 0 or not match.text[:1].isupper():
        return False
    if after_a_capitalised_word(piece.text, match.start):
        return True  # "the Halton Safeguarding Adults Board": a longer name
    if match.entry.case_sensitive or not match.entry.term[:1].islower():
        return False
    return char_before(piece.text, match.start) not in _STARTS_A_SENTENCE_OR_QUOTE


_WORD_BEFORE = re.compile(r"(?:^|(.)\s?)\s([A-Z][\w'’-]*)\s+$")


def after_a_capitalised_word(text: str, start: int) -> bool:
    """True if the word just before `start` has a capital and is not the first word of a
    sentence: "Halton" in "the Halton Safeguarding Adults Board"."""
    found = _WORD_BEFORE.search(text[:start])
    if found is None:
        return False
    return found.group(1) is not None and found.group(1) not in _STARTS_A_SENTENCE_OR_QUOTE


_STARTS_A_SENTENCE_OR_QUOTE = frozenset((".", "!", "?", ":", '"', "“", "‘", "'", "(", "-", "–"))


def is_jargon(entry: Entry) -> bool:
    """Jargon entries, reported at every use. A hard word is one problem, not one per use: the
    hard-word rule reports its first use (bold it and explain it, or use the plainer word)."""
    return entry.kind == "jargon"


def jargon_message(match: Match) -> str:
    words = canonical(match.text)
    if match.entry.kind == "hard-word":
        return f"'{words}' is a hard word. Many readers will not know it."
    return f"'{words}' is jargon. Many readers will not know what it means."


def suggestion_text(suggest: tuple[str, ...]) -> str | None:
    if not suggest:
        return None
    quoted = [f"'{word}'" for word in suggest]
    choices = quoted[-1] if len(quoted) == 1 else ", ".join(quoted[:-1]) + " or " + quoted[-1]
    return f"Write {choices} instead."


def safe_fix(match: Match) -> str | None:
    """The one suggested word, when the text uses the plain form of the term (not "delivered")."""
    entry = match.entry
    if len(entry.suggest) != 1:
        return None
    written = canonical(match.text)
    replacement = entry.suggest[0]
    if written == entry.term:
        return replacement
    if not entry.case_sensitive and written == entry.term[:1].upper() + entry.term[1:]:
        if entry.term[:1].isupper():
            return replacement
        return replacement[:1].upper() + replacement[1:]
    return None


def first_hard_word_uses(context: LintContext) -> list[tuple[TextPiece, Match]]:
    """The first use in the body (sentences) of each glossary hard word, shared by the jargon
    and hard-word rules. Uses in inline code or in a name do not count."""

    def find() -> list[tuple[TextPiece, Match]]:
        seen: set[str] = set()
        first: list[tuple[TextPiece, Match]] = []
        for piece, matches in zip(context.pieces(), context.glossary_matches(), strict=True):
            if not matches or piece.kind != "sentence":
                continue
            for match in matches:
                entry = match.entry
                if entry.kind != "hard-word" or entry.key in seen:
                    continue
                if piece.is_code(match.start, match.end) or in_a_name(piece, match):
                    continue
                seen.add(entry.key)
                first.append((piece, match))
        return first

    return context.shared_value("hard-word-first-uses", find)


def explained_hard_words(context: LintContext) -> frozenset[str]:
    """The glossary keys of hard words that the report explains where it uses them, at any of
    their uses in the body ("A personal budget is the money ...", "someone (a personal
    assistant)"), bold or not. Shared by the hard-word rules."""

    def find() -> frozenset[str]:
        keys: set[str] = set()
        for piece, matches in zip(context.pieces(), context.glossary_matches(), strict=True):
            if not matches or piece.kind != "sentence":
                continue
            for match in matches:
                if match.entry.kind != "hard-word" or match.entry.key in keys:
                    continue
                if explained_at(piece.text, match.start, match.end, next_sentence(piece)):
                    keys.add(match.entry.key)
        return frozenset(keys)

    return context.shared_value("hard-words-explained", find)


def next_sentence(piece: TextPiece) -> str:
    """The text of the sentence after this one in its point, or ""."""
    point = piece.point
    if point is None:
        return ""
    for index, sentence in enumerate(point.sentences):
        if sentence.runs is piece.runs:
            following = point.sentences[index + 1 : index + 2]
            return following[0].text if following else ""
    return ""
