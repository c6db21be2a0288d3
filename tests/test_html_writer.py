"""The web page: parsed back with html.parser and checked against the document model."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path

import pytest

from easyread.edition import Edition, make_edition
from easyread.model import Run
from easyread.reader import read_report
from easyread.writers import html as html_writer

ROOT = Path(__file__).resolve().parent.parent
MINI = ROOT / "tests" / "data" / "mini-report"
SAMPLE = ROOT / "samples" / "leder-annual-report"


@dataclass
class Element:
    tag: str
    attrs: dict[str, str]
    classes: list[str]
    text: str = ""
    children: list[Element] = field(default_factory=list)


class PageParser(HTMLParser):
    """Collects the elements, headings and text of a page in reading order."""

    VOID = {"meta", "img", "br", "link", "input", "hr"}

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.elements: list[Element] = []
        self.stack: list[Element] = []
        self.text_parts: list[str] = []
        self.style = ""
        self.in_style = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = {name: value or "" for name, value in attrs}
        element = Element(tag, values, values.get("class", "").split())
        if self.stack:
            self.stack[-1].children.append(element)
        self.elements.append(element)
        self.in_style = tag == "style"
        if tag not in self.VOID:
            self.stack.append(element)

    def handle_endtag(self, tag: str) -> None:
        self.in_style = False
        while self.stack:
            if self.stack.pop().tag == tag:
                break

    def handle_data(self, data: str) -> None:
        if self.in_style:
            self.style += data
            return
        self.text_parts.append(data)
        for element in self.stack:
            element.text += data

    def find(self, tag: str | None = None, cls: str | None = None) -> list[Element]:
        return [
            element
            for element in self.elements
            if (tag is None or element.tag == tag) and (cls is None or cls in element.classes)
        ]


def parse(page: str) -> PageParser:
    parser = PageParser()
    parser.feed(page)
    parser.close()
    return parser


def edition_of(report_dir: Path, cache: Path) -> Edition:
    return make_edition(read_report(report_dir), cache)


@pytest.fixture(scope="module")
def mini(tmp_path_factory: pytest.TempPathFactory) -> Edition:
    return edition_of(MINI, tmp_path_factory.mktemp("cache"))


@pytest.fixture(scope="module")
def mini_page(mini: Edition, tmp_path_factory: pytest.TempPathFactory) -> tuple[str, PageParser]:
    target = tmp_path_factory.mktemp("html") / "report.html"
    assert html_writer.write(mini, target) is None
    text = target.read_text(encoding="utf-8")
    return text, parse(text)


def test_page_has_language_title_and_one_main_landmark(mini: Edition, mini_page) -> None:
    _, page = mini_page
    assert page.find("html")[0].attrs["lang"] == mini.report.config.language == "en-GB"
    assert page.find("title")[0].text == mini.report.config.title
    assert len(page.find("main")) == 1
    skip = page.find("a", "skip-link")
    assert skip and skip[0].attrs["href"] == "#" + page.find("main")[0].attrs["id"]


def test_headings_never_skip_a_level(mini_page) -> None:
    _, page = mini_page
    levels = [
        int(element.tag[1]) for element in page.elements if re.fullmatch(r"h[1-6]", element.tag)
    ]
    assert levels[0] == 1
    assert 2 in levels, "the mini report has a sub-heading"
    for before, after in zip(levels, levels[1:], strict=False):
        assert after <= before + 1, levels


def test_every_section_title_is_a_level_one_heading(mini: Edition, mini_page) -> None:
    _, page = mini_page
    titles = [element.text.strip() for element in page.find("h1")]
    for section in mini.sections:
        assert section.title.text in titles


def test_each_point_is_a_row_with_its_sentences(mini: Edition, mini_page) -> None:
    _, page = mini_page
    rows = page.find("div", "point")
    points = [point for section in mini.sections for point in section.points]
    assert len(rows) == len(points)
    for row, point in zip(rows, points, strict=True):
        cell, text = row.children
        assert "point-picture" in cell.classes and "point-text" in text.classes
        sentences = [child for child in text.children if "sentence" in child.classes]
        assert len(sentences) == len([s for s in point.sentences if s.text.strip()])
        pictures = [child for child in cell.children if child.tag == "img"]
        if point.picture is None:
            assert pictures == [], "a point with no picture keeps an empty picture cell"
        else:
            assert pictures[0].attrs["alt"] == point.picture.alt.strip()


def test_every_picture_has_alt_text_and_is_embedded(mini_page) -> None:
    _, page = mini_page
    images = page.find("img")
    assert len(images) > 5
    for image in images:
        assert image.attrs.get("alt", "").strip()
        assert image.attrs["src"].startswith(("data:image/png;base64,", "data:image/jpeg;base64,"))


def test_page_loads_nothing_from_outside(mini_page) -> None:
    text, page = mini_page
    assert not page.find("script") and not page.find("link") and not page.find("iframe")
    for element in page.elements:
        for name in ("src", "srcset", "data", "poster"):
            if name in element.attrs:
                assert element.attrs[name].startswith("data:")
    urls = re.findall(r"url\(\s*['\"]?([^'\")]+)", page.style)
    assert urls, "the font is embedded with url(data:...)"
    assert all(url.startswith("data:") for url in urls)
    assert "@import" not in page.style


def test_no_italics_no_justification_no_hyphenation(mini_page) -> None:
    _, page = mini_page
    styles = re.findall(r"font-style:\s*([a-z]+)", page.style)
    assert styles and set(styles) == {"normal"}
    assert "justify" not in page.style
    assert re.search(r"hyphens:\s*none", page.style)
    assert re.search(r"line-height:\s*1\.5\b", page.style)
    assert "--body-size: 16pt" in page.style
    assert not page.find("em") and not page.find("i")


def test_template_like_text_is_printed_as_written(mini_page) -> None:
    text, page = mini_page
    words = "".join(page.text_parts)
    assert "Some people write {{ name }} in their text." in words
    assert "Some write {% if yes %} too." in words
    assert '<script>alert("no")</script>' in words, "code is shown as plain text"
    assert "<script>" not in text
    assert not page.find("script")


def test_bold_only_for_hard_words_and_links_are_links(mini: Edition, mini_page) -> None:
    _, page = mini_page
    strong = [element.text for element in page.find("strong")]
    assert "review" in strong and "bold" in strong
    hrefs = [element.attrs["href"] for element in page.find("a")]
    assert "https://www.example.org/easyread" in hrefs
    assert "mailto:help@example.org" in hrefs
    assert not any(href.lower().startswith("javascript") for href in hrefs)


def test_contents_lists_every_part_when_there_are_many_sections(mini: Edition, mini_page) -> None:
    _, page = mini_page
    assert mini.show_contents
    nav = page.find("nav")
    assert len(nav) == 1
    links = [element.attrs["href"] for element in page.elements if element.tag == "a"]
    ids = {element.attrs["id"] for element in page.elements if "id" in element.attrs}
    for section in mini.contents:
        assert f"#{section.anchor}" in links
    assert all(link[1:] in ids for link in links if link.startswith("#"))


def test_ids_are_unique(mini_page) -> None:
    _, page = mini_page
    ids = [element.attrs["id"] for element in page.elements if "id" in element.attrs]
    assert len(ids) == len(set(ids))


def test_numbered_edition_shows_point_numbers(mini: Edition) -> None:
    page = parse(html_writer.render_html(mini, for_print=False, numbered=True))
    numbers = [element.text.strip() for element in page.find("p", "point-number")]
    expected = [point.number for section in mini.sections for point in section.points]
    assert numbers == expected
    assert "2.2" in numbers
    plain = parse(html_writer.render_html(mini, for_print=False))
    assert not plain.find("p", "point-number")


def test_print_page_names_files_without_machine_paths(mini: Edition) -> None:
    text = html_writer.render_html(mini, for_print=True)
    page = parse(text)
    sources = {image.attrs["src"] for image in page.find("img")}
    assert sources and all(src.startswith(html_writer.PICTURE_URL) for src in sources)
    assert "file:" not in text and str(ROOT) not in text
    assert "counter(pages)" in page.style and "@page" in page.style
    assert not page.find("a", "skip-link")


def test_same_report_gives_the_same_page(mini: Edition, tmp_path: Path) -> None:
    again = edition_of(MINI, tmp_path / "other-cache")
    assert html_writer.render_html(again, for_print=False) == html_writer.render_html(
        mini, for_print=False
    )


def test_a_web_address_may_break_after_a_slash_on_screen_and_stays_whole_in_print(
    mini: Edition,
) -> None:
    """On a phone a long address breaks after a '/' (never after 'https:/' or inside a word);
    the print page has no break hints: the address fits a line of its own there."""
    address = "https://www.example.org/easyread"
    screen = html_writer.render_html(mini, for_print=False)
    printed = html_writer.render_html(mini, for_print=True)
    assert f'<a href="{address}">https://www.example.org/<wbr>easyread</a>' in screen
    assert f'<a href="{address}">our website</a>' in screen  # words with spaces: as written
    assert "<wbr>" not in printed and f'<a href="{address}">{address}</a>' in printed


def test_unsafe_links_become_plain_text() -> None:
    runs = html_writer._runs(
        [
            Run("Click ", link=None),
            Run("here", link="javascript:alert(1)"),
            Run(" or ", link=None),
            Run("there", link="https://example.org"),
        ]
    )
    assert [(run.text, run.href) for run in runs] == [
        ("Click here or ", None),
        ("there", "https://example.org"),
    ]


def test_css_strings_cannot_break_out_of_the_style_element() -> None:
    quoted = html_writer.css_string('Page "1" </style><script>')
    assert "<" not in quoted and quoted.count('"') == 2
    content = html_writer.page_counter_content("Tudalen {page} o {pages}")
    assert content == '"Tudalen " counter(page) " o " counter(pages)'


@pytest.mark.slow
def test_sample_page_matches_the_sample(tmp_path: Path) -> None:
    edition = edition_of(SAMPLE, tmp_path / "cache")
    page = parse(html_writer.render_html(edition, for_print=False))
    points = [point for section in edition.sections for point in section.points]
    assert len(page.find("div", "point")) == len(points) > 40
    assert len(page.find("img")) == sum(1 for p in points if p.picture) + 1  # and the cover
