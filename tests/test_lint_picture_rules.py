"""The picture rules on real report folders: records, print resolution and reuse."""

from __future__ import annotations

import shutil
from pathlib import Path

from PIL import Image

from easyread.lint.engine import lint_report
from easyread.lint.settings import LintSettings
from easyread.pictograms.records import PictureRecord, add_record
from easyread.reader import read_report

SAMPLE = Path(__file__).resolve().parents[1] / "samples" / "leder-annual-report"


def report(folder: Path, body: str, pictures: dict[str, int]) -> Path:
    (folder / "pictures").mkdir(parents=True)
    for name, side in pictures.items():
        Image.new("RGB", (side, side // 2 or 1), (90, 90, 200)).save(folder / "pictures" / name)
    (folder / "01-a.md").write_text(f"# Test\n\n{body}", encoding="utf-8")
    return folder


def findings(root: Path, rule: str) -> list:
    found = lint_report(read_report(root), LintSettings())
    return [finding for finding in found if finding.rule == rule]


def test_a_picture_with_no_record_is_named_and_a_recorded_one_is_not(tmp_path):
    root = report(
        tmp_path,
        "![A house](pictures/a.png) We met.\n\n![A dog](pictures/b.png) We walked.\n",
        {"a.png": 600, "b.png": 600},
    )
    add_record(root, PictureRecord("a.png", source="Our own photo", licence="CC0"))
    found = findings(root, "picture-record")
    assert [(f.line, f.text) for f in found] == [(5, "![A dog](pictures/b.png)")]
    assert "easyread pictures add pictures/b.png" in found[0].suggestion


def test_the_sample_has_a_record_for_every_picture():
    assert findings(SAMPLE, "picture-record") == []


def test_a_picture_under_150_ppi_at_45_mm_says_the_size_it_needs(tmp_path):
    root = report(
        tmp_path,
        "![A house](pictures/small.png) We met.\n\n![A dog](pictures/big.png) We walked.\n",
        {"small.png": 20, "big.png": 266},
    )
    found = findings(root, "picture-resolution")
    assert len(found) == 1
    assert "20 by 10 pixels" in found[0].message and "only 11 pixels per inch" in found[0].message
    assert "at least 266 pixels" in found[0].suggestion


def test_one_picture_for_different_words_or_different_points_is_warned(tmp_path):
    root = report(
        tmp_path,
        "![A pill](pictures/p.png) Take your medicines.\n\n"
        "![Tablets](pictures/p.png) Ask about your medicines.\n\n"
        "![A pill](pictures/p.png) Our garden has new trees.\n\n"
        "![A pill](pictures/p.png) Your medicines are free.\n",
        {"p.png": 600},
    )
    found = findings(root, "picture-reuse")
    assert [f.line for f in found] == [5, 7]
    assert "'Tablets' here and as 'A pill' at point 1.1" in found[0].message
    assert "nothing in common" in found[1].message


def test_an_author_who_reuses_a_picture_for_another_idea_is_told(tmp_path):
    copy = tmp_path / "sample"
    shutil.copytree(SAMPLE, copy, ignore=shutil.ignore_patterns("out", ".easyread-cache"))
    assert findings(copy, "picture-reuse") == []
    # Before this rule, the sample used its hourglass for "died younger" and for "help came
    # too late" (now a pair of eyes: "notice the signs", as at points 10.3 and 15.2).
    path = copy / "07-deaths-that-could-have-been-stopped.md"
    text = path.read_text(encoding="utf-8")
    path.write_text(
        text.replace(
            "![A pair of eyes](pictures/eyes.png)", "![An hourglass](pictures/hourglass.png)"
        ),
        encoding="utf-8",
    )
    found = findings(copy, "picture-reuse")
    assert [(f.path.name, f.line) for f in found] == [(path.name, 12)]


def test_the_cover_needs_150_ppi_at_its_90_mm(tmp_path):
    root = report(tmp_path, "![A dog](pictures/big.png) We walked.\n", {"big.png": 400})
    (root / "easyread.toml").write_text(
        'title = "T"\ncover-picture = "pictures/big.png"\n', encoding="utf-8"
    )
    found = findings(root, "picture-resolution")
    assert [(f.path.name, f.line) for f in found] == [("easyread.toml", 2)]
    assert "Printed 90 mm wide it has only 113 pixels per inch" in found[0].message
    assert "at least 532 pixels" in found[0].suggestion


def test_the_starter_report_has_a_record_and_one_meaning_for_each_picture(tmp_path):
    from easyread.cli import main

    assert main(["init", str(tmp_path / "new")]) == 0
    for rule in ("picture-record", "picture-resolution", "picture-reuse"):
        assert findings(tmp_path / "new", rule) == [], rule


def test_a_picture_file_the_build_would_refuse_is_a_lint_error(tmp_path, capsys):
    from easyread.cli import main

    root = report(
        tmp_path / "r",
        "![A house](pictures/a.png) We met.\n\n![A dog](pictures/gone.png) We walked.\n\n"
        "![A cat](../cat.png) We sat.\n",
        {"a.png": 600},
    )
    (tmp_path / "cat.png").write_bytes((root / "pictures" / "a.png").read_bytes())
    (root / "easyread.toml").write_text(
        'title = "T"\ncover-picture = "pictures/cover.png"\n', encoding="utf-8"
    )
    found = lint_report(read_report(root, check_pictures=False), LintSettings())
    found = [finding for finding in found if finding.rule == "picture-file"]
    assert [(f.path.name, f.line, f.severity) for f in found] == [
        ("01-a.md", 5, "error"),
        ("01-a.md", 7, "error"),
        ("easyread.toml", 2, "error"),
    ]
    assert found[0].message == "The picture file 'pictures/gone.png' is not in the report folder."
    assert "outside the report folder" in found[1].message
    assert found[2].message.startswith("The cover picture file 'pictures/cover.png'")
    assert main(["lint", "--fail-on", "error", str(root)]) == 1
    assert "picture-file" in capsys.readouterr().out
    assert main(["build", str(root), "-o", str(tmp_path / "out")]) == 2


def test_the_cover_picture_needs_a_record_at_its_line_in_easyread_toml(tmp_path):
    root = report(tmp_path, "![A dog](pictures/a.png) We walked.\n", {"a.png": 600, "c.png": 600})
    add_record(root, PictureRecord("a.png", source="Our own photo", licence="CC0"))
    (root / "easyread.toml").write_text(
        'title = "T"\n\ncover-picture = "pictures/c.png"\n', encoding="utf-8"
    )
    found = findings(root, "picture-record")
    assert [(f.path.name, f.line) for f in found] == [("easyread.toml", 3)]
    assert "the cover picture 'pictures/c.png'" in found[0].message
    assert "easyread pictures add pictures/c.png" in found[0].suggestion
    add_record(root, PictureRecord("c.png", source="Our own photo", licence="CC0"))
    assert findings(root, "picture-record") == []
