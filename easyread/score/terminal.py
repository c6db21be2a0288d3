"""The score on the terminal: one rich table per section, its hardest sentences, then the report."""

from __future__ import annotations

from typing import Any

from rich import box
from rich.console import Console
from rich.markup import escape
from rich.table import Table

from easyread.score.formulas import MEASURE_NAMES, Counts, Measures
from easyread.score.scorer import ReportScore, SectionScore
from easyread.score.summary import summary_line


def print_score(
    score: ReportScore,
    console: Console,
    *,
    comparison: dict[str, Any] | None = None,
    show_points: bool = False,
) -> None:
    for note in score.notes:
        console.print(f"[yellow]Note:[/] {escape(note)}")
    for section in score.sections:
        _print_section(score, section, console, show_points)
    console.rule("[bold]Whole report")
    console.print(_table(score, score.counts, score.measures, "Whole report"))
    _print_text_counts(score.heading_counts, score.alt_text_counts, console)
    for warning in score.warnings:
        console.print(f"[yellow]Warning:[/] {escape(warning)}")
    if comparison is not None:
        _print_comparison(comparison, console)
    console.print()
    console.print(f"[bold]{escape(summary_line(score))}[/]")


def _print_section(
    score: ReportScore, section: SectionScore, console: Console, show_points: bool
) -> None:
    console.rule(f"[bold]{section.number}. {escape(section.title)}[/]  [dim]{escape(section.file)}")
    console.print(_table(score, section.counts, section.measures, "Section"))
    _print_text_counts(section.heading_counts, section.alt_text_counts, console)
    for warning in section.warnings:
        console.print(f"[yellow]Warning:[/] {escape(warning)}")
    if section.hardest:
        console.print("[bold]Hardest sentences[/]")
        for sentence in section.hardest:
            where = f"{section.file}:{sentence.source.line}"
            reasons = "; ".join(reason.text for reason in sentence.reasons)
            console.print(f"  [cyan]{escape(where)}[/] {escape(sentence.text)}")
            console.print(f"    [magenta]{escape(reasons)}[/]")
    elif section.counts.sentences:
        console.print("[green]No hard sentences found.[/]")
    if show_points:
        console.print(_points_table(score, section))
    console.print()


SHORT_NAMES = {
    "reading_ease": "Reading ease",
    "grade": "Grade",
    "smog": "SMOG",
    "fog": "Gunning Fog",
    "dale_chall": "Dale-Chall",
}


def _table(score: ReportScore, counts: Counts, found: Measures, title: str) -> Table:
    table = Table(box=box.SIMPLE_HEAD, pad_edge=False, show_edge=False)
    table.add_column("Measure", no_wrap=True)
    table.add_column("Score", justify="right", no_wrap=True)
    table.add_column("Target", no_wrap=True)
    table.add_column("", no_wrap=True)
    table.add_column("Count", no_wrap=True)
    table.add_column("", justify="right", no_wrap=True)
    measure_rows = _measure_rows(score, found)
    count_rows = count_lines(score, counts)
    for index in range(max(len(measure_rows), len(count_rows))):
        measure = measure_rows[index] if index < len(measure_rows) else ("", "", "", "")
        count = count_rows[index] if index < len(count_rows) else ("", "")
        table.add_row(*measure, count[0], count[1])
    return table


def _measure_rows(score: ReportScore, found: Measures) -> list[tuple[str, str, str, str]]:
    rows = []
    for key in MEASURE_NAMES:
        name = SHORT_NAMES[key]
        value = getattr(found, key)
        target = score.settings.target_for(key)
        if value is None:
            rows.append((name, "–", "", "n/a"))
            continue
        target_text = status = ""
        if target is not None:
            met = target.met(value)
            target_text = target.describe()
            status = "[green]met[/]" if met else "[yellow]missed[/]"
        rows.append((name, f"{value:.1f}", target_text, status))
    return rows


def count_lines(score: ReportScore, counts: Counts) -> list[tuple[str, str]]:
    """Counts as (label, value) in plain words; values not counted for the language say so."""
    syllables = score.language.counts_syllables
    lists = score.language.has_word_lists
    not_counted = "–"
    return [
        ("Sentences", str(counts.sentences)),
        ("Words", str(counts.words)),
        ("Words per sentence", f"{counts.words_per_sentence:.1f}"),
        ("Longest sentence (words)", str(counts.longest_sentence)),
        (f"Sentences over {score.settings.max_words} words", str(counts.long_sentences)),
        ("Syllables", str(counts.syllables) if syllables else not_counted),
        ("Syllables per word", f"{counts.syllables_per_word:.2f}" if syllables else not_counted),
        ("Long words (3+ syllables)", str(counts.long_words) if syllables else not_counted),
        ("Not in common words", str(counts.uncommon_words) if lists else not_counted),
        (
            "Dale-Chall hard words",
            str(counts.dale_chall_hard_words)
            if lists and score.dale_chall_available
            else not_counted,
        ),
        ("Glossary hard words", str(counts.glossary_hard_words)),
        ("Jargon", str(counts.jargon)),
        ("Acronyms", str(counts.acronyms)),
    ]


def _print_text_counts(headings: Counts, alt_text: Counts, console: Console) -> None:
    console.print(
        f"[dim]Not in the scores: {plural(headings.sentences, 'heading')} "
        f"({plural(headings.words, 'word')}, longest {headings.longest_sentence}) and "
        f"{plural(alt_text.sentences, 'picture description')} "
        f"({plural(alt_text.words, 'word')}, longest {alt_text.longest_sentence}).[/]"
    )


def plural(number: int, noun: str) -> str:
    return f"{number} {noun}" if number == 1 else f"{number} {noun}s"


def _points_table(score: ReportScore, section: SectionScore) -> Table:
    table = Table(title="Points", box=box.SIMPLE_HEAD, show_edge=False)
    for column in ("Point", "Line", "Sentences", "Words", "Longest", "Reading ease", "Grade"):
        table.add_column(column, justify="right")
    for point in section.points:
        ease, grade = point.measures.reading_ease, point.measures.grade
        table.add_row(
            point.number,
            str(point.source.line),
            str(point.counts.sentences),
            str(point.counts.words),
            str(point.counts.longest_sentence),
            f"{ease:.0f}" if ease is not None else "–",
            f"{grade:.1f}" if grade is not None else "–",
        )
    return table


def _print_comparison(comparison: dict[str, Any], console: Console) -> None:
    console.rule("[bold]Since the earlier run")
    table = Table(box=box.SIMPLE_HEAD, show_edge=False)
    table.add_column("Section")
    table.add_column("Change")
    table.add_column("What moved")
    colours = {"easier": "green", "harder": "red", "new": "cyan", "removed": "cyan"}
    rows = [*comparison["sections"], {**comparison["report"], "title": "Whole report"}]
    for row in rows:
        verdict = row["verdict"]
        moved = [change["text"] for change in row.get("changes", [])]
        if not moved and verdict in ("new", "removed"):
            moved = [row["summary"]]
        table.add_row(
            escape(str(row.get("title") or row.get("file") or "")),
            f"[{colours.get(verdict, 'white')}]{verdict}[/]",
            escape("; ".join(moved)),
        )
    console.print(table)
