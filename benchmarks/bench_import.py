"""Time `easyread import`, `easyread lint` and `easyread build` on a long Word document.

    python benchmarks/bench_import.py [--chapters 12] [--runs 3] [--keep DIR]

The document is generated here with python-docx, like a council's annual report written in
Word (not yet in Easy Read): a title and cover picture, chapters (Heading 1) with sub-headings
(Heading 2 and 3), long paragraphs with bold words and links, bulleted and numbered lists, a
data table and a two-column picture table in every chapter, and pictures with and without
descriptions. When LibreOffice is installed it lays the document out to count its pages (the
issue asks for at least 30).

Each command runs as a new process, as an author runs it; the best of --runs is printed:
- import: the DOCX to a report folder;
- lint of the DOCX directly (JSON), and lint of the imported folder;
- build of the imported folder: PDF only, then PDF, DOCX and HTML.
"""

from __future__ import annotations

import argparse
import io
import os
import random
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from docx import Document
from docx.opc.constants import RELATIONSHIP_TYPE
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Mm
from PIL import Image, ImageDraw

ROOT = Path(__file__).resolve().parent.parent

SUBJECTS = [
    "The council", "Our care team", "The health board", "Each care home", "The review panel",
    "Many families", "Home care staff", "The safeguarding board", "Local doctors", "Our nurses",
]  # fmt: skip
ACTIONS = [
    "looked at how people get help at home",
    "visited people who live on their own",
    "checked that staff had the right training",
    "asked families what worked well",
    "made plans to reduce waiting times",
    "worked with partners to commission new services",
    "wrote down what people told us about their support",
    "met every month to talk about safeguarding concerns",
]
ENDINGS = [
    "in the last year", "across the county", "for adults with a learning disability",
    "before the winter", "with the voluntary sector", "in every district", "at short notice",
]  # fmt: skip


def sentence(rng: random.Random) -> str:
    return f"{rng.choice(SUBJECTS)} {rng.choice(ACTIONS)} {rng.choice(ENDINGS)}."


def picture(rng: random.Random, label: int) -> io.BytesIO:
    """A simple drawn picture, different for each label."""
    image = Image.new("RGB", (300, 300), (250, 250, 245))
    draw = ImageDraw.Draw(image)
    colour = (rng.randrange(40, 200), rng.randrange(40, 200), rng.randrange(40, 200))
    draw.ellipse((40 + label % 30, 40, 260, 260 - label % 40), fill=colour)
    draw.rectangle((110, 120 + label % 50, 190, 200), fill=(255, 255, 255))
    data = io.BytesIO()
    image.save(data, format="PNG")
    data.seek(0)
    return data


def add_picture(paragraph, rng: random.Random, label: int, alt: str | None) -> None:  # noqa: ANN001
    shape = paragraph.add_run().add_picture(picture(rng, label), width=Mm(35))
    if alt is not None:
        shape._inline.docPr.set("descr", alt)


def add_link(paragraph, text: str, url: str) -> None:  # noqa: ANN001
    rel_id = paragraph.part.relate_to(url, RELATIONSHIP_TYPE.HYPERLINK, is_external=True)
    link = OxmlElement("w:hyperlink")
    link.set(qn("r:id"), rel_id)
    run = OxmlElement("w:r")
    text_element = OxmlElement("w:t")
    text_element.text = text
    run.append(text_element)
    link.append(run)
    paragraph._p.append(link)


def make_document(path: Path, chapters: int, seed: int = 7) -> dict[str, int]:
    rng = random.Random(seed)
    counts = {"pictures": 0, "tables": 0, "headings": 0, "paragraphs": 0}
    document = Document()
    document.core_properties.title = "Adult social care: annual report"
    document.core_properties.author = "Example County Council"
    document.core_properties.language = "en-GB"
    document.add_paragraph("Adult social care: annual report", style="Title")
    add_picture(document.add_paragraph(), rng, 0, "The county hall")
    counts["pictures"] += 1
    for chapter in range(1, chapters + 1):
        document.add_heading(f"Chapter {chapter}: what we did", 1)
        counts["headings"] += 1
        for part in range(1, 4):
            document.add_heading(f"Part {chapter}.{part}", 2)
            document.add_heading(f"What people told us in part {part}", 3)
            counts["headings"] += 2
            for _ in range(4):
                paragraph = document.add_paragraph(" ".join(sentence(rng) for _ in range(3)))
                paragraph.add_run(" We call this ")
                paragraph.add_run("reablement").bold = True
                paragraph.add_run(". " + sentence(rng))
                counts["paragraphs"] += 1
            paragraph = document.add_paragraph("Read the full plan on ")
            add_link(paragraph, "our website", f"https://www.example.org/plan/{chapter}")
            paragraph.add_run(".")
            for item in range(3):
                document.add_paragraph(sentence(rng), style="List Bullet")
                document.add_paragraph(f"Step {item + 1}: {sentence(rng)}", style="List Number")
            counts["paragraphs"] += 7
        paragraph = document.add_paragraph()
        add_picture(paragraph, rng, chapter, f"A chart for chapter {chapter}")
        paragraph.add_run(" " + sentence(rng))
        add_picture(document.add_paragraph(), rng, chapter + 100, None)
        document.add_paragraph(sentence(rng))
        counts["pictures"] += 2
        document.add_paragraph(f"Table {chapter}: people helped by district")
        table = document.add_table(rows=6, cols=4)
        table.style = "Table Grid"
        for column, title in enumerate(("District", "Adults", "Carers", "Waiting")):
            table.cell(0, column).text = title
        for row in range(1, 6):
            table.cell(row, 0).text = f"District {row}"
            for column in range(1, 4):
                table.cell(row, column).text = f"{rng.randrange(10, 3000):,}"
        points = document.add_table(rows=3, cols=2)
        for row in range(3):
            add_picture(points.cell(row, 0).paragraphs[0], rng, chapter * 10 + row, "A person")
            points.cell(row, 1).paragraphs[0].text = sentence(rng)
            points.cell(row, 1).add_paragraph(sentence(rng))
        counts["tables"] += 2
        counts["pictures"] += 3
    document.save(path)
    return counts


