"""Review copies that come back are untrusted: every hostile copy is one line and exit 2.

Each copy here is made from a real review copy of tests/data/review-report and then broken on
purpose, the way an attacker (or a very damaged disk) would: bombs that inflate to gigabytes,
forms that loop or nest 300 deep, XML with entities. The slow test runs `easyread feedback` on
each in a new process and checks its peak memory stays under 300 MB.
"""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

import pikepdf
import pytest

from easyread.cli import main
from easyread.reader import read_report
from easyread.review.feedback import read_review_file
from easyread.review.review_copy import write_review_docx, write_review_pdf

FIXTURE = Path(__file__).parent / "data" / "review-report"
PEAK_LIMIT_MB = 300
GIGABYTE = 1_000_000_000


@pytest.fixture(scope="module")
def copies(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    root = tmp_path_factory.mktemp("hostile") / "report"
    shutil.copytree(FIXTURE, root)
    report = read_report(root)
    cache = tmp_path_factory.mktemp("cache")
    pdf = write_review_pdf(report, root.parent / "copy.pdf", cache_dir=cache)
    word = write_review_docx(report, root.parent / "copy.docx", cache_dir=cache)
    return {"root": root, "pdf": pdf.path, "docx": word.path, "folder": root.parent}


# -- making hostile PDFs -------------------------------------------------------------------------


def _fields(pdf: pikepdf.Pdf) -> list[pikepdf.Dictionary]:
    return list(pdf.Root.AcroForm.Fields)


def _save(pdf: pikepdf.Pdf, target: Path, **options: object) -> Path:
    pdf.save(target, **options)
    return target


def note_bomb(source: Path, target: Path) -> Path:
    """Note fields holding 60 MB strings, packed into object streams (0.2 MB on disk)."""
    with pikepdf.open(source) as pdf:
        notes = [f for f in _fields(pdf) if str(f.get("/T", "")).endswith("-notes")][:3]
        for field in notes:
            field.V = pikepdf.String("A" * 60_000_000)
        return _save(pdf, target, object_stream_mode=pikepdf.ObjectStreamMode.generate)


def looping_parents(source: Path, target: Path) -> Path:
    with pikepdf.open(source) as pdf:
        field = _fields(pdf)[0]
        field.Kids = pikepdf.Array([field])
        return _save(pdf, target)


def nested_kids(source: Path, target: Path, depth: int = 300) -> Path:
    with pikepdf.open(source) as pdf:
        top = _fields(pdf)[0]
        current = top
        for level in range(depth):
            child = pdf.make_indirect(pikepdf.Dictionary(T=pikepdf.String(f"k{level}")))
            current.Kids = pikepdf.Array([child])
            current = child
        return _save(pdf, target)


def many_fields(source: Path, target: Path, count: int = 100_000) -> Path:
    with pikepdf.open(source) as pdf:
        extra = [
            pdf.make_indirect(pikepdf.Dictionary(T=pikepdf.String(f"p{n}_1-notes"), V="x"))
            for n in range(count)
        ]
        pdf.Root.AcroForm.Fields.extend(extra)
        return _save(pdf, target, object_stream_mode=pikepdf.ObjectStreamMode.generate)


def encrypted(source: Path, target: Path) -> Path:
    with pikepdf.open(source) as pdf:
        return _save(pdf, target, encryption=pikepdf.Encryption(owner="secret", user=""))


def identity(source: Path, target: Path, text: str) -> Path:
    with pikepdf.open(source) as pdf:
        pdf.docinfo["/EasyReadReview"] = text
        return _save(pdf, target)


def superscript_name(source: Path, target: Path) -> Path:
    with pikepdf.open(source) as pdf:
        field = next(f for f in _fields(pdf) if str(f.get("/T", "")).startswith("p1_1-"))
        field.T = pikepdf.String("p1\u00b2_1-notes")
        field.V = pikepdf.String("a note")
        return _save(pdf, target)


def cut_pdf(source: Path, target: Path) -> Path:
    data = source.read_bytes()
    target.write_bytes(data[: len(data) // 2])
    return target


# -- making hostile DOCX files -------------------------------------------------------------------


def _rewrite(source: Path, target: Path, change: dict[str, bytes | None], add: dict) -> Path:
    """A copy of the DOCX with some parts replaced (None: removed) and some added."""
    with zipfile.ZipFile(source) as old, zipfile.ZipFile(target, "w") as new:
        for item in old.infolist():
            if item.filename in change:
                data = change[item.filename]
                if data is not None:
                    new.writestr(item.filename, data, zipfile.ZIP_DEFLATED)
            else:
                new.writestr(item, old.read(item.filename))
        for name, writer in add.items():
            writer(new, name)
    return target


def _zeros(size: int):  # noqa: ANN202
    def write(archive: zipfile.ZipFile, name: str) -> None:
        info = zipfile.ZipInfo(name)
        info.compress_type = zipfile.ZIP_DEFLATED
        block = bytes(16_000_000)
        with archive.open(info, "w", force_zip64=True) as stream:
            for _ in range(size // len(block)):
                stream.write(block)

    return write


def _part(source: Path, name: str) -> bytes:
    with zipfile.ZipFile(source) as archive:
        return archive.read(name)


def picture_bomb(source: Path, target: Path) -> Path:
    """Picture parts that inflate to 1 GB each (about 1 MB each in the zip)."""
    add = {f"word/media/bomb{n}.png": _zeros(GIGABYTE) for n in range(3)}
    return _rewrite(source, target, {}, add)


def padded_comments(source: Path, target: Path) -> Path:
    comments = _part(source, "word/comments.xml")
    padded = comments.replace(b"<w:comment ", b" " * 100_000_000 + b"<w:comment ", 1)
    return _rewrite(source, target, {"word/comments.xml": padded}, {})


def cut_document(source: Path, target: Path) -> Path:
    document = _part(source, "word/document.xml")
    return _rewrite(source, target, {"word/document.xml": document[: len(document) // 2]}, {})


def comment_id_not_a_number(source: Path, target: Path) -> Path:
    comments = _part(source, "word/comments.xml")
    broken = re.sub(rb'w:id="\d+"', b'w:id="one"', comments, count=1)
    return _rewrite(source, target, {"word/comments.xml": broken}, {})


LAUGHS = (
    b'<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol">'
    + b"".join(
        f'<!ENTITY lol{n} "{("&lol" + (str(n - 1) if n > 1 else "") + ";") * 10}">'.encode()
        for n in range(1, 10)
    )
    + b']><w:comments xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">'
    + b'<w:comment w:id="0" w:author="&lol9;"><w:p><w:r><w:t>&lol9;</w:t></w:r></w:p>'
    + b"</w:comment></w:comments>"
)


def entity_bomb(source: Path, target: Path) -> Path:
    return _rewrite(source, target, {"word/comments.xml": LAUGHS}, {})


def external_entity(source: Path, target: Path, secret: Path) -> Path:
    xml = (
        f'<?xml version="1.0"?><!DOCTYPE c [<!ENTITY x SYSTEM "{secret.as_uri()}">]>'
        '<w:comments xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">'
        '<w:comment w:id="0" w:author="&x;"><w:p><w:r><w:t>&x;</w:t></w:r></w:p>'
        "</w:comment></w:comments>"
    ).encode()
    return _rewrite(source, target, {"word/comments.xml": xml}, {})


def _with_comment(source: Path, target: Path) -> Path:
    """The DOCX copy with one comment on point 1.1, as a reviewer would add in Word."""
    import docx

    document = docx.Document(str(source))
    paragraph = None
    for table in document.tables:
        for row in table.rows:
            for cell in row.cells:
                for para in cell.paragraphs:
                    if para.runs and para.runs[0].text.strip() == "1.1":
                        paragraph = para
                        break
    assert paragraph is not None
    document.add_comment(paragraph.runs, text="I do not understand", author="Sam")
    document.save(str(target))
    return target


# -- the cases ------------------------------------------------------------------------------------

FAST_CASES = {
    "pdf-looping-parents": (looping_parents, "goes round in a circle"),
    "pdf-300-nested-kids": (nested_kids, "nested more than"),
    "pdf-encrypted": (encrypted, "locked with a password"),
    "pdf-deep-json": (lambda s, t: identity(s, t, "[" * 100_000 + "]" * 100_000), "too deep"),
    "pdf-huge-number": (
        lambda s, t: identity(s, t, '{"easyread-review": 1, "n": ' + "9" * 100_000 + "}"),
        "number",
    ),
    "pdf-cut-in-half": (cut_pdf, "cannot be read"),
    "docx-xml-cut-in-half": (cut_document, "damaged"),
    "docx-comment-id-not-a-number": (comment_id_not_a_number, "damaged number"),
    "docx-entity-bomb": (entity_bomb, "entities"),
}
BOMBS = {
    "pdf-note-bomb": (note_bomb, "unpacks to more than"),
    # pypdf's own array limit may stop it first: either way one line, exit 2.
    "pdf-100000-fields": (many_fields, ("form fields", "maximum array element count")),
    "docx-picture-bomb": (picture_bomb, "unpacks to"),
    "docx-padded-comments": (padded_comments, "more than"),
}


def _source(case: str, copies: dict[str, Path], tmp_path: Path) -> Path:
    if case.startswith("pdf"):
        return copies["pdf"]
    commented = tmp_path / "commented.docx"
    if not commented.exists():
        _with_comment(copies["docx"], commented)
    return commented


def _make(case: str, copies: dict[str, Path], tmp_path: Path) -> tuple[Path, str]:
    make, fragment = {**FAST_CASES, **BOMBS}[case]
    suffix = ".pdf" if case.startswith("pdf") else ".docx"
    return make(_source(case, copies, tmp_path), tmp_path / f"{case}{suffix}"), fragment


@pytest.mark.parametrize("case", sorted(FAST_CASES))
def test_a_hostile_copy_is_one_line_and_exit_2(
    case: str,
    copies: dict[str, Path],
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture,
) -> None:
    hostile, fragment = _make(case, copies, tmp_path)
    monkeypatch.chdir(tmp_path)
    out = tmp_path / "feedback"
    code = main(["feedback", str(hostile), "--report", str(copies["root"]), "--out", str(out)])
    err = capsys.readouterr().err
    assert code == 2, err
    assert err.count("\n") == 1 and err.startswith("easyread: "), err
    assert fragment in err, err
    assert hostile.name in err
    assert not out.exists()


def test_external_entities_are_never_resolved(copies: dict[str, Path], tmp_path: Path) -> None:
    secret = tmp_path / "secret.txt"
    secret.write_text("THE-SECRET-WORDS", encoding="utf-8")
    hostile = external_entity(_source("docx", copies, tmp_path), tmp_path / "x.docx", secret)
    with pytest.raises(Exception) as failure:
        read_review_file(hostile)
    assert "THE-SECRET-WORDS" not in str(failure.value)
    assert "entities" in str(failure.value)


def test_a_field_name_with_a_superscript_digit_is_not_a_point(
    copies: dict[str, Path], tmp_path: Path
) -> None:
    hostile = superscript_name(copies["pdf"], tmp_path / "sup.pdf")
    review = read_review_file(hostile)
    assert all(response.number.replace(".", "").isascii() for response in review.responses)


def test_a_real_copy_still_reads(copies: dict[str, Path], tmp_path: Path) -> None:
    review = read_review_file(_source("docx", copies, tmp_path))
    assert [(r.number, r.reviewer, r.not_understand) for r in review.responses] == [
        ("1.1", "Sam", True)
    ]


# VmHWM is this process's own peak (ru_maxrss would count the parent's size before exec).
_RUNNER = (
    "import re, sys\n"
    "from easyread.cli import main\n"
    "code = main(sys.argv[1:])\n"
    "status = open('/proc/self/status').read()\n"
    "print(int(re.search(r'VmHWM:\\s+(\\d+)', status)[1]) // 1024)\n"
    "sys.exit(code)\n"
)


def _peak(arguments: list[str], cwd: Path) -> tuple[int, int, str]:
    """Exit code, peak memory in MB and stderr of `easyread ...` in a new process."""
    done = subprocess.run(
        [sys.executable, "-c", _RUNNER, *arguments],
        cwd=cwd,
        capture_output=True,
        text=True,
        timeout=300,
    )
    peak = int(done.stdout.strip().splitlines()[-1]) if done.stdout.strip() else -1
    return done.returncode, peak, done.stderr


@pytest.mark.slow
@pytest.mark.parametrize("case", sorted({**FAST_CASES, **BOMBS}))
def test_feedback_peak_memory_stays_under_300_mb(
    case: str, copies: dict[str, Path], tmp_path: Path
) -> None:
    hostile, fragment = _make(case, copies, tmp_path)
    code, peak, err = _peak(
        ["feedback", str(hostile), "--report", str(copies["root"]), "--out", "fb"], tmp_path
    )
    print(f"{case}: {hostile.stat().st_size / 1e6:.2f} MB on disk, peak {peak} MB, exit {code}")
    assert code == 2, err
    fragments = (fragment,) if isinstance(fragment, str) else fragment
    assert err.count("\n") == 1 and any(part in err for part in fragments), err
    assert 0 < peak < PEAK_LIMIT_MB


def test_library_warnings_add_no_lines(
    copies: dict[str, Path],
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture,
) -> None:
    """A copy whose cross-reference offset is wrong still reads; pypdf's warnings about it
    stay out of what the reviewer's helper sees."""
    data = copies["pdf"].read_bytes()
    position = data.rindex(b"startxref") + len(b"startxref\n")
    damaged = data[:position] + re.sub(rb"^\d+", b"12", data[position:])
    copy = tmp_path / "moved.pdf"
    copy.write_bytes(damaged)
    monkeypatch.chdir(tmp_path)
    code = main(["feedback", str(copy), "--report", str(copies["root"]), "--out", "fb"])
    err = capsys.readouterr().err
    assert code == 0, err
    assert err == ""
