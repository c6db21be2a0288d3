"""The model cache: a section loaded from the cache is the section the reader makes, an edited
file is read again, and a damaged or foreign cache file only costs time."""

from __future__ import annotations

import os
import pickle
import shutil
from pathlib import Path

import pytest

from easyread.errors import SourceError
from easyread.reader import cached, read_report
from easyread.reader.markdown import parse_section

ROOT = Path(__file__).resolve().parent.parent
SAMPLE = ROOT / "samples" / "leder-annual-report"


@pytest.fixture()
def cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    folder = tmp_path / "cache"
    monkeypatch.setenv("EASYREAD_CACHE_DIR", str(folder))
    monkeypatch.delenv("EASYREAD_MODEL_CACHE", raising=False)
    return folder


def _cache_files(cache: Path) -> list[Path]:
    return sorted((cache / "models").glob("*.pickle"))


def test_a_report_read_from_the_cache_is_the_report_the_reader_makes(cache: Path) -> None:
    first = read_report(SAMPLE, check_pictures=False)
    files = _cache_files(cache)
    assert len(files) == len(first.sections)
    stamps = [file.stat().st_mtime_ns for file in files]
    again = read_report(SAMPLE, check_pictures=False)
    assert again.sections == first.sections
    assert [file.stat().st_mtime_ns for file in files] == stamps  # loaded, not written again
    for section in first.sections:
        text = section.path.read_text(encoding="utf-8")
        assert parse_section(section.path, text, section.number) == section


def test_an_edited_file_is_read_again_and_replaces_its_entry(cache: Path, tmp_path: Path) -> None:
    report = tmp_path / "report"
    shutil.copytree(SAMPLE, report)
    before = read_report(report, check_pictures=False)
    count = len(_cache_files(cache))
    first = before.sections[0].path
    first.write_text(first.read_text(encoding="utf-8") + "\nWe added a new point.\n", "utf-8")
    after = read_report(report, check_pictures=False)
    assert after.sections[0].points[-1].text == "We added a new point."
    assert after.sections[0] != before.sections[0]
    assert len(_cache_files(cache)) == count


def test_the_same_text_as_another_section_number_is_its_own_model(cache: Path) -> None:
    path = Path("section.md")
    text = "# Title\n\nWe met.\n"
    assert cached.parse_section_cached(path, text, 1).points[0].number == "1.1"
    assert cached.parse_section_cached(path, text, 2).points[0].number == "2.1"
    assert cached.parse_section_cached(Path("other.md"), text, 1).path == Path("other.md")


def test_a_damaged_cache_file_is_read_again_and_made_again(cache: Path) -> None:
    path, text = Path("section.md"), "# Title\n\nWe met the **team**.\n"
    made = cached.parse_section_cached(path, text, 1)
    (file,) = _cache_files(cache)
    data = file.read_bytes()
    file.write_bytes(data[: len(data) // 2])
    assert cached.parse_section_cached(path, text, 1) == made
    assert file.read_bytes() == data


def test_a_cache_file_that_would_run_code_is_refused(cache: Path, tmp_path: Path) -> None:
    path, text = Path("section.md"), "# Title\n\nWe met.\n"
    made = cached.parse_section_cached(path, text, 1)
    (file,) = _cache_files(cache)
    marker = tmp_path / "ran"

    class Payload:
        def __reduce__(self) -> tuple[object, tuple[str]]:
            return os.mkdir, (str(marker),)

    key = file.read_bytes()[:32]
    file.write_bytes(key + pickle.dumps(Payload()))
    assert cached.parse_section_cached(path, text, 1) == made
    assert not marker.exists()


def test_a_cache_folder_that_cannot_be_written_only_costs_time(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder", encoding="utf-8")
    monkeypatch.setenv("EASYREAD_CACHE_DIR", str(blocker / "cache"))
    section = cached.parse_section_cached(Path("section.md"), "# Title\n\nWe met.\n", 1)
    assert section.points[0].text == "We met."


def test_a_file_with_an_error_is_never_cached(cache: Path) -> None:
    with pytest.raises(SourceError):
        cached.parse_section_cached(Path("section.md"), "\x01", 1)
    assert _cache_files(cache) == []


def test_the_cache_can_be_turned_off(cache: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("EASYREAD_MODEL_CACHE", "off")
    cached.parse_section_cached(Path("section.md"), "# Title\n\nWe met.\n", 1)
    assert _cache_files(cache) == []


def test_the_folder_keeps_the_files_written_last(
    cache: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(cached, "MAX_ENTRIES", 3)
    for number in range(1, 6):
        monkeypatch.setattr(cached, "_pruned", False)  # as a new run
        path = Path(f"section-{number}.md")
        cached.parse_section_cached(path, "# Title\n\nWe met.\n", number)
        written = cache / "models" / f"{cached._name(path, number)}.pickle"
        os.utime(written, ns=(number * 10**9, number * 10**9))  # one second apart
    kept = {file.name for file in _cache_files(cache)}
    assert len(kept) == 3
    assert f"{cached._name(Path('section-5.md'), 5)}.pickle" in kept
    assert f"{cached._name(Path('section-1.md'), 1)}.pickle" not in kept
