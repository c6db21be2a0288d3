"""The uncommon-word rule: words that are not used much in everyday English."""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import cache

from easyread.glossary import Glossary
from easyread.glossary.explanation import explained_at
from easyread.glossary.matcher import canonical
from easyread.lint.findings import Finding
from easyread.lint.frequency import FLOOR, FrequencyTable, frequency_table
from easyread.lint.rules.base import LintContext, Rule
from easyread.lint.rules.jargon import next_sentence, suggestion_text
from easyread.lint.scan import Spans
from easyread.lint.text import TextPiece, char_before
from easyread.lint.wordlists import accepted_words
from easyread.resources import dale_chall_path

# Picture descriptions name things ("a stethoscope") for people who cannot see the picture.
CHECKED = ("heading", "sentence")
# A word: letters, maybe with an apostrophe inside ("don't"). Not part of a web or email
# address, and not glued to digits.
_WORD = re.compile(r"(?<![\w@/.])[^\W\d_]+(?:['’][^\W\d_]+)*(?![\w@]|\.[^\W\d_])")
_LOWER_WORD = re.compile(r"[a-z]+")
# After a word, another word with a capital: the two are (part of) a name.
_NAME_GOES_ON = re.compile(r"[ \t]+(?:of[ \t]+|the[ \t]+|and[ \t]+)?[A-Z][a-z]")
_SENTENCE_START = frozenset(".!?:\"“‘'(-–")
# British spellings that wordfreq counts less often than the American ones.
_SPELLINGS = (
    (re.compile(r"is(e|ed|es|ing|ation|ations)$"), r"iz\1"),
    (re.compile(r"ys(e|ed|es|ing)$"), r"yz\1"),
    (re.compile(r"our(s|ed|ing|ful|able)?$"), r"or\1"),
    (re.compile(r"tre(s|d)?$"), r"ter\1"),
    (re.compile(r"ogue(s)?$"), r"og\1"),
    (re.compile(r"([cf])ence(s)?$"), r"\1ense\2"),
)

# Parts that keep a word as easy as the word it is made from: "sleepiness" is as plain as
# "sleepy", "unhelpful" as "helpful". Not -tion, -ment or -ity: "implementation" is harder
# than "implement".
_EASY_PARTS = (
    (re.compile(r"^un(?=[a-z]{4})"), ""),
    (re.compile(r"iness$"), "y"),
    (re.compile(r"(?<=[a-z]{3})(?:ness|less|ful|fully|ly)$"), ""),
    (re.compile(r"(?<=[a-z]{3})ily$"), "y"),
)

# Endings of formal words, most of them from Latin: "implementation", "eligibility",
# "assessment", "compliance", "statutory", "facilitate", "prioritise", "comprehensive".
_FORMAL_ENDING = re.compile(
    r"(?:[ts]ion|ment|ity|[ae]nce|[ae]ncy|ive|i[sz]e|ify|ate|ory|ary|[ai]ble|ism|ous|[iu]al)$"
)
# Shorter words with these endings are everyday words ("state", "ice", "legal").
_FORMAL_MIN_LENGTH = 7
# Words of up to 3 groups of vowels ("injection", "flexible") are held to formal-zipf-short.
_SHORT_WORD_VOWEL_GROUPS = 3
_VOWEL_GROUPS = re.compile(r"[aeiouy]+")


