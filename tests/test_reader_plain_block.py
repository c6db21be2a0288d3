"""The quick way through files of plain headings and paragraphs gives exactly the block tokens
markdown-it's own block parser gives: on every Markdown file in the project, on generated
reports and on any Markdown-like text."""

from __future__ import annotations

import random
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from markdown_it.rules_core import block as markdown_it_block
from markdown_it.rules_core import inline as markdown_it_inline
from markdown_it.token import Token

from easyread.errors import SourceError
from easyread.model import Section
from easyread.reader import markdown
from easyread.reader.plain_block import parse_blocks, simple_block_tokens
from easyread.reader.plain_inline import parse_inlines

ROOT = Path(__file__).resolve().parent.parent
# Line starts that are simple, and ones that must send a file to markdown-it.
SIMPLE_STARTS = [
    "", "", "We ", "Go ", "7 ", "25% ", "2026 ", "12,345 ", "é", "日本 ", "![a](b.png) ",
    "![ A  doc ](pictures/d.png)", "![a (b)](ü.png) x", "![](x.png)", "![a (b)](b.png)b",
]  # fmt: skip
OTHER_STARTS = [
    "- ", "* ", "+ ", "1. ", "2) ", "12. ", "> ", "    ", "   ", "| ", "[a]: /x", "[^1]: n",
    "<div>", "<!-- c -->", "```", "~~~", "---", "***", "___", "===", "#x", "####### x", "\t",
    ": ", "_a", "`", "\\", "&amp;", "\u00a0", "\x0b",
]  # fmt: skip
HEADINGS = ["# ", "## ", "###### ", "#", "# Title #", "## a ##  ", "# ##", "# a#", "#  Two  "]
WORDS = "We met the doctor. It was good! Part II of 6/8/18 e.g. A&E 25% etc. (x) é 日本 #"


@contextmanager
def reference_block() -> Iterator[None]:
    """markdown-it's own core block rule in easyread's parser, for as long as the block."""
    ruler = markdown._PARSER.core.ruler
    ruler.at("block", markdown_it_block)
    try:
        yield
    finally:
        ruler.at("block", parse_blocks)


@contextmanager
def reference_inline() -> Iterator[None]:
    """markdown-it's own core inline rule too."""
    ruler = markdown._PARSER.core.ruler
    ruler.at("inline", markdown_it_inline)
    try:
        yield
    finally:
        ruler.at("inline", parse_inlines)


def both_ways(text: str) -> tuple[list[Token] | str, list[Token] | str]:
    quick = _tokens(text)
    with reference_block():
        reference = _tokens(text)
    return quick, reference


def _tokens(text: str) -> list[Token] | str:
    try:
        return markdown._PARSER.parse(text)
    except RecursionError:  # some test data nests lists deeper than markdown-it can go
        return "RecursionError"


def _markdown_files() -> list[Path]:
    folders = [ROOT / "tests", ROOT / "samples", ROOT / "templates", ROOT / "docs"]
    return sorted(path for folder in folders for path in folder.rglob("*.md"))


def test_every_markdown_file_of_the_project_gives_the_same_tokens() -> None:
    files = _markdown_files()
    assert len(files) > 50
    quick_files = 0
    for path in files:
        try:
            text = path.read_text(encoding="utf-8")
        except UnicodeDecodeError:
            continue  # the test data that is not UTF-8 on purpose
        quick, reference = both_ways(text)
        assert quick == reference, path
        quick_files += simple_block_tokens(text) is not None
    assert quick_files >= 5  # the quick way is taken on real files, not only the fallback


def _line(rng: random.Random, starts: list[str]) -> str:
    if rng.random() < 0.15:
        return rng.choice(["", "", "  ", " "])  # a blank line
    if rng.random() < 0.1:
        return rng.choice(HEADINGS) + "".join(rng.sample(WORDS.split(), 3))
    words = " ".join(rng.choice(WORDS.split()) for _ in range(rng.randint(0, 8)))
    return rng.choice(starts) + words + rng.choice(["", "", " ", "  ", " #"])


