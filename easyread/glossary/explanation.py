"""Does the text say what a hard word means, straight after the word?

Easy Read explains a hard word in the same sentence ("..., this means ...") or in the next one
("Dysphagia means ...", or a sentence that uses the word again). Lint's hard-word rule and the
edition's optional bold both ask this, so they agree on what an explanation is.
"""

from __future__ import annotations

import re

from easyread.glossary.entry import Entry
from easyread.glossary.matcher import canonical

_EXPLAINS = re.compile(r"^(?:(?:this|it|that) means|this is)\b|\bmeans\b", re.IGNORECASE)


def is_explained(word: str, entry: Entry, rest_of_sentence: str, next_sentence: str) -> bool:
    """True if the rest of the sentence after `word`, or the next sentence, explains it."""
    if _EXPLAINS.search(rest_of_sentence):
        return True
    following = next_sentence.strip()
    if not following:
        return False
    if _EXPLAINS.search(following):
        return True
    words = {canonical(word).casefold(), entry.term.casefold()}
    lowered = following.casefold()
    return any(re.search(rf"\b{re.escape(each)}", lowered) for each in words)


# Ways a text says what a word means where it uses it, without making it bold.
# "A personal budget is the money ...", "Direct payments are ...", "Dysphagia means ...":
_DEFINED_BY_SENTENCE = re.compile(
    r"^['’\"]?(?:\s*\([^)]*\))?\s+(?:means\b|(?:is|are)\s+(?:(?:a|an|the|when|where|what|how"
    r"|if|someone|somebody|something|people|money|things|places|ways?|words?)\b|(?P<more>\S.*)))",
    re.IGNORECASE,
)
_SUBJECT_START = re.compile(
    r"^\W*(?:(?:a|an|the|your|our|their|being)\s+(?:[a-z]+\s+)?)?$", re.IGNORECASE
)
# "... this cost is known as your personal budget", "(also known as sectioned)",
# "this is called a hospital passport":
_NAMED_AFTER = re.compile(
    r"\b(?:known as|called|named)\s+['’‘\"“]?(?:(?:a|an|the|your|our|their)\s+)?$", re.IGNORECASE
)
# "pay someone (a personal assistant) to ...": the words before say what it is.
_IN_BRACKETS_AFTER_WORDS = re.compile(r"\w[\w,]*\s+\(\s*(?:(?:a|an|the)\s+)?$", re.IGNORECASE)
# "reasonable adjustments (small things that make a stay better)", "the vaccine (jab)": a
# bracket of plain words straight after the word, or after a few more words of its phrase.
_BRACKET_SOON_AFTER = re.compile(r"^['’\"]?(?:\s+[\w'’-]+){0,3}\s*\(\s*[a-z][^()]{2,}\)")
# "An advocate helps you ...", "Advocacy services can help you ...": what it does for you.
_HELPS = re.compile(
    r"^['’\"]?(?:\s+[a-z]+){0,2}\s+(?:helps?|can help|is there to|are there to|looks after"
    r"|is someone who|is a person who|are people who)\b",
    re.IGNORECASE,
)
# "dysphagia, which means ...", "sectioned - this means ...":
_MEANS_SOON_AFTER = re.compile(
    r"^['’\"]?\s*[,–—-]?\s*(?:which|this|that|it)\s+means\b", re.IGNORECASE
)
# A list of words with what they mean: "Advocate - someone who helps you speak up",
# "Neglect: when people do not look after you".
_WORD_LIST_ENTRY = re.compile(r"^['’\"]?\s*(?:[-–—:]|\s[-–—])\s*\w+\s+\w+")
_NEXT_SENTENCE_EXPLAINS = re.compile(r"^(?:this|that|it)\s+(?:means|is when|is where)\b", re.I)


# How much text around a word the explanation patterns look at: a huge "sentence" (a pasted
# table) must not make every look-up read all of it.
_WINDOW = 160


def explained_at(text: str, start: int, end: int, next_sentence: str) -> bool:
    """explained_where_used for the word text[start:end], looking only at the text near it."""
    before = text[max(0, start - _WINDOW) : start]
    if start > _WINDOW:
        before = "x " + before  # not the start of the sentence, whatever the window holds
    return explained_where_used(before, text[end : end + _WINDOW], next_sentence, text[start:end])


def explained_where_used(before: str, after: str, next_sentence: str, word: str = "") -> bool:
    """True if the sentence around a word (`before` it and `after` it), or the sentence that
    follows, says what the word means in one of the usual ways: "A personal budget is ...",
    "... is known as a personal budget", "someone (a personal assistant)", "reasonable
    adjustments (small changes ...)", "the vaccine (jab)", "An advocate helps you ...",
    "..., which means ...", a list of words ("Advocate - someone who ..."), or "This means ..."
    next.
    "Direct payments are cash payments" counts (the word's last part comes back soon after);
    "Advocates are free" does not."""
    defined = _SUBJECT_START.match(before) and _DEFINED_BY_SENTENCE.match(after)
    if defined and (defined.group("more") is None or _names_it_again(word, defined.group("more"))):
        return True
    if _NAMED_AFTER.search(before) or (
        _IN_BRACKETS_AFTER_WORDS.search(before) and after.lstrip().startswith(")")
    ):
        return True
    if _BRACKET_SOON_AFTER.match(after) or _MEANS_SOON_AFTER.match(after):
        return True
    if _SUBJECT_START.match(before) and _HELPS.match(after):
        return True
    if not before.strip() and _WORD_LIST_ENTRY.match(after):
        return True
    return bool(_NEXT_SENTENCE_EXPLAINS.match(next_sentence.strip()))


def _names_it_again(word: str, text: str) -> bool:
    """True if the last word of `word` (without a plural -s) is among the first words of text."""
    parts = word.lower().split()
    if not parts:
        return False
    head = parts[-1].rstrip("s")
    return len(head) >= 3 and any(
        each.lower().startswith(head) for each in re.findall(r"[\w'’-]+", text)[:4]
    )
