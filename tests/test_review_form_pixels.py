"""Ticks and notes show in every reader: a review copy filled with pypdf and with pikepdf,
drawn by poppler (pdftoppm) and by MuPDF (mutool draw), has dark pixels inside a ticked box,
none inside a box left empty, and the typed note inside the notes box."""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

import pikepdf
import pytest
from pikepdf.form import DefaultAppearanceStreamGenerator, Form
from PIL import Image
from pypdf import PdfReader, PdfWriter

from easyread.reader import read_report
from easyread.review.feedback import read_feedback
from easyread.review.review_copy import write_review_pdf

FIXTURE = Path(__file__).parent / "data" / "review-report"
DPI = 60
VALUES = {
    "reviewer-name": "Sam Jones",
    "p1_1-understand": "/on",
    "p1_1-notes": "Hard word: pneumonia",
    "words_1-change-picture": "/on",  # a point of Words to know, on another page
}
TICKED, EMPTY, NOTES = "p1_1-understand", "p1_1-not-understand", "p1_1-notes"
ADDED_TICK = "words_1-change-picture"


@pytest.fixture(scope="module")
def copy(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    root = tmp_path_factory.mktemp("pixels") / "report"
    shutil.copytree(FIXTURE, root)
    out = root.parent / "out"
    pdf = write_review_pdf(read_report(root), out / "copy.pdf", cache_dir=out / ".cache").path
    return {"root": root, "pdf": pdf}


def fill_with_pypdf(source: Path, target: Path) -> Path:
    writer = PdfWriter(clone_from=PdfReader(source))
    for page in writer.pages:
        if "/Annots" in page:
            writer.update_page_form_field_values(page, VALUES)  # as a filler would: redraw on
    writer.write(target)
    return target


def fill_with_pikepdf(source: Path, target: Path) -> Path:
    with pikepdf.open(source) as pdf:
        form = Form(pdf, DefaultAppearanceStreamGenerator)
        for name, value in VALUES.items():
            if value == "/on":
                form[name].checked = True
            else:
                form[name].value = value
        pdf.save(target)
    return target


def field_places(path: Path) -> dict[str, tuple[int, tuple[float, float, float, float]]]:
    """Each field's page (1-based) and rectangle, read independently with pypdf."""
    places = {}
    for number, page in enumerate(PdfReader(path).pages, start=1):
        for annotation in page.get("/Annots") or []:
            annotation = annotation.get_object()
            x1, y1, x2, y2 = (float(value) for value in annotation["/Rect"])
            rect = (min(x1, x2), min(y1, y2), max(x1, x2), max(y1, y2))
            places[str(annotation["/T"])] = (number, rect)
    return places


def draw(path: Path, page: int, renderer: str, folder: Path) -> Image.Image:
    target = folder / f"{path.stem}-{renderer}-{page}.png"
    if renderer == "pdftoppm":
        command = ["pdftoppm", "-png", "-r", str(DPI), "-f", str(page), "-l", str(page)]
        command += ["-singlefile", str(path), str(target.with_suffix(""))]
    else:
        command = ["mutool", "draw", "-q", "-r", str(DPI), "-o", str(target), str(path), str(page)]
    subprocess.run(command, check=True, capture_output=True, timeout=60)
    return Image.open(target).convert("L")


def dark_pixels(image: Image.Image, rect: tuple[float, float, float, float], inset: float) -> int:
    """Dark pixels inside the rectangle, `inset` of its size in from each side (away from the
    box's printed border)."""
    x1, y1, x2, y2 = rect
    dx, dy = (x2 - x1) * inset, (y2 - y1) * inset
    scale = DPI / 72
    crop = (
        int((x1 + dx) * scale),
        int(image.height - (y2 - dy) * scale),
        int((x2 - dx) * scale),
        int(image.height - (y1 + dy) * scale),
    )
    return sum(1 for value in image.crop(crop).tobytes() if value < 100)


@pytest.mark.slow
@pytest.mark.parametrize("filler", [fill_with_pypdf, fill_with_pikepdf])
@pytest.mark.parametrize("renderer", ["pdftoppm", "mutool"])
def test_ticks_and_notes_show_in_both_renderers(
    copy: dict[str, Path], tmp_path: Path, filler, renderer: str
) -> None:
    if shutil.which(renderer) is None:
        if os.environ.get("EASYREAD_REQUIRE_RENDERERS"):
            pytest.fail(f"{renderer} is not installed (poppler-utils, mupdf-tools)")
        pytest.skip(f"{renderer} is not installed")
    filled = filler(copy["pdf"], tmp_path / f"{filler.__name__}.pdf")
    places = field_places(filled)
    page, _ = places[TICKED]
    image = draw(filled, page, renderer, tmp_path)
    assert dark_pixels(image, places[TICKED][1], 0.25) > 20
    assert dark_pixels(image, places[EMPTY][1], 0.25) == 0
    assert dark_pixels(image, places[NOTES][1], 0.05) > 100  # about 300 for the typed words
    blank = draw(copy["pdf"], page, renderer, tmp_path)
    assert dark_pixels(blank, places[TICKED][1], 0.25) == 0
    assert dark_pixels(blank, places[NOTES][1], 0.05) == 0
    words_page, words_box = places[ADDED_TICK]
    assert words_page != page
    assert dark_pixels(draw(filled, words_page, renderer, tmp_path), words_box, 0.25) > 20
    feedback = read_feedback(read_report(copy["root"]), [filled])
    response = {point.number: point for point in feedback.points}["1.1"].responses[0]
    assert response.understand and response.notes == "Hard word: pneumonia"
    assert response.reviewer == "Sam Jones"


def test_every_field_carries_its_appearances(copy: dict[str, Path]) -> None:
    with pikepdf.open(copy["pdf"]) as pdf:
        form = pdf.Root.AcroForm
        assert "/NeedAppearances" not in form
        fonts = form.DR.Font
        for field in form.Fields:
            normal = field.AP.N
            if field.FT == "/Btn":
                assert set(normal.keys()) == {"/on", "/Off"}
                assert field.AS == "/Off"
                assert " Tf" in str(field.DA)
            else:
                assert isinstance(normal, pikepdf.Stream)
                font = str(field.DA).split(" Tf")[0].split()[-2]
                assert fonts[font].Subtype == "/TrueType"
                assert "/FontFile2" in fonts[font].FontDescriptor


# -- easyread feedback finds its report (issue 14 part 2) ----------------------------------------


def test_feedback_finds_the_report_from_a_folder_or_from_the_copy(
    copy: dict[str, Path], tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys
) -> None:
    from easyread.cli import main

    (tmp_path / "returned").mkdir()
    filled = fill_with_pypdf(copy["pdf"], tmp_path / "returned" / "sam.pdf")
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    monkeypatch.chdir(elsewhere)
    out = tmp_path / "fb"
    assert main(["feedback", str(copy["root"]), str(filled), "--out", str(out)]) == 0
    assert "Sam Jones" in (out / "feedback.md").read_text(encoding="utf-8")
    (out / "feedback.md").unlink()
    assert main(["feedback", str(filled), "--out", str(out)]) == 0  # the copy names its report
    assert "Sam Jones" in (out / "feedback.md").read_text(encoding="utf-8")
    moved = tmp_path / "moved-report"
    copy["root"].rename(moved)
    try:
        capsys.readouterr()
        assert main(["feedback", str(filled), "--out", str(out)]) == 2
        error = capsys.readouterr().err.strip().splitlines()
        assert len(error) <= 2 and "no report folder was given" in error[0].lower()
        assert "easyread feedback REPORT-FOLDER" in " ".join(error)
        assert main(["feedback", str(moved), str(filled), "--out", str(out)]) == 0
    finally:
        moved.rename(copy["root"])


def test_review_prints_a_feedback_command_that_works(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys
) -> None:
    import shlex

    from easyread.cli import main

    root = tmp_path / "report"
    shutil.copytree(FIXTURE, root)
    monkeypatch.chdir(tmp_path)
    assert main(["review", "report", "--format", "pdf", "--out", "copies"]) == 0
    line = [ln for ln in capsys.readouterr().out.splitlines() if "easyread feedback" in ln][0]
    command = shlex.split(line.split("run: easyread ", 1)[1])
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    monkeypatch.chdir(elsewhere)
    command = [c if Path(c).is_absolute() else str(tmp_path / c) for c in command[1:]]
    assert main(["feedback", *command, "--out", str(tmp_path / "fb")]) == 0


# -- review copies are byte-identical on rebuild (issue 14 part 3) -------------------------------


@pytest.mark.slow
def test_review_copies_are_byte_identical_and_dated_from_the_report(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import time
    import zipfile

    from easyread.review.copies import make_copies

    root = tmp_path / "report"
    shutil.copytree(FIXTURE, root)
    monkeypatch.delenv("SOURCE_DATE_EPOCH", raising=False)
    first = make_copies(root, out_dir=tmp_path / "first")
    time.sleep(1.1)  # zip times have 2-second steps; a second apart still shows a clock time
    second = make_copies(root, out_dir=tmp_path / "second")
    for kind in ("pdf", "docx"):
        assert first.copies[kind].path.read_bytes() == second.copies[kind].path.read_bytes()
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1767225600")  # 1 January 2026
    dated = make_copies(root, out_dir=tmp_path / "dated", formats=["docx"])
    with zipfile.ZipFile(dated.copies["docx"].path) as archive:
        assert {info.date_time[:3] for info in archive.infolist()} == {(2026, 1, 1)}


# -- the facilitator's sheet (issue 14 part 7) ----------------------------------------------------


def test_the_facilitators_sheet_is_the_last_page_and_fits_on_it(copy: dict[str, Path]) -> None:
    from easyread.edition.review_strings import facilitator_path

    reader = PdfReader(copy["pdf"])
    last = " ".join(reader.pages[-1].extract_text().split())
    before = " ".join(reader.pages[-2].extract_text().split())
    sheet = facilitator_path("en").read_text(encoding="utf-8").splitlines()
    sentences = [line for line in sheet if line and not line.startswith(("#", "!["))]
    assert last.startswith("How to run the check meeting")
    for sentence in sentences:
        assert " ".join(sentence.split()) in last
    assert "check meeting" not in before  # one page: it starts on the last page


# -- the whole-document page (issue 14 part 6, in part) ------------------------------------------


def test_what_a_reviewer_says_about_the_whole_document_is_read_back(
    copy: dict[str, Path], tmp_path: Path
) -> None:
    from easyread.review.feedback_report import to_json, to_markdown

    writer = PdfWriter(clone_from=PdfReader(copy["pdf"]))
    values = {
        "reviewer-name": "Kim Lee",
        "document-not-understand": "/on",
        "document-notes": "Too long. The words in part 2 are hard.",
    }
    for page in writer.pages:
        if "/Annots" in page:
            writer.update_page_form_field_values(page, values)
    filled = tmp_path / "kim.pdf"
    writer.write(filled)
    page_text = PdfReader(copy["pdf"]).pages[-2].extract_text()
    assert "What did you think of this document?" in page_text
    feedback = read_feedback(read_report(copy["root"]), [filled])
    document = feedback.files[0].document
    assert document is not None and document.not_understand and not document.understand
    assert document.notes == "Too long. The words in part 2 are hard."
    assert feedback.points == []  # nothing is put on a point
    markdown = to_markdown(feedback)
    assert "## The whole document" in markdown and "Kim Lee: I do not understand." in markdown
    assert '"not_understand": true' in to_json(feedback)
