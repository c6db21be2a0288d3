"""The running section title at the top of each DOCX page that goes on with a section.

The PDF names, at the top of a page, the section whose rows the page opens with, and nothing on
a page that opens with a section title. The DOCX does the same with one header for the whole
document (the cover keeps its own empty first-page header) and a field that the word processor
works out again for every page, because only the word processor knows where its pages break:

- Word: a STYLEREF field to the hidden character style "Running title". At the end of each row
  of a section a hidden mark in that style holds the section's title; the section's first row,
  which always shares a page with the section's title (the title keeps with it), holds an empty
  mark (a zero-width space). In a header, STYLEREF shows the first text in the style on the page,
  else the last one before the page: a page that opens with rows of a section names that section,
  and a page that opens with a section title finds the empty mark first.
- LibreOffice (7.4) does not work out STYLEREF: it shows the result stored in the file on every
  page. It does read Word's SET fields as variables, and a REF to the variable in a header shows
  the value the variable has where the page's text begins. So each section title sets the
  variable to nothing and each row sets it to the section's title, as the PDF's style sheet does.
- One field serves both: IF 1 = 1 "{STYLEREF}" "{REF}". Word shows the first branch. LibreOffice
  7.4 does not read IF: it shows the fields inside, the STYLEREF with its stored result (empty, so
  nothing) and the REF.

Screen readers in Word and LibreOffice read the document's text, not its headers (DOCX has no
artifact tag as PDF has); hidden text is neither shown, printed nor read out.
"""

from __future__ import annotations

import re

from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.text.paragraph import Paragraph

RUNNING_TITLE_STYLE = "Running title"
RUNNING_TITLE_STYLE_ID = "RunningTitle"
VARIABLE = "_er_section"  # "_": Word keeps bookmarks with such names out of its list
EMPTY_MARKER = "\u200b"  # zero-width space: STYLEREF finds it, and shows nothing


def add_running_title(paragraph: Paragraph) -> None:
    """The header field: Word's STYLEREF, with LibreOffice's REF to the variable beside it."""
    parts = [
        _field_char("begin"),
        _instruction(' IF 1 = 1 "'),
        *_field(f' STYLEREF "{RUNNING_TITLE_STYLE}" \\* CHARFORMAT '),
        _instruction('" "'),
        *_field(f" REF {VARIABLE} "),
        _instruction('" '),
        _field_char("separate"),
        _field_char("end"),
    ]
    for part in parts:
        paragraph._p.append(part)


def start_section(paragraph: Paragraph) -> None:
    """At a section's title the variable is emptied: LibreOffice names nothing on a page that
    opens here. (For Word, the section's first row carries the empty marker: see mark_row.)"""
    for part in _field(f' SET {VARIABLE} "" '):
        paragraph._p.append(part)


def mark_row(paragraph: Paragraph, title: str, *, first: bool = False) -> None:
    """The end of a row of the section `title` (empty: a part whose pages name no section).

    LibreOffice takes the value the variable has where a page's first row begins, which is
    before this mark at the end of the row: so a page that opens with a row is named by the
    row before it, and every row sets the title (the section's title sets it to nothing for
    its first row). Word takes the first marker on the page: the first row of a section stays
    on the page of the section's title (the title keeps with it), so its marker is empty and a
    page that opens with a section title names nothing."""
    text = field_text(title)
    for part in _field(f' SET {VARIABLE} "{text}" '):
        paragraph._p.append(part)
    paragraph._p.append(_hidden_marker(EMPTY_MARKER if first or not text else text))


def field_text(title: str) -> str:
    """The title as both word processors read it inside a field's quotes. LibreOffice 7.4 ends
    the text at a straight double quote or a backslash, escaped or not (tried: a title with
    either showed only its first word), so quotes become curly ones and a backslash a slash."""
    text = re.sub(r'"([^"]*)"', "\u201c\\1\u201d", title)
    return " ".join(text.replace('"', "\u201d").replace("\\", "/").split())


def _field(instruction: str) -> list:
    """A field with no stored result: begin, instruction, separate, end."""
    return [
        _field_char("begin"),
        _instruction(instruction),
        _field_char("separate"),
        _field_char("end"),
    ]


def _hidden_marker(text: str):  # noqa: ANN202 - an lxml element
    run = OxmlElement("w:r")
    properties = OxmlElement("w:rPr")
    style = OxmlElement("w:rStyle")
    style.set(qn("w:val"), RUNNING_TITLE_STYLE_ID)
    properties.append(style)
    properties.append(OxmlElement("w:vanish"))  # also on the run: readers that skip styles
    run.append(properties)
    words = OxmlElement("w:t")
    words.set(qn("xml:space"), "preserve")
    words.text = text
    run.append(words)
    return run


def _field_char(kind: str):  # noqa: ANN202 - an lxml element
    run = OxmlElement("w:r")
    char = OxmlElement("w:fldChar")
    char.set(qn("w:fldCharType"), kind)
    run.append(char)
    return run


def _instruction(text: str):  # noqa: ANN202 - an lxml element
    run = OxmlElement("w:r")
    instruction = OxmlElement("w:instrText")
    instruction.set(qn("xml:space"), "preserve")
    instruction.text = text
    run.append(instruction)
    return run
