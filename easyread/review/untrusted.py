"""Limits for review copies that come back: they are files from outside, and may be hostile.

A copy easyread made is small and plain: a few megabytes, four form fields per point, comments
of a few lines. Anything far beyond that is refused with one line before it is parsed, so that
no copy can make `easyread feedback` use gigabytes of memory, run for minutes or crash:

- the file's size, before anything is read;
- PDF: the compression each stream uses, how many bytes each stream inflates to (counted while
  inflating, in small pieces, and thrown away), a password lock; then, while reading the form,
  how many fields there are, how deep they nest, and loops in their parents;
- DOCX: how many parts the zip holds and their declared unpacked sizes; only the four small
  parts easyread needs are unpacked, each checked against its own limit while it is read (the
  pictures are never unpacked); XML with a DOCTYPE (entity bombs, external entities) is refused;
- the JSON a copy keeps about its draft: size, nesting and number sizes;
- every value taken from a copy is cut to a length a real answer never reaches.
"""

from __future__ import annotations

import re
import zipfile
import zlib
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

MB = 1_000_000
MAX_COPY_BYTES = 40 * MB  # a review copy with a picture on every point is a few MB
# PDF
MAX_STREAM_INFLATED = 120 * MB  # one picture or page, unpacked
MAX_TOTAL_INFLATED = 600 * MB
MAX_OBJECT_STREAM_INFLATED = 8 * MB  # the form fields and their values live in these
MAX_OBJECT_STREAMS_INFLATED = 24 * MB
MAX_FIELDS = 20_000  # 4 fields per point: 5,000 points
MAX_FIELD_DEPTH = 16
ALLOWED_FILTERS = {"/FlateDecode", "/DCTDecode", "/JPXDecode", "/CCITTFaxDecode"}
# DOCX
MAX_PARTS = 5_000
MAX_DECLARED_UNPACKED = 400 * MB
DOCX_PART_LIMITS = {
    "document": 48 * MB,
    "comments": 8 * MB,
    "custom": 2 * MB,
    "rels": 2 * MB,
}
MAX_COMMENTS = 10_000
# Values
MAX_NOTE = 20_000  # characters: about ten pages of notes on one point
MAX_NAME = 200
MAX_QUOTED = 2_000
MAX_DATE = 40
MAX_FIELD_NAME = 200
MAX_IDENTITY_JSON = 8 * MB
MAX_JSON_DEPTH = 12  # the identity nests 5 deep


class Refused(Exception):
    """A copy that is beyond the limits, with what is wrong in plain words."""

    def __init__(self, message: str, hint: str = "") -> None:
        super().__init__(message)
        self.message = message
        self.hint = hint or "use the copy as it came back from the group, or make a new one"


def bounded(value: object, limit: int) -> str:
    """A value from a copy as text of at most `limit` characters, without control codes."""
    text = "" if value is None else str(value)
    if len(text) > limit:
        text = text[:limit] + "…"
    return _CONTROL.sub("", text)


_CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\x80-\x9f]")


def check_size(path: Path) -> None:
    size = path.stat().st_size
    if size > MAX_COPY_BYTES:
        raise Refused(
            f"this file is far bigger than a review copy ({size // MB} MB; a copy easyread "
            f"makes is a few MB, and easyread reads copies of up to {MAX_COPY_BYTES // MB} MB)",
            "check that it is the review copy the group gave back",
        )


# -- PDF ------------------------------------------------------------------------------------------

_STREAM = re.compile(rb"(?<!end)stream(?:\r\n|\n|\r)")
_FILTER = re.compile(rb"/Filter\s*(\[[^\]]{0,400}\]|/[A-Za-z0-9#]{1,60})")
_NAME = re.compile(rb"/[A-Za-z0-9#]{1,60}")
_ENCRYPT = re.compile(rb"/Encrypt\s*(\d+\s+\d+\s+R|<<)")