def count_pages(docx: Path, work: Path) -> int | None:
    program = shutil.which("soffice") or shutil.which("libreoffice")
    if program is None:
        return None
    profile = (work / "lo-profile").as_uri()
    subprocess.run(
        [program, f"-env:UserInstallation={profile}", "--headless", "--convert-to", "pdf",
         "--outdir", str(work), str(docx)],
        check=True, capture_output=True, timeout=300,
    )  # fmt: skip
    from pypdf import PdfReader

    return len(PdfReader(work / f"{docx.stem}.pdf").pages)


def easyread(*args: str, cwd: Path) -> tuple[float, subprocess.CompletedProcess[str]]:
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    start = time.perf_counter()
    result = subprocess.run(
        [sys.executable, "-m", "easyread", *args], capture_output=True, text=True, cwd=cwd,
        env=env, timeout=600,
    )  # fmt: skip
    elapsed = time.perf_counter() - start
    if result.returncode not in (0, 1):
        raise SystemExit(f"easyread {' '.join(args)} failed:\n{result.stderr}")
    return elapsed, result


def best(
    runs: int, *args: str, cwd: Path, before=None
) -> tuple[float, subprocess.CompletedProcess[str]]:  # noqa: ANN001, E501
    times = []
    result = None
    for _ in range(runs):
        if before is not None:
            before()
        elapsed, result = easyread(*args, cwd=cwd)
        times.append(elapsed)
    assert result is not None
    return min(times), result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--chapters", type=int, default=12)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--keep", type=Path, help="keep the generated files in this folder")
    options = parser.parse_args()
    work = Path(tempfile.mkdtemp(prefix="bench-import-"))
    try:
        docx = work / "annual-report.docx"
        counts = make_document(docx, options.chapters)
        size = docx.stat().st_size
        pages = count_pages(docx, work)
        print(
            f"Document: {options.chapters} chapters, {counts['headings']} headings, "
            f"{counts['paragraphs']} paragraphs and list items, {counts['tables']} tables, "
            f"{counts['pictures']} pictures, {size / 1024:.0f} KB; "
            + (f"{pages} pages in LibreOffice" if pages else "LibreOffice not installed")
        )
        report = work / "imported"

        def clear() -> None:
            shutil.rmtree(report, ignore_errors=True)

        seconds, result = best(
            options.runs, "import", docx.name, "imported", cwd=work, before=clear
        )
        print(f"import               {seconds:6.2f} s   {result.stdout.splitlines()[0]}")
        seconds, result = best(options.runs, "lint", docx.name, "--format", "json", cwd=work)
        findings = result.stdout.count('"rule":')
        print(
            f"lint of the DOCX     {seconds:6.2f} s   {findings} findings, exit {result.returncode}"
        )
        seconds, result = best(options.runs, "lint", "imported", "--format", "json", cwd=work)
        findings = result.stdout.count('"rule":')
        print(f"lint of the folder   {seconds:6.2f} s   {findings} findings")
        seconds, result = best(options.runs, "score", docx.name, "--format", "json", cwd=work)
        print(f"score of the DOCX    {seconds:6.2f} s")
        out = work / "out"
        seconds, result = best(
            options.runs, "build", "imported", "--format", "pdf", "--out", str(out), cwd=work,
            before=lambda: shutil.rmtree(out, ignore_errors=True),
        )  # fmt: skip
        built = next((line for line in result.stdout.splitlines() if "PDF" in line), "")
        print(f"build, PDF           {seconds:6.2f} s   {built.strip()}")
        seconds, result = best(
            options.runs, "build", "imported", "--out", str(out), cwd=work,
            before=lambda: shutil.rmtree(out, ignore_errors=True),
        )  # fmt: skip
        print(f"build, PDF+DOCX+HTML {seconds:6.2f} s   (pictures prepared afresh each run)")
        if options.keep:
            shutil.copytree(work, options.keep, dirs_exist_ok=True)
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
