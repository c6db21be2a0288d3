"""Reading feedback back: filled review PDFs and commented DOCX copies, merged per point.

Each review file gives Responses (one reviewer's ticks and words about one point). They are
mapped to the report as it is now: by the point's number and its fingerprint from the review
copy, so a point that moved is still found, and a point that changed is marked as changed.
"""

from __future__ import annotations

import datetime as dt
import difflib
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from easyread.errors import SourceError
from easyread.model import Heading, Point, Report, Run, Section
from easyread.records.fingerprint import point_fingerprint, point_signature, section_fingerprint
from easyread.records.reviews import section_file
from easyread.review import added_points, untrusted
from easyread.review.comment_words import comment_meaning
from easyread.review.identity import PDF_KEY, ReviewIdentity, identity_json_from_properties
from easyread.review.review_copy import DOCUMENT_FIELD, point_number_from_field

SIMILAR_ENOUGH = 0.6  # how alike a changed point's words must be to count as the same point
_POINT_NUMBER = re.compile(r"^\s*(\d+\.\d+)\s*$")
TITLE_STYLES = frozenset({"Title", "Heading1"})  # style ids a DOCX copy gives its titles
_NUMBER_IN_TEXT = re.compile(r"(?<![\d.])(\d+\.\d+)(?![\d.])")


# Words in a Word comment that say the same as a tick box in the PDF.
@dataclass(slots=True)
class Response:
    """What one reviewer said about one point of the review copy."""

    number: str  # the point's number in the review copy
    reviewer: str
    group: str
    date: str
    review_file: Path
    understand: bool = False
    not_understand: bool = False
    change_picture: bool = False
    notes: str = ""
    quoted: str = ""  # DOCX: the words the comment is attached to
    # DOCX: the sentence of the point as it is now that holds the commented words, and where
    # it starts in its file (0 when the words are in none of the point's sentences).
    sentence: str = ""
    line: int = 0
    column: int = 0

    @property
    def is_empty(self) -> bool:
        return not (self.understand or self.not_understand or self.change_picture or self.notes)


@dataclass(slots=True)
class ReviewFile:
    path: Path
    kind: str  # "pdf" or "docx"
    reviewer: str
    group: str
    date: str
    identity: ReviewIdentity | None
    responses: list[Response] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)  # plain-words warnings about this file
    changed_sections: list[str] = field(default_factory=list)
    document: Response | None = None  # the whole-document page of a PDF copy
    # DOCX comments on no numbered point: matched by their words to a point of the cover or
    # a page easyread adds when the report is known (collect_feedback), else named in a note
    unplaced: list[Response] = field(default_factory=list)

    @property
    def on_current_draft(self) -> bool | None:
        if self.identity is None:
            return None
        return not self.changed_sections


@dataclass(slots=True)
class PointFeedback:
    """Everything reviewers said about one point, mapped to where it is now."""

    number: str  # the number now (or in the review copy, when the point is gone)
    status: str  # "same", "moved", "changed", "gone" or "unknown"
    section: Section | None
    point: Point | None
    reviewed_text: str = ""  # the words the reviewers saw, when the copy says
    was_number: str = ""  # the number in the review copy, when it moved
    responses: list[Response] = field(default_factory=list)
    # A point of a page easyread adds that is gone: where the copy says its words were written.
    reviewed_file: str = ""
    reviewed_line: int = 0

    @property
    def file(self) -> str:
        return str(self.point.source.path) if self.point else self.reviewed_file

    @property
    def line(self) -> int | None:
        if self.point is not None:
            return self.point.source.line
        return self.reviewed_line or None

    @property
    def text(self) -> str:
        return self.point.text if self.point else self.reviewed_text

    def count(self, attribute: str) -> int:
        return sum(1 for response in self.responses if getattr(response, attribute))

    @property
    def not_understood(self) -> int:
        return self.count("not_understand")

    @property
    def understood(self) -> int:
        return sum(1 for r in self.responses if r.understand and not r.not_understand)

    @property
    def change_picture(self) -> int:
        return self.count("change_picture")

    @property
    def notes(self) -> int:
        return sum(1 for response in self.responses if response.notes.strip())

    @property
    def reviewers(self) -> int:
        return len({(r.reviewer, r.group, str(r.review_file)) for r in self.responses})

    def need(self) -> tuple[int, int, int, int]:
        """Sort key: the points that most need work come first."""
        return (-self.not_understood, -self.change_picture, -self.notes, -self.reviewers)