def check_pdf_bytes(data: bytes) -> None:
    """Refuse a locked PDF, an unusual compression, or streams that inflate beyond the limits.

    Streams cannot be kept inside object streams, so every stream and its dictionary is in the
    file as it is; each is inflated in 1 MB pieces that are counted and thrown away."""
    if _ENCRYPT.search(data):
        raise Refused("this PDF is locked with a password", "save an unlocked copy and try again")
    total = object_streams = 0
    for match in _STREAM.finditer(data):
        dictionary = _dictionary_before(data, match.start())
        for name in _filters(dictionary):
            if name not in ALLOWED_FILTERS:
                raise Refused(
                    f"this PDF packs its contents in a way easyread does not read ({name})",
                    "print it to a new PDF, or fill in a new review copy",
                )
        is_object_stream = b"/ObjStm" in dictionary
        limit = MAX_OBJECT_STREAM_INFLATED if is_object_stream else MAX_STREAM_INFLATED
        size = _inflated_size(data, match.end(), limit)
        if size > limit:
            raise Refused(_too_much("one part of this PDF", size, limit))
        total += size
        if total > MAX_TOTAL_INFLATED:
            raise Refused(_too_much("this PDF", total, MAX_TOTAL_INFLATED))
        if is_object_stream:
            object_streams += size
            if object_streams > MAX_OBJECT_STREAMS_INFLATED:
                raise Refused(
                    _too_much("the form in this PDF", object_streams, MAX_OBJECT_STREAMS_INFLATED)
                )


def _too_much(what: str, size: int, limit: int) -> str:
    return f"{what} unpacks to more than {limit // MB} MB, far more than a review copy holds" + (
        f" (at least {size // MB} MB)" if size > limit else ""
    )


def _dictionary_before(data: bytes, stream_start: int) -> bytes:
    start = data.rfind(b"obj", max(0, stream_start - 4096), stream_start)
    return data[start if start >= 0 else max(0, stream_start - 4096) : stream_start]


def _filters(dictionary: bytes) -> list[str]:
    found = _FILTER.search(dictionary)
    if found is None:
        return []
    return [name.decode("ascii") for name in _NAME.findall(found.group(1))]


def _inflated_size(data: bytes, start: int, limit: int) -> int:
    """How many bytes the zlib stream at `start` inflates to, stopping just past `limit`; 0 for
    data that is not zlib (a JPEG picture, say)."""
    inflater = zlib.decompressobj()
    total, position, piece = 0, start, 65_536
    try:
        while not inflater.eof:
            if inflater.unconsumed_tail:
                chunk = inflater.unconsumed_tail
            elif position < len(data):
                chunk = data[position : position + piece]
                position += piece
            else:
                break
            total += len(inflater.decompress(chunk, MB))
            if total > limit:
                return total
    except zlib.error:
        return total
    return total


@dataclass(slots=True)
class FormField:
    name: str
    value: object


def pdf_form_fields(reader: Any) -> list[FormField]:
    """The terminal fields of the PDF's form, walked with limits on count, depth and loops."""
    root = reader.trailer["/Root"].get_object()
    form = root.get("/AcroForm")
    if form is None:
        return []
    kids = form.get_object().get("/Fields") or []
    stack: list[tuple[Any, str, int]] = [(kid, "", 1) for kid in reversed(list(_array(kids)))]
    seen: set[tuple[int, int]] = set()
    found: list[FormField] = []
    visited = 0
    while stack:
        reference, parent_name, depth = stack.pop()
        key = _reference_key(reference)
        if key is not None:
            if key in seen:
                raise Refused(
                    "the form in this PDF goes round in a circle (a field is its own parent)"
                )
            seen.add(key)
        visited += 1
        if visited > MAX_FIELDS:
            raise Refused(
                f"this PDF has more than {MAX_FIELDS:,} form fields, far more than a review copy"
            )
        if depth > MAX_FIELD_DEPTH:
            raise Refused(
                f"the form fields in this PDF are nested more than {MAX_FIELD_DEPTH} deep; "
                "a review copy's are one deep"
            )
        field = reference.get_object()
        if not hasattr(field, "get"):
            continue
        part = field.get("/T")
        name = parent_name
        if part is not None:
            part_text = bounded(part, MAX_FIELD_NAME)
            name = f"{parent_name}.{part_text}" if parent_name else part_text
        children = [kid for kid in _array(field.get("/Kids") or []) if _has_name(kid)]
        if children:
            stack.extend((kid, name, depth + 1) for kid in reversed(children))
        elif name:
            found.append(FormField(name, field.get("/V")))
    return found


