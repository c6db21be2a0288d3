"""The parts of a DOCX around the text: properties, fonts and a reproducible zip.

python-docx starts from a template that names python-docx, a 2013 date, "Microsoft Macintosh
Word" and carries a thumbnail of an empty page. Everything here replaces or removes that, embeds
the report's font when its files are there, and rewrites the zip so the same report gives the
same bytes every time.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import io
import uuid
import zipfile
from dataclasses import dataclass
from pathlib import Path
from xml.sax.saxutils import escape

from docx.document import Document as DocumentObject
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.opc.packuri import PackURI
from docx.opc.part import Part
from docx.oxml import parse_xml
from docx.oxml.ns import qn

from easyread.config import ReportConfig
from easyread.output import atomic_target

FONT_NAME = "Atkinson Hyperlegible"
FALLBACK_FONT = "Arial"
OBFUSCATED_FONT = "application/vnd.openxmlformats-officedocument.obfuscatedFont"
_THUMBNAIL = "http://schemas.openxmlformats.org/package/2006/relationships/metadata/thumbnail"
_STYLES_WITH_EFFECTS = "http://schemas.microsoft.com/office/2007/relationships/stylesWithEffects"
_ZIP_EPOCH = (1980, 1, 1, 0, 0, 0)
# Namespace for the font keys: a key is derived from the font's bytes, so it never changes.
_FONT_KEY_NAMESPACE = uuid.UUID("5b0c7c1e-2d5e-4c11-9a53-0e6a8f3b7d21")


@dataclass(frozen=True, slots=True)
class FontFile:
    """One TrueType file of the report's font and where Word should use it."""

    path: Path
    slot: str  # "embedRegular" or "embedBold"


def set_core_properties(document: DocumentObject, config: ReportConfig) -> None:
    """Title, author, language and dates from the report, never the template's."""
    when = build_time(config)
    props = document.core_properties
    props.title = config.title
    props.subject = config.subtitle
    props.author = config.document_author
    props.last_modified_by = config.document_author
    props.language = config.language
    props.comments = ""
    props.keywords = "Easy Read"
    props.category = "Easy Read"
    props.created = when
    props.modified = when
    props.revision = 1


def build_time(config: ReportConfig) -> dt.datetime:
    """The report's build time as naive UTC, never before the zip format's 1980."""
    when = config.build_date().astimezone(dt.UTC).replace(tzinfo=None, microsecond=0)
    return max(when, dt.datetime(*_ZIP_EPOCH))


def app_properties_xml(config: ReportConfig) -> bytes:
    company = escape(config.organisation)
    return (
        "<?xml version='1.0' encoding='UTF-8' standalone='yes'?>\n"
        '<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/'
        'extended-properties" xmlns:vt="http://schemas.openxmlformats.org/officeDocument/'
        '2006/docPropsVTypes">'
        "<Application>easyread</Application>"
        "<DocSecurity>0</DocSecurity>"
        "<ScaleCrop>false</ScaleCrop>"
        f"<Company>{company}</Company>"
        "<LinksUpToDate>false</LinksUpToDate>"
        "<SharedDoc>false</SharedDoc>"
        "<HyperlinksChanged>false</HyperlinksChanged>"
        "</Properties>"
    ).encode()


def replace_template_parts(document: DocumentObject, config: ReportConfig) -> None:
    """Drop the template's thumbnail and old styles copy; write our own app.xml."""
    package = document.part.package
    for rel_id, rel in list(package.rels.items()):
        if rel.reltype == _THUMBNAIL:
            del package.rels[rel_id]
        elif rel.reltype == RT.EXTENDED_PROPERTIES:
            rel.target_part._blob = app_properties_xml(config)  # a plain Part: bytes only
    for rel_id, rel in list(document.part.rels.items()):
        if rel.reltype in (_STYLES_WITH_EFFECTS, RT.CUSTOM_XML):
            del document.part.rels[rel_id]


def tidy_settings(document: DocumentObject) -> None:
    """Let Word check spelling afresh and stop it saving a preview picture."""
    settings = document.settings.element
    for tag in ("w:proofState", "w:savePreviewPicture"):
        for element in settings.findall(qn(tag)):
            settings.remove(element)