class UncommonWord(Rule):
    """A word that is not used much in everyday English.

    Many readers will not know a word they rarely hear. This rule does not need a list: it
    looks up how often each word is used, counting all its forms together ("notified",
    "notifying" and "notifies" count as "notify"). The numbers come from wordfreq, which counts
    words in films, books, news and the web. A word used less often than the `min-zipf`
    setting is reported. On this scale 4 means about once in every 10,000 words and 3 once in
    every million.

    A word that is used a little more often, up to `formal-zipf`, is reported when it is built
    like a formal word (it ends in -ation, -ity, -ment, -ance, -ive, -ise, -ate, -ory and the
    like) and is not on the Dale-Chall list of about 3,000 words that most 10-year-olds know.
    Shorter formal words ("injection", "flexible") are held to the lower `formal-zipf-short`.
    Formal words such as "eligibility", "facilitate" or "statutory" are common in reports and
    news but rare in the way people talk.

    Not reported: names (a word with a capital letter inside a sentence, such as "Leeds" or
    "Mencap"), acronyms, words in the glossary (the jargon and hard-word rules look after those),
    words the report makes **bold** to explain them or explains where it uses them, and the
    words in `accept`. A project can also list words in `[lint] accept`. When the glossary has
    the word in another form, the suggestion gives its plainer word.

    Use a more common word. If you must use the word, make it **bold** the first time and say
    what it means in the next sentence.
    """

    id = "uncommon-word"
    description = "A word that is not used much in everyday English."
    severity = "warning"
    options = {"min-zipf": 2.8, "formal-zipf": 4.2, "formal-zipf-short": 4.0, "accept": []}
    option_limits = {"min-zipf": (0, 8), "formal-zipf": (0, 8), "formal-zipf-short": (0, 8)}
    option_help = {
        "min-zipf": (
            "report words used less often than this (Zipf scale: 3 is once in a million words, "
            f"4 once in 10,000; not below {FLOOR})"
        ),
        "formal-zipf": (
            "also report formal words (endings such as -ation, -ity, -ment, -ise) that are not on "
            "the Dale-Chall list of familiar words and are used less often than this; 0 turns "
            "this off"
        ),
        "formal-zipf-short": (
            "the same as formal-zipf, for shorter formal words (3 groups of vowels or fewer, such "
            'as "injection"); it is not above formal-zipf'
        ),
        "accept": "words never reported by this rule",
    }
    examples_fail = [
        "# Our work\n\nWe will ameliorate the service.\n",
        "# Our work\n\nThe rules were abrogated last year.\n",
        "# Our work\n\nWe met people. Ameliorating things takes time.\n",
        "# Our work\n\nThe changes were substantive.\n",
        "# Our work\n\nThe figures were corroborated.\n",
    ]
    examples_pass = [
        "# Our work\n\nWe will make the service better for you.\n",
        "# Packing\n\nPack your hairbrush and toothpaste.\n",
        "# Our work\n\nWe went to Leeds and met the Quangle Group.\n",
        "# Our work\n\nWe will **ameliorate** the service. This means make it better.\n",
        "# Words\n\nAbrogate means to end a rule. We will abrogate the rule.\n",
        "# Our work\n\nRead more at www.quangle.example or email help@quangle.example.\n",
    ]

    def check(self, context: LintContext) -> Iterator[Finding]:
        limit = max(float(context.options["min-zipf"]), FLOOR)
        formal_limit = float(context.options.get("formal-zipf", 0) or 0)
        short_limit = float(context.options.get("formal-zipf-short", formal_limit) or 0)
        accepted = accepted_words() | {
            word.casefold() for word in context.options.get("accept", []) or []
        }
        table = frequency_table()
        rare = rare_words(context, table, limit, accepted)
        limits = (min(short_limit, formal_limit), formal_limit)
        rare |= formal_words(context, table, limit, limits, accepted)
        if not rare:
            return
        names = capitalised_inside_sentences(context, rare)
        explained = bold_words(context, rare) | explained_words(context, rare)
        skip = names | explained
        rare -= skip
        if not rare:
            return
        glossary = context.glossary()
        matches = context.glossary_matches()
        number_of = {id(piece): number for number, piece in enumerate(context.pieces())}
        for piece in context.index().with_word_starts(frozenset(rare)):
            if piece.kind not in CHECKED:
                continue
            taken = Spans((match.start, match.end) for match in matches[number_of[id(piece)]])
            for match in _WORD.finditer(piece.text):
                word = match.group()
                lowered = head(word.lower())
                if lowered not in rare:
                    continue
                if lowered != word.lower() and zipf_of(table, _straight(word.lower())) >= limit:
                    continue  # "doesn't": the whole word is common, not its part "doesn"
                start = match.start()
                end = start + len(lowered)
                if not is_checkable(piece, word, start) or taken.overlaps(start, end):
                    continue
                if piece.is_code(start, end):
                    continue
                written = canonical(piece.text[start:end])
                yield context.finding(
                    piece,
                    start,
                    end,
                    f"'{written}' is not a word people use much in everyday English. "
                    "Many readers may not know it.",
                    self._suggestion(glossary, table, lowered),
                )

    @staticmethod
    def _suggestion(glossary: Glossary | None, table: FrequencyTable, word: str) -> str:
        """The glossary's plainer word for the word's lemma ("lacunae" -> lacuna -> "gap")."""
        entry = glossary.lookup(table.lemma(word)) if glossary is not None else None
        if entry is not None and entry.suggest:
            return suggestion_text(entry.suggest) or ""
        return (
            "Use a word more people know. If you need this word, make it bold the first time "
            "and say what it means."
        )


