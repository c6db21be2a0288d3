"""`easyread pictures suggest`, `--apply` and `add`, with the records they write."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from easyread.cli import main
from easyread.errors import EasyReadError
from easyread.pictograms.records import load_records
from easyread.reader import read_report

SAMPLE = Path(__file__).resolve().parents[1] / "samples" / "leder-annual-report"


def small_report(folder: Path) -> Path:
    (folder / "pictures").mkdir(parents=True)
    shutil.copy(SAMPLE / "pictures" / "pill.png", folder / "pictures" / "mine.png")
    (folder / "easyread.toml").write_text('title = "Test"\n', encoding="utf-8")
    (folder / "01-health.md").write_text(
        "# Your health\n\n"
        "Go to the **hospital** if you are very ill.\r\n"
        "The staff there will help you.\n\n"
        "- Take your medicines every day.\n"
        "- ![My own picture](pictures/mine.png) Ask us about money.\n",
        encoding="utf-8",
        newline="",
    )
    return folder


def test_suggest_ranks_3_pictures_for_each_point_with_none(tmp_path, capsys):
    root = small_report(tmp_path / "r")
    assert main(["pictures", "suggest", str(root), "--format", "json"]) == 0
    data = json.loads(capsys.readouterr().out)
    points = {p["point"]: p for p in data["points"]}
    assert sorted(points) == ["1.1", "1.2"]  # 1.3 has its picture
    hospital = points["1.1"]["suggestions"]
    assert [s["choice"] for s in hospital] == [1, 2, 3]
    assert hospital[0]["id"] == "1F3E5" and hospital[0]["name"] == "hospital"
    assert hospital[0]["score"] >= hospital[1]["score"] >= hospital[2]["score"]
    assert "pill" in [s["name"] for s in points["1.2"]["suggestions"]]
    assert main(["pictures", "suggest", str(root), "--all", "--format", "json"]) == 0
    every = json.loads(capsys.readouterr().out)["points"]
    assert [p["point"] for p in every] == ["1.1", "1.2", "1.3"]
    assert every[2]["picture"] == "pictures/mine.png"


def test_suggest_prints_numbered_choices_with_names(tmp_path, capsys):
    root = small_report(tmp_path / "r")
    assert main(["pictures", "suggest", str(root)]) == 0
    out = capsys.readouterr().out
    assert "Point 1.1 (01-health.md, line 3)" in out
    assert "   1. hospital  (1F3E5)" in out
    assert "--apply 1.1=1" in out


def test_apply_writes_the_picture_its_record_and_the_markdown(tmp_path, capsys):
    root = small_report(tmp_path / "r")
    before = (root / "01-health.md").read_bytes()
    assert main(["pictures", "suggest", str(root), "--apply", "1.1=1,1.2=1"]) == 0
    assert "takes the place" not in capsys.readouterr().out  # those points had no picture
    after = (root / "01-health.md").read_bytes()
    assert b"\r\n" in after  # the author's line endings are kept
    assert (
        after.replace(b"![Hospital](pictures/hospital.png) ", b"").replace(
            b"![Pill](pictures/pill.png) ", b""
        )
        == before
    )
    assert (root / "pictures" / "hospital.png").is_file()
    records = load_records(root)
    assert records["hospital.png"].library_id == "openmoji:1F3E5"
    assert records["hospital.png"].licence == "CC BY-SA 4.0"
    assert records["hospital.png"].author
    report = read_report(root)  # the Markdown still reads, with the new pictures in place
    pictures = [point.picture.src for _, point in report.points()]
    assert pictures == ["pictures/hospital.png", "pictures/pill.png", "pictures/mine.png"]
    capsys.readouterr()
    # Applying to a point that has a picture replaces it, and the same pictogram's file is reused.
    assert main(["pictures", "suggest", str(root), "--apply", "1.3=1"]) == 0
    said = capsys.readouterr().out
    assert "It takes the place of pictures/mine.png ('My own picture')." in said
    text = (root / "01-health.md").read_text(encoding="utf-8")
    assert "My own picture" not in text and text.count("](pictures/") == 3


def test_apply_keeps_a_picture_on_its_own_line_without_a_trailing_space(tmp_path, capsys):
    root = small_report(tmp_path / "r")
    path = root / "01-health.md"
    path.write_text("# Your health\n\n![A pill](pictures/mine.png)\nGo to the hospital.\n")
    assert main(["pictures", "suggest", str(root), "--apply", "1.1=1"]) == 0
    assert (
        path.read_text()
        == "# Your health\n\n![Hospital](pictures/hospital.png)\nGo to the hospital.\n"
    )


@pytest.mark.parametrize("choice", ["1.1=9", "7.7=1", "1.1", "x=y"])
def test_a_wrong_choice_changes_nothing(tmp_path, capsys, choice):
    root = small_report(tmp_path / "r")
    before = (root / "01-health.md").read_bytes()
    assert main(["pictures", "suggest", str(root), "--apply", choice]) == 2
    assert "easyread:" in capsys.readouterr().err
    assert (root / "01-health.md").read_bytes() == before
    assert not (root / "pictures" / "pictures.toml").exists()


def test_add_records_an_authors_own_picture(tmp_path, capsys):
    root = small_report(tmp_path / "r")
    picture = root / "pictures" / "mine.png"
    args = ["pictures", "add", str(picture), "--licence", "CC0", "--source", "own work"]
    assert main([*args, "--author", 'Sam "Quote" Lee\x7f']) == 0
    record = load_records(root)["mine.png"]
    assert record.source == "own work" and record.licence == "CC0"
    assert record.author == 'Sam "Quote" Lee\x7f'  # written as valid TOML and read back
    assert not record.needs_attribution
    assert main(["pictures", "add", str(root / "pictures" / "nope.png"), *args[3:]]) == 2


@pytest.mark.slow
def test_the_contact_sheet_has_numbered_pictures_with_alt_text_and_a_tagged_pdf(tmp_path):
    import page
    import pikepdf

    root = small_report(tmp_path / "r")
    html, pdf = tmp_path / "sheet.html", tmp_path / "sheet.pdf"
    assert main(["pictures", "suggest", str(root), "--html", str(html), "--pdf", str(pdf)]) == 0
    text = html.read_text(encoding="utf-8")
    assert text.count("<img ") == 6 and text.count('alt="') == 6
    assert 'alt=""' not in text and "data:image/png;base64," in text
    assert "Point 1.1" in text and '<span class="number">3</span>' in text
    result = page.validate_pdf(str(pdf), profile="ua1")
    assert result.is_compliant, result.failures
    with pikepdf.open(pdf) as document:
        alts = [
            str(node.get("/Alt"))
            for node in _structure(document.Root.StructTreeRoot)
            if node.get("/S") == "/Figure"
        ]
    assert len(alts) == 6 and all(alts)


def _structure(node):
    yield node
    kids = node.get("/K")
    if kids is None:
        return
    for kid in kids if isinstance(kids, list) or hasattr(kids, "__len__") else [kids]:
        if hasattr(kid, "get"):
            yield from _structure(kid)


def test_a_records_file_that_leads_outside_the_report_is_refused(tmp_path, capsys):
    root = small_report(tmp_path / "r")
    outside = tmp_path / "secret.toml"
    outside.write_text('[pictures."mine.png"]\nsource = "x"\nlicence = "CC0"\n', encoding="utf-8")
    (root / "pictures" / "pictures.toml").symlink_to(outside)
    args = ["pictures", "add", str(root / "pictures" / "mine.png"), "--licence", "CC0"]
    assert main([*args, "--source", "own work"]) == 2
    error = capsys.readouterr().err
    assert error.startswith("easyread: ") and len(error.strip().splitlines()) == 1
    assert outside.read_text(encoding="utf-8").startswith('[pictures."mine.png"]')


def test_a_broken_records_file_is_one_line_naming_it(tmp_path, capsys):
    root = small_report(tmp_path / "r")
    (root / "pictures" / "pictures.toml").write_text("[pictures.'a.png'\n", encoding="utf-8")
    assert main(["lint", str(root)]) == 2
    error = capsys.readouterr().err
    assert "pictures.toml" in error and len(error.strip().splitlines()) == 1


def test_a_library_picture_the_report_uses_comes_first_for_the_same_idea(tmp_path, capsys):
    root = small_report(tmp_path / "r")
    path = root / "01-health.md"
    path.write_text(path.read_text(encoding="utf-8") + "\nYour medicines help you.\n", "utf-8")
    assert main(["pictures", "suggest", str(root), "--format", "json"]) == 0
    points = json.loads(capsys.readouterr().out)["points"]
    second_choice = points[1]["suggestions"][1]["id"]
    assert points[2]["suggestions"][0]["id"] != second_choice
    # The author chooses the second picture for the first point about medicines ...
    assert main(["pictures", "suggest", str(root), "--apply", "1.2=2"]) == 0
    capsys.readouterr()
    # ... and the same picture now comes first for the other point about medicines.
    assert main(["pictures", "suggest", str(root), "--format", "json"]) == 0
    last = json.loads(capsys.readouterr().out)["points"][-1]
    assert last["suggestions"][0]["id"] == second_choice


def test_a_point_that_moved_leaves_every_file_as_it_was(tmp_path, capsys):
    root = small_report(tmp_path / "r")
    path = root / "01-health.md"
    from easyread.pictograms.apply import apply_choices
    from easyread.pictograms.library import load_library
    from easyread.pictograms.suggest import suggest_for_report

    report = read_report(root)
    suggestions = suggest_for_report(report, load_library())
    before = path.read_bytes()
    path.write_bytes(before.replace(b"- Take your", b"- Please take your"))  # edited meanwhile
    edited = path.read_bytes()
    choices = [(s.section, s.point, s.matches[0].pictogram) for s in suggestions]
    with pytest.raises(EasyReadError, match="(?i)point 1.2 is no longer where it was"):
        apply_choices(root, choices)  # 1.1 would have been fine: nothing is written at all
    assert path.read_bytes() == edited
    assert sorted(p.name for p in (root / "pictures").iterdir()) == ["mine.png"]
