"""Opening a document package (DOCX or ODT: a zip of XML files) without trusting it.

A document from someone else can be built to hurt the program that opens it: a zip that grows to
gigabytes when unpacked, an XML part with entities that expand without end, or references to
files on this computer or on the internet. So:

- the sizes the zip declares are checked before anything is unpacked (Python's zipfile never
  gives more bytes than the declared size, so a part that lies about its size fails its check);
- XML is parsed with entities left unexpanded, no DTD loaded, no network, and lxml's limits on
  depth and text size kept; a part with a DOCTYPE is refused, as Word and LibreOffice never write
  one;
- nothing is ever written from the zip under its own name.
"""

from __future__ import annotations

import zipfile
from dataclasses import dataclass
from pathlib import Path

from lxml import etree

from easyread.errors import SourceError

MAX_PART_BYTES = 64 * 1024 * 1024  # one unpacked part: a 1,000-page document.xml is about 20 MB
MAX_TOTAL_BYTES = 512 * 1024 * 1024  # the whole unpacked package
MAX_PARTS = 20_000
MAX_FILE_BYTES = 512 * 1024 * 1024  # the file itself, before unpacking

_OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_ENCRYPTION_STREAM = "EncryptionInfo".encode("utf-16-le")


def _xml_parser() -> etree.XMLParser:
    return etree.XMLParser(
        resolve_entities=False,
        no_network=True,
        load_dtd=False,
        dtd_validation=False,
        huge_tree=False,
        remove_comments=True,
        remove_pis=True,
    )


@dataclass(slots=True)
class Package:
    """The parts of a zip package, read only after their sizes were checked."""

    path: Path
    kind: str  # "Word file" or "OpenDocument file", for messages
    archive: zipfile.ZipFile
    names: set[str]

    def has(self, name: str) -> bool:
        return name in self.names

    def read(self, name: str) -> bytes:
        try:
            return self.archive.read(name)
        except (zipfile.BadZipFile, zipfile.LargeZipFile, OSError, EOFError) as error:
            raise damaged(self.path, self.kind, f"its part {name} cannot be unpacked") from error
        except RuntimeError as error:  # zipfile's "is encrypted, password required"
            raise encrypted(self.path, self.kind) from error
        except Exception as error:  # zlib.error and friends from a damaged stream
            raise damaged(self.path, self.kind, f"its part {name} cannot be unpacked") from error

    def xml(self, name: str) -> etree._Element:
        return parse_xml(self.read(name), self.path, self.kind, name)

    def close(self) -> None:
        self.archive.close()


def open_package(path: Path, kind: str) -> Package:
    """Open `path` as a zip package, or raise one plain error about what is wrong with it."""
    data_head = _head(path)
    if data_head.startswith(_OLE_MAGIC):
        raise _ole_error(path, kind)
    if not data_head.startswith(b"PK"):
        raise SourceError(
            f"this is not a {kind}",
            path=path,
            hint=f"open it in its program and save it as a {kind} again",
        )
    try:
        archive = zipfile.ZipFile(path)
    except (zipfile.BadZipFile, zipfile.LargeZipFile, OSError, ValueError, EOFError) as error:
        raise damaged(path, kind, "it is not a whole zip package") from error
    try:
        infos = archive.infolist()
        _check_sizes(path, kind, infos)
        if any(info.flag_bits & 0x1 for info in infos):
            raise encrypted(path, kind)
    except SourceError:
        archive.close()
        raise
    return Package(path, kind, archive, {info.filename for info in infos})


def _head(path: Path) -> bytes:
    try:
        size = path.stat().st_size
        if size > MAX_FILE_BYTES:
            raise SourceError(
                f"this file is too big to import ({size // (1024 * 1024)} MB)",
                path=path,
                hint="make the pictures in it smaller, or split it into parts",
            )
        with path.open("rb") as handle:
            return handle.read(8)
    except FileNotFoundError:
        raise SourceError("this file does not exist", path=path, hint="check its name") from None
    except IsADirectoryError:
        raise SourceError("this is a folder, not a file", path=path) from None
    except OSError as error:
        raise SourceError(f"cannot read this file ({error.strerror})", path=path) from None


def _check_sizes(path: Path, kind: str, infos: list[zipfile.ZipInfo]) -> None:
    if len(infos) > MAX_PARTS:
        raise damaged(path, kind, f"it holds {len(infos):,} parts, far more than a document has")
    total = 0
    for info in infos:
        if info.file_size > MAX_PART_BYTES:
            raise SourceError(
                f"this {kind} holds a part ({info.filename}) that unpacks to "
                f"{info.file_size // (1024 * 1024):,} MB, which is too big to be safe",
                path=path,
                hint="make the pictures in it smaller, or split it into parts",
            )
        total += info.file_size
    if total > MAX_TOTAL_BYTES:
        raise SourceError(
            f"this {kind} unpacks to {total // (1024 * 1024):,} MB, which is too big to be safe",
            path=path,
            hint="make the pictures in it smaller, or split it into parts",
        )


def parse_xml(data: bytes, path: Path, kind: str, name: str) -> etree._Element:
    """One XML part, parsed safely; a DOCTYPE or broken XML is a damaged document."""
    if b"<!DOCTYPE" in data or b"<!ENTITY" in data:
        raise damaged(path, kind, f"its part {name} holds a DOCTYPE, which documents never have")
    try:
        root = etree.fromstring(data, _xml_parser())
    except etree.XMLSyntaxError as error:
        raise damaged(path, kind, f"its part {name} is not whole XML") from error
    if root.getroottree().docinfo.doctype:
        raise damaged(path, kind, f"its part {name} holds a DOCTYPE, which documents never have")
    return root


def damaged(path: Path, kind: str, reason: str) -> SourceError:
    return SourceError(
        f"this {kind} is damaged: {reason}",
        path=path,
        hint=f"open it in its program and save it as a new {kind}",
    )


def encrypted(path: Path, kind: str) -> SourceError:
    return SourceError(
        f"this {kind} is protected with a password, so easyread cannot read it",
        path=path,
        hint="open it, remove the password and save it again",
    )


def _ole_error(path: Path, kind: str) -> SourceError:
    """An OLE file is either a password-protected DOCX or an old .doc from Word 97-2003."""
    try:
        with path.open("rb") as handle:
            start = handle.read(1024 * 1024)
    except OSError:
        start = b""
    if _ENCRYPTION_STREAM in start:
        return encrypted(path, kind)
    return SourceError(
        "this is an old Word 97-2003 file (.doc), which easyread cannot read",
        path=path,
        hint="open it in Word or LibreOffice and save it as a .docx file",
    )
