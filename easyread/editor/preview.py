"""The live preview of `easyread watch`: the report's web page, made again after each save.

Each update reads again only the sections whose files changed (EditorSession keeps the others
by a hash of their text), lints the report, scores the changed sections and renders the web
page with each point's findings beside it. A save that breaks the report keeps the last good
page and says what is wrong, in one line.

The page is the build's web page with three differences, all made here and none in the
published HTML: pictures and fonts are served by the preview server from the build's sandbox
(the templates folder and the pictures the page names) instead of being embedded; findings are
shown beside their points; and a small script asks the server for the page's version and
reloads it, in the same scroll place, when a new build has finished.
"""

from __future__ import annotations

import dataclasses
import html
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from easyread.edition.assemble import edition_for_build
from easyread.editor.session import EditorSession
from easyread.errors import EasyReadError
from easyread.lint.findings import Finding
from easyread.model import Report
from easyread.reader.report import resolve_pictures
from easyread.score.scorer import SectionScore, score_report
from easyread.writers.html import render_html
from easyread.writers.render import SandboxFetcher, sandbox_fetcher
from easyread.writers.templates import PICTURE_URL, TEMPLATE_URL

ASSET_PATH = "/easyread/"
SCRIPT_PATH = "/preview.js"
VERSION_PATH = "/version"
_STYLE = """
.preview-notes { margin: 0.25em 0 0.5em; padding: 0.4em 0.8em; border-left: 0.3em solid #b35c00;
  background: #fff4e5; color: #1a1a1a; font-size: 0.85em; }
.preview-notes ul { margin: 0; padding-left: 1.2em; }
#easyread-preview-bar { position: sticky; top: 0; z-index: 10; margin: 0; padding: 0.5em 1em;
  background: #1a1a1a; color: #ffffff; font-size: 0.9em; }
#easyread-preview-bar.broken { background: #8b0000; }
#easyread-preview-bar ul { margin: 0.3em 0 0; padding-left: 1.2em; }
"""


@dataclass(frozen=True, slots=True)
class Update:
    """What one save changed: the findings and scores of the changed sections, and timings."""

    changed: list[Path]
    findings: list[Finding]  # in the changed sections
    scores: list[SectionScore]  # of the changed sections
    all_findings: int
    findings_seconds: float  # from the save being seen to its findings
    preview_seconds: float  # from the save being seen to the new page
    error: str | None = None  # the one-line error of a save that broke the report
    linted: bool = True  # False when the report could not even be read


