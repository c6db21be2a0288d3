"""The parsed model of each section file, kept in the cache folder between runs.

Reading Markdown into the model is most of what `easyread lint` spends on a large report, and
between two runs most files have not changed. So each parsed Section is written to the cache
folder (see easyread.cache), and the next run that sees the same text at the same path, with the
same reader, loads it instead of parsing again. A loaded Section is the same as a parsed one.

- One cache file per section file (named by its path and number), holding the hash of what it
  was made from: an edited file replaces its old entry, so the folder does not grow with edits.
- The hash covers the text, the path, the section number and the reader itself (the source of
  every module of easyread.reader and of easyread.model, and the versions of markdown-it-py and
  its plugins): a changed easyread never loads a model that an older one made.
- Loading only makes easyread's own model classes and paths: a cache file that holds anything
  else is refused and the section is parsed again. A damaged, unreadable or unwritable cache
  only costs time.
- A file that cannot be read (an author error) is never cached: every run reports it.
- The folder keeps at most MAX_ENTRIES files: when a run adds to a fuller folder, the files
  written longest ago are removed (they are only read again if needed).
"""

from __future__ import annotations

import contextlib
import hashlib
import importlib.metadata
import io
import os
import pickle
from functools import cache
from pathlib import Path

from easyread import __version__, model
from easyread.cache import model_cache_dir, write_cache_bytes
from easyread.model import Section
from easyread.reader import markdown
from easyread.reader.markdown import parse_section

_DIGEST = 32
MAX_ENTRIES = 4_096
_pruned = False
# What a cache file may make: the model's classes, and paths.
_ALLOWED = {("pathlib", name) for name in ("Path", "PosixPath", "WindowsPath", "PurePosixPath")}


def parse_section_cached(path: Path, text: str, number: int) -> Section:
    """parse_section(path, text, number), loaded from the cache when nothing has changed."""
    if os.environ.get("EASYREAD_MODEL_CACHE", "").strip().lower() in ("0", "off", "no"):
        return parse_section(path, text, number)
    key = _key(path, text, number)
    file = model_cache_dir() / f"{_name(path, number)}.pickle"
    section = _load(file, key)
    if section is not None:
        return section
    section = parse_section(path, text, number)
    try:
        data = pickle.dumps(section, protocol=pickle.HIGHEST_PROTOCOL)
    except (pickle.PicklingError, RecursionError, TypeError):
        return section  # a model too deep to write: parse it again next time
    write_cache_bytes(file, key + data)
    _prune(file.parent)
    return section


def _prune(folder: Path) -> None:
    """Once per run that writes: keep the MAX_ENTRIES files written last."""
    global _pruned
    if _pruned:
        return
    _pruned = True
    try:
        entries = [(entry.stat().st_mtime_ns, entry) for entry in folder.glob("*.pickle")]
    except OSError:
        return
    if len(entries) <= MAX_ENTRIES:
        return
    entries.sort()
    for _, entry in entries[: len(entries) - MAX_ENTRIES]:
        with contextlib.suppress(OSError):
            entry.unlink()


def _load(file: Path, key: bytes) -> Section | None:
    try:
        with file.open("rb") as handle:
            if handle.read(_DIGEST) != key:
                return None
            data = handle.read()
    except OSError:
        return None
    try:
        section = _ModelUnpickler(io.BytesIO(data)).load()
    except Exception:  # damaged or foreign: parse again, and the new file replaces it
        return None
    return section if isinstance(section, Section) else None


class _ModelUnpickler(pickle.Unpickler):
    def find_class(self, module: str, name: str) -> type:
        if module == model.__name__ and isinstance(getattr(model, name, None), type):
            return getattr(model, name)  # type: ignore[no-any-return]
        if (module, name) in _ALLOWED:
            return getattr(__import__(module), name)  # type: ignore[no-any-return]
        raise pickle.UnpicklingError(f"a model cache file may not hold {module}.{name}")


def _name(path: Path, number: int) -> str:
    where = f"{os.path.abspath(path)}\0{number}".encode("utf-8", "surrogatepass")
    return hashlib.blake2b(where, digest_size=16).hexdigest()


def _key(path: Path, text: str, number: int) -> bytes:
    digest = hashlib.blake2b(digest_size=_DIGEST)
    digest.update(_reader_stamp())
    digest.update(f"{path}\0{type(path).__name__}\0{number}\0".encode("utf-8", "surrogatepass"))
    digest.update(text.encode("utf-8", "surrogatepass"))
    return digest.digest()


@cache
def _reader_stamp() -> bytes:
    """What the model of a text depends on besides the text: the code that reads it."""
    digest = hashlib.blake2b(digest_size=_DIGEST)
    digest.update(__version__.encode())
    reader_folder = Path(markdown.__file__ or "").parent
    sources = sorted(reader_folder.glob("*.py")) + [Path(model.__file__ or "")]
    for source in sources:
        try:
            digest.update(source.read_bytes())
        except OSError:
            digest.update(str(source).encode("utf-8", "surrogatepass"))
    for package in ("markdown-it-py", "mdit-py-plugins"):
        try:
            digest.update(f"{package}={importlib.metadata.version(package)}".encode())
        except importlib.metadata.PackageNotFoundError:
            digest.update(package.encode())
    return digest.digest()
