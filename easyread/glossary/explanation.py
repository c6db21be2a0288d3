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