@dataclass(slots=True)
class Feedback:
    report: Report
    files: list[ReviewFile]
    points: list[PointFeedback]

    def by_need(self) -> list[PointFeedback]:
        order = {id(point): index for index, point in enumerate(self.points)}
        return sorted(self.points, key=lambda p: (*p.need(), order[id(p)]))


# -- reading review files ------------------------------------------------------------------------


def read_review_file(path: Path, *, group: str = "") -> ReviewFile:
    """One copy the group gave back. It comes from outside: see easyread.review.untrusted."""
    suffix = path.suffix.lower()
    if not path.is_file():
        raise SourceError("this file does not exist", path=path, hint="check its name")
    if suffix not in (".pdf", ".docx"):
        raise SourceError(
            "easyread can read feedback only from PDF and DOCX files",
            path=path,
            hint="give the filled review PDF or the DOCX copy with comments",
        )
    try:
        untrusted.check_size(path)
        if suffix == ".pdf":
            return read_review_pdf(path, group=group)
        return read_review_docx(path, group=group)
    except untrusted.Refused as refused:
        raise SourceError(refused.message, path=path, hint=refused.hint) from None


def read_review_pdf(path: Path, *, group: str = "") -> ReviewFile:
    data = path.read_bytes()
    untrusted.check_pdf_bytes(data)
    fields, metadata = _pdf_fields_and_metadata(data, path)
    values = {field.name: field.value for field in fields}
    identity = _identity(metadata.get(PDF_KEY) if metadata else None)
    if identity is None and not any(point_number_from_field(name) for name in values):
        raise SourceError(
            "this PDF is not an easyread review copy",
            path=path,
            hint="make review copies with 'easyread review' and give back the filled copies",
        )
    review = ReviewFile(
        path=path,
        kind="pdf",
        reviewer=_text(values.get("reviewer-name"), untrusted.MAX_NAME),
        group=_text(values.get("group"), untrusted.MAX_NAME) or group,
        date=_text(values.get("review-date"), untrusted.MAX_DATE),
        identity=identity,
    )
    by_number: dict[str, Response] = {}
    for name, value in values.items():
        parsed = point_number_from_field(name) or added_points.number_from_field(name)
        if parsed is None and name.startswith(DOCUMENT_FIELD + "-"):
            parsed = DOCUMENT_FIELD, name.removeprefix(DOCUMENT_FIELD + "-")
        if parsed is None:
            continue
        number, kind = parsed
        response = by_number.setdefault(
            number, Response(number, review.reviewer, review.group, review.date, path)
        )
        if kind == "notes":
            response.notes = _text(value, untrusted.MAX_NOTE)
        elif kind in ("understand", "not-understand", "change-picture"):
            setattr(response, kind.replace("-", "_"), _ticked(value))
    document = by_number.pop(DOCUMENT_FIELD, None)
    review.document = document if document is not None and not document.is_empty else None
    review.responses = [response for response in by_number.values() if not response.is_empty]
    if not review.responses and review.document is None:
        review.notes.append("nothing was ticked or written in this copy")
    return review


def _pdf_fields_and_metadata(
    data: bytes, path: Path
) -> tuple[list[untrusted.FormField], dict[str, Any]]:
    """The form's fields and the document information, read with pypdf's warnings kept quiet
    (a damaged copy gets one line from easyread, not pages from the library)."""
    import io
    import logging
    import warnings

    from pypdf import PdfReader

    logger = logging.getLogger("pypdf")
    level = logger.level
    logger.setLevel(logging.CRITICAL)
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            reader = PdfReader(io.BytesIO(data))
            if reader.is_encrypted:
                raise untrusted.Refused(
                    "this PDF is locked with a password", "save an unlocked copy and try again"
                )
            fields = untrusted.pdf_form_fields(reader)
            metadata = reader.metadata
            info = {str(key): metadata[key] for key in metadata} if metadata else {}
    except (untrusted.Refused, SourceError):
        raise
    except Exception as error:  # a hostile copy can make the library fail in any way
        reason = untrusted.bounded(str(error) or type(error).__name__, 80)
        raise SourceError(
            f"this PDF cannot be read ({reason})",
            path=path,
            hint="check that the file is a whole PDF and not damaged",
        ) from None
    finally:
        logger.setLevel(level)
    return fields, info


def _identity(text: object) -> ReviewIdentity | None:
    if text is None:
        return None
    text = str(text)
    untrusted.check_identity_json(text)
    return ReviewIdentity.from_json(text)


