"""Writers render an Edition into one output format.

Each writer is a module with one function: `write(edition, target) -> pages` that writes the
whole file at `target` (a temporary path the build renames into place when all is well) and
returns its page count, or None where the format has no fixed pages. Adding a format means
adding a module here and a line to WRITERS; nothing else changes.
"""

from __future__ import annotations

import importlib
from pathlib import Path
from typing import Protocol

from easyread.edition import Edition

WRITERS = {
    "pdf": "easyread.writers.pdf",
    "docx": "easyread.writers.docx",
    "html": "easyread.writers.html",
}


class Writer(Protocol):
    def write(self, edition: Edition, target: Path) -> int | None: ...


def get_writer(output_format: str) -> Writer:
    return importlib.import_module(WRITERS[output_format])  # type: ignore[return-value]
