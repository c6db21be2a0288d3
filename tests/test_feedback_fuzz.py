"""`easyread feedback` on fuzzed copies: a real review copy, mutated object by object (PDF) or
element by element (DOCX), gives a feedback file or one SourceError, never anything else."""

from __future__ import annotations

import random
import re
import shutil
import zipfile
from pathlib import Path

import pikepdf
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from easyread.errors import SourceError
from easyread.reader import read_report
from easyread.review.feedback import read_review_file
from easyread.review.review_copy import write_review_docx, write_review_pdf

pytestmark = pytest.mark.slow  # about 30 s for the three
FIXTURE = Path(__file__).parent / "data" / "review-report"
FUZZ = settings(
    max_examples=25,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
)


@pytest.fixture(scope="module")
def originals(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    import docx

    folder = tmp_path_factory.mktemp("fuzz")
    root = folder / "report"
    shutil.copytree(FIXTURE, root)
    report = read_report(root)
    pdf = write_review_pdf(report, folder / "copy.pdf", cache_dir=folder / "c").path
    word = write_review_docx(report, folder / "copy.docx", cache_dir=folder / "c").path
    document = docx.Document(str(word))
    paragraphs = [p for t in document.tables for r in t.rows for c in r.cells for p in c.paragraphs]
    numbered = [p for p in paragraphs if p.runs and re.fullmatch(r"\d+\.\d+", p.runs[0].text)]
    for paragraph in numbered[:3]:
        document.add_comment(paragraph.runs, text="I do not understand this", author="Sam")
    commented = folder / "commented.docx"
    document.save(str(commented))
    return {"pdf": pdf, "docx": commented}


def _pdf_value(draw_seed: int) -> object:
    rng = random.Random(draw_seed)
    return rng.choice(
        [
            pikepdf.String("x" * rng.randrange(0, 30_000)),
            pikepdf.String(bytes(rng.randrange(256) for _ in range(rng.randrange(50)))),
            pikepdf.Name("/Off"),
            pikepdf.Name("/on"),
            rng.randrange(-(2**31), 2**31),
            rng.random() * 1e30,
            pikepdf.Array([1, 2, pikepdf.Name("/x")]),
            pikepdf.Dictionary(A=1),
            None,
        ]
    )


def _accept(path: Path) -> None:
    try:
        read_review_file(path)
    except SourceError as error:
        assert "\n" not in error.one_line()


@FUZZ
@given(seed=st.integers(0, 2**32 - 1), changes=st.integers(1, 6))
def test_mutated_pdf_objects(
    originals: dict[str, Path], tmp_path: Path, seed: int, changes: int
) -> None:
    rng = random.Random(seed)
    target = tmp_path / f"m{seed}.pdf"
    with pikepdf.open(originals["pdf"]) as pdf:
        fields = list(pdf.Root.AcroForm.Fields)
        for _ in range(changes):
            field = rng.choice(fields)
            action = rng.randrange(5)
            if action == 0:
                value = _pdf_value(rng.randrange(10**9))
                if value is None:
                    del field.V
                else:
                    field.V = value
            elif action == 1:
                field.T = pikepdf.String(rng.choice(["p1_1-notes", "p1\u00b2_1-notes", "", "p"]))
            elif action == 2:
                field.Kids = pikepdf.Array(rng.sample(fields, k=min(3, len(fields))))
            elif action == 3:
                field.Parent = rng.choice(fields)
            else:
                pdf.docinfo["/EasyReadReview"] = rng.choice(
                    ['{"easyread-review": 1}', "[" * 50, '{"easyread-review": 1, "sections": 1}']
                )
        pdf.save(target)
    _accept(target)


@FUZZ
@given(seed=st.integers(0, 2**32 - 1))
def test_flipped_bytes_in_a_pdf(originals: dict[str, Path], tmp_path: Path, seed: int) -> None:
    rng = random.Random(seed)
    data = bytearray(originals["pdf"].read_bytes())
    for _ in range(rng.randrange(1, 40)):
        data[rng.randrange(len(data))] = rng.randrange(256)
    target = tmp_path / f"f{seed}.pdf"
    target.write_bytes(bytes(data))
    _accept(target)


def _mutate_xml(data: bytes, rng: random.Random) -> bytes:
    text = data.decode("utf-8")
    action = rng.randrange(6)
    if action == 0:  # an attribute gets another value
        return re.sub(
            r'w:id="[^"]*"',
            lambda _: f'w:id="{rng.choice(["x", "-1", "99999999999", ""])}"',
            text,
            count=rng.randrange(1, 4),
        ).encode()  # noqa: E501
    if action == 1:  # cut short
        return data[: rng.randrange(len(data))]
    if action == 2:  # an element removed
        tags = [m.start() for m in re.finditer(r"<w:(commentRangeEnd|commentRangeStart|t)\b", text)]
        if tags:
            start = rng.choice(tags)
            end = text.find(">", start) + 1
            return (text[:start] + text[end:]).encode()
        return data
    if action == 3:  # a character that is not allowed
        spot = rng.randrange(len(text))
        return (
            text[:spot] + rng.choice(["\x00", "&", "<", "]]>", "\u202e"]) + text[spot:]
        ).encode()
    if action == 4:  # a long value
        return text.replace('w:author="Sam"', 'w:author="' + "S" * 50_000 + '"', 1).encode()
    return re.sub(r"</w:comment>", "", text, count=1).encode()


@FUZZ
@given(seed=st.integers(0, 2**32 - 1), part=st.sampled_from(["comments", "document"]))
def test_mutated_docx_xml(originals: dict[str, Path], tmp_path: Path, seed: int, part: str) -> None:
    rng = random.Random(seed)
    name = f"word/{part}.xml"
    target = tmp_path / f"m{seed}.docx"
    with zipfile.ZipFile(originals["docx"]) as old, zipfile.ZipFile(target, "w") as new:
        for item in old.infolist():
            data = old.read(item.filename)
            if item.filename == name:
                data = _mutate_xml(data, rng)
            new.writestr(item.filename, data, zipfile.ZIP_DEFLATED)
    _accept(target)
