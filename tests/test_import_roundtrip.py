"""Round trip: the DOCX that easyread builds imports back into the same report.

build(sample) -> DOCX -> import -> the same sections, points, words, bold words and pictures as
the sample's Markdown. The pages easyread adds (About this document, Contents, Words to know,
Checked by, Find out more) are recognised by their bookmarks and left out, because the build
adds them again. What cannot come back is said here: the picture file names (a DOCX does not
keep them; the import names each picture after its description) and the settings that only
show on the added pages (note, picture-credits, find-out-more).
"""

from __future__ import annotations

from pathlib import Path

import pytest
from PIL import Image

from easyread.build import BuildResult, build
from easyread.cli import main
from easyread.config import load_config
from easyread.model import Heading, Report
from easyread.reader import read_report

pytestmark = pytest.mark.slow


def docx_of(result: BuildResult) -> Path:
    return next(output.path for output in result.outputs if output.format == "docx")


@pytest.fixture(scope="module")
def imported(built_sample: BuildResult, tmp_path_factory: pytest.TempPathFactory) -> Path:
    target = tmp_path_factory.mktemp("roundtrip") / "imported"
    assert main(["import", str(docx_of(built_sample)), str(target)]) == 0
    return target


def outline(report: Report) -> list[tuple[str, list[tuple]]]:
    """Every section's title and blocks: headings, and points with their words and bold."""
    sections = []
    for section in report.sections:
        blocks: list[tuple] = []
        for block in section.blocks:
            if isinstance(block, Heading):
                blocks.append(("heading", block.level, block.text))
                continue
            bold = tuple(run.text for run in block.runs if run.strong)
            alt = block.picture.alt if block.picture else None
            sentences = tuple(sentence.text for sentence in block.sentences)
            blocks.append(("point", alt, sentences, bold))
        sections.append((section.title.text, blocks))
    return sections


def test_the_sample_docx_imports_to_the_same_points_words_and_pictures(
    sample_dir: Path, imported: Path
) -> None:
    original = read_report(sample_dir)
    again = read_report(imported)
    assert outline(again) == outline(original)
    assert sum(1 for _ in again.pictures()) == sum(1 for _ in original.pictures())


def test_each_imported_picture_shows_what_the_sample_picture_shows(
    sample_dir: Path, imported: Path
) -> None:
    original = [picture.path for picture in read_report(sample_dir).pictures()]
    again = [picture.path for picture in read_report(imported).pictures()]
    assert len(original) == len(again)
    for before, after in zip(original, again, strict=True):
        assert _difference(before, after) < 12, (before.name, after.name)


def _difference(first: Path, second: Path) -> float:
    """Mean difference per channel (0-255) of two pictures, both shrunk to 32x32 on white."""

    def pixels(path: Path) -> list[int]:
        with Image.open(path) as image:
            small = image.convert("RGBA").resize((32, 32), Image.Resampling.BOX)
            white = Image.new("RGBA", small.size, (255, 255, 255, 255))
            flat = Image.alpha_composite(white, small).convert("RGB")
            return list(flat.tobytes())

    a, b = pixels(first), pixels(second)
    return sum(abs(x - y) for x, y in zip(a, b, strict=True)) / len(a)


def test_the_cover_comes_back_as_settings(sample_dir: Path, imported: Path) -> None:
    original = load_config(sample_dir / "easyread.toml")
    again = load_config(imported / "easyread.toml")
    for key in ("title", "subtitle", "organisation", "date", "language", "cover_alt"):
        assert getattr(again, key) == getattr(original, key), key
    assert (imported / again.cover_picture).is_file()
    # Only on the pages easyread adds, so not in the DOCX as settings: said, not faked.
    assert again.note == "" and again.find_out_more.is_empty()


def test_building_the_imported_report_and_importing_again_changes_nothing(
    imported: Path, tmp_path: Path
) -> None:
    result = build(imported, out_dir=tmp_path / "out", formats=["docx"], run_checks=False)
    second = tmp_path / "second"
    assert main(["import", str(docx_of(result)), str(second)]) == 0
    for path in sorted(imported.glob("*.md")):
        assert (second / path.name).read_text(encoding="utf-8") == path.read_text(
            encoding="utf-8"
        ), path.name
    settings = [
        [line for line in (folder / "easyread.toml").read_text(encoding="utf-8").splitlines()]
        for folder in (imported, second)
    ]
    assert [line for line in settings[0] if not line.startswith("#")] == [
        line for line in settings[1] if not line.startswith("#")
    ]
    assert sorted(p.name for p in (second / "pictures").iterdir()) == sorted(
        p.name for p in (imported / "pictures").iterdir()
    )


def test_the_sample_web_page_imports_to_the_same_points_and_settings(
    built_sample: BuildResult, sample_dir: Path, tmp_path: Path
) -> None:
    page = next(output.path for output in built_sample.outputs if output.format == "html")
    target = tmp_path / "from-html"
    assert main(["import", str(page), str(target)]) == 0
    assert outline(read_report(target)) == outline(read_report(sample_dir))
    original = load_config(sample_dir / "easyread.toml")
    again = load_config(target / "easyread.toml")
    for key in ("title", "subtitle", "organisation", "date", "language", "cover_alt"):
        assert getattr(again, key) == getattr(original, key), key
