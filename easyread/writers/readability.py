"""The readability report as HTML (to share) and PDF (WeasyPrint), with a bar chart per section.

The charts are inline SVG made here, so the page needs no script and no file beside it.
Rendering the PDF never fetches anything from the network.
"""

from __future__ import annotations

import html
import re
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any, TextIO

from markupsafe import Markup

from easyread.output import ensure_folder, write_bytes_atomically, write_text_atomically
from easyread.resources import templates_dir
from easyread.score.formulas import MEASURE_NAMES
from easyread.score.run import ScoreRun, run_score
from easyread.score.scorer import ReportScore
from easyread.score.serialize import dumps, report_to_json
from easyread.score.summary import summary_line
from easyread.writers.templates import environment

if TYPE_CHECKING:
    from easyread.writers.render import SandboxFetcher

COUNT_LABELS = {
    "sentences": "Sentences",
    "words": "Words",
    "words_per_sentence": "Words per sentence",
    "longest_sentence": "Longest sentence (words)",
    "long_sentences": "Long sentences",
    "syllables": "Syllables",
    "syllables_per_word": "Syllables per word",
    "long_words": "Long words (3 or more syllables)",
    "uncommon_words": "Words not in the common-word list",
    "dale_chall_hard_words": "Dale-Chall hard words",
    "glossary_hard_words": "Glossary hard words",
    "jargon": "Jargon",
    "acronyms": "Acronyms",
}
BAR_HEIGHT = 22
BAR_GAP = 6
LABEL_WIDTH = 220
PLOT_WIDTH = 330
VALUE_WIDTH = 110


@dataclass(frozen=True, slots=True)
class ChartKind:
    key: str  # a measures key or a counts key
    title: str
    scale: float
    target: float | None
    higher_is_easier: bool
    from_counts: bool = False


def render_html(score: ReportScore, comparison: dict[str, Any] | None = None) -> str:
    folder = templates_dir() / "score"
    data = report_to_json(score, comparison=comparison)
    kind = chart_kind(score)
    overview = [
        (f"{section['number']}. {section['title']}", _value(section, kind))
        for section in data["sections"]
    ]
    section_charts = {
        section["number"]: Markup(
            bar_chart(
                [(f"Point {point['number']}", _value(point, kind)) for point in section["points"]],
                kind,
                f"{kind.title} of each point in section {section['number']}",
            )
        )
        for section in data["sections"]
    }
    return (
        environment()
        .get_template("score/readability.html.j2")
        .render(
            data=data,
            css=Markup((folder / "readability.css").read_text(encoding="utf-8")),
            summary=summary_line(score),
            overview_chart=Markup(bar_chart(overview, kind, f"{kind.title} of each section")),
            section_charts=section_charts,
            chart_title=kind.title,
            chart_note=_chart_note(kind),
            measure_names=MEASURE_NAMES,
            count_labels=COUNT_LABELS,
            max_words=score.settings.max_words,
        )
    )


def chart_kind(score: ReportScore) -> ChartKind:
    """Reading ease where the language has it; otherwise words per sentence."""
    if score.language.reading_ease_constants is not None:
        target = score.settings.target_for("reading_ease")
        return ChartKind(
            "reading_ease", "Reading ease", 120.0, target.limit if target else None, True
        )
    limit = float(score.settings.max_words)
    return ChartKind("words_per_sentence", "Words per sentence", limit * 2, limit, False, True)


def _value(item: dict[str, Any], kind: ChartKind) -> float | None:
    source = item["counts"] if kind.from_counts else item["measures"]
    value = source.get(kind.key)
    return float(value) if isinstance(value, int | float) else None


def _chart_note(kind: ChartKind) -> str:
    if kind.key == "reading_ease":
        return (
            "Longer bars are easier to read. The line shows the target. "
            "Very short points can score above 100: the scale stops at 120."
        )
    return "Shorter bars are easier to read. The line shows the most words a sentence should have."


