"""The credits page from the picture records, and Words to know's own pictures."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from easyread.edition.assemble import edition_for_build
from easyread.edition.picture_credits import used_records
from easyread.glossary import load_glossary
from easyread.pictograms.records import PictureRecord, add_record, find_record
from easyread.reader import read_report

SAMPLE = Path(__file__).resolve().parents[1] / "samples" / "leder-annual-report"
pytestmark = pytest.mark.slow  # each test prepares every picture of the sample once


def edition_of(root: Path, tmp_path: Path):
    report = read_report(root)
    return edition_for_build(report, load_glossary(report.config), tmp_path / "cache")


def page(edition, slug: str):
    return next(section for section in edition.back if section.slug == slug)


def texts(section) -> str:
    return " ".join(point.text for point in section.points)


def links(section) -> set[str]:
    return {run.link for p in section.points for s in p.sentences for run in s.runs if run.link}


def test_every_printed_picture_that_needs_a_credit_is_credited(tmp_path):
    edition = edition_of(SAMPLE, tmp_path)
    credits_page = page(edition, "picture-credits")
    credits = texts(credits_page)
    printed = [p.picture.path for s in edition.sections for p in s.points if p.picture]
    printed.append(edition.report.cover.path)
    records = used_records(edition.report, printed)
    assert len(records) >= 45
    for record in records:
        assert record.needs_attribution
        assert record.author in credits and record.licence_link in links(credits_page)
    # The licence in plain words (issue 13 part 3: the page is Easy Read), not "CC BY-SA 4.0",
    # and short sentences: names a few to a sentence, no list of every picture's subject.
    assert "You may share these pictures if you say who made them." in credits
    assert "CC BY-SA" not in credits and "They show" not in credits
    # The credits page credits its own picture too, and nothing is left without a record.
    assert all(find_record(path, (SAMPLE,)) or "matter" in str(path) for path in printed)


def test_the_credits_are_grouped_by_licence_and_unrecorded_pictures_are_not_claimed(tmp_path):
    root = tmp_path / "report"
    shutil.copytree(SAMPLE, root, ignore=shutil.ignore_patterns("out", ".easyread-cache"))
    shutil.copy(root / "pictures" / "pill.png", root / "pictures" / "own.png")
    shutil.copy(root / "pictures" / "pill.png", root / "pictures" / "unknown.png")
    add_record(root, PictureRecord("own.png", source="Our own drawing", licence="CC0"))
    path = root / "09-medicines.md"
    text = path.read_text(encoding="utf-8")
    text = text.replace("pictures/pill.png", "pictures/own.png", 1)
    text = text.replace("pictures/stop.png", "pictures/unknown.png", 1)
    path.write_text(text, encoding="utf-8")
    credits = page(edition_of(root, tmp_path), "picture-credits")
    licences = [point.text for point in credits.points if "You may share" in point.text]
    assert licences[0].startswith("You may share these pictures if you say who made them.")
    assert licences[1] == "You may share these pictures in any way you like."  # CC0
    assert "Our own drawing" in texts(credits) and "unknown" not in texts(credits)


def test_each_credits_point_has_its_own_picture_and_addresses_stand_alone(tmp_path):
    """Issue 13: the page repeated one framed picture on 4 points, and the licence address
    broke after 'https://'. Each point now shows what it says, and a web address is a line of
    its own: short to read, the whole address as its link."""
    credits_page = page(edition_of(SAMPLE, tmp_path), "picture-credits")
    pictures = [point.picture.path.name for point in credits_page.points]
    assert len(set(pictures)) == len(pictures) == 4
    assert [point.picture.alt for point in credits_page.points] == [
        "A framed picture",
        "An artist",
        "A paint palette",
        "2 hands shaking",
    ]
    addresses = [
        (sentence.text, sentence.runs[0].link)
        for point in credits_page.points
        for sentence in point.sentences
        if sentence.runs[0].link
    ]
    assert addresses == [
        ("openmoji.org", "https://openmoji.org"),
        (
            "creativecommons.org/licenses/by-sa/4.0",
            "https://creativecommons.org/licenses/by-sa/4.0/",
        ),
    ]
    # The credits' own pictures are credited: the artist was drawn by Benedikt Groß.
    assert "Benedikt Groß" in texts(credits_page)


def test_the_printed_licence_address_is_whole_on_one_line(built_sample):
    import pdfplumber
    import pikepdf

    pdf = next(output.path for output in built_sample.outputs if output.format == "pdf")
    with pdfplumber.open(pdf) as reader:
        lines = reader.pages[-1].extract_text().splitlines()
    assert "creativecommons.org/licenses/by-sa/4.0" in [line.strip() for line in lines]
    assert "openmoji.org" in [line.strip() for line in lines]
    with pikepdf.open(pdf) as document:
        targets = {
            str(annotation.A.URI)
            for annotation in document.pages[-1].get("/Annots", [])
            if "/A" in annotation and "/URI" in annotation.A
        }
    assert {"https://creativecommons.org/licenses/by-sa/4.0/", "https://openmoji.org"} <= targets


def test_words_to_know_has_its_own_pictures_never_a_points(tmp_path):
    edition = edition_of(SAMPLE, tmp_path)
    words = page(edition, "words-to-know")
    point_pictures = {p.picture.path for s in edition.body for p in s.points if p.picture}
    pictures = {p.sentences[0].text: p.picture for p in words.points}
    assert all(picture.path not in point_pictures for picture in pictures.values())
    assert pictures["Avoidable"].path.name == "openmoji-26A0.png"  # warning
    assert pictures["Avoidable"].alt == "Warning"
    assert pictures["Hospital passport"].path.name == "openmoji-1FAAA.png"  # identification card
    assert pictures["Autism"].path.name == "words.png"  # nothing in the library shows it


def test_a_review_copy_credits_the_reports_own_pictures(tmp_path):
    from easyread.edition import make_edition
    from easyread.review.review_copy import review_html

    html = review_html(make_edition(read_report(SAMPLE), tmp_path / "cache", []))
    assert "The pictures beside the points are from OpenMoji 17" in html
    assert "Tonia Reinhardt" in html  # who drew the large intestine (bowel.png)
    assert "CC BY-SA 4.0 (https://creativecommons.org/licenses/by-sa/4.0/)" in html
