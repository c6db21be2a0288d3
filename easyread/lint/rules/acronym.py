"""The acronym rules: acronyms not explained where first used, and acronyms no glossary knows."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from easyread.glossary import Entry, Glossary, Match
from easyread.glossary.acronyms import (
    TWO_CAPITALS,
    acronym_shaped,
    find_acronyms,
    known_acronyms,
    split_token,
)
from easyread.glossary.matcher import canonical
from easyread.lint.findings import Finding
from easyread.lint.rules.base import LintContext, Rule
from easyread.lint.scan import Spans
from easyread.lint.text import TextPiece

CHECKED = ("heading", "sentence", "alt")

_IN_BRACKETS_AFTER = re.compile(r"\s*\(([^()]{1,200})\)")
# "NHS England (the national health service in England)": a name made with the letters, then
# the words in brackets.
_NAME_THEN_BRACKETS = re.compile(r"((?:\s+(?:[A-Z][\w&'’-]*|\d+)){1,3})\s*\(([^()]{1,200})\)")
# "ICB – integrated care board" or "ICB - integrated care board": a dash, then the words.
_DASH_THEN_WORDS = re.compile(r"\s+[-–—]\s+([^.;:!?()\[\]–—]{2,200})")
# "integrated care board, or ICB," and "integrated care board or ICB".
_OR_BEFORE = re.compile(r"(?:,\s*|\s+)or$")
_SAYS_WHAT_IT_MEANS = re.compile(
    r"(?:['’]s)?\s+(?:stands? for|means|is short for|is the short name for|"
    r"is a short name for|is how we write|is what we call)\b",
    re.IGNORECASE,
)
_WORD = re.compile(r"[^\W\d_][\w'’-]*")


@dataclass(frozen=True, slots=True)
class Occurrence:
    """One use of an acronym in a piece of text."""

    start: int
    end: int
    text: str
    base: str  # without plural or possessive: "ICB" for "ICBs"
    entry: Entry | None

    @property
    def name(self) -> str:
        return self.entry.term if self.entry is not None else self.base


def allowed_acronyms(context: LintContext) -> frozenset[str]:
    """[lint] allow-acronyms when it is set (even to []), else the default list; upper case."""
    lint_table = context.report.config.tables.get("lint", {}) or {}
    names = context.allow_acronyms if "allow-acronyms" in lint_table else known_acronyms()
    return frozenset(name.upper() for name in names)


def occurrences(
    piece: TextPiece, glossary: Glossary | None, matches: list[Match] | None = None
) -> list[Occurrence]:
    """Acronyms in a piece: by their shape (NHS, LeDeR, A&E) and glossary acronyms written
    another way. Inline code is skipped. `matches` is glossary.find(piece.text) if known."""
    known: list[Occurrence] = []  # glossary acronyms as the glossary writes them
    if glossary is not None:
        for match in glossary.find(piece.text) if matches is None else matches:
            entry = match.entry
            if entry.kind == "acronym" and not match.text.islower():
                base = split_token(canonical(match.text))[0]
                known.append(Occurrence(match.start, match.end, match.text, base, entry))
    # A glossary acronym of several words ("NHS 111") is one acronym, not "NHS" and a number.
    whole = Spans((item.start, item.end) for item in known if " " in item.text.strip())
    found: list[Occurrence] = [item for item in known if " " in item.text.strip()]
    for token in find_acronyms(piece.text, glossary):
        if whole.overlaps(token.start, token.end):
            continue
        entry = glossary.acronym(token.text) if glossary is not None else None
        found.append(Occurrence(token.start, token.end, token.text, token.base, entry))
    taken = Spans((item.start, item.end) for item in found)
    for item in known:
        if not taken.overlaps(item.start, item.end):
            found.append(item)
    found.sort(key=lambda item: item.start)
    return [item for item in found if not piece.is_code(item.start, item.end)]


def first_uses(
    context: LintContext, glossary: Glossary | None, scope: str
) -> Iterator[tuple[TextPiece, Occurrence]]:
    """The first use of each acronym (per document, or per section file with scope 'section')."""
    allowed = allowed_acronyms(context)
    seen: set[tuple[Path | None, str]] = set()
    for piece, found in all_occurrences(context, glossary):
        where = piece.section.path if scope == "section" else None
        for item in found:
            name = item.name
            if name.upper() in allowed or item.base.upper() in allowed:
                continue
            if " " in item.text.strip() and _letters_allowed(item.text, allowed):
                continue  # "NHS 111": its letters are ones nearly everyone knows
            key = (where, name.casefold() if item.entry else name)
            if key in seen:
                continue
            seen.add(key)
            yield piece, item


def _letters_allowed(text: str, allowed: frozenset[str]) -> bool:
    tokens = find_acronyms(text)
    return bool(tokens) and all(token.base.upper() in allowed for token in tokens)


def all_occurrences(
    context: LintContext, glossary: Glossary | None
) -> list[tuple[TextPiece, list[Occurrence]]]:
    """Every checked piece that holds an acronym, with its acronyms; worked out once per lint
    run for both acronym rules. Only pieces with two capitals in a word, or with a glossary
    acronym, can hold one, and one pass over the whole report finds those."""

    def find() -> list[tuple[TextPiece, list[Occurrence]]]:
        shaped = {id(piece) for piece in context.index().with_pattern(TWO_CAPITALS)}
        found: list[tuple[TextPiece, list[Occurrence]]] = []
        all_matches = context.glossary_matches() if glossary is not None else None
        for number, piece in enumerate(context.pieces()):
            if piece.kind not in CHECKED:
                continue
            matches = all_matches[number] if all_matches is not None else None
            if id(piece) not in shaped and (
                not matches or not any(match.entry.kind == "acronym" for match in matches)
            ):
                continue
            items = occurrences(piece, glossary, matches)
            if items:
                found.append((piece, items))
        return found

    if glossary is not None and glossary is not context.glossary():
        return find()  # not the run's own glossary: nothing to share
    return context.shared_value("acronym-occurrences", find)


class AcronymUndefined(Rule):
    """An acronym (letters such as ICB, LeDeR, A&E) that is not explained where it is first used.

    Many readers do not know what the letters stand for. Easy Read writes the words in full.
    If you must use the letters, explain them the first time, in one of these ways:

    - the words in full, then the letters in brackets: "integrated care board (ICB)"
    - the letters, then the words in full in brackets: "ICB (integrated care board)"
    - the letters, then what they mean: "ICB stands for ..." or "ICB means ..."
    - the letters, a dash and the words: "ICB – integrated care board"
    - the words, then "or" and the letters: "integrated care board, or ICB,"
    - a name made with the letters, then the words in brackets: "NHS England (the national
      health service in England)"

    Only the first use is checked; later uses are fine. Plurals and possessives (ICBs, ICB's)
    are the same acronym. By default the first use in the whole document counts; with
    `[lint] acronym-scope = "section"` each section file must explain it again.

    Never reported: the words "I", "A" and "OK", single letters ("option A"), Roman numerals
    (Part II), ordinary words in capitals (PLEASE, MUST: the caps-emphasis rule reports those)
    and acronyms nearly everyone knows. That list is `[lint] allow-acronyms`; by default it is
    the `known` list of wordlists/known-acronyms.yaml (NHS, UK, GP, TV, BBC, ID, MP, CCTV, EU,
    COVID-19 and a few more).

    An acronym in the report's own glossary file (`[glossary] files` in easyread.toml) counts
    as explained: the team wrote its explanation, and the "Words to know" page shows it. Set
    `own-glossary-explains = false` to ask for an explanation in the text as well.

    When the glossary knows the words in full, `easyread lint --fix` can write them out at the
    first use.
    """

    id = "acronym-undefined"
    description = "An acronym that is not explained the first time it is used."
    severity = "warning"
    options = {"own-glossary-explains": True}
    option_help = {
        "own-glossary-explains": (
            "an acronym in the report's own glossary file counts as explained (false: the text "
            "must explain it too)"
        )
    }
    examples_fail = [
        "# Your care\n\nThe ICB pays for your care.\n",
        "# Your care\n\nThe ICBs pay for your care.\n",
        "# Reviews\n\nThe LeDeR team looks at deaths.\n",
        "# Getting help\n\nGo to A&E if it is an emergency.\n",
        "# Staying safe\n\nSARS-CoV-2 is a virus.\n",
        "# Your care\n\nThe CQC checks care homes. The Care Quality Commission (CQC) is a team.\n",
    ]
    examples_pass = [
        "# Your care\n\nThe integrated care board (ICB) pays for your care. The ICB is local.\n",
        "# Your care\n\nThe ICB (integrated care board) pays for your care.\n",
        "# Your care\n\nICB stands for integrated care board. The ICB's staff help.\n",
        "# Your care\n\nPLEASE tell us. You MUST NOT wait. I think it is OK.\n",
        "# Part II\n\nChoose option A or option B. Read chapter IV.\n",
        "# Your care\n\nSee your GP. The NHS is for everyone in the UK.\n",
    ]

    def check(self, context: LintContext) -> Iterator[Finding]:
        glossary = context.glossary()
        own = own_glossary_files(context) if context.options.get("own-glossary-explains") else ()
        for piece, item in first_uses(context, glossary, context.scope):
            if is_explained(piece.text, item):
                continue
            if own and item.entry is not None and _resolved(item.entry.path) in own:
                continue  # the report's own glossary explains it (and Words to know shows it)
            yield context.finding(
                piece,
                item.start,
                item.end,
                f"'{item.base}' is short for some words. "
                "Say what it means the first time you use it.",
                undefined_suggestion(item),
                fix=expand_fix(piece, item),
            )


class AcronymUnknown(Rule):
    """An acronym that is in no glossary.

    This is for the team, not a mistake in the text: add the acronym to your project glossary
    (the file named in `[glossary] files` in easyread.toml) with its words in full and a plain
    explanation. Then the acronym rules can suggest the words in full, and the "Words to know"
    page can explain it. Reported once for each acronym, where it is first used.
    """

    id = "acronym-unknown"
    description = "An acronym that is in no glossary, so the team can add it."
    severity = "info"
    examples_fail = [
        "# Our team\n\nThe XQZT group met 3 times.\n",
        "# Our team\n\nThe Zorblax Quality Team (ZQT) met 3 times.\n",
    ]
    examples_pass = [
        "# Your care\n\nSee your GP. The NHS is for everyone.\n",
        "# Your care\n\nPLEASE tell us. Read part II.\n",
    ]

    def check(self, context: LintContext) -> Iterator[Finding]:
        glossary = context.glossary()
        for piece, item in first_uses(context, glossary, "document"):
            if item.entry is not None:
                continue
            yield context.finding(
                piece,
                item.start,
                item.end,
                f"'{item.base}' is not in any glossary.",
                f"Add '{item.base}' to your project glossary with its words in full "
                "and a short, plain explanation.",
            )


def own_glossary_files(context: LintContext) -> frozenset[Path]:
    """The report's own glossary files ([glossary] files), resolved."""
    config = context.report.config
    table = (config.tables.get("glossary", {}) or {}) if config is not None else {}
    names = table.get("files", [])
    if isinstance(names, str):
        names = [names]
    if not names or config is None:
        return frozenset()
    base = config.path.parent if config.path is not None else Path.cwd()
    return frozenset(_resolved(base / str(name)) for name in names if isinstance(name, str))


def _resolved(path: Path | None) -> Path | None:
    if path is None:
        return None
    try:
        return path.resolve()
    except OSError:
        return path


def is_explained(text: str, item: Occurrence) -> bool:
    """True if this use of the acronym explains it (the three forms in the rule's docstring)."""
    after = text[item.end :]
    if _SAYS_WHAT_IT_MEANS.match(after):
        return True
    bracket = _IN_BRACKETS_AFTER.match(after)
    if bracket is not None and _explains(bracket.group(1), item):
        return True
    named = _NAME_THEN_BRACKETS.match(after)
    if named is not None and _explains(named.group(2), item):
        return True
    dash = _DASH_THEN_WORDS.match(after)
    if dash is not None and _spelled_out(dash.group(1), item, at_start=True):
        return True
    before = text[: item.start].rstrip()
    if _OR_BEFORE.search(before) and after[:1] in (",", ")", ".", ""):
        words = _OR_BEFORE.sub("", before).rsplit(",", 1)[-1]
        if _spelled_out(words, item, at_start=False):
            return True
    if before.endswith("(") and after.lstrip().startswith(")"):
        return _explains(before[:-1], item, at_end=True)
    return False


def _explains(words: str, item: Occurrence, *, at_end: bool = False) -> bool:
    """Do these words (in brackets after the acronym, or before "(ABC)") spell it out?"""
    phrase = canonical(words).casefold()
    if item.entry is not None and item.entry.expansion:
        expansion = canonical(item.entry.expansion).casefold()
        if expansion in phrase or phrase.rstrip("s") in expansion and len(phrase) > 3:
            return True
    found = _WORD.findall(words)
    if not found:
        return False
    if at_end:
        return _initials_match(found, item.base)
    if found[0].casefold() in ("see", "page", "part"):
        return False
    if all(acronym_shaped(word) for word in found):
        return False
    return len(found) >= 2 or _initials_match(found, item.base) or found[0].islower()


def _spelled_out(words: str, item: Occurrence, *, at_start: bool) -> bool:
    """Do these words, after a dash or before ", or", give the acronym in full? Only the
    glossary's words in full, or words whose first letters make the acronym, count: a dash or
    "or" next to letters says nothing by itself."""
    phrase = canonical(words).casefold()
    expansion = item.entry.expansion if item.entry is not None else ""
    if expansion and canonical(expansion).casefold() in phrase:
        return True
    found = _WORD.findall(words)
    if not found:
        return False
    if at_start:
        found = found[: 2 * len(item.base) + 3]
        return any(_initials_match(found[:end], item.base) for end in range(1, len(found) + 1))
    return _initials_match(found, item.base)


def _initials_match(words: list[str], acronym: str) -> bool:
    """Words ending in a phrase whose letters contain the acronym's letters in order, the
    first one starting a word: "care quality commission" for CQC."""
    letters = [char.casefold() for char in acronym if char.isalpha()]
    if not letters:
        return False
    tail = words[-(2 * len(letters) + 3) :]
    for index, word in enumerate(tail):
        if word[:1].casefold() != letters[0]:
            continue
        joined = "".join(tail[index:]).casefold()
        if _is_subsequence(letters, joined):
            return True
    return False


def _is_subsequence(letters: list[str], text: str) -> bool:
    position = 0
    for letter in letters:
        position = text.find(letter, position)
        if position < 0:
            return False
        position += 1
    return True


def undefined_suggestion(item: Occurrence) -> str:
    entry = item.entry
    if entry is not None and entry.expansion:
        full = entry.expansion
        return f"Write '{full}' instead of {item.base}, or '{full} ({item.base})' the first time."
    return (
        f"Write the words in full the first time, then ({item.base}) in brackets, "
        f"or say what {item.base} means."
    )


def expand_fix(piece: TextPiece, item: Occurrence) -> str | None:
    """'integrated care board (ICB)' for the first use, when the glossary knows the words."""
    entry = item.entry
    if entry is None or not entry.expansion or item.text != item.base:
        return None
    full = entry.expansion
    if item.start == 0 and piece.kind == "sentence":
        full = full[:1].upper() + full[1:]
    return f"{full} ({item.base})"