def _ticked(value: object) -> bool:
    return value is not None and str(value)[:10] not in ("", "/Off", "Off", "/off")


def _text(value: object, limit: int) -> str:
    return untrusted.bounded(value, limit).strip()


def read_review_docx(path: Path, *, group: str = "") -> ReviewFile:
    """Comments from a DOCX copy. Only the document, comments and custom properties parts are
    unpacked (within their limits): python-docx would load every part, pictures included."""
    parts = untrusted.docx_parts(path)
    body = untrusted.parse_xml(parts.document, "document")
    identity = None
    if parts.custom is not None:
        identity = _identity(
            identity_json_from_properties(untrusted.parse_xml(parts.custom, "custom"))
        )
    anchors = comment_anchors(body)
    review = ReviewFile(path, "docx", "", group, "", identity)
    for comment in _comments(parts.comments):
        anchor = anchors.get(comment.comment_id)
        number = anchor.number if anchor else ""
        words = comment.text.strip()
        response = Response(
            number=number,
            reviewer=comment.author,
            group=group,
            date=comment.date,
            review_file=path,
            notes=words,
            quoted=untrusted.bounded(anchor.text.strip(), untrusted.MAX_QUOTED) if anchor else "",
        )
        meaning = comment_meaning(words)
        response.understand = meaning.understand
        response.not_understand = meaning.not_understand
        response.change_picture = meaning.change_picture
        if number:
            review.responses.append(response)
        else:  # on the cover or a page easyread adds, perhaps: placed by its words later
            review.unplaced.append(response)
    if not review.responses and not review.notes and not review.unplaced:
        review.notes.append("this copy has no comments")
    reviewers = sorted({response.reviewer for response in review.responses if response.reviewer})
    review.reviewer = untrusted.bounded(", ".join(reviewers), untrusted.MAX_NAME)
    dates = sorted({response.date for response in review.responses if response.date})
    review.date = dates[-1] if dates else ""
    return review


@dataclass(slots=True)
class Comment:
    comment_id: int
    author: str
    date: str
    text: str


def _comments(data: bytes | None) -> list[Comment]:
    """The comments part, read with lxml: every id a number, every value cut to length."""
    if data is None:
        return []
    from docx.oxml.ns import qn

    root = untrusted.parse_xml(data, "comments")
    found = []
    for element in root.iter(qn("w:comment")):
        if len(found) >= untrusted.MAX_COMMENTS:
            raise untrusted.Refused(
                f"this DOCX file has more than {untrusted.MAX_COMMENTS:,} comments"
            )
        raw_id = str(element.get(qn("w:id"), ""))
        if not (raw_id.isascii() and raw_id.lstrip("-").isdigit() and len(raw_id) <= 10):
            raise untrusted.Refused(
                f"a comment in this DOCX file has a damaged number "
                f"('{untrusted.bounded(raw_id, 20)}')",
                "save it again from Word or LibreOffice as a .docx file",
            )
        paragraphs = [
            "".join(text.text or "" for text in paragraph.iter(qn("w:t")))
            for paragraph in element.iter(qn("w:p"))
        ]
        found.append(
            Comment(
                comment_id=int(raw_id),
                author=untrusted.bounded(
                    element.get(qn("w:author"), ""), untrusted.MAX_NAME
                ).strip(),
                date=_comment_date(element.get(qn("w:date"), "")),
                text=untrusted.bounded("\n".join(paragraphs), untrusted.MAX_NOTE),
            )
        )
    return found


def _comment_date(value: object) -> str:
    text = str(value or "")[: untrusted.MAX_DATE]
    try:
        return dt.datetime.fromisoformat(text.replace("Z", "+00:00")).date().isoformat()
    except ValueError:
        return ""


@dataclass(slots=True)
class CommentAnchor:
    number: str  # the point number the comment belongs to ("" when none)
    text: str  # the words the comment is attached to