def rare_words(
    context: LintContext, table: FrequencyTable, limit: float, accepted: frozenset[str]
) -> set[str]:
    """The different lower-case words of the report used less often than `limit`: one look-up
    per different word, not one per word of the text."""
    rare: set[str] = set()
    for word in context.index().distinct_words():
        if len(word) < 3 or word in accepted or not word.isalpha() or not word.isascii():
            continue
        if zipf_of(table, word) < limit and not is_plain_compound(table, word):
            rare.add(word)
    return rare


# A compound of two common words is as plain as its parts ("hairbrush", "toothpaste"), unless
# the first part is one of these little words: "undergone" and "outpatient" are not.
_NOT_A_COMPOUND_START = frozenset(
    ("a", "an", "be", "by", "de", "en", "for", "in", "out", "over", "re", "un", "under", "up")
    + ("with", "after", "down", "off", "on")
)
_COMMON_PART = 4.0


def is_plain_compound(table: FrequencyTable, word: str) -> bool:
    """True for a word made of two common words of 3 letters or more."""
    for cut in range(3, len(word) - 2):
        first, second = word[:cut], word[cut:]
        if first in _NOT_A_COMPOUND_START:
            continue
        if table.zipf(first) >= _COMMON_PART and table.zipf(second) >= _COMMON_PART:
            return True
    return False


def formal_words(
    context: LintContext,
    table: FrequencyTable,
    limit: float,
    formal_limits: tuple[float, float],
    accepted: frozenset[str],
) -> set[str]:
    """The report's words used less often than their formal limit (`formal_limits`: for short
    and for longer words; words under `limit` are rare anyway) that are built like formal words
    and are not familiar words."""
    if max(formal_limits) <= limit:
        return set()
    familiar = familiar_words()
    found: set[str] = set()
    for word in context.index().distinct_words():
        if len(word) < _FORMAL_MIN_LENGTH or word in accepted or not word.isalpha():
            continue
        short = len(_VOWEL_GROUPS.findall(word)) <= _SHORT_WORD_VOWEL_GROUPS
        formal_limit = formal_limits[0] if short else formal_limits[1]
        if not word.isascii() or not limit <= zipf_of(table, word) < formal_limit:
            continue
        if max(zipf_of(table, form) for form in _forms(table, word)) >= formal_limit:
            continue  # "privately": "private" is common
        if looks_formal(table, word) and not is_familiar(table, word, familiar):
            found.add(word)
    return found


def _forms(table: FrequencyTable, word: str) -> set[str]:
    """The word, its lemma, and both without an easy part ("carefully" -> "careful")."""
    forms = {word, table.lemma(word)}
    for pattern, replacement in _EASY_PARTS:
        for form in list(forms):
            if pattern.search(form):
                plain = pattern.sub(replacement, form)
                forms.update((plain, table.lemma(plain)))
    return forms


