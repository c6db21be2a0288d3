"""The web page: one accessible HTML file, and the print HTML that the PDF writer renders.

Author text is always data: it reaches the page only through Jinja2's autoescaping, never as
template source, so `{{ x }}` written in Markdown is printed exactly as written. The page is
self-contained (pictures and the font are embedded), so it opens from disk and fetches nothing.
"""

from __future__ import annotations

import base64
import dataclasses
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

from markupsafe import Markup

from easyread.edition import COVER_PX, PICTURE_PX, Edition, pictures_shown
from easyread.model import Heading, Picture, Point, Run, Sentence, Table, TableCell
from easyread.pictures import COVER_PICTURE_MM, PictureSet, prepare_pictures
from easyread.resources import templates_dir
from easyread.writers import OutputFormat
from easyread.writers.geometry import page_geometry
from easyread.writers.running_title import one_line
from easyread.writers.templates import (
    PICTURE_URL,
    TEMPLATE_URL,
    css_string,
    environment,
    page_counter_content,
)

TEMPLATE = "report.html.j2"
FONT_FILES = {
    "normal": "AtkinsonHyperlegible-Regular.ttf",
    "bold": "AtkinsonHyperlegible-Bold.ttf",
}
# Without embedding, the page names its files with these stable URLs (the same on every machine,
# so the PDF comes out byte for byte the same); only the PDF writer's fetcher serves them.
SAFE_LINK = re.compile(r"^(https?://|mailto:|tel:|#)", re.IGNORECASE)
PICTURE_GAP_MM = 8.0
PAIRS_FROM_EM = 40  # a screen this wide shows Words to know 2 entries a row
# Longest side in pixels of the pictures embedded in the screen page: twice the CSS pixels they
# take up on a wide screen (45 mm column = 170 px; cover 90 mm = 340 px).
SCREEN_SIZES = {PICTURE_PX: 340, COVER_PX: 680}
MM_PER_INCH = 25.4
CSS_PX_PER_INCH = 96

# Words the page needs that the language folder may not have yet.
DEFAULT_STRINGS = {
    "skip-link": "Skip to the main text",
    "point": "Point",
}


@dataclass(frozen=True, slots=True)
class RunView:
    text: str
    strong: bool = False
    href: str | None = None


@dataclass(frozen=True, slots=True)
class ImageView:
    src: str
    alt: str
    width_px: int  # CSS pixels (1/96 inch): the printed size, and the size on a wide screen
    height_px: int


@dataclass(frozen=True, slots=True)
class RowView:
    number: str
    sentences: list[list[RunView]]
    picture: ImageView | None
    notes: Sequence[str] = ()  # lint findings beside the point: only in easyread watch's preview


@dataclass(frozen=True, slots=True)
class SubHeadingView:
    anchor: str
    runs: list[RunView]
    level: int = 2  # h2 to h6


@dataclass(frozen=True, slots=True)
class CellView:
    runs: list[RunView]
    align: str = ""  # "left", "right", "center" or ""


@dataclass(frozen=True, slots=True)
class TableView:
    """A data table: column headers (th scope=col) when the source has a header row."""

    anchor: str
    caption: list[RunView]
    header: list[CellView]
    rows: list[list[CellView]]


@dataclass(slots=True)
class SectionView:
    anchor: str
    role: str
    title: list[RunView]
    blocks: list[RowView | SubHeadingView | TableView] = field(default_factory=list)
    starts_page: bool = False
    pairs: bool = False  # 2 entries a row where the screen or page is wide enough
    running_title: str = ""  # in the page header of the PDF: the title, cut to one line


@dataclass(frozen=True, slots=True)
class CoverView:
    title: str
    subtitle: str
    organisation: str
    date: str
    picture: ImageView | None


def render_html(
    edition: Edition,
    *,
    for_print: bool,
    numbered: bool = False,
    embed: bool | None = None,
    notes: Mapping[tuple[Path, int], Sequence[str]] | None = None,
) -> str:
    """The whole document as HTML.

    `for_print` lays it out in pages for WeasyPrint; `numbered` shows each point's number (the
    review edition); `embed` puts pictures and fonts inside the page as data: URIs (the default
    for the screen page) instead of easyread: URLs (which the PDF writer serves to WeasyPrint).
    `notes` are shown beside the point written at (file, line): the live preview's findings;
    the published page has none.
    """
    embed = (not for_print) if embed is None else embed
    images = _ImageSources(edition, embed)
    sections = _section_views(edition, images, notes or {}, for_print=for_print)
    template = environment().get_template(TEMPLATE)
    config = edition.report.config
    return template.render(
        lang=config.language,
        title=config.title,
        author=config.document_author,
        date=config.build_date().strftime("%Y-%m-%dT%H:%M:%SZ"),
        cover=_cover_view(edition, images),
        sections=sections,
        contents=_contents(edition, sections),
        contents_before=next((view.anchor for view in sections if view.role == "body"), ""),
        show_contents=edition.show_contents,
        strings=_strings(edition),
        for_print=for_print,
        numbered=numbered,
        style=_style(edition, for_print=for_print, embed=embed),
    )


