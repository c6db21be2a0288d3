"""On a phone the picture stays beside its text and a phone number can be tapped (issue 13,
part 6). The rows are measured in Debian's chromium (tests/axe/rows.js) at 1280 and 360 px."""

from __future__ import annotations

import json
import re
import subprocess
from pathlib import Path

import pytest
from test_html_axe import AXE_DIR, _browser

from easyread.writers.html import RunView, _with_phone_links

WIDTHS = (1280, 360)


def _rows(page: Path) -> list[dict]:
    chromium = _browser()
    arguments = ["node", str(AXE_DIR / "rows.js"), str(page)]
    for width in WIDTHS:
        arguments += ["--width", str(width)]
    result = subprocess.run(
        arguments, capture_output=True, text=True, timeout=180, env={"CHROMIUM": chromium}
    )
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)


@pytest.mark.slow
def test_each_picture_is_beside_its_text_and_closer_to_it_than_to_the_next_row(
    built_sample,
) -> None:
    page = next(output.path for output in built_sample.outputs if output.format == "html")
    for measured in _rows(page):
        width, rows = measured["width"], measured["rows"]
        assert measured["scrollWidth"] <= width, f"{width} px: the page scrolls sideways"
        with_pictures = [row for row in rows if row["picture"] is not None]
        assert len(with_pictures) > 60
        for row in with_pictures:
            picture, text = row["picture"], row["text"]
            assert picture["right"] <= text["left"], (
                f"{width} px: a picture is not left of its text"
            )
            assert picture["top"] < text["bottom"] and text["top"] < picture["bottom"], width
        if width == 360:
            inside = max(row["text"]["left"] - row["picture"]["right"] for row in with_pictures)
            between = min(
                min(after["text"]["top"], after["picture"]["top"] if after["picture"] else 1e9)
                - max(before["text"]["bottom"], before["picture"]["bottom"])
                for before, after in zip(with_pictures, with_pictures[1:], strict=False)
                if after["row"]["top"] > before["row"]["top"]
            )
            assert between >= 2 * inside, (inside, between)


def test_the_contact_phone_number_is_a_tel_link(built_sample) -> None:
    page = next(output.path for output in built_sample.outputs if output.format == "html")
    html = page.read_text(encoding="utf-8")
    assert '<a href="tel:03000000000">0300 000 0000</a>' in html
    assert '<a href="tel:999">999</a>' in html  # 'call 999 straight away' in the sample


@pytest.mark.parametrize(
    ("text", "links"),
    [
        ("If you see these signs, call 999 straight away.", ["tel:999"]),
        ("Phone us on 0300 000 0000 today.", ["tel:03000000000"]),
        ("Call NHS 111 if you are worried.", ["tel:111"]),
        ("Ring +44 300 000 0000.", ["tel:+443000000000"]),
        ("We call 100 people every year.", []),
        ("We call this learning into action.", []),
    ],
)
def test_only_numbers_the_text_asks_you_to_call_become_links(text: str, links: list[str]) -> None:
    pieces = _with_phone_links(RunView(text))
    assert [piece.href for piece in pieces if piece.href] == links
    assert "".join(piece.text for piece in pieces) == text
    assert all(re.fullmatch(r"tel:\+?\d+", link) for link in links)
