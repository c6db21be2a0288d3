"""Every file easyread reads: inside the report folder, a regular file, of bounded size.

The report folder may come from a stranger, so these tests play the stranger: links that lead
out, a link to a named pipe, a link swapped in while a file is being opened, a huge file, and a
picture cache that someone else filled.
"""

from __future__ import annotations

import os
import shutil
import signal
from pathlib import Path

import pytest

from easyread import files
from easyread.build import build
from easyread.cli import main
from easyread.edition import matter_dir
from easyread.edition.words_to_know import _entry_picture
from easyread.glossary import Entry
from easyread.model import Picture, Source
from easyread.pictures import prepare_pictures
from easyread.reader import read_report

BAD = Path(__file__).resolve().parent / "data" / "bad"
PICTURE = BAD / "picture-cmyk-jpeg" / "pictures" / "red-cmyk.jpg"


def _report(tmp_path: Path, text: str = "# Intro\n\nWe help people.\n") -> Path:
    report = tmp_path / "report"
    report.mkdir()
    (report / "easyread.toml").write_text('title = "Our report"\n', encoding="utf-8")
    (report / "01-intro.md").write_text(text, encoding="utf-8")
    return report


def test_a_regular_file_inside_is_read(tmp_path: Path) -> None:
    report = _report(tmp_path)
    assert files.read_bytes(report / "01-intro.md", [report]).startswith(b"# Intro")


def test_a_link_inside_the_report_is_followed(tmp_path: Path) -> None:
    report = _report(tmp_path)
    (report / "drafts").mkdir()
    (report / "01-intro.md").rename(report / "drafts" / "intro.md")
    (report / "01-intro.md").symlink_to("drafts/intro.md")
    assert files.read_bytes(report / "01-intro.md", [report]).startswith(b"# Intro")


@pytest.mark.parametrize("level", ["file", "folder"])
def test_a_link_leading_out_at_any_level_is_refused(tmp_path: Path, level: str) -> None:
    report = _report(tmp_path)
    outside = tmp_path / "outside"
    (outside / "notes").mkdir(parents=True)
    (outside / "notes" / "secret.md").write_text("# Secret\n", encoding="utf-8")
    if level == "file":
        (report / "secret.md").symlink_to(outside / "notes" / "secret.md")
        path = report / "secret.md"
    else:
        (report / "notes").symlink_to(outside / "notes")
        path = report / "notes" / "secret.md"
    with pytest.raises(files.FileRefused) as refused:
        files.read_bytes(path, [report])
    assert refused.value.kind == "outside"


def test_a_link_swapped_in_while_opening_is_refused(tmp_path: Path) -> None:
    """The check is made on what is opened: a folder replaced by a link after the path was
    resolved makes the opening fail, not lead out."""
    report = _report(tmp_path)
    (report / "notes").mkdir()
    (report / "notes" / "a.md").write_text("inside\n", encoding="utf-8")
    resolved = Path(os.path.realpath(report / "notes" / "a.md"))
    outside = tmp_path / "outside"
    outside.mkdir()
    (outside / "a.md").write_text("outside\n", encoding="utf-8")
    shutil.rmtree(report / "notes")
    (report / "notes").symlink_to(outside)
    with pytest.raises(files.FileRefused) as refused:
        files._open_walking(resolved, Path(os.path.realpath(report)), "this file")
    assert refused.value.kind == "outside"


def test_a_section_linked_to_a_named_pipe_does_not_hang_the_build(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture
) -> None:
    report = _report(tmp_path)
    os.mkfifo(report / "pipe")
    (report / "02-pipe.md").symlink_to("pipe")
    monkeypatch.chdir(tmp_path)

    def hung(*_: object) -> None:
        raise TimeoutError("the build waited on the named pipe")

    previous = signal.signal(signal.SIGALRM, hung)
    signal.alarm(20)  # a hang fails the test instead of stopping the whole run
    try:
        code = main(["build", "report", "--format", "html", "--no-checks"])
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, previous)
    err = capsys.readouterr().err
    assert code == 2, err
    assert err.count("\n") == 1
    assert "report/02-pipe.md:" in err and "named pipe" in err


def test_a_file_over_the_limit_is_refused_before_it_is_read(tmp_path: Path) -> None:
    report = _report(tmp_path)
    with (report / "02-huge.md").open("wb") as stream:
        stream.truncate(files.SOURCE_LIMIT + 1)  # sparse: no disk space used
    with pytest.raises(files.FileRefused) as refused:
        files.read_bytes(report / "02-huge.md", [report])
    assert refused.value.kind == "too-big"


def test_a_glossary_picture_in_a_linked_pictures_folder_is_not_used(tmp_path: Path) -> None:
    report = _report(tmp_path)
    outside = tmp_path / "outside"
    outside.mkdir()
    shutil.copy(PICTURE, outside / "secret.png")
    (report / "pictures").symlink_to(outside)
    entry = Entry(term="secret", kind="hard-word", plain="A word.", picture="secret")
    path, _ = _entry_picture(read_report(report), entry, None)
    assert path == matter_dir() / "pictures" / "words.png"


def test_the_picture_cache_is_not_in_the_report_folder(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    cache = tmp_path / "user-cache"
    monkeypatch.setenv("EASYREAD_CACHE_DIR", str(cache))
    report = _report(tmp_path, "# Intro\n\n![A red square](pictures/red.jpg)\nWe help people.\n")
    (report / "pictures").mkdir()
    shutil.copy(PICTURE, report / "pictures" / "red.jpg")
    build(report, formats=["html"], run_checks=False)
    assert not (report / "out" / ".cache").exists()
    assert any((cache / "pictures").glob("*.entry"))


def _prepare(source: Path, cache: Path):
    picture = Picture(src=source.name, alt="A picture", source=Source(source, 1), path=source)
    pictures = prepare_pictures([(picture, 200)], cache, [source.parent])
    return pictures, pictures.get(picture, 200)


def test_a_cached_picture_swapped_for_a_link_is_made_again(tmp_path: Path) -> None:
    cache = tmp_path / "cache"
    _, first = _prepare(PICTURE, cache)
    outside = tmp_path / "outside.jpg"
    shutil.copy(first.path, outside)
    first.path.unlink()
    first.path.symlink_to(outside)
    pictures, again = _prepare(PICTURE, cache)
    assert (pictures.stats.processed, pictures.stats.reused) == (1, 0)
    assert again.path.is_file() and not again.path.is_symlink()


def test_a_cached_picture_that_changed_is_made_again(tmp_path: Path) -> None:
    cache = tmp_path / "cache"
    _, first = _prepare(PICTURE, cache)
    data = bytearray(first.path.read_bytes())
    data[-10] ^= 0xFF  # still opens as a JPEG, but is no longer what easyread wrote
    first.path.write_bytes(bytes(data))
    pictures, _ = _prepare(PICTURE, cache)
    assert (pictures.stats.processed, pictures.stats.reused) == (1, 0)