def comment_anchors(body: object) -> dict[int, CommentAnchor]:
    """Walk the body in reading order and find each comment's words and point number.

    A point's number is the first run of its first paragraph ("3.2", in bold). A comment
    belongs to the point whose number came last before the comment starts, or else to the
    first number inside the commented words.
    """
    from docx.oxml.ns import qn

    tag_p, tag_r, tag_t = qn("w:p"), qn("w:r"), qn("w:t")
    tag_start, tag_end = qn("w:commentRangeStart"), qn("w:commentRangeEnd")
    tag_reference = qn("w:commentReference")
    current = ""
    # Each range keeps at most QUOTE_LIMIT characters, and a full one stops collecting: many
    # ranges that never end cannot make this quadratic in time or memory.
    open_ranges: dict[int, tuple[str, _Words]] = {}
    collecting: dict[int, _Words] = {}
    anchors: dict[int, CommentAnchor] = {}
    tag_style = qn("w:pStyle")
    for element in body.iter():  # type: ignore[attr-defined]
        tag = element.tag
        if tag == tag_p:
            number = _paragraph_number(element, tag_r, tag_t)
            if number:
                current = number
            elif _starts_a_page(element, tag_style):
                current = ""  # the points of the last part end at the next title
            _collect(collecting, "\n", only_started=True)
        elif tag == tag_t:
            if element.text and not _hidden(element.getparent()):
                _collect(collecting, element.text)
        elif tag == tag_start:
            comment_id = _comment_id(element)
            open_ranges[comment_id] = (current, _Words())
            collecting[comment_id] = open_ranges[comment_id][1]
        elif tag == tag_end:
            comment_id = _comment_id(element)
            collecting.pop(comment_id, None)
            if comment_id in open_ranges:
                number, words = open_ranges.pop(comment_id)
                text = "".join(words)
                if not number:
                    inside = _NUMBER_IN_TEXT.search(text)
                    number = inside[1] if inside else ""
                anchors[comment_id] = CommentAnchor(number, _strip_number(text))
        elif tag == tag_reference:
            comment_id = _comment_id(element)
            anchors.setdefault(comment_id, CommentAnchor(current, ""))
    for comment_id, (number, words) in open_ranges.items():  # a range that never ends
        anchors.setdefault(comment_id, CommentAnchor(number, "".join(words)))
    return anchors


QUOTE_LIMIT = 2_000


class _Words(list):
    """The words of one comment's range so far, with their length."""

    length = 0


def _collect(collecting: dict[int, _Words], text: str, *, only_started: bool = False) -> None:
    full = []
    for comment_id, words in collecting.items():
        if only_started and not words:
            continue
        words.append(text[:QUOTE_LIMIT])
        words.length += len(words[-1])
        if words.length >= QUOTE_LIMIT:
            full.append(comment_id)
    for comment_id in full:
        del collecting[comment_id]


def _comment_id(element: object) -> int:
    from docx.oxml.ns import qn

    try:
        return int(element.get(qn("w:id")))  # type: ignore[attr-defined]
    except (TypeError, ValueError):
        return -1


def _starts_a_page(paragraph: object, tag_style: str) -> bool:
    """A title (the cover's, a part's or a page's easyread adds: Title or Heading 1)."""
    from docx.oxml.ns import qn

    for style in paragraph.iter(tag_style):  # type: ignore[attr-defined]
        return str(style.get(qn("w:val"), "")) in TITLE_STYLES
    return False


def _paragraph_number(paragraph: object, tag_r: str, tag_t: str) -> str:
    for run in paragraph.iter(tag_r):  # type: ignore[attr-defined]
        text = "".join(t.text or "" for t in run.iter(tag_t))
        if not text.strip() or _hidden(run):
            continue
        match = _POINT_NUMBER.match(text)
        return match[1] if match else ""
    return ""


def _hidden(run: object) -> bool:
    """Hidden text is not what the reviewer saw: for example the marks at the end of each row
    that tell Word which section a page's running title names (writers/docx_running)."""
    from docx.oxml.ns import qn

    properties = run.find(qn("w:rPr")) if run is not None else None  # type: ignore[attr-defined]
    vanish = properties.find(qn("w:vanish")) if properties is not None else None
    return vanish is not None and vanish.get(qn("w:val"), "true") not in ("false", "0", "off")


def _strip_number(text: str) -> str:
    return re.sub(r"^\s*\d+\.\d+\s+", "", " ".join(text.split()))


# -- mapping to the report as it is now ----------------------------------------------------------


def collect_feedback(report: Report, files: Iterable[ReviewFile]) -> Feedback:
    files = list(files)
    current = _CurrentReport(report)
    for review in files:
        _check_draft(review, report, current)
    merged: dict[str, PointFeedback] = {
        point.number: PointFeedback(point.number, "same", section, point)
        for section, point in report.points()
    }
    added = _CurrentAddedPages(report, merged) if _any_added(files) else None
    for review in files:
        if added is not None:
            review.responses += added.placed_by_words(review.unplaced)
        for response in review.unplaced:
            if not response.number:
                who = response.reviewer or "someone"
                review.notes.append(f"a comment by {who} is not next to a numbered point")
    for review in files:
        for response in review.responses:
            if added is not None and added_points.is_added(response.number):
                target = added.place(response, review.identity, merged)
            else:
                target = current.place(response, review.identity, merged)
            if response.quoted and target.point is not None:
                _anchor_to_sentence(response, target.point)
            target.responses.append(response)
    points = [entry for entry in merged.values() if entry.responses]
    return Feedback(report, files, sorted(points, key=_reading_order(report)))