def _array(value: Any) -> Iterator[Any]:
    value = value.get_object() if hasattr(value, "get_object") else value
    if isinstance(value, list):
        yield from value[: MAX_FIELDS + 1]


def _has_name(kid: Any) -> bool:
    try:
        return "/T" in kid.get_object()
    except (AttributeError, TypeError):
        return False


def _reference_key(reference: Any) -> tuple[int, int] | None:
    number = getattr(reference, "idnum", None)
    if number is None:
        return None
    return int(number), int(getattr(reference, "generation", 0))


# -- DOCX -----------------------------------------------------------------------------------------

_RELATIONSHIPS = "http://schemas.openxmlformats.org/package/2006/relationships"
_OFFICE_DOCUMENT = "/officeDocument"
_COMMENTS = "/comments"
_CUSTOM_PROPERTIES = "/custom-properties"


@dataclass(slots=True)
class DocxParts:
    document: bytes
    comments: bytes | None
    custom: bytes | None


def docx_parts(path: Path) -> DocxParts:
    """The three parts feedback needs, unpacked within their limits; nothing else is unpacked."""
    try:
        archive = zipfile.ZipFile(path)
    except (zipfile.BadZipFile, zipfile.LargeZipFile, OSError, ValueError) as error:
        raise Refused(
            f"this DOCX file is not a whole Word file ({_reason(error)})",
            "save it again from Word or LibreOffice as a .docx file",
        ) from None
    with archive:
        members = archive.infolist()
        if len(members) > MAX_PARTS:
            raise Refused(
                f"this DOCX file holds {len(members):,} parts, far more than a review copy"
            )
        declared = sum(member.file_size for member in members)
        if declared > MAX_DECLARED_UNPACKED:
            raise Refused(
                f"this DOCX file unpacks to {declared // MB:,} MB, far more than a review copy "
                f"(easyread reads copies of up to {MAX_DECLARED_UNPACKED // MB} MB unpacked)"
            )
        names = {member.filename for member in members}
        main = _target(archive, names, "_rels/.rels", "", _OFFICE_DOCUMENT) or "word/document.xml"
        if main not in names:
            raise Refused("this DOCX file has no document in it", "save it again from Word")
        folder, _, file_name = main.rpartition("/")
        document_rels = f"{folder}/_rels/{file_name}.rels" if folder else f"_rels/{file_name}.rels"
        comments = _target(archive, names, document_rels, folder, _COMMENTS)
        custom = _target(archive, names, "_rels/.rels", "", _CUSTOM_PROPERTIES)
        return DocxParts(
            document=_unpack(archive, main, DOCX_PART_LIMITS["document"]),
            comments=_unpack(archive, comments, DOCX_PART_LIMITS["comments"]) if comments else None,
            custom=_unpack(archive, custom, DOCX_PART_LIMITS["custom"]) if custom else None,
        )


def _target(
    archive: zipfile.ZipFile, names: set[str], rels: str, folder: str, kind: str
) -> str | None:
    """The part a relationship of `kind` (its type's last words) points at, if it is there."""
    if rels not in names:
        return None
    root = parse_xml(_unpack(archive, rels, DOCX_PART_LIMITS["rels"]), rels)
    for relationship in root.iter(f"{{{_RELATIONSHIPS}}}Relationship"):
        if str(relationship.get("Type", "")).endswith(kind):
            target = str(relationship.get("Target", ""))
            if relationship.get("TargetMode") == "External":
                continue
            name = target.lstrip("/") if target.startswith("/") else _join(folder, target)
            if name in names:
                return name
    return None


