"""The list of changes on the terminal and as a short large-print PDF."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from easyread.edition.review_strings import review_strings
from easyread.errors import EasyReadError, display_path
from easyread.output import ensure_folder, write_bytes_atomically
from easyread.records.reviews import format_date
from easyread.review.changes import ChangeList, change_words, changes_for, group_by_part
from easyread.review.printing import render_review_pdf, review_templates
from easyread.writers.templates import environment, font_faces, page_counter_content


def intro(changes: ChangeList, strings: dict[str, str]) -> str:
    key = "changes-intro" if changes.changes else "changes-none"
    record = changes.record
    return strings[key].format(group=record.group, date=format_date(record.date))


def print_changes(changes: ChangeList, console: Any = None) -> None:
    from rich.console import Console
    from rich.markup import escape

    console = console or Console(highlight=False)
    strings = review_strings(changes.report.config.language)
    console.print(f"[bold]{escape(strings['changes-title'])}[/]")
    console.print(escape(intro(changes, strings)))
    for label, items in group_by_part(changes):
        console.print()
        console.print(f"[bold]{escape(label)}[/]")
        for change in items:
            words = change_words(change, strings)
            where = ""
            if change.path is not None and change.line is not None:
                where = f"  [dim]({escape(display_path(change.path))}:{change.line})[/]"
            console.print(f"  {escape(words.headline)}{where}")
            if words.before:
                console.print(
                    f"    [red]{escape(strings['changes-before'])}[/] {escape(words.before)}"
                )
            if words.after:
                console.print(
                    f"    [green]{escape(strings['changes-now'])}[/] {escape(words.after)}"
                )


def changes_html(changes: ChangeList, *, font_size: float, today: dt.date) -> str:
    report = changes.report
    strings = review_strings(report.config.language)
    pictures = review_templates() / "pictures"
    parts = []
    for label, items in group_by_part(changes):
        rows = []
        for change in items:
            words = change_words(change, strings)
            rows.append(
                {
                    "headline": words.headline,
                    "before": words.before,
                    "after": words.after,
                    "picture": (pictures / words.picture).resolve().as_uri(),
                    "alt": words.alt,
                }
            )
        parts.append({"label": label, "rows": rows})
    context = {
        "language": report.config.language,
        "title": f"{report.title}: {strings['changes-title']}",
        "report_title": report.title,
        "author": report.config.document_author,
        "s": strings,
        "intro": intro(changes, strings),
        "made": strings["changes-made"].format(date=format_date(today)),
        "parts": parts,
        "fonts": font_faces(),
        "font_size": f"{font_size:g}",
        "page_size": f"{report.config.page_size} portrait",
        "page_counter": page_counter_content(strings["page"].replace("<", "")),
    }
    return environment().get_template("review/changes.html.j2").render(**context)


def write_changes_pdf(
    changes: ChangeList, target: Path, *, font_size: float = 18.0, today: dt.date | None = None
) -> Path:
    html = changes_html(changes, font_size=font_size, today=today or dt.date.today())
    pdf = render_review_pdf(html, roots=[changes.report.root], forms=False)
    ensure_folder(target.parent)
    write_bytes_atomically(target, pdf)
    return target


@dataclass(frozen=True, slots=True)
class ChangesMade:
    """What `easyread changes` found, and the PDF it wrote (None when none was asked for)."""

    changes: ChangeList
    pdf: Path | None


def make_changes(
    root: Path, since: str, *, pdf: Path | None = None, font_size: float = 18.0
) -> ChangesMade:
    """`easyread changes`: what changed in the report at `root` since the check `since` (a
    record of reviews/ or 'last'), and, when `pdf` is given, the large-print PDF of it."""
    if not 14 <= font_size <= 40:
        raise EasyReadError(
            f"font size {font_size:g} is not right for Easy Read", hint="use 14 to 40"
        )
    changes = changes_for(root, since)
    written = write_changes_pdf(changes, pdf, font_size=font_size) if pdf is not None else None
    return ChangesMade(changes, written)