def font_files(fonts_dir: Path) -> list[FontFile]:
    """The upright regular and bold files of the report's font, when they are there."""
    found: list[FontFile] = []
    stem = FONT_NAME.replace(" ", "")
    for slot, style in (("embedRegular", "Regular"), ("embedBold", "Bold")):
        path = fonts_dir / f"{stem}-{style}.ttf"
        if path.is_file():
            found.append(FontFile(path, slot))
    return found


def add_font_to_table(document: DocumentObject, fonts: list[FontFile]) -> None:
    """Name the font in word/fontTable.xml with Arial as its fallback, embedding its files."""
    table_part = document.part.part_related_by(RT.FONT_TABLE)
    root = parse_xml(table_part.blob)
    for old in root.findall(qn("w:font")):
        if old.get(qn("w:name")) == FONT_NAME:
            root.remove(old)
    font = root.makeelement(qn("w:font"), {qn("w:name"): FONT_NAME})
    _sub(font, "w:altName", FALLBACK_FONT)
    _sub(font, "w:charset", "00")
    _sub(font, "w:family", "swiss")
    _sub(font, "w:pitch", "variable")
    for index, font_file in enumerate(fonts, start=1):
        data = font_file.path.read_bytes()
        key = uuid.uuid5(_FONT_KEY_NAMESPACE, hashlib.sha256(data).hexdigest())
        partname = PackURI(f"/word/fonts/font{index}.odttf")
        part = Part(partname, OBFUSCATED_FONT, obfuscate_font(data, key), document.part.package)
        rel_id = table_part.relate_to(part, RT.FONT)
        embed = font.makeelement(qn(f"w:{font_file.slot}"), {})
        embed.set(qn("r:id"), rel_id)
        embed.set(qn("w:fontKey"), "{" + str(key).upper() + "}")
        font.append(embed)
    root.insert(0, font)
    table_part._blob = _serialise(root)  # a plain Part: bytes only
    if fonts:
        _ask_word_to_keep_embedded_fonts(document)


def obfuscate_font(data: bytes, key: uuid.UUID) -> bytes:
    """ECMA-376 font obfuscation: XOR the first 32 bytes with the key's bytes, reversed."""
    reversed_key = key.bytes[::-1]
    head = bytes(byte ^ reversed_key[i % 16] for i, byte in enumerate(data[:32]))
    return head + data[32:]


def _ask_word_to_keep_embedded_fonts(document: DocumentObject) -> None:
    settings = document.settings.element
    if settings.find(qn("w:embedTrueTypeFonts")) is not None:
        return
    flag = settings.makeelement(qn("w:embedTrueTypeFonts"), {})
    zoom = settings.find(qn("w:zoom"))
    # The schema wants it straight after the view settings (zoom) near the top.
    position = list(settings).index(zoom) + 1 if zoom is not None else 0
    settings.insert(position, flag)


def _sub(parent, tag: str, value: str) -> None:  # noqa: ANN001 - an lxml element
    child = parent.makeelement(qn(tag), {qn("w:val"): value})
    parent.append(child)


def _serialise(element) -> bytes:  # noqa: ANN001 - an lxml element
    from lxml import etree

    return etree.tostring(element, xml_declaration=True, encoding="UTF-8", standalone=True)


def save_reproducibly(document: DocumentObject, target: Path, config: ReportConfig) -> None:
    """Save with fixed zip dates and entry order, through a temporary file renamed into place."""
    buffer = io.BytesIO()
    document.save(buffer)
    stamp = build_time(config).timetuple()[:6]
    with zipfile.ZipFile(io.BytesIO(buffer.getvalue())) as source:
        entries = [(info.filename, source.read(info)) for info in source.infolist()]
    entries.sort(key=lambda entry: _entry_order(entry[0]))
    with atomic_target(target) as temporary, zipfile.ZipFile(temporary, "w") as archive:
        for name, data in entries:
            info = zipfile.ZipInfo(name, date_time=stamp)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.create_system = 0
            info.external_attr = 0
            archive.writestr(info, data, compresslevel=6)


def _entry_order(name: str) -> tuple[int, str]:
    # Office reads [Content_Types].xml first; the rest in name order for stable bytes.
    first = {"[Content_Types].xml": 0, "_rels/.rels": 1}
    return first.get(name, 2), name