@pytest.mark.parametrize("seed", range(3))
def test_generated_reports_give_the_same_tokens(seed: int) -> None:
    rng = random.Random(seed)
    quick_ones = 0
    for _ in range(300):
        starts = SIMPLE_STARTS if rng.random() < 0.7 else SIMPLE_STARTS + OTHER_STARTS
        lines = [_line(rng, starts) for _ in range(rng.randint(0, 12))]
        text = "\n".join(lines) + rng.choice(["", "\n", "\n\n", "\n  "])
        quick, reference = both_ways(text)
        assert quick == reference, repr(text)
        quick_ones += simple_block_tokens(text) is not None
    assert quick_ones > 150  # most take the quick way


@pytest.mark.parametrize("start", OTHER_STARTS)
def test_a_line_that_may_start_a_block_sends_the_file_to_markdown_it(start: str) -> None:
    text = f"# Title\n\nWe met.\n{start}words\n"
    assert simple_block_tokens(text) is None
    quick, reference = both_ways(text)
    assert quick == reference


markdownish = st.lists(
    st.one_of(
        st.sampled_from(SIMPLE_STARTS + OTHER_STARTS + HEADINGS + ["\n", "\n\n", " ", "a"]),
        st.text(alphabet="ab #!1.)-\n\t ", max_size=6),
    ),
    max_size=30,
).map("".join)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(markdownish)
def test_any_markdownish_text_gives_the_same_tokens(text: str) -> None:
    quick, reference = both_ways(text)
    assert quick == reference


def _reference_section(path: Path, text: str, number: int) -> Section:
    """The section as markdown-it's own block and inline rules and the token builder make it."""
    with reference_block(), reference_inline():
        builder = markdown._SectionBuilder(path, text, number)
        builder.build(markdown._tokens(path, text))
        return builder.finish()


def _quick_section(path: Path, text: str, number: int) -> Section | str:
    try:
        return markdown.parse_section(path, text, number)
    except SourceError as error:  # refused before parsing (hidden characters, long words)
        return error.message


def test_every_markdown_file_of_the_project_reads_into_the_same_model() -> None:
    quick_files = 0
    for path in _markdown_files():
        try:
            text = path.read_text(encoding="utf-8").replace("\r\n", "\n").replace("\r", "\n")
        except UnicodeDecodeError:
            continue
        quick = _quick_section(path, text, 3)
        if isinstance(quick, str) or simple_block_tokens(text) is None:
            continue  # markdown-it's tokens: the same builder either way
        quick_files += 1
        assert quick == _reference_section(path, text, 3), path
    assert quick_files >= 5


@pytest.mark.parametrize("seed", range(3))
def test_generated_reports_read_into_the_same_model(seed: int) -> None:
    rng = random.Random(seed)
    checked = 0
    for _ in range(200):
        lines = [_line(rng, SIMPLE_STARTS) for _ in range(rng.randint(0, 12))]
        for at in range(len(lines)):  # what plain_inline sends to markdown-it's inline rules
            if rng.random() < 0.1:
                lines[at] += rng.choice([" **bold**", " A&E", " `x`", " [a](b)", " ![a](b.png)"])
        text = "\n".join(lines) + rng.choice(["", "\n", "\n\n"])
        quick = _quick_section(Path("s.md"), text, 2)
        if isinstance(quick, str):
            continue
        assert quick == _reference_section(Path("s.md"), text, 2), repr(text)
        checked += simple_block_tokens(text) is not None
    assert checked > 100


def test_a_plain_point_is_the_same_in_every_field() -> None:
    text = "# Title ##\n\n![A doctor](pictures/doc.png) Go to your check.\nIt is free.\n"
    quick = markdown.parse_section(Path("a.md"), text, 1)
    assert quick == _reference_section(Path("a.md"), text, 1)
    point = quick.blocks[0]
    assert point.picture is not None and point.picture.source.column == 1
    assert [sentence.text for sentence in point.sentences] == ["Go to your check.", "It is free."]
    assert point.sentences[1].source.line == 4