def bar_chart(rows: list[tuple[str, float | None]], kind: ChartKind, title: str) -> str:
    """A horizontal bar chart as SVG; a bar that misses the target is drawn striped."""
    height = max(1, len(rows)) * (BAR_HEIGHT + BAR_GAP) + BAR_GAP
    width = LABEL_WIDTH + PLOT_WIDTH + VALUE_WIDTH
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" class="chart" role="img" '
        f'width="{width}" height="{height}" viewBox="0 0 {width} {height}" '
        f'aria-label="{html.escape(title)}">',
        f"<title>{html.escape(title)}</title>",
        '<defs><pattern id="missed" width="8" height="8" patternUnits="userSpaceOnUse" '
        'patternTransform="rotate(45)"><rect width="8" height="8" fill="#b35900"/>'
        '<rect width="3" height="8" fill="#ffd7a8"/></pattern></defs>',
    ]
    for index, (label, value) in enumerate(rows):
        top = BAR_GAP + index * (BAR_HEIGHT + BAR_GAP)
        middle = top + BAR_HEIGHT / 2 + 5
        short_label = label if len(label) <= 24 else label[:23] + "…"
        parts.append(
            f'<text x="{LABEL_WIDTH - 8}" y="{middle}" text-anchor="end" class="label">'
            f"{html.escape(short_label)}</text>"
        )
        if value is None:
            parts.append(
                f'<text x="{LABEL_WIDTH + PLOT_WIDTH + 8}" y="{middle}" class="value">–</text>'
            )
            continue
        shown = min(max(value, 0.0), kind.scale)
        bar_width = PLOT_WIDTH * shown / kind.scale
        met = _meets(value, kind)
        fill = "#1f4e79" if met else "url(#missed)"
        parts.append(
            f'<rect x="{LABEL_WIDTH}" y="{top}" width="{bar_width:.1f}" height="{BAR_HEIGHT}" '
            f'fill="{fill}" rx="2"/>'
        )
        parts.append(
            f'<text x="{LABEL_WIDTH + PLOT_WIDTH + 8}" y="{middle}" class="value">'
            f"{value:.0f}{'' if met else ' (missed)'}</text>"
        )
    if kind.target is not None:
        x = LABEL_WIDTH + PLOT_WIDTH * min(kind.target, kind.scale) / kind.scale
        parts.append(
            f'<line x1="{x:.1f}" y1="0" x2="{x:.1f}" y2="{height}" stroke="#000" '
            'stroke-width="2" stroke-dasharray="5 3"/>'
        )
    parts.append("</svg>")
    return "".join(parts)


def _meets(value: float, kind: ChartKind) -> bool:
    if kind.target is None:
        return True
    return value >= kind.target if kind.higher_is_easier else value <= kind.target


def write_html(score: ReportScore, path: Path, comparison: dict[str, Any] | None = None) -> Path:
    ensure_folder(path.parent)
    write_text_atomically(path, render_html(score, comparison))
    return path


def write_pdf(score: ReportScore, path: Path, comparison: dict[str, Any] | None = None) -> Path:
    """The readability report as tagged PDF; the page is self-contained, so no file is read."""
    # WeasyPrint takes most of a second to import: only when a PDF is asked for.
    from easyread.writers.render import render_pdf

    text = render_html(score, comparison)
    pdf, _ = render_pdf(text, fetcher(), base_url=".")
    ensure_folder(path.parent)
    write_bytes_atomically(path, pdf)
    return path


@dataclass(frozen=True, slots=True)
class ScoreWritten:
    """What `easyread score` worked out, and the readability files it wrote."""

    found: ScoreRun
    written: list[Path]


def score_and_write(
    paths: Sequence[str],
    *,
    compare_with: Path | None = None,
    fail_under: float | None = None,
    fail_scope: str | None = None,
    html_file: Path | None = None,
    pdf_file: Path | None = None,
    stdin: TextIO | None = None,
) -> ScoreWritten:
    """`easyread score`: score.run.run_score works out the figures, then the readability
    report is drawn as HTML at `html_file` and as PDF at `pdf_file`, when asked for."""
    found = run_score(
        paths,
        compare_with=compare_with,
        fail_under=fail_under,
        fail_scope=fail_scope,
        stdin=stdin,
    )
    written = []
    if html_file is not None:
        written.append(write_html(found.score, html_file, found.comparison))
    if pdf_file is not None:
        written.append(write_pdf(found.score, pdf_file, found.comparison))
    return ScoreWritten(found, written)


def fetcher() -> SandboxFetcher:
    """The page is self-contained (inline CSS and SVG): it may read no file and no URL."""
    from easyread.writers.render import SandboxFetcher

    return SandboxFetcher([], [])


def write_score_report(
    report_score: ReportScore, out_dir: Path, name: str | None = None
) -> list[Path]:
    """Write `<name>-readability.json` and `<name>-readability.html` into `out_dir`.

    `name` is the stem the build gives its outputs; by default a slug of the report's title."""
    out_dir = Path(out_dir)
    stem = f"{name or slug(report_score.title)}-readability"
    json_path = out_dir / f"{stem}.json"
    ensure_folder(out_dir)
    write_text_atomically(json_path, dumps(report_to_json(report_score)))
    html_path = write_html(report_score, out_dir / f"{stem}.html")
    return [json_path, html_path]


def slug(text: str) -> str:
    words = re.findall(r"[a-z0-9]+", text.lower())
    return "-".join(words)[:60].strip("-") or "report"