def _anchor_to_sentence(response: Response, point: Point) -> None:
    """The sentence the commented words are in: the one holding all of them, else the one
    sharing the most of their words (the first of equals); none when no word is shared."""
    quoted = _squash(_strip_number(response.quoted))
    words = set(re.findall(r"\w+", quoted))
    best, best_shared = None, 0
    for sentence in point.sentences:
        text = _squash(sentence.text)
        if quoted and quoted in text:
            best = sentence
            break
        shared = len(words & set(re.findall(r"\w+", text)))
        if shared > best_shared:
            best, best_shared = sentence, shared
    if best is not None:
        response.sentence = best.text.strip()
        response.line, response.column = best.source.line, best.source.column


def _reading_order(report: Report):  # noqa: ANN202
    order = {point.number: index for index, (_, point) in enumerate(report.points())}
    pages = {slug: place for place, slug in enumerate(added_points.FIELD_STEMS)}

    def key(entry: PointFeedback) -> tuple[int, int, str]:
        number = entry.point.number if entry.point is not None else entry.number
        page, _, index = number.partition(".")
        if page in pages:  # the cover first, the pages at the back after the parts
            place = -1 if page in added_points.PAGES_BEFORE else 2 + pages[page]
            return (place, int(index) if index.isdigit() else 0, number)
        if entry.point is not None:
            return (0, order.get(entry.point.number, 0), "")
        return (1, int(page or 0) * 1000 + int(index or 0), entry.number)

    return key


class _CurrentReport:
    def __init__(self, report: Report) -> None:
        self.report = report
        self.by_number: dict[str, tuple[Section, Point]] = {}
        self.by_fingerprint: dict[str, tuple[Section, Point]] = {}
        for section, point in report.points():
            self.by_number[point.number] = (section, point)
            self.by_fingerprint.setdefault(point_fingerprint(point), (section, point))
        self.section_prints = {
            section_file(report, section): section_fingerprint(section)
            for section in report.sections
        }

    def closest(self, text: str, file: str) -> tuple[Section, Point] | None:
        """The point in the same section file whose words are most like `text`, if any is."""
        best, best_ratio = None, SIMILAR_ENOUGH
        wanted = _squash(text)
        for section, point in self.report.points():
            if section_file(self.report, section) != file:
                continue
            signature = _squash(point_signature(point))
            ratio = difflib.SequenceMatcher(a=wanted, b=signature, autojunk=False).ratio()
            if ratio > best_ratio:
                best, best_ratio = (section, point), ratio
        return best

    def place(
        self,
        response: Response,
        identity: ReviewIdentity | None,
        merged: dict[str, PointFeedback],
    ) -> PointFeedback:
        reviewed = identity.point(response.number) if identity else None
        here = self.by_number.get(response.number)
        if reviewed is not None:
            _, seen = reviewed
            if here and point_fingerprint(here[1]) == seen.fingerprint:
                return merged[response.number]
            moved = self.by_fingerprint.get(seen.fingerprint)
            if moved is not None:
                entry = merged[moved[1].number]
                if moved[1].number != response.number:
                    entry.status, entry.was_number = "moved", response.number
                return entry
            closest = self.closest(seen.text, reviewed[0].file) or here
            if closest is not None:
                entry = merged[closest[1].number]
                entry.status, entry.reviewed_text = "changed", seen.text
                if closest[1].number != response.number:
                    entry.was_number = response.number
                return entry
            return merged.setdefault(
                f"gone:{response.number}",
                PointFeedback(response.number, "gone", None, None, reviewed_text=seen.text),
            )
        if here is None:
            return merged.setdefault(
                f"gone:{response.number}",
                PointFeedback(response.number, "gone", None, None, reviewed_text=response.quoted),
            )
        entry = merged[response.number]
        if response.quoted and _squash(response.quoted) not in _squash(here[1].text):
            entry.status, entry.reviewed_text = "changed", response.quoted
        return entry


def _any_added(files: list[ReviewFile]) -> bool:
    return any(
        added_points.is_added(r.number) or not r.number
        for f in files
        for r in [*f.responses, *f.unplaced]
    )


