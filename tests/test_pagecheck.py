"""The build reads its own PDF back: text size, contrast, pictures, pages and split points.

Every figure is read from a PDF WeasyPrint really made, with pikepdf (and pdfplumber for words).
Split points come from where the layout put each point; the builds below use public NHS text
from tests/data/corpus (sources and licences in its SOURCES.md).
"""

from __future__ import annotations

import base64
import io
import json
from pathlib import Path

import pdfplumber
import pytest
from PIL import Image

from easyread.writers.pagecheck import (
    PageCheck,
    PageCheckSettings,
    PointPlacement,
    check_pdf,
    contrast_ratio,
)
from easyread.writers.render import SandboxFetcher, points_on_pages, render_pdf

CORPUS = Path(__file__).resolve().parent / "data" / "corpus"


def _png_uri(pixels: int) -> str:
    buffer = io.BytesIO()
    Image.new("RGB", (pixels, pixels), (200, 40, 40)).save(buffer, "PNG")
    return "data:image/png;base64," + base64.b64encode(buffer.getvalue()).decode("ascii")


def _checked(tmp_path: Path, body: str, settings: PageCheckSettings | None = None) -> PageCheck:
    path, points = _pdf(tmp_path, body)
    return check_pdf(path, points, settings)


def _pdf(tmp_path: Path, body: str, name: str = "page.pdf") -> tuple[Path, list[PointPlacement]]:
    html = (
        "<!DOCTYPE html><html lang='en'><head><title>t</title><style>"
        "@page { size: A4; margin: 20mm } body { font: 16pt sans-serif; color: #1a1a1a }"
        ".point { display: flow-root; margin-bottom: 1em } .pic { float: left; width: 45mm }"
        ".pic img { width: 45mm; display: block } .text { margin-left: 53mm }"
        "</style></head><body><h1>Cover</h1><section style='break-before: page'>"
        f"<h1>Part one</h1>{body}</section>"
        "</body></html>"
    )
    points: list[PointPlacement] = []
    pdf_bytes, _ = render_pdf(
        html,
        SandboxFetcher([], []),
        base_url=tmp_path.as_uri(),
        laid_out=lambda document: points.extend(points_on_pages(document)),
    )
    path = tmp_path / name
    path.write_bytes(pdf_bytes)
    return path, points


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
    check = _checked(tmp_path, body)
    assert check.smallest_text_pt == pytest.approx(10.0, abs=0.05)
    assert check.lowest_contrast == pytest.approx(contrast_ratio((0.6,) * 3, (1,) * 3), abs=0.05)
    assert check.lowest_picture_ppi == pytest.approx(150 / (45 / 25.4), abs=1)
    assert len(check.problems) == 3
    assert any(
        problem.startswith("1 picture is printed at less than") for problem in check.problems
    )


def test_text_on_a_coloured_box_is_measured_against_the_box(tmp_path: Path) -> None:
    body = _point("Dark blue box.", _png_uri(600), "background: #1b2a60; color: #333333")
    check = _checked(tmp_path, body)
    dark_on_navy = contrast_ratio((0x33 / 255,) * 3, (0x1B / 255, 0x2A / 255, 0x60 / 255))
    assert check.lowest_contrast == pytest.approx(dark_on_navy, abs=0.05)


def test_a_picture_right_of_its_text_is_found(tmp_path: Path) -> None:
    wrong = (
        "<div class='point'><div class='pic' style='float: right'>"
        f"<img src='{_png_uri(600)}' alt='a box'></div><p>Text on the left.</p></div>"
    )
    check = _checked(tmp_path, _point("Right way round.", _png_uri(600)) + wrong)
    assert (check.pictures, check.pictures_beside_text) == (2, 1)
    assert "1 picture is not on the left of its text (page 2)." in check.problems


def test_a_point_longer_than_a_page_is_reported_with_its_words(tmp_path: Path) -> None:
    sentences = " ".join(f"Sentence {n} is here to fill the page with words." for n in range(90))
    body = _point(sentences, _png_uri(600)) + _point("A short point.", _png_uri(600))
    check = _checked(tmp_path, body)
    assert len(check.split_points) >= 1
    assert check.split_points[0].startswith("page 2 to 3")
    assert "fill the page with words" in check.split_points[0]


def test_points_that_each_fit_are_never_reported_split(tmp_path: Path) -> None:
    points = "".join(_point(f"Point {n} fits on its page.", _png_uri(600)) for n in range(14))
    check = _checked(tmp_path, points)
    assert check.pages >= 3  # the points run over several pages, each point whole
    assert check.split_points == []


def test_thresholds_are_settings(tmp_path: Path) -> None:
    path, points = _pdf(tmp_path, _point("Words.", _png_uri(600)))
    assert check_pdf(path, points).problems == []
    strict = PageCheckSettings(smallest_text_pt=18.0, lowest_picture_ppi=400.0)
    assert len(check_pdf(path, points, strict).problems) == 2


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


