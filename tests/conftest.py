"""Shared fixtures: the sample report, and one build of it for every test that reads outputs."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SAMPLE = ROOT / "samples" / "leder-annual-report"


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