def _join(folder: str, target: str) -> str:
    parts = [part for part in (folder + "/" + target).split("/") if part not in ("", ".")]
    joined: list[str] = []
    for part in parts:
        if part == "..":
            if joined:
                joined.pop()
        else:
            joined.append(part)
    return "/".join(joined)


def _unpack(archive: zipfile.ZipFile, name: str, limit: int) -> bytes:
    """One part, unpacked only up to its limit whatever size its header declares."""
    try:
        member = archive.getinfo(name)
        if member.file_size > limit:
            raise Refused(_part_too_big(name, limit))
        with archive.open(member) as stream:
            data = stream.read(limit + 1)
    except (zipfile.BadZipFile, OSError, EOFError, zlib.error, ValueError) as error:
        raise Refused(
            f"this DOCX file is damaged: the part '{name}' cannot be unpacked ({_reason(error)})",
            "save it again from Word or LibreOffice as a .docx file",
        ) from None
    if len(data) > limit:
        raise Refused(_part_too_big(name, limit))
    return data


def _part_too_big(name: str, limit: int) -> str:
    return f"the part '{name}' of this DOCX file unpacks to more than {limit // MB} MB"


def parse_xml(data: bytes, name: str) -> Any:
    """XML from a copy, never with a DOCTYPE: no entities are expanded or fetched."""
    from lxml import etree

    if b"<!DOCTYPE" in data or b"<!ENTITY" in data:
        raise Refused(
            f"the part '{name}' of this DOCX file declares entities, which Word never writes",
            "save it again from Word or LibreOffice as a .docx file",
        )
    parser = etree.XMLParser(
        resolve_entities=False, no_network=True, load_dtd=False, huge_tree=False, recover=False
    )
    try:
        root = etree.fromstring(data, parser)
    except etree.XMLSyntaxError as error:
        raise Refused(
            f"the part '{name}' of this DOCX file is damaged ({_reason(error)})",
            "save it again from Word or LibreOffice as a .docx file",
        ) from None
    if root.getroottree().docinfo.doctype:
        raise Refused(
            f"the part '{name}' of this DOCX file declares entities, which Word never writes"
        )
    return root


def _reason(error: BaseException) -> str:
    return bounded(str(error).strip() or type(error).__name__, 80)


# -- the JSON a copy keeps about its draft ---------------------------------------------------------


def check_identity_json(text: str) -> None:
    """Refuse JSON too big or too deeply nested to be a copy's record of its draft."""
    if len(text) > MAX_IDENTITY_JSON:
        raise Refused(
            f"this copy's record of its draft is far too long ({len(text) // MB} MB)",
            "make a new review copy with 'easyread review'",
        )
    bare = _STRINGS.sub("", text)
    if _HUGE_NUMBER.search(bare) or _NOT_A_NUMBER.search(bare):
        raise Refused(
            "this copy's record of its draft holds a number no review copy has",
            "make a new review copy with 'easyread review'",
        )
    depth = 0
    for bracket in _BRACKETS.finditer(bare):
        depth += 1 if bracket.group() in "[{" else -1
        if depth > MAX_JSON_DEPTH:
            raise Refused(
                "this copy's record of its draft is nested far too deep",
                "make a new review copy with 'easyread review'",
            )


_STRINGS = re.compile(r'"(?:[^"\\]|\\.)*"')
_BRACKETS = re.compile(r"[\[\]{}]")
_HUGE_NUMBER = re.compile(r"\d{10,}|[eE][+-]?\d{3,}")
_NOT_A_NUMBER = re.compile(r"\b(NaN|Infinity)\b")
