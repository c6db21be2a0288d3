"""Fingerprints of section and point text, so a review can tell what changed since.

A fingerprint is the SHA-256 of the text after normalising what a reader cannot see: line
endings, how lines are wrapped inside a paragraph, trailing spaces, Unicode composition and
HTML comments (lint switches). Anything a reader sees, including a picture's file or its
words, changes the fingerprint.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata

from easyread.model import Point, Section

PREFIX = "sha256:"
_COMMENT = re.compile(r"<!--.*?-->", re.DOTALL)
_BLANK_LINES = re.compile(r"\n\s*\n")


def normalise_text(text: str) -> str:
    """The text as a reader would see it: paragraphs kept, wrapping and comments dropped."""
    text = unicodedata.normalize("NFC", text.replace("\r\n", "\n").replace("\r", "\n"))
    text = _COMMENT.sub("", text)
    paragraphs = (" ".join(part.split()) for part in _BLANK_LINES.split(text))
    return "\n\n".join(paragraph for paragraph in paragraphs if paragraph)


def fingerprint_text(text: str) -> str:
    digest = hashlib.sha256(normalise_text(text).encode("utf-8")).hexdigest()
    return PREFIX + digest


def section_fingerprint(section: Section) -> str:
    return fingerprint_text(section.text)


def point_signature(point: Point) -> str:
    """What a reviewer saw of one point: its words and its picture."""
    picture = f"\n[{point.picture.alt}]({point.picture.src})" if point.picture else ""
    return point.text + picture


def point_fingerprint(point: Point) -> str:
    """A short fingerprint of one point, enough to find it again after renumbering."""
    digest = hashlib.sha256(normalise_text(point_signature(point)).encode("utf-8"))
    return digest.hexdigest()[:16]