FORMAT = OutputFormat("html", order=3)


def write(edition: Edition, target: Path) -> None:
    """Write the self-contained web page."""
    target.write_text(render_html(edition, for_print=False), encoding="utf-8")


# -- templates -------------------------------------------------------------------------------


def _strings(edition: Edition) -> dict[str, str]:
    return {**DEFAULT_STRINGS, **edition.strings}


# -- the document as plain view objects ------------------------------------------------------


def _section_views(
    edition: Edition,
    images: _ImageSources,
    notes: Mapping[tuple[Path, int], Sequence[str]],
    *,
    for_print: bool,
) -> list[SectionView]:
    views: list[SectionView] = []
    used: set[str] = {"main", "contents", "contents-title", "cover-title", "skip-link"}
    first_body = True
    for section in edition.sections:
        anchor = _unique(section.anchor, used)
        starts_page = section.role != "body" or first_body
        if section.role == "body":
            first_body = False
        view = SectionView(anchor, section.role, _runs(section.title.runs), [], starts_page)
        view.pairs = edition.in_pairs(section)
        if for_print:
            view.running_title = _running_title(edition, "".join(run.text for run in view.title))
        for block in edition.blocks(section):
            block_anchor = f"{anchor}-{len(view.blocks) + 1}"
            if isinstance(block, Heading):
                if not block.text:
                    continue  # a heading with no words: nothing to show or to read out
                level = min(max(block.level, 2), 6)
                runs = _runs(block.runs)
                view.blocks.append(SubHeadingView(_unique(block_anchor, used), runs, level))
            elif isinstance(block, Table):
                view.blocks.append(_table(block, _unique(block_anchor, used)))
            else:
                row = _row(block, images)
                found = notes.get((block.source.path, block.source.line)) if notes else None
                view.blocks.append(dataclasses.replace(row, notes=tuple(found)) if found else row)
        views.append(view)
    return views


def _running_title(edition: Edition, title: str) -> str:
    """The title as the page header shows it: on one line, in the body text size, across the
    width of the text (the header's margin box)."""
    config = edition.report.config
    width_pt = page_geometry(config).text_width_mm / 25.4 * 72
    font = templates_dir() / "fonts" / FONT_FILES["normal"]
    return one_line(title, width_pt, config.font_size, font if font.is_file() else None)


def _unique(anchor: str, used: set[str]) -> str:
    candidate, counter = anchor, 1
    while candidate in used:
        counter += 1
        candidate = f"{anchor}-{counter}"
    used.add(candidate)
    return candidate


def _row(point: Point, images: _ImageSources) -> RowView:
    sentences = [runs for sentence in point.sentences if (runs := _sentence_runs(sentence))]
    picture = images.point(point.picture) if point.picture is not None else None
    return RowView(point.number, sentences, picture)


def _table(table: Table, anchor: str) -> TableView:
    header = [_cell(cell) for cell in table.header]
    rows = [[_cell(cell) for cell in row] for row in table.body]
    return TableView(anchor, _runs(table.caption), header, rows)


def _cell(cell: TableCell) -> CellView:
    runs = _runs([run for sentence in cell.sentences for run in [*sentence.runs, Run(" ")]])
    return CellView(runs, cell.align if cell.align in ("left", "right", "center") else "")


def _sentence_runs(sentence: Sentence) -> list[RunView]:
    return _runs(sentence.runs)


def _runs(runs: list[Run]) -> list[RunView]:
    """Runs as the page shows them: joined where the style is the same, trimmed at both ends.

    Emphasis and code are shown as ordinary text: Easy Read uses no italics.
    """
    views: list[RunView] = []
    for run in runs:
        href = run.link if run.link and SAFE_LINK.match(run.link.strip()) else None
        text = " ".join(run.text.split("\n"))
        if views and views[-1].strong == run.strong and views[-1].href == href:
            views[-1] = RunView(views[-1].text + text, run.strong, href)
        else:
            views.append(RunView(text, run.strong, href))
    if views:
        views[0] = RunView(views[0].text.lstrip(), views[0].strong, views[0].href)
        views[-1] = RunView(views[-1].text.rstrip(), views[-1].strong, views[-1].href)
    return [piece for view in views if view.text for piece in _with_phone_links(view)]


