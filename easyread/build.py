"""`easyread build`: read the report once, then write every output from the same edition."""

from __future__ import annotations

import multiprocessing
import os
import threading
import time
from collections.abc import Callable
from concurrent.futures import Future, ProcessPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path

from easyread.edition import Edition, build_notes
from easyread.edition.added_pages import added_pages_report
from easyread.edition.assemble import edition_for_build
from easyread.errors import ConfigError, EasyReadError
from easyread.glossary import Glossary, load_glossary
from easyread.lint import lint_added_pages, summary_line
from easyread.lint import summary_for_build as lint_summary
from easyread.lint.engine import paused_gc
from easyread.lint.findings import at_or_above
from easyread.lint.formats import plain_line
from easyread.model import Report
from easyread.output import (
    OutputSet,
    atomic_target,
    current_set,
    ensure_folder,
    output_errors,
    output_stem,
    outside_any_set,
    refuse_source_folder,
)
from easyread.reader import read_report
from easyread.score import score_report
from easyread.score import summary_for_build as score_summary
from easyread.writers import format_names, get_writer, output_formats
from easyread.writers import pdf as pdf_writer
from easyread.writers.docx_contents import fill_contents_pages
from easyread.writers.pagecheck import PageCheck, check_pdf, counted, section_pages
from easyread.writers.readability import write_score_report

Stage = Callable[[str], None]
MAX_EASY_READ_PAGES = 20  # the guidance warns over about 20 pages


@dataclass(slots=True)
class Output:
    format: str
    path: Path
    pages: int | None


@dataclass(slots=True)
class BuildResult:
    report: Report
    outputs: list[Output] = field(default_factory=list)
    timings: dict[str, float] = field(default_factory=dict)
    notes: list[str] = field(default_factory=list)
    lint_errors: int = 0
    pictures_processed: int = 0
    pictures_reused: int = 0
    page_check: PageCheck | None = None


class BuildStopped(EasyReadError):
    """The build was stopped on purpose (for example --strict with lint errors)."""


def output_name(report: Report) -> str:
    return output_stem(report.root)


def build(
    root: Path | str,
    *,
    formats: list[str] | None = None,
    out_dir: Path | str | None = None,
    strict: bool = False,
    run_checks: bool = True,
    parallel: bool = True,
    on_stage: Stage | None = None,
) -> BuildResult:
    stage = on_stage or (lambda _: None)
    clock = _Clock()
    stage("Reading the report")
    with paused_gc():  # the model makes no cycles; collections only slow a big read down
        report = read_report(Path(root))
    glossary = load_glossary(report.config)
    result = BuildResult(report)
    result.notes.extend(build_notes(report))
    clock.lap(result, "parse")
    wanted = _formats(formats) if formats else _formats_from_config(report)
    out_dir = Path(out_dir) if out_dir is not None else report.root / "out"
    refuse_source_folder(out_dir, report.root)
    ensure_folder(out_dir)

    if run_checks:
        stage("Checking the words")
        _lint(report, glossary, result, strict)
        clock.lap(result, "lint")

    stage("Preparing the pictures")
    edition = edition_for_build(report, glossary, None)
    result.pictures_processed = edition.pictures.stats.processed
    result.pictures_reused = edition.pictures.stats.reused
    result.notes.extend(edition.pictures.stats.warnings)
    clock.lap(result, "pictures")
    if run_checks:
        result.notes.append(_added_pages_line(edition, glossary))
        clock.lap(result, "lint")

    # Every output is written to a temporary file; they replace the last good set together,
    # only once all of them (the readability report too) have been written.
    with OutputSet():
        _write_outputs(edition, wanted, out_dir, result, parallel, stage, clock, run_checks)
        result.notes.extend(_length_notes(result))
        if strict and result.page_check is not None and result.page_check.problems:
            raise BuildStopped(
                "the build stopped because the page check found "
                f"{counted(len(result.page_check.problems), 'problem')}: "
                f"{result.page_check.problems[0]}",
                path=report.root,
                hint="build without --strict to see the pages",
            )

        if run_checks:
            stage("Scoring readability")
            _score(report, glossary, out_dir, result)
            clock.lap(result, "score")
    return result


