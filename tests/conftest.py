"""Shared fixtures: the sample report, and one build of it for every test that reads outputs."""

from __future__ import annotations

import dataclasses
import functools
import shutil
from pathlib import Path

import pytest

from easyread import model

ROOT = Path(__file__).resolve().parent.parent
SAMPLE = ROOT / "samples" / "leder-annual-report"


def _refuse_lists_in(cls: type) -> None:
    """Make `cls` refuse a list where the model holds a tuple, for the whole test session.

    The model is read-only only if its sequences are tuples: a list inside a frozen value can
    still be changed in place. Every test that makes a model value (the reader, the edition,
    the review copy, ...) then fails at once if some code hands a list over."""
    sequences = [
        item.name for item in dataclasses.fields(cls) if str(item.type).startswith("tuple")
    ]
    if not sequences:
        return
    made = cls.__init__

    @functools.wraps(made)
    def __init__(self: object, *args: object, **kwargs: object) -> None:
        made(self, *args, **kwargs)
        for name in sequences:
            if isinstance(getattr(self, name), list):
                raise TypeError(f"{cls.__name__}.{name} must be a tuple, not a list")

    cls.__init__ = __init__  # type: ignore[misc]


_MODEL_CLASSES = [
    value
    for value in vars(model).values()
    if isinstance(value, type) and value.__module__ == model.__name__
]
for _model_class in _MODEL_CLASSES:
    if dataclasses.is_dataclass(_model_class):
        _refuse_lists_in(_model_class)


@pytest.fixture(scope="session")
def sample_dir() -> Path:
    return SAMPLE


@pytest.fixture(scope="session")
def built_sample(tmp_path_factory: pytest.TempPathFactory):
    """The sample built once into a temporary folder with every output."""
    from easyread.build import build

    out = tmp_path_factory.mktemp("sample-out")
    return build(SAMPLE, out_dir=out, formats=["pdf", "docx", "html"])


@pytest.fixture()
def report_copy(tmp_path: Path) -> Path:
    """A copy of the starter report that a test may change."""
    from easyread.resources import templates_dir

    target = tmp_path / "report"
    shutil.copytree(templates_dir() / "init", target)
    return target
