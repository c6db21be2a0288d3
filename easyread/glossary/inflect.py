"""Regular English inflections, so one glossary entry catches every form of a word.

"deliver" also catches delivers, delivered, delivering and deliverer. We cannot know a word's
stress without a pronouncing dictionary, so for longer words that end in vowel + consonant we
make both spellings ("targeted" and "targetted"); the wrong one never occurs in real text and
costs nothing to look for. Irregular forms (went, children) go in an entry's `variants`.
"""

from __future__ import annotations

import re

_VOWELS = frozenset("aeiou")
# Words after which a multi-word term is not inflected ("roll out": never "roll outs").
_PARTICLES = frozenset(
    {
        "a", "an", "the", "of", "in", "on", "at", "to", "for", "by", "with", "up", "out", "off",
        "down", "over", "into", "from", "and", "or", "as", "back", "away", "forward", "through",
        "about", "around", "across", "together", "than",
    }
)  # fmt: skip
_VOWEL_GROUP = re.compile(r"[aeiouy]+")
_SEPARATOR = re.compile(r"([ -])")


def word_forms(word: str) -> set[str]:
    """The word and its regular inflections: -s/-es/-ies, -ed, -ing, -er."""
    forms = {word}
    if len(word) < 3 or not word.isalpha() or not word.islower():
        # Short words, numbers and words with capitals (names) are left alone.
        return forms
    forms.update(_plural(word))
    forms.update(_suffixed(word, "ed"))
    forms.update(_suffixed(word, "ing"))
    if len(word) > 4:
        # Short words make other words with -er (tie -> tier, lead -> leader).
        forms.update(_suffixed(word, "er"))
    return forms


def term_forms(term: str) -> set[str]:
    """Every form of a term. A phrase inflects its first word ("rolled out") and its last word
    ("care plans", "follow-ups"); particles such as "out" or "of" are never inflected."""
    parts = _SEPARATOR.split(" ".join(term.split()))
    if not parts or not parts[0]:
        return set()
    forms = {"".join(parts)}
    if len(parts) == 1:
        forms.update(word_forms(parts[0]))
    else:
        if parts[0] not in _PARTICLES:
            forms.update("".join([form, *parts[1:]]) for form in word_forms(parts[0]))
        if parts[-1] not in _PARTICLES:
            forms.update("".join([*parts[:-1], form]) for form in word_forms(parts[-1]))
        elif parts[-2] == "-":
            forms.add("".join(parts) + "s")  # a compound noun: follow-ups, roll-outs
    for form in list(forms):
        forms.update(_hyphen_alternatives(form))
    return forms


def acronym_forms(term: str) -> set[str]:
    """An acronym with its plural and possessives: ICB, ICBs, ICB's, ICBs'."""
    forms = {term, f"{term}'s"}
    if not term.endswith(("s", "S")):
        forms.update({f"{term}s", f"{term}s'"})
    return forms


def _hyphen_alternatives(form: str) -> set[str]:
    """A hyphenated form is also written with a space: roll-out, roll out."""
    if "-" in form:
        return {form.replace("-", " ")}
    return set()


def _plural(word: str) -> set[str]:
    if word.endswith(("s", "x", "z", "ch", "sh")):
        return {word + "es"}
    if word.endswith("y") and word[-2] not in _VOWELS:
        return {word[:-1] + "ies"}
    return {word + "s"}


def _suffixed(word: str, suffix: str) -> set[str]:
    """word + suffix with English spelling rules: e-dropping, y to i, consonant doubling."""
    if word.endswith("e"):
        if word.endswith(("ee", "ye", "oe")) and suffix == "ing":
            return {word + suffix}  # agreeing, dyeing, hoeing
        if word.endswith("ie") and suffix == "ing":
            return {word[:-2] + "ying"}  # tie -> tying
        return {word[:-1] + suffix}  # facilitate -> facilitated, facilitating, facilitater
    if word.endswith("y") and word[-2] not in _VOWELS and suffix != "ing":
        return {word[:-1] + "i" + suffix}  # apply -> applied, applier
    if word.endswith("c"):
        if suffix == "er":
            return {word + suffix}
        return {word + suffix, word + "k" + suffix}  # panic -> panicked
    if _ends_vowel_consonant(word):
        doubled = word + word[-1] + suffix
        if _syllables(word) == 1:
            return {doubled}  # stop -> stopped
        return {word + suffix, doubled}  # deliver -> delivered; refer -> referred
    return {word + suffix}


def _ends_vowel_consonant(word: str) -> bool:
    """A single vowel then a single consonant (not w, x or y) at the end: stop, plan, refer."""
    if len(word) < 3:
        return False
    last, middle, before = word[-1], word[-2], word[-3]
    return (
        last not in _VOWELS
        and last not in "wxy"
        and middle in _VOWELS
        and (before not in _VOWELS or (before == "u" and word[-4:-3] == "q"))
    )


def _syllables(word: str) -> int:
    """A rough syllable count: groups of vowels, a silent final e not counted."""
    stem = word[:-1] if word.endswith("e") and not word.endswith("le") else word
    return max(1, len(_VOWEL_GROUP.findall(stem)))