class _CurrentAddedPages:
    """The cover, Words to know and Find out more as the report makes them now, to map what
    reviewers said about them: by number and words, else the same words under another number
    (a word was added before it), else the closest words on the same page, else gone (with
    the file and line the copy says the words came from)."""

    def __init__(self, report: Report, merged: dict[str, PointFeedback]) -> None:
        self.pages = added_points.current_pages(report)
        self.by_number: dict[str, Point] = {}
        self.by_words: dict[tuple[str, str], Point] = {}
        for page in self.pages:
            section = _added_section(page)
            for point in page.points:
                self.by_number[point.number] = point
                self.by_words.setdefault((page.slug, added_points.added_fingerprint(point)), point)
                merged[point.number] = PointFeedback(point.number, "same", section, point)

    def place(
        self,
        response: Response,
        identity: ReviewIdentity | None,
        merged: dict[str, PointFeedback],
    ) -> PointFeedback:
        number = response.number
        slug = number.partition(".")[0]
        seen = identity.added_point(number) if identity else None
        here = self.by_number.get(number)
        if seen is None:
            return merged[number] if here is not None else self._gone(number, "", 0, "", merged)
        if here is not None and added_points.added_fingerprint(here) == seen.fingerprint:
            return merged[number]
        moved = self.by_words.get((slug, seen.fingerprint))
        if moved is not None:
            entry = merged[moved.number]
            entry.status, entry.was_number = "moved", number
            return entry
        closest = self._closest(slug, seen.text)
        if closest is not None:
            entry = merged[closest.number]
            entry.status, entry.reviewed_text = "changed", seen.text
            if closest.number != number:
                entry.was_number = number
            return entry
        return self._gone(number, seen.text, seen.line, seen.file, merged)

    def placed_by_words(self, responses: list[Response]) -> list[Response]:
        """The comments, from those on no numbered point, whose words are all in one point of
        the cover or a page easyread adds (and in no other): each gets that point's number."""
        texts = [(point, _squash(point.text)) for point in self.by_number.values()]
        placed = []
        for response in responses:
            quoted = _squash(_strip_number(response.quoted))
            if len(quoted) < 3:
                continue
            found = [point for point, text in texts if quoted in text]
            if len(found) == 1:
                response.number = found[0].number
                placed.append(response)
        return placed

    def _closest(self, slug: str, text: str) -> Point | None:
        best, best_ratio = None, SIMILAR_ENOUGH
        wanted = _squash(text)
        for page in self.pages:
            if page.slug != slug:
                continue
            for point in page.points:
                ratio = difflib.SequenceMatcher(
                    a=wanted, b=_squash(point.text), autojunk=False
                ).ratio()
                if ratio > best_ratio:
                    best, best_ratio = point, ratio
        return best

    @staticmethod
    def _gone(
        number: str, text: str, line: int, file: str, merged: dict[str, PointFeedback]
    ) -> PointFeedback:
        entry = PointFeedback(number, "gone", None, None, reviewed_text=text)
        entry.reviewed_file, entry.reviewed_line = file, line
        return merged.setdefault(f"gone:{number}", entry)


def _added_section(page: added_points.AddedPage) -> Section:
    first = page.points[0]
    title = Heading(1, (Run(page.slug),), first.source)
    return Section(0, first.source.path, title, tuple(page.points), role="back", slug=page.slug)


def _squash(text: str) -> str:
    return " ".join(text.split()).casefold()


def _check_draft(review: ReviewFile, report: Report, current: _CurrentReport) -> None:
    identity = review.identity
    if identity is None:
        if review.kind == "docx":
            review.notes.append(
                "this copy does not say which draft it was made from, so easyread matched "
                "comments by point number and by the words they are attached to"
            )
        return
    if identity.title != report.title:
        review.notes.append(
            f"this copy is of a report called '{identity.title}', not '{report.title}'"
        )
    for section in identity.sections:
        now = current.section_prints.get(section.file)
        if now is None:
            review.changed_sections.append(f"section {section.number} ({section.file}) is gone")
        elif now != section.fingerprint:
            review.changed_sections.append(f"section {section.number} has changed since")
    if review.changed_sections:
        review.notes.insert(
            0,
            "this review was done on an earlier draft: " + "; ".join(review.changed_sections),
        )


def read_feedback(report: Report, paths: Iterable[Path], *, group: str = "") -> Feedback:
    return collect_feedback(report, [read_review_file(path, group=group) for path in paths])