# A number the text asks the reader to call: 'call 999', 'phone us on 0300 000 0000'.
PHONE_IN_TEXT = re.compile(
    r"\b(?:call|phone|ring|text)(?: us)?(?: on)?(?: NHS)? (\+?\d(?:[\d ]{0,14}\d)?)\b",
    re.IGNORECASE,
)
# Short numbers a phone can call in the UK (emergency, NHS, police, Samaritans); any other
# number needs the 10 or more digits of a full phone number, so 'call 100 people' stays text.
SHORT_PHONE_NUMBERS = {"999", "112", "111", "101", "119", "116123"}


def _with_phone_links(view: RunView) -> list[RunView]:
    """Plain text with the number in 'call 999' as a tel: link, so a phone can call it."""
    if view.href is not None:
        return [view]
    pieces, start = [], 0
    for match in PHONE_IN_TEXT.finditer(view.text):
        number = match.group(1)
        digits = re.sub(r"\D", "", number)
        if digits not in SHORT_PHONE_NUMBERS and len(digits) < 10:
            continue
        pieces.append(RunView(view.text[start : match.start(1)], view.strong))
        plus = "+" if number.startswith("+") else ""
        pieces.append(RunView(number, view.strong, f"tel:{plus}{digits}"))
        start = match.end(1)
    if not pieces:
        return [view]
    pieces.append(RunView(view.text[start:], view.strong))
    return [piece for piece in pieces if piece.text]


def _cover_view(edition: Edition, images: _ImageSources) -> CoverView:
    config = edition.report.config
    picture = None
    cover = edition.report.cover
    if cover is not None:
        alt = config.cover_alt or cover.alt
        picture = images.view(cover, alt, COVER_PX, COVER_PICTURE_MM)
    return CoverView(
        config.title, config.subtitle, config.organisation, config.display_date, picture
    )


def _contents(edition: Edition, sections: list[SectionView]) -> list[SectionView]:
    listed = {id(section) for section in edition.contents}
    return [
        view
        for section, view in zip(edition.sections, sections, strict=True)
        if id(section) in listed
    ]


class _ImageSources:
    """Where the page finds each prepared picture: a data: URI or an easyread: URL.

    The print page uses the pictures prepared for 300 dpi. The screen page embeds copies at
    twice the size they are shown on screen (sharp on high-density screens), which makes the
    page about a third as heavy; they are prepared once and kept in the same picture cache.
    """

    def __init__(self, edition: Edition, embed: bool) -> None:
        self.edition = edition
        self.embed = embed
        self._uris: dict[Path, str] = {}
        self.screen = _screen_pictures(edition) if embed else None

    def point(self, picture: Picture) -> ImageView:
        column = picture_column_mm(self.edition)
        return self.view(picture, picture.alt, PICTURE_PX, column)

    def view(self, picture: Picture, alt: str, size_px: int, box_mm: float) -> ImageView:
        """The picture scaled so its longest side fills the box: every row looks the same."""
        prepared = self.edition.pictures.get(picture, size_px)
        longest = max(prepared.width_px, prepared.height_px)
        box_px = box_mm / MM_PER_INCH * CSS_PX_PER_INCH
        width, height = (
            round(box_px * side / longest) for side in (prepared.width_px, prepared.height_px)
        )
        if self.screen is not None:
            prepared = self.screen.get(picture, SCREEN_SIZES[size_px])
        return ImageView(self.uri(prepared.path), alt.strip(), width, height)

    def uri(self, path: Path) -> str:
        if path not in self._uris:
            self._uris[path] = _data_uri(path) if self.embed else PICTURE_URL + path.name
        return self._uris[path]


def _screen_pictures(edition: Edition) -> PictureSet:
    items = [(picture, SCREEN_SIZES[size]) for picture, size in pictures_shown(edition)]
    if not items:
        return PictureSet()
    return prepare_pictures(items, edition.pictures.cache_dir, edition.pictures.roots)


def _print_size(screen_px: int) -> int:
    return next(size for size, screen in SCREEN_SIZES.items() if screen == screen_px)


_DATA_URIS: dict[tuple[Path, int, int, int], str] = {}
_MAX_DATA_URIS = 1_024


def _data_uri(path: Path) -> str:
    """The file as a data: URI. A process that renders again and again (easyread watch) encodes
    each unchanged file once: the stamp is its size, modification time and inode."""
    status = path.stat()
    stamp = (path, status.st_size, status.st_mtime_ns, status.st_ino)
    uri = _DATA_URIS.get(stamp)
    if uri is None:
        if len(_DATA_URIS) >= _MAX_DATA_URIS:
            _DATA_URIS.clear()
        uri = _DATA_URIS[stamp] = _encoded(path)
    return uri


