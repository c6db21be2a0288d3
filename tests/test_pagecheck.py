"""The build reads its own PDF back: text size, contrast, pictures, pages and split points.

Every figure is read from a PDF WeasyPrint really made, with pikepdf (and pdfplumber for words).
"""

from __future__ import annotations

import base64
import io
import json
from pathlib import Path

import pdfplumber
import pytest
from PIL import Image

from easyread.writers.pagecheck import PageCheckSettings, check_pdf, contrast_ratio
from easyread.writers.render import SandboxFetcher, render_pdf


def _png_uri(pixels: int) -> str:
    buffer = io.BytesIO()
    Image.new("RGB", (pixels, pixels), (200, 40, 40)).save(buffer, "PNG")
    return "data:image/png;base64," + base64.b64encode(buffer.getvalue()).decode("ascii")


def _pdf(tmp_path: Path, body: str, name: str = "page.pdf") -> Path:
    html = (
        "<!DOCTYPE html><html lang='en'><head><title>t</title><style>"
        "@page { size: A4; margin: 20mm } body { font: 16pt sans-serif; color: #1a1a1a }"
        ".point { display: flow-root; margin-bottom: 1em } .pic { float: left; width: 45mm }"
        ".pic img { width: 45mm; display: block } .text { margin-left: 53mm }"
        "</style></head><body><h1>Cover</h1><section style='break-before: page'>"
        f"<h1>Part one</h1>{body}</section>"
        "</body></html>"
    )
    pdf_bytes, _ = render_pdf(html, SandboxFetcher([], []), base_url=tmp_path.as_uri())
    path = tmp_path / name
    path.write_bytes(pdf_bytes)
    return path


def _point(text: str, picture: str, style: str = "") -> str:
    return (
        f"<div class='point'><div class='pic'><img src='{picture}' alt='a box'></div>"
        f"<p class='text' style='{style}'>{text}</p></div>"
    )


def _two_pages(body: str) -> str:
    return f"<div style='break-before: page'>{body}</div>"


def test_contrast_ratio_follows_wcag() -> None:
    assert contrast_ratio((0, 0, 0), (1, 1, 1)) == pytest.approx(21.0)
    grey = 0x77 / 255
    assert contrast_ratio((grey, grey, grey), (1, 1, 1)) == pytest.approx(4.48, abs=0.01)


@pytest.mark.slow
def test_the_sample_meets_every_figure(built_sample) -> None:
    check = built_sample.page_check
    pdf = next(output for output in built_sample.outputs if output.format == "pdf")
    with pdfplumber.open(pdf.path) as reader:
        pages = len(reader.pages)
        sizes = {round(char["size"], 1) for page in reader.pages for char in page.chars}
        pictures = sum(len(page.images) for page in reader.pages[1:])
    assert check.pages == pages
    assert round(check.smallest_text_pt, 1) == min(sizes) == 16.0
    assert check.lowest_contrast >= 7.0
    assert check.pictures == pictures and check.pictures_beside_text == pictures
    covered = {
        page
        for section in check.sections
        for page in range(section.first_page, section.first_page + section.pages)
    }
    assert covered == set(range(1, pages + 1))
    assert check.sections[0].first_page == 1
    assert check.split_points == [] and check.problems == []
    assert any(note.startswith("Page check: ") for note in built_sample.notes)


def test_small_pale_text_and_a_soft_picture_are_problems(tmp_path: Path) -> None:
    picture = _png_uri(150)  # 150 px over 45 mm: about 85 pixels per inch
    body = _point("Grey words.", picture, "color: #999999; font-size: 10pt")
    check = check_pdf(_pdf(tmp_path, body))
    assert check.smallest_text_pt == pytest.approx(10.0, abs=0.05)
    assert check.lowest_contrast == pytest.approx(contrast_ratio((0.6,) * 3, (1,) * 3), abs=0.05)
    assert check.lowest_picture_ppi == pytest.approx(150 / (45 / 25.4), abs=1)
    assert len(check.problems) == 3


def test_text_on_a_coloured_box_is_measured_against_the_box(tmp_path: Path) -> None:
    body = _point("Dark blue box.", _png_uri(600), "background: #1b2a60; color: #333333")
    check = check_pdf(_pdf(tmp_path, body))
    dark_on_navy = contrast_ratio((0x33 / 255,) * 3, (0x1B / 255, 0x2A / 255, 0x60 / 255))
    assert check.lowest_contrast == pytest.approx(dark_on_navy, abs=0.05)


def test_a_picture_right_of_its_text_is_found(tmp_path: Path) -> None:
    wrong = (
        "<div class='point'><div class='pic' style='float: right'>"
        f"<img src='{_png_uri(600)}' alt='a box'></div><p>Text on the left.</p></div>"
    )
    check = check_pdf(_pdf(tmp_path, _point("Right way round.", _png_uri(600)) + wrong))
    assert (check.pictures, check.pictures_beside_text) == (2, 1)
    assert any("not on the left" in problem for problem in check.problems)


def test_a_point_longer_than_a_page_is_reported_with_its_words(tmp_path: Path) -> None:
    sentences = " ".join(f"Sentence {n} is here to fill the page with words." for n in range(90))
    body = _point(sentences, _png_uri(600)) + _point("A short point.", _png_uri(600))
    check = check_pdf(_pdf(tmp_path, body))
    assert len(check.split_points) >= 1
    assert check.split_points[0].startswith("page 2 to 3")
    assert "fill the page with words" in check.split_points[0]


def test_points_that_each_fit_are_never_reported_split(tmp_path: Path) -> None:
    points = "".join(_point(f"Point {n} fits on its page.", _png_uri(600)) for n in range(14))
    check = check_pdf(_pdf(tmp_path, points))
    assert check.pages >= 3  # the points run over several pages, each point whole
    assert check.split_points == []


def test_thresholds_are_settings(tmp_path: Path) -> None:
    path = _pdf(tmp_path, _point("Words.", _png_uri(600)))
    assert check_pdf(path).problems == []
    strict = PageCheckSettings(smallest_text_pt=18.0, lowest_picture_ppi=400.0)
    assert len(check_pdf(path, strict).problems) == 2


@pytest.mark.slow
def test_build_summary_json_and_strict(tmp_path: Path, capsys) -> None:
    from easyread.cli import main

    report = tmp_path / "report"
    (report / "pictures").mkdir(parents=True)
    Image.new("RGB", (600, 600), (40, 90, 200)).save(report / "pictures" / "box.png")
    (report / "easyread.toml").write_text('title = "Long"\noutputs = ["pdf"]\n', encoding="utf-8")
    words = "\n".join(f"This is sentence {n} and it fills most of a line." for n in range(70))
    (report / "01-long.md").write_text(
        f"# A long point\n\n![A box](pictures/box.png)\n{words}\n", encoding="utf-8"
    )
    out = tmp_path / "out"
    assert main(["build", str(report), "-o", str(out), "--no-checks", "--summary", "json"]) == 0
    assert json.loads(capsys.readouterr().out)["page_check"] is None  # --no-checks: no check
    assert main(["build", str(report), "-o", str(out), "--summary", "json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["page_check"]["split_points"] and data["page_check"]["smallest_text_pt"] == 16.0
    assert main(["build", str(report), "-o", str(out / "strict"), "--strict"]) == 1
    assert "page check" in capsys.readouterr().err
    assert not (out / "strict" / "report.pdf").exists()