def looks_formal(table: FrequencyTable, word: str) -> bool:
    return any(
        len(form) >= _FORMAL_MIN_LENGTH and _FORMAL_ENDING.search(form)
        for form in _forms(table, word)
    )


def is_familiar(table: FrequencyTable, word: str, familiar: frozenset[str]) -> bool:
    """True if the word, in any of its forms or in American spelling, is a familiar word."""
    for form in _forms(table, word):
        if form in familiar:
            return True
        for pattern, replacement in _SPELLINGS:
            if pattern.search(form) and pattern.sub(replacement, form) in familiar:
                return True
    return False


@cache
def familiar_words() -> frozenset[str]:
    """The Dale-Chall list of about 3,000 words most 10-year-olds know (textstat's copy)."""
    path = dale_chall_path()
    if path is None:
        return frozenset()
    text = path.read_text(encoding="utf-8")
    return frozenset(line.strip().lower() for line in text.splitlines() if line.strip())


def zipf_of(table: FrequencyTable, word: str) -> float:
    """The word's Zipf frequency, or that of its possessive-free or American spelling."""
    best = table.zipf(word)
    if best >= 7:
        return best
    for pattern, replacement in _SPELLINGS:
        if pattern.search(word):
            best = max(best, table.zipf(pattern.sub(replacement, word)))
    for pattern, replacement in _EASY_PARTS:
        if best < 4 and pattern.search(word):
            best = max(best, table.zipf(pattern.sub(replacement, word)))
    return best


def is_checkable(piece: TextPiece, word: str, start: int) -> bool:
    """False for names and acronyms: a capital letter inside a sentence, or two capitals."""
    if word[:1].islower():
        return True
    if sum(1 for char in word if char.isupper()) >= 2:
        return False  # an acronym or a name such as McDonald
    if _NAME_GOES_ON.match(piece.text, start + len(word)):
        return False  # "Birchwood Care Home": the first word of a name
    return start == 0 or char_before(piece.text, start) in _SENTENCE_START


def capitalised_inside_sentences(context: LintContext, rare: set[str]) -> set[str]:
    """Rare words written somewhere with a capital inside a sentence: names, so never reported
    (not even where they start a sentence)."""
    names: set[str] = set()
    capitals = frozenset(word.capitalize() for word in rare)
    for piece in context.index().with_word_starts(frozenset(rare)):
        for match in _WORD.finditer(piece.text):
            word = match.group()
            capital = word[:1].isupper() and head(word) in capitals or word.isupper()
            if capital and not is_checkable(piece, word, match.start()):
                names.add(head(word.lower()))
    return names


def bold_words(context: LintContext, rare: set[str]) -> set[str]:
    """Rare words the report makes bold somewhere: the author explains them."""
    found: set[str] = set()
    for piece in context.index().with_word_starts(frozenset(rare)):
        if not any(run.strong for run in piece.runs):
            continue
        for start, end, run in piece.run_spans():
            if not run.strong:
                continue
            for word in _LOWER_WORD.findall(piece.text[start:end].lower()):
                if word in rare:
                    found.add(word)
    return found


def explained_words(context: LintContext, rare: set[str]) -> set[str]:
    """Rare words the report explains where it uses them, bold or not ("Dysphagia is when it
    is hard to swallow", "someone (an advocate)")."""
    found: set[str] = set()
    for piece in context.index().with_word_starts(frozenset(rare)):
        if piece.kind != "sentence":
            continue
        for match in _WORD.finditer(piece.text):
            word = head(match.group().lower())
            if word not in rare or word in found:
                continue
            if explained_at(piece.text, match.start(), match.end(), next_sentence(piece)):
                found.add(word)
    return found


def _straight(word: str) -> str:
    return word.replace("’", "'")


def head(word: str) -> str:
    """The word without what follows an apostrophe ("person's" -> "person"), as
    PieceIndex.distinct_words splits it."""
    for mark in ("'", "’"):
        at = word.find(mark)
        if at > 0:
            word = word[:at]
    return word