def _encoded(path: Path) -> str:
    media_type = {".png": "image/png", ".jpg": "image/jpeg", ".jpeg": "image/jpeg"}.get(
        path.suffix.lower(), "font/ttf"
    )
    return f"data:{media_type};base64,{base64.b64encode(path.read_bytes()).decode('ascii')}"


# -- style ------------------------------------------------------------------------------------


def _style(edition: Edition, *, for_print: bool, embed: bool) -> Markup:
    """The page's CSS: the fixed files from templates/css plus the report's own settings."""
    css_dir = templates_dir() / "css"
    parts = [_font_faces(embed), _settings_css(edition), _read_css(css_dir / "base.css")]
    if _has_tables_or_deep_headings(edition):
        # Only then: a report without them keeps the very same page, byte for byte.
        parts.append(_read_css(css_dir / "table.css"))
    parts.append(_read_css(css_dir / ("print.css" if for_print else "screen.css")))
    if any(edition.in_pairs(section) for section in edition.back):
        # Only then, as for tables: other reports keep the very same page. On a screen, only
        # where it is wide enough: on a phone each entry keeps a row of its own.
        pairs = _read_css(css_dir / "pairs.css")
        parts.append(pairs if for_print else f"@media (min-width: {PAIRS_FROM_EM}em) {{\n{pairs}}}")
    if for_print:
        parts.append(_page_css(edition))
    return Markup("\n".join(parts))


def _has_tables_or_deep_headings(edition: Edition) -> bool:
    return any(
        isinstance(block, Table) or (isinstance(block, Heading) and block.level > 2)
        for section in edition.sections
        for block in section.blocks
    )


def _read_css(path: Path) -> str:
    return _checked_css(path.read_text(encoding="utf-8"))


def _checked_css(css: str) -> str:
    # CSS goes inside <style>, where HTML escaping does not apply: it must not close the element.
    if "</" in css:
        raise ValueError("CSS must not contain '</'")
    return css


@cache
def _font_faces(embed: bool) -> str:
    """The @font-face rules; the fonts ship with easyread and do not change while it runs
    (embedded, they are 300 kB of CSS that took a third of a preview's render to escape)."""
    fonts = templates_dir() / "fonts"
    rules = []
    for weight, name in FONT_FILES.items():
        path = fonts / name
        url = _data_uri(path) if embed else f"{TEMPLATE_URL}fonts/{name}"
        rules.append(
            "@font-face { font-family: 'Atkinson Hyperlegible'; font-style: normal; "
            f"font-weight: {weight}; src: url({css_string(url)}) format('truetype'); }}"
        )
    return "\n".join(rules)


def picture_column_mm(edition: Edition) -> float:
    """The picture column: 45 mm, a little less on A5 so the text column stays readable."""
    return page_geometry(edition.report.config).picture_mm


def _settings_css(edition: Edition) -> str:
    config = edition.report.config
    return _checked_css(
        ":root {\n"
        f"  --body-size: {config.font_size:g}pt;\n"
        f"  --picture-column: {picture_column_mm(edition):g}mm;\n"
        f"  --picture-gap: {PICTURE_GAP_MM:g}mm;\n"
        f"  --text-start: {picture_column_mm(edition) + PICTURE_GAP_MM:g}mm;\n"
        "}"
    )


def _page_css(edition: Edition) -> str:
    config = edition.report.config
    page = page_geometry(config)
    footer = page_counter_content(edition.strings["page"])
    return _checked_css(
        "@page {\n"
        f"  size: {page.width_mm:g}mm {page.height_mm:g}mm;\n"
        f"  margin: {page.top_mm:g}mm {page.side_mm:g}mm {page.bottom_mm:g}mm {page.side_mm:g}mm;\n"
        # A page that goes on with a section names it at the top (see print.css).
        "  @top-left {\n"
        "    content: string(section-title, start);\n"
        f"    font-family: 'Atkinson Hyperlegible', Arial, sans-serif;\n"
        f"    font-size: {config.font_size:g}pt;\n"
        "    color: #454545;\n"
        "    vertical-align: bottom;\n"
        "    padding-bottom: 2mm;\n"
        # The title comes cut to one line (running_title.one_line), as in the DOCX.
        "  }\n"
        "  @bottom-center {\n"
        f"    content: {footer};\n"
        f"    font-family: 'Atkinson Hyperlegible', Arial, sans-serif;\n"
        f"    font-size: {config.font_size:g}pt;\n"
        "    color: #1a1a1a;\n"
        "  }\n"
        "}\n"
        "@page :first { @top-left { content: none; } @bottom-center { content: none; } }"
    )