@dataclass
class Preview:
    """The last good page, its version and the error of the last save (if it broke it)."""

    session: EditorSession
    version: int = 0
    error: str | None = None
    _page: str = ""
    _fetcher: SandboxFetcher | None = None
    _texts: dict[Path, bytes] = field(default_factory=dict)
    _lock: threading.Lock = field(default_factory=threading.Lock)

    def update(
        self,
        changed: list[Path] | None = None,
        on_findings: Callable[[Update], None] | None = None,
    ) -> Update:
        """Build again after a save of `changed` (every section when None). `on_findings` is
        told the findings as soon as they are known, before the page is made."""
        start = time.perf_counter()
        try:
            report = self.session.report()
            findings = self.session.lint_report(report)
        except EasyReadError as error:
            return self._broken(error, changed or [], start)
        changed = self._changed(report, changed)
        mine = [finding for finding in findings if _absolute(finding.path) in changed]
        scores = self._scores(report, changed)
        findings_seconds = time.perf_counter() - start
        if on_findings is not None:
            found = Update(changed, mine, scores, len(findings), findings_seconds, 0.0)
            on_findings(found)
        try:
            page, fetcher = self._render(report, findings)
        except EasyReadError as error:
            broken = self._broken(error, changed, start)
            return dataclasses.replace(
                broken, findings=mine, scores=scores, all_findings=len(findings), linted=True
            )
        with self._lock:
            self._page, self._fetcher, self.error = page, fetcher, None
            self.version += 1
        preview_seconds = time.perf_counter() - start
        return Update(changed, mine, scores, len(findings), findings_seconds, preview_seconds)

    def page(self) -> str:
        """The page to show: the last good page, with the bar saying what the last save did."""
        with self._lock:
            page, error, version = self._page, self.error, self.version
        if not page:
            page = '<!DOCTYPE html><html lang="en"><head><title>easyread</title></head><body>' + (
                "<main><p>The report could not be read yet.</p></main></body></html>"
            )
        return _with_bar(page, error, version)

    def asset(self, name: str) -> bytes | None:
        """A picture or font the page names, from the build's sandbox; None for anything else."""
        with self._lock:
            fetcher = self._fetcher
        if fetcher is None or "/" not in name:
            return None
        try:
            return fetcher.named_path("easyread:" + name).read_bytes()
        except (OSError, ValueError):
            return None

    # -- the steps -----------------------------------------------------------------------------

    def _changed(self, report: Report, changed: list[Path] | None) -> list[Path]:
        paths = [_absolute(section.path) for section in report.sections]
        wanted = {_absolute(path) for path in changed or []}
        # A changed picture, easyread.toml or glossary can change any section.
        return [path for path in paths if path in wanted] or paths

    def _scores(self, report: Report, changed: list[Path]) -> list[SectionScore]:
        sections = [s for s in report.sections if _absolute(s.path) in changed]
        if not sections:
            return []
        part = Report(report.root, report.config, tuple(sections), None)
        return score_report(part, glossary=self.session.glossary()).sections

    def _render(self, report: Report, findings: list[Finding]) -> tuple[str, SandboxFetcher]:
        report = resolve_pictures(report)
        edition = edition_for_build(report, self.session.glossary(), None)
        page = render_html(edition, for_print=False, embed=False, notes=_notes(report, findings))
        page = page.replace(f'"{PICTURE_URL}', f'"{ASSET_PATH}{PICTURE_URL.split(":", 1)[1]}')
        page = page.replace(f'"{TEMPLATE_URL}', f'"{ASSET_PATH}{TEMPLATE_URL.split(":", 1)[1]}')
        return page, sandbox_fetcher(edition)

    def _broken(self, error: EasyReadError, changed: list[Path], start: float) -> Update:
        line = error.one_line()
        with self._lock:
            self.error = line
            self.version += 1
        seconds = time.perf_counter() - start
        return Update(changed, [], [], 0, seconds, seconds, error=line, linted=False)


def _notes(report: Report, findings: list[Finding]) -> dict[tuple[Path, int], list[str]]:
    """Each finding under the point whose lines hold it, keyed as the HTML writer asks: the
    point's file and first line."""
    points: dict[Path, list[tuple[int, int]]] = {}
    for section, point in report.points():
        points.setdefault(section.path, []).append((point.source.line, point.end_line))
    notes: dict[tuple[Path, int], list[str]] = {}
    for finding in findings:
        first = next(
            (start for start, end in points.get(finding.path, []) if start <= finding.line <= end),
            None,
        )
        if first is not None:
            note = f"{finding.message} ({finding.rule})"
            notes.setdefault((finding.path, first), []).append(note)
    return notes


def _with_bar(page: str, error: str | None, version: int) -> str:
    if error:
        bar = (
            '<div id="easyread-preview-bar" class="broken" role="alert">'
            f"<strong>Your last change could not be shown.</strong> {html.escape(error)} "
            "This is the last page that could be made.</div>"
        )
    else:
        bar = '<div id="easyread-preview-bar" role="status">Live preview</div>'
    head = (
        f'<style>{_STYLE}</style><meta name="easyread-version" content="{version}">'
        f'<script src="{SCRIPT_PATH}" defer></script></head>'
    )
    page = page.replace("</head>", head, 1)
    at = page.find(">", page.find("<body")) + 1
    return page[:at] + bar + page[at:]


def _absolute(path: Path) -> Path:
    return path if path.is_absolute() else path.absolute()


# The preview's only script: it asks for the version twice a second, and reloads the page when
# a new build is there, at the same scroll place. It is served by the preview, never written
# into a published page.
SCRIPT = """(function () {
  var key = "easyread-scroll:" + location.pathname;
  var shown = document.querySelector('meta[name="easyread-version"]').content;
  var kept = sessionStorage.getItem(key);
  if (kept !== null) { window.scrollTo(0, parseInt(kept, 10)); sessionStorage.removeItem(key); }
  function ask() {
    fetch("/version", { cache: "no-store" })
      .then(function (answer) { return answer.json(); })
      .then(function (state) {
        if (String(state.version) !== shown) {
          sessionStorage.setItem(key, String(window.scrollY));
          location.reload();
        } else {
          setTimeout(ask, 500);
        }
      })
      .catch(function () { setTimeout(ask, 2000); });
  }
  setTimeout(ask, 500);
})();
"""
