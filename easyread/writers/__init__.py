"""Writers render an Edition into one output format.

A writer is a module in this package that sets `FORMAT` (an OutputFormat) and has one function,
`write(edition, target) -> pages`, that writes the whole file at `target` (a temporary path the
build renames into place when all is well) and returns its page count, or None where the format
has no fixed pages. The registry finds writers by themselves: adding an output format is adding
one module here. The build, `easyread.toml`'s `outputs` and `--format` all ask the registry.
"""

from __future__ import annotations

import importlib
import pkgutil
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from types import ModuleType
from typing import Protocol

from easyread.edition import Edition


@dataclass(frozen=True, slots=True)
class OutputFormat:
    name: str  # the file extension and the name in --format and `outputs`
    order: int  # where the format is listed among the outputs
    own_process: bool = False  # written in a second process while the others are written


class Writer(Protocol):
    FORMAT: OutputFormat

    def write(self, edition: Edition, target: Path) -> int | None: ...


@cache
def _writers() -> dict[str, ModuleType]:
    found: dict[str, ModuleType] = {}
    for module_info in pkgutil.iter_modules(__path__):
        module = importlib.import_module(f"{__name__}.{module_info.name}")
        output_format = getattr(module, "FORMAT", None)
        if isinstance(output_format, OutputFormat):
            found[output_format.name] = module
    return dict(sorted(found.items(), key=lambda item: item[1].FORMAT.order))


def output_formats() -> list[OutputFormat]:
    """Every format easyread can write, in the order outputs are listed."""
    return [module.FORMAT for module in _writers().values()]


def format_names() -> list[str]:
    return list(_writers())


def get_writer(output_format: str) -> Writer:
    return _writers()[output_format]  # type: ignore[return-value]
