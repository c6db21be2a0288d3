"""A quicker way through markdown-it for the commonest inline text: plain lines of words.

markdown-it-py runs its inline rules over every paragraph, heading and table cell, one
character class at a time. Most Easy Read points are a picture and a few lines of plain words,
and for those the tokens it makes are always the same: the picture, then one text token per line
with a soft break between lines. `parse_inlines` replaces markdown-it's core "inline" rule: it
makes those tokens itself when the text is that simple, and hands everything else to
markdown-it's own inline parser. Tests compare the two token streams on every Markdown file in
the project and on generated text; they must be equal, field for field.

"Plain" is decided on the safe side: no character at which any inline rule could start
(backslash, backtick, *, _, ~, [, ], !, <, >, &), no tab, and no space beside a line break (two
spaces make a hard break, and markdown-it drops the others). A picture at the very start is
made here only in its simplest form, `![words](path)`, with nothing in the words or the path
that a rule could read another way, and only if markdown-it would accept its address.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from markdown_it.token import Token

if TYPE_CHECKING:
    from markdown_it import MarkdownIt
    from markdown_it.rules_core import StateCore

_NOT_PLAIN = re.compile(r"[\\`*_~\[\]!<>&\t]| \n|\n ")
_SIMPLE_PICTURE = re.compile(r"!\[([^\[\]\\`*_~!<>&\n]*)\]\(([^()\\<>`\x00-\x20\x7f\s]+)\)")
# Picture addresses as markdown-it writes them (it encodes them, which takes a while), for the
# addresses seen so far. A report uses each of its pictures many times.
_HREFS: dict[tuple[int, str], str] = {}
_MAX_HREFS = 10_000


def parse_inlines(state: StateCore) -> None:
    """markdown-it's core "inline" rule, with plain text made without its inline parser."""
    md = state.md
    for token in state.tokens:
        if token.type != "inline":
            continue
        if token.children is None:
            token.children = []
        plain = plain_children(token.content, md)
        if plain is None:
            md.inline.parse(token.content, md, state.env, token.children)
        else:
            token.children.extend(plain)


def plain_children(content: str, md: MarkdownIt) -> list[Token] | None:
    """The inline tokens of `content` if it is plain text (maybe after a simple picture), as
    markdown-it's inline parser would make them; None if it is not that simple."""
    parts = plain_parts(content, md)
    if parts is None:
        return None
    picture, rest = parts
    children: list[Token] = []
    if picture is not None:
        alt, href = picture
        image = Token("image", "img", 0)
        image.attrs = {"src": href, "alt": ""}
        image.content = alt
        image.children = _lines(alt) or None
        children.append(image)
    children.extend(_lines(rest))
    return children


def plain_parts(content: str, md: MarkdownIt) -> tuple[tuple[str, str] | None, str] | None:
    """((alt, address as markdown-it stores it) of the picture it starts with, or None; the
    plain text after it) if `content` is that simple; None if it is not. The text's tokens are
    a text token per line that has text, with a soft break between lines."""
    picture: tuple[str, str] | None = None
    rest = content
    if content.startswith("!["):
        found = _SIMPLE_PICTURE.match(content)
        if found is None:
            return None
        alt, address = found.groups()
        href = _href(address, md)
        if not href:
            return None  # an address markdown-it refuses: it leaves the text as it is
        picture, rest = (alt, href), content[found.end() :]
    if _NOT_PLAIN.search(rest) is not None:
        return None
    return picture, rest


def _href(address: str, md: MarkdownIt) -> str:
    """The address as markdown-it's image rule stores it, or "" if it would refuse it."""
    key = (id(md), address)
    href = _HREFS.get(key)
    if href is None:
        href = md.normalizeLink(address)
        if not md.validateLink(href):
            href = ""
        if len(_HREFS) < _MAX_HREFS:
            _HREFS[key] = href
    return href


def _lines(text: str) -> list[Token]:
    """A text token for each line that has text, and a soft break between lines."""
    tokens: list[Token] = []
    lines = text.split("\n")
    last = len(lines) - 1
    for number, line in enumerate(lines):
        if line:
            token = Token("text", "", 0)
            token.content = line
            tokens.append(token)
        if number < last:
            tokens.append(Token("softbreak", "br", 0))
    return tokens