def _write_outputs(
    edition: Edition,
    wanted: list[str],
    out_dir: Path,
    result: BuildResult,
    parallel: bool,
    stage: Stage,
    clock: _Clock,
    check_pages: bool = True,
) -> None:
    name = output_name(edition.report)
    targets = {fmt: out_dir / f"{name}.{fmt}" for fmt in wanted}
    beside = _own_process_format(wanted) if parallel else None
    pending: Future[float] | None = None
    written: dict[str, Path] = {}  # format -> the temporary file the set will rename
    with _side_process(beside is not None) as pool:
        if pool is not None and beside is not None:
            # The other process fills a temporary file that this process's set renames.
            temporary = current_set().reserve(targets[beside])
            written[beside] = temporary
            pending = pool.submit(_write_timed, edition, beside, temporary, targets[beside])
        for fmt in _writing_order(wanted):
            if pending is not None and fmt == beside:
                continue
            stage(f"Writing the {fmt.upper()}")
            checked = check_pages and fmt == "pdf"
            pages = _write_one(
                edition, fmt, targets[fmt], written, result if checked else None, clock
            )
            result.outputs.append(Output(fmt, targets[fmt], pages))
            clock.lap(result, fmt)
        if pending is not None and beside is not None:
            stage(f"Writing the {beside.upper()}")
            result.timings[beside] = pending.result()
            result.outputs.append(Output(beside, targets[beside], None))
            clock.lap(result, f"{beside}-wait")
    if "pdf" in written and "docx" in written:
        _docx_contents_from_pdf(written["docx"], written["pdf"], result)
        clock.lap(result, "docx contents")
    order = format_names()
    result.outputs.sort(key=lambda output: order.index(output.format))


def _docx_contents_from_pdf(docx: Path, pdf: Path, result: BuildResult) -> None:
    """The DOCX contents get the page numbers of the PDF made in the same run."""
    check = result.page_check
    sections = check.sections if check is not None else section_pages(pdf)
    fill_contents_pages(docx, [(section.title, section.first_page) for section in sections])


def _own_process_format(wanted: list[str]) -> str | None:
    """The format a second process writes, when there is one and something else to write."""
    if len(wanted) < 2:
        return None
    return next(
        (fmt.name for fmt in output_formats() if fmt.own_process and fmt.name in wanted), None
    )


def _writing_order(wanted: list[str]) -> list[str]:
    """Listed order, with the formats that can have a process of their own last."""
    formats = [fmt for fmt in output_formats() if fmt.name in wanted]
    return [fmt.name for fmt in sorted(formats, key=lambda fmt: fmt.own_process)]


def _write_one(
    edition: Edition,
    fmt: str,
    target: Path,
    written: dict[str, Path],
    checked: BuildResult | None = None,
    clock: _Clock | None = None,
) -> int | None:
    """Write one output; with `checked`, read the written PDF back and keep what it shows."""
    with atomic_target(target) as temporary:
        if checked is None or clock is None:
            pages = get_writer(fmt).write(edition, temporary)
            written[fmt] = temporary
            return pages
        # The check needs the pages the layout put each point on: only the writer knows them.
        pages, points = pdf_writer.write_placing_points(edition, temporary)
        written[fmt] = temporary
        clock.lap(checked, fmt)
        checked.page_check = check_pdf(temporary, points)
        checked.notes.append(checked.page_check.summary())
        check = checked.page_check
        checked.notes.extend(note for note in [check.sections_line()] if note)
        checked.notes.extend(check.problems + check.notes)
        clock.lap(checked, "page check")
        return pages


def _write_timed(edition: Edition, fmt: str, temporary: Path, final: Path) -> float:
    """In the side process: write straight into the temporary file the set reserved."""
    started = time.perf_counter()
    with outside_any_set(), output_errors(final):
        get_writer(fmt).write(edition, temporary)
    return time.perf_counter() - started