# -- split points in real builds of public NHS text ------------------------------------------

NHS_SECTIONS = [
    "nhs-england-annual-health-checks.md",
    "nhs-uk-annual-health-checks.md",
    "nhs-england-stomp-2016.md",
]


def _paragraphs(markdown: str) -> list[str]:
    """The source's paragraphs (no headings), with their spaces as the PDF prints them."""
    blocks = (" ".join(block.split()) for block in markdown.split("\n\n"))
    return [block for block in blocks if block and not block.startswith("#")]


def _one_long_point() -> str:
    """Two NHS Digital pages' paragraphs run together into one point, longer than a page."""
    names = ["nhs-digital-largest-study-2016.md", "nhs-digital-statistics-2021-22-news.md"]
    text = " ".join(
        paragraph.replace("•", "").replace("*", "")
        for name in names
        for paragraph in _paragraphs((CORPUS / name).read_text(encoding="utf-8"))
    )
    return "# One long point\n\n" + " ".join(text.split()[:420]) + "\n"


@pytest.fixture(scope="module")
def nhs_build(tmp_path_factory: pytest.TempPathFactory):
    """A report of NHS text with no pictures, built as a user would, and its source paragraphs."""
    from easyread.build import build

    report = tmp_path_factory.mktemp("nhs") / "report"
    report.mkdir()
    (report / "easyread.toml").write_text(
        'title = "Annual health checks"\noutputs = ["pdf"]\n', encoding="utf-8"
    )
    paragraphs = []
    for number, name in enumerate(NHS_SECTIONS, start=1):
        text = (CORPUS / name).read_text(encoding="utf-8")
        (report / f"{number:02d}-{name}").write_text(text, encoding="utf-8")
        paragraphs.extend(_paragraphs(text))
    (report / "04-long.md").write_text(_one_long_point(), encoding="utf-8")
    result = build(report, out_dir=report.parent / "out", formats=["pdf"])
    pdf = next(output.path for output in result.outputs if output.format == "pdf")
    with pdfplumber.open(pdf) as reader:
        pages = [_body_text(page) for page in reader.pages]
    return result.page_check, pages, paragraphs


def _body_text(page: pdfplumber.page.Page) -> str:
    """A page's words as a screen reader gets them: no page numbers or running titles (those
    are artifacts, with no marked-content number)."""
    body = page.filter(
        lambda item: item.get("object_type") != "char" or item.get("mcid") is not None
    )
    return " ".join((body.extract_text() or "").split())


def test_a_point_without_a_picture_that_starts_a_page_is_not_split(nhs_build) -> None:
    check, pages, paragraphs = nhs_build
    # Page boundaries where one paragraph ends a page and the next page opens with a whole new
    # paragraph, none with a picture: what the old guess from positions called a split point.
    clean_breaks = [
        number
        for number in range(2, len(pages))
        if any(pages[number - 1].endswith(paragraph[-40:]) for paragraph in paragraphs)
        and any(pages[number].startswith(paragraph[:40]) for paragraph in paragraphs)
    ]
    assert clean_breaks, "the NHS text no longer puts a point at the top of a page"
    reported = {int(split.split()[1]) for split in check.split_points}
    assert not reported & set(clean_breaks)


def test_a_point_longer_than_a_page_is_reported_with_the_words_where_it_breaks(nhs_build) -> None:
    check, pages, paragraphs = nhs_build
    title = next(n for n, text in enumerate(pages, start=1) if text.startswith("One long point"))
    assert check.split_points  # 420 words at 16 pt do not fit on one page
    for split in check.split_points:
        first, following = int(split.split()[1]), int(split.split()[3])
        assert first >= title and following == first + 1, split
        quoted = split.split('("...', 1)[1].removesuffix('")')
        assert pages[first - 1].endswith(quoted), split  # the words at the foot of the page
        opening = pages[following - 1]
        assert not any(opening.startswith(paragraph[:40]) for paragraph in paragraphs), split
    assert any("point goes on from one page to the next" in p for p in check.problems)


def test_the_layout_places_every_point_of_the_print_page_with_all_its_words(tmp_path: Path) -> None:
    """points_on_pages reads WeasyPrint's laid-out boxes: every point of the page is found, in
    order, with exactly its words (a WeasyPrint that laid pages out differently would fail
    here, not pass with no split found)."""
    from easyread.edition import make_edition
    from easyread.reader import read_report
    from easyread.writers import pdf as pdf_writer

    mini = Path(__file__).resolve().parent / "data" / "mini-report"
    edition = make_edition(read_report(mini), tmp_path / "cache")
    pages, points = pdf_writer.write_placing_points(edition, tmp_path / "mini.pdf")
    every = [point for section in edition.sections for point in section.points]
    assert len(points) == len(every) > 5
    for placed, point in zip(points, every, strict=True):
        assert " ".join(placed.words) == " ".join(point.text.split())
        assert all(1 <= page <= pages for page in placed.pages)
