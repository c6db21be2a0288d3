"""The quick way through plain inline text gives exactly the tokens markdown-it's own inline
parser gives: on every Markdown file in the project, and on generated text."""

from __future__ import annotations

import random
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from markdown_it.rules_core import inline as markdown_it_inline
from markdown_it.token import Token

from easyread.reader import markdown
from easyread.reader.plain_inline import parse_inlines, plain_children

ROOT = Path(__file__).resolve().parent.parent
PIECES = [
    "# ", "## ", "###### ", "**", "*", "_", "~~", "![a](b.png)", "![A picture](pictures/p1.png)",
    "![](x.png)", "![a b](c d.png)", "![x](javascript:alert(1))", "![é](ü.png)", "![a](<b c>)",
    '![a](b "t")', "![a](b)c", "[link](http://x)", "[^1]", "[^1]: a note\n", "- ", "1. ", "> ",
    "`", "```\n", "<!-- x -->", "<b>", "&amp;", "&", "\\", "\n", "\n\n", " ", "  ", "\t",
    "    ", "e.g. ", "25%", "A&E", "6/8/18", ": ", "-", "=", "---\n", "| a | b |\n|---|---|\n",
    "title: x\n", "Wörd", "日本", "#", "+", "@", "^", "{", "}", "$", "'", '"', "(", ")",
]  # fmt: skip
PLAIN = "abcXYZ éü日 .,:;-%#+=@^{}$'\"?()/0123456789"


@contextmanager
def reference_inline() -> Iterator[None]:
    """markdown-it's own core inline rule in easyread's parser, for as long as the block."""
    ruler = markdown._PARSER.core.ruler
    ruler.at("inline", markdown_it_inline)
    try:
        yield
    finally:
        ruler.at("inline", parse_inlines)


def both_ways(text: str) -> tuple[list[Token] | str, list[Token] | str]:
    quick = _tokens(text)
    with reference_inline():
        reference = _tokens(text)
    return quick, reference


def _tokens(text: str) -> list[Token] | str:
    """The tokens, or the name of the error (the test data nests some lists too deep for
    markdown-it; the reader turns that into a message for the author)."""
    try:
        return markdown._PARSER.parse(text)
    except RecursionError:
        return "RecursionError"


def _markdown_files() -> list[Path]:
    folders = [ROOT / "tests", ROOT / "samples", ROOT / "templates", ROOT / "docs"]
    return sorted(path for folder in folders for path in folder.rglob("*.md"))


def test_every_markdown_file_of_the_project_gives_the_same_tokens() -> None:
    files = _markdown_files()
    assert len(files) > 50
    for path in files:
        try:
            text = path.read_text(encoding="utf-8")
        except UnicodeDecodeError:
            continue  # the test data that is not UTF-8 on purpose
        quick, reference = both_ways(text)
        assert quick == reference, path


def _plain_report(rng: random.Random) -> str:
    blocks = []
    for _ in range(rng.randint(1, 8)):
        picture = rng.choice(["", "", "![A picture](pictures/p.png)", "![a b](c.png) ", "![](x)\n"])
        marker = rng.choice(["", "", "- ", "1. ", "> ", "# ", "## ", "   ", "| "])
        lines = [
            "".join(rng.choice(PLAIN + "  ") for _ in range(rng.randint(0, 30)))
            for _ in range(rng.randint(1, 3))
        ]
        blocks.append(marker + picture + "\n".join(lines))
    return rng.choice(["\n", "\n\n"]).join(blocks) + rng.choice(["", "\n"])


@pytest.mark.parametrize("seed", range(3))
def test_generated_plain_reports_give_the_same_tokens_and_take_the_quick_way(seed: int) -> None:
    rng = random.Random(seed)
    quick_ones = 0
    for _ in range(300):
        text = _plain_report(rng)
        quick, reference = both_ways(text)
        assert quick == reference, repr(text)
        assert not isinstance(reference, str)
        for token in reference:
            if token.type == "inline" and plain_children(token.content, markdown._PARSER):
                quick_ones += 1
    assert quick_ones > 300  # the quick way is taken, not only the fallback


markdownish = st.lists(
    st.one_of(st.sampled_from(PIECES), st.text(alphabet=PLAIN + "\n *_[]!<>&`\\", max_size=8)),
    max_size=40,
).map("".join)


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(markdownish)
def test_any_markdownish_text_gives_the_same_tokens(text: str) -> None:
    quick, reference = both_ways(text)
    assert quick == reference


def test_a_point_with_a_picture_and_plain_lines_is_made_the_quick_way() -> None:
    content = "![A doctor](pictures/doctor.png)\nGo to your health check.\nIt is free."
    tokens = plain_children(content, markdown._PARSER)
    assert tokens is not None
    assert [token.type for token in tokens] == ["image", "softbreak", "text", "softbreak", "text"]
    assert tokens[0].attrs == {"src": "pictures/doctor.png", "alt": ""}
    for special in ("**bold**", "a\\*", "A&amp;E", "`code`", "line  \nbreak", "[link](x)"):
        assert plain_children(special, markdown._PARSER) is None, special
