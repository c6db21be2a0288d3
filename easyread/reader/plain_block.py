"""A quicker way through markdown-it for the commonest kind of file: headings and paragraphs.

markdown-it-py's block parser tries about a dozen rules at the start of every line (tables,
lists, quotes, code, HTML...), and then again at every line of a paragraph to see whether one of
them ends it. Most section files are only '#' headings, paragraphs and blank lines, and for
those its tokens are always the same. `parse_blocks` replaces markdown-it's core "block" rule:
it makes those tokens itself when every line of the file is that simple, and hands the whole file
to markdown-it's own block parser otherwise. Tests compare the two token streams on every
Markdown file in the project and on generated text; they must be equal, field for field.

"Simple" is decided for the whole file and on the safe side. Every line must be one of:
- blank (spaces only);
- an ATX heading written at the start of the line ('#' to '######', then a space or the end);
- a line that starts with a letter, a digit or '!' and is not an ordered list marker
  ("1. ", "2) "): no block rule can start there, and none can end a paragraph there.
A tab or a NUL anywhere, or any other line (indented, '-', '>', '|', '[', '<', '`', ...), sends
the whole file to markdown-it.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from markdown_it.common.utils import mdTrim
from markdown_it.token import Token

if TYPE_CHECKING:
    from markdown_it.rules_core import StateCore

# A line that is none of the three simple kinds, or a tab or NUL anywhere.
_NOT_SIMPLE = re.compile(
    r"[\t\x00]"
    r"|^(?![ ]*$)(?!#{1,6}(?: |$))(?![^\W_]|!)"  # not blank, not a heading, not a word or '!'
    r"|^[0-9]+[.)](?:\s|$)",  # an ordered list marker
    re.MULTILINE,
)


def parse_blocks(state: StateCore) -> None:
    """markdown-it's core "block" rule, with simple files made without its block parser."""
    if state.inlineMode:
        token = Token("inline", "", 0)
        token.content = state.src
        token.map = [0, 1]
        token.children = []
        state.tokens.append(token)
        return
    simple = simple_block_tokens(state.src)
    if simple is None:
        state.md.block.parse(state.src, state.md, state.env, state.tokens)
    else:
        state.tokens.extend(simple)


def simple_block_tokens(src: str) -> list[Token] | None:
    """The block tokens of `src` if every line is simple (see the module docstring), as
    markdown-it's block parser would make them; None if it is not that simple."""
    if _NOT_SIMPLE.search(src) is not None:
        return None
    tokens: list[Token] = []
    lines = src.split("\n")
    if lines and lines[-1] == "" and src:
        lines.pop()  # the end of the last line, not a line of its own
    start = -1  # the first line of the paragraph being read, or -1
    for number, line in enumerate(lines):
        if line.startswith("#"):
            if start >= 0:
                _paragraph(tokens, lines, start, number)
                start = -1
            _heading(tokens, line, number)
        elif not line or line.isspace():  # spaces only: no tab gets here
            if start >= 0:
                _paragraph(tokens, lines, start, number)
                start = -1
        elif start < 0:
            start = number
    if start >= 0:
        _paragraph(tokens, lines, start, len(lines))
    return tokens


def _paragraph(tokens: list[Token], lines: list[str], start: int, end: int) -> None:
    opening = Token("paragraph_open", "p", 1)
    opening.map = [start, end]
    opening.block = True
    inline = Token("inline", "", 0)
    inline.content = mdTrim("\n".join(lines[start:end]))
    inline.map = [start, end]
    inline.level = 1
    inline.children = []
    inline.block = True
    closing = Token("paragraph_close", "p", -1)
    closing.block = True
    tokens += (opening, inline, closing)


def _heading(tokens: list[Token], line: str, number: int) -> None:
    level = len(line) - len(line.lstrip("#"))
    end = len(line.rstrip(" "))
    before_marks = len(line[:end].rstrip("#"))
    if level < before_marks < end and line[before_marks - 1] == " ":
        end = before_marks  # closing marks ('## Title ##') are not part of the title
    tag, markup = f"h{level}", "#" * level
    opening = Token("heading_open", tag, 1)
    opening.markup = markup
    opening.map = [number, number + 1]
    opening.block = True
    inline = Token("inline", "", 0)
    inline.content = mdTrim(line[level:end])
    inline.map = [number, number + 1]
    inline.level = 1
    inline.children = []
    inline.block = True
    closing = Token("heading_close", tag, -1)
    closing.markup = markup
    closing.block = True
    tokens += (opening, inline, closing)