class _side_process:
    """A second process for the DOCX while this one writes the PDF (2 cores, 2 jobs)."""

    def __init__(self, wanted: bool) -> None:
        self.pool: ProcessPoolExecutor | None = None
        if wanted and "fork" in multiprocessing.get_all_start_methods():
            self.pool = ProcessPoolExecutor(
                1,
                mp_context=multiprocessing.get_context("fork"),
                initializer=_end_with_parent,
                initargs=(os.getpid(),),
            )

    def __enter__(self) -> ProcessPoolExecutor | None:
        return self.pool

    def __exit__(self, *exc: object) -> None:
        if self.pool is not None:
            self.pool.shutdown(wait=True, cancel_futures=True)


def _end_with_parent(parent: int) -> None:
    """In the side process: end when the build that started it is gone.

    A forked worker holds both ends of its own task pipe, so if the build is killed outright
    (SIGKILL, out of memory) the worker never sees the pipe close and would wait for ever."""

    def watch() -> None:
        while os.getppid() == parent:
            time.sleep(0.5)
        os._exit(1)

    threading.Thread(target=watch, name="end-with-parent", daemon=True).start()


def _length_notes(result: BuildResult) -> list[str]:
    pdf = next((output for output in result.outputs if output.format == "pdf"), None)
    if pdf is None or pdf.pages is None or pdf.pages <= MAX_EASY_READ_PAGES:
        return []
    return [
        f"Length: the PDF has {pdf.pages} pages. Easy Read documents are easier to use "
        f"with {MAX_EASY_READ_PAGES} pages or fewer. Think about a shorter version."
    ]


def _formats(requested: list[str]) -> list[str]:
    """The formats asked for with --format, each once; an unknown one is an error."""
    wanted = []
    known = format_names()
    for fmt in requested:
        fmt = fmt.strip().lower()
        if fmt not in known:
            raise EasyReadError(
                f"'{fmt}' is not an output easyread can make", hint=f"use {_names(known)}"
            )
        if fmt not in wanted:
            wanted.append(fmt)
    return wanted


def _formats_from_config(report: Report) -> list[str]:
    """`outputs` in easyread.toml (every format when it lists none), checked with its line."""
    config = report.config
    known = format_names()
    for fmt in config.outputs:
        if fmt not in known:
            raise ConfigError(
                f"'{fmt}' is not an output easyread can make",
                path=config.path,
                line=config.line_of("outputs"),
                hint=f"use {_names(known)}",
            )
    return list(dict.fromkeys(config.outputs)) or known


def _names(names: list[str]) -> str:
    return ", ".join(names[:-1]) + f" or {names[-1]}" if len(names) > 1 else "".join(names)


def _lint(report: Report, glossary: Glossary, result: BuildResult, strict: bool) -> None:
    findings, summary = lint_summary(report, glossary)
    result.notes.append(summary)
    result.lint_errors = sum(1 for finding in findings if finding.severity == "error")
    if strict and result.lint_errors:
        raise BuildStopped(
            f"the build stopped because the check found {counted(result.lint_errors, 'error')}",
            path=report.root,
            hint="run 'easyread lint' to see them, or build without --strict",
        )


def _added_pages_line(edition: Edition, glossary: Glossary) -> str:
    """One line on the pages easyread adds, checked and scored like the author's own."""
    pages = added_pages_report(edition)
    findings = lint_added_pages(pages, glossary)
    ease = score_report(pages, glossary=glossary).measures.reading_ease
    first = next((item for item in findings if at_or_above(item.severity, "warning")), None)
    found = f"{summary_line(findings).removeprefix('Lint: ').rstrip('.')}"
    if first is not None:
        found = f"{found.split(' Run ')[0]} First: {plain_line(first)}"
    return f"Pages easyread adds: {found}. Reading ease {ease:.0f}."


def _score(report: Report, glossary: Glossary, out_dir: Path, result: BuildResult) -> None:
    score, summary = score_summary(report, glossary)
    result.notes.append(summary)
    write_score_report(score, out_dir, name=output_name(report))


class _Clock:
    def __init__(self) -> None:
        self.last = time.perf_counter()

    def lap(self, result: BuildResult, name: str) -> None:
        now = time.perf_counter()
        result.timings[name] = result.timings.get(name, 0.0) + now - self.last
        self.last = now
