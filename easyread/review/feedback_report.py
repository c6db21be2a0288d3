"""The feedback report: Markdown for people, JSON and CSV for tools, a table on the terminal.

Every word in it that came from a review copy (notes, names, quoted words, titles) is data,
never markup: it is escaped for Markdown and HTML in feedback.md, made safe from spreadsheet
formulas in feedback.csv, and stripped of escape sequences and control codes on the terminal.
"""

from __future__ import annotations

import csv
import io
import json
import re
from pathlib import Path
from typing import Any

from easyread.edition.review_strings import review_strings
from easyread.errors import display_path, for_terminal
from easyread.glossary import is_builtin_glossary, project_glossary_files
from easyread.output import ensure_folder, write_text_atomically
from easyread.review import added_points
from easyread.review.feedback import Feedback, PointFeedback, Response, ReviewFile

JSON_VERSION = 1
STATUS_WORDS = {
    "same": "",
    "moved": "moved since the review (was {was})",
    "changed": "changed since the review",
    "gone": "no longer in the report",
    "unknown": "",
}
CSV_COLUMNS = (
    "point", "file", "line", "status", "text", "reviewer", "group", "date", "understand",
    "not_understand", "change_picture", "notes", "quoted", "review_file", "sentence",
    "sentence_line", "sentence_column",
)  # fmt: skip


def status_words(point: PointFeedback) -> str:
    return STATUS_WORDS.get(point.status, "").format(was=point.was_number)


def _where(point: PointFeedback) -> str:
    """The file and line the point's words are written on: a section file, or for the pages
    easyread adds, easyread.toml, a glossary or a template (for a gone one, as the copy says)."""
    if point.point is None:
        if point.reviewed_file:
            return f"{display_path(Path(point.reviewed_file))}:{point.reviewed_line}"
        return ""
    return f"{display_path(point.point.source.path)}:{point.point.source.line}"


def builtin_word(point: PointFeedback) -> str | None:
    """For a Words to know word whose meaning comes from easyread's own glossary (a file in
    the installed package, which the writer cannot change): the word. Else None."""
    if point.point is None or point.number.partition(".")[0] != added_points.WORDS:
        return None
    if not point.point.sentences or not is_builtin_glossary(point.point.source.path):
        return None
    return point.point.sentences[0].text.strip()


def builtin_word_advice(word: str, feedback: Feedback) -> str:
    """What to do to give the report its own meaning for a word from easyread's word list."""
    own = project_glossary_files(feedback.report.config)
    if own:
        root = feedback.report.root.resolve()
        name = own[0].resolve()
        shown = name.relative_to(root).as_posix() if name.is_relative_to(root) else str(name)
        where = f"to your glossary file {shown}"
    else:
        where = (
            "to a glossary file of your own in the report folder, such as our-words.yaml, "
            'and name it in easyread.toml: [glossary] files = ["our-words.yaml"]'
        )
    return (
        f"The meaning of '{word}' comes from easyread's own word list, not from your report. "
        f"To give your report its own meaning, add the word {where}, with term, kind and "
        "plain (your meaning). Your meaning is then used instead of easyread's."
    )


def _word_and_meaning(point: PointFeedback) -> tuple[str, str] | None:
    """A Words to know point as its word and its meaning, which the copy shows apart."""
    if point.point is None or point.number.partition(".")[0] != added_points.WORDS:
        return None
    sentences = [sentence.text.strip() for sentence in point.point.sentences]
    if len(sentences) < 2:
        return None
    return sentences[0], " ".join(sentences[1:])


def point_label(point: PointFeedback, feedback: Feedback) -> str:
    """The point as the copy names it: "Point 3.2", "Word 3", "Cover 1"."""
    strings = review_strings(feedback.report.config.language)
    return added_points.label(point.number, strings)


def write_feedback(feedback: Feedback, out_dir: Path, stem: str = "feedback") -> list[Path]:
    ensure_folder(out_dir)
    outputs = {
        out_dir / f"{stem}.md": to_markdown(feedback),
        out_dir / f"{stem}.json": to_json(feedback),
        out_dir / f"{stem}.csv": to_csv(feedback),
    }
    for path, text in outputs.items():
        write_text_atomically(path, text)
    return list(outputs)


# -- JSON -----------------------------------------------------------------------------------------


def _response_data(response: Response) -> dict[str, Any]:
    return {
        "reviewer": response.reviewer,
        "group": response.group,
        "date": response.date,
        "understand": response.understand,
        "not_understand": response.not_understand,
        "change_picture": response.change_picture,
        "notes": response.notes,
        "quoted": response.quoted,
        "review_file": str(response.review_file),
        "sentence": response.sentence,
        "sentence_line": response.line or None,
        "sentence_column": response.column or None,
    }


def _file_data(review: ReviewFile) -> dict[str, Any]:
    return {
        "path": str(review.path),
        "kind": review.kind,
        "reviewer": review.reviewer,
        "group": review.group,
        "date": review.date,
        "made_from_current_draft": review.on_current_draft,
        "changed_sections": review.changed_sections,
        "notes": review.notes,
        "responses": len(review.responses),
        "document": _response_data(review.document) if review.document else None,
    }


def _point_data(point: PointFeedback, feedback: Feedback) -> dict[str, Any]:
    return {
        "point": point.number,
        "label": point_label(point, feedback),
        "file": point.file or None,
        "sentences": [
            {"text": text, "file": file, "line": line}
            for text, file, line in sentence_sources(point)
        ]
        or None,
        "line": point.line,
        "end_line": point.point.end_line if point.point else None,
        "status": point.status,
        "was_point": point.was_number or None,
        "text": point.text,
        "reviewed_text": point.reviewed_text or None,
        "picture": point.point.picture.src if point.point and point.point.picture else None,
        "counts": {
            "reviewers": point.reviewers,
            "understood": point.understood,
            "not_understood": point.not_understood,
            "change_picture": point.change_picture,
            "notes": point.notes,
        },
        "responses": [_response_data(response) for response in point.responses],
    }


def to_json(feedback: Feedback) -> str:
    data = {
        "easyread_feedback": JSON_VERSION,
        "report": feedback.report.title,
        "review_files": [_file_data(review) for review in feedback.files],
        "points": [_point_data(point, feedback) for point in feedback.points],
        "most_need_work": [point.number for point in feedback.by_need() if _needs_work(point)],
    }
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"


def _needs_work(point: PointFeedback) -> bool:
    """Only what reviewers ticked or said in words ("I don't understand this word"): a note or
    comment such as "Good point, we like this" is kept with its point, not counted as work."""
    return bool(point.not_understood or point.change_picture)


# -- CSV ------------------------------------------------------------------------------------------


def to_csv(feedback: Feedback) -> str:
    stream = io.StringIO()
    writer = csv.writer(stream, lineterminator="\n")
    writer.writerow(CSV_COLUMNS)
    for point in feedback.points:
        for response in point.responses:
            row = [
                point.number,
                point.file,
                point.line or "",
                point.status,
                point.text,
                response.reviewer,
                response.group,
                response.date,
                _yes(response.understand),
                _yes(response.not_understand),
                _yes(response.change_picture),
                response.notes,
                response.quoted,
                str(response.review_file),
                response.sentence,
                str(response.line or ""),
                str(response.column or ""),
            ]
            writer.writerow([csv_cell(str(cell)) for cell in row])
    return stream.getvalue()


# A cell a spreadsheet would run as a formula (OWASP, "CSV injection"): it starts with = + - @,
# a tab or a carriage return. A quote in front makes the spreadsheet show it as text.
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def csv_cell(text: str) -> str:
    text = for_terminal(text)
    return "'" + text if text.startswith(_FORMULA_START) else text


def _yes(value: bool) -> str:
    return "yes" if value else ""


# -- Markdown -------------------------------------------------------------------------------------


def to_markdown(feedback: Feedback) -> str:
    lines = [f"# Feedback on {markdown_text(feedback.report.title)}", ""]
    reviewers = {(r.reviewer, r.group) for p in feedback.points for r in p.responses}
    lines.append(
        f"{_count(len(feedback.files), 'review file')}, {_count(len(reviewers), 'reviewer')}, "
        f"feedback on {_count(len(feedback.points), 'point')}."
    )
    lines += ["", "## Review files", ""]
    for review in feedback.files:
        who = ", ".join(part for part in (review.reviewer, review.group, review.date) if part)
        lines.append(
            f"- {markdown_text(display_path(review.path))} ({review.kind.upper()}): "
            f"{markdown_text(who) or 'no name'}"
        )
        for note in review.notes:
            lines.append(f"  - **Note:** {markdown_text(note)}.")
    lines += _markdown_whole_document(feedback)
    need = [point for point in feedback.by_need() if _needs_work(point)]
    lines += ["", "## Points that most need work", ""]
    if need:
        lines += [
            "| point | where | did not understand | change the picture | notes | reviewers |",
            "|---|---|---|---|---|---|",
        ]
        for point in need:
            where = _md_cell(_where(point) or status_words(point))
            if builtin_word(point) is not None:
                where = _md_cell(_short_where(point))
            lines.append(
                f"| {markdown_text(point_label(point, feedback))} | {where} "
                f"| {point.not_understood} | {point.change_picture} | {point.notes} "
                f"| {point.reviewers} |"
            )
    else:
        lines.append("Every reviewer understood every point they ticked. Nothing needs work.")
    lines += ["", "## Every point with feedback", ""]
    for point in feedback.points:
        lines += _markdown_point(point, point_label(point, feedback), feedback)
    return "\n".join(lines).rstrip() + "\n"


def _markdown_whole_document(feedback: Feedback) -> list[str]:
    """What each reviewer said on the copy's "What did you think of this document?" page."""
    said = [review.document for review in feedback.files if review.document is not None]
    if not said:
        return []
    lines = ["", "## The whole document", ""]
    for response in said:
        lines.append(_markdown_response(response))
    return lines


def _markdown_point(point: PointFeedback, label: str, feedback: Feedback) -> list[str]:
    title = f"### {markdown_text(label)}"
    where = _where(point)
    if where:
        title += f" ({markdown_text(where)})"
    lines = [title, ""]
    status = status_words(point)
    if status:
        lines += [f"**This point has {status}.**" if point.status != "gone" else
                  f"**This point is {status}.**", ""]  # fmt: skip
    split = _word_and_meaning(point)
    if split is not None:
        lines += [f"> **{_one_line(split[0])}**: {_one_line(split[1])}", ""]
    else:
        lines += [f"> {_one_line(point.text)}", ""]
    word = builtin_word(point)
    if word is not None:
        lines += [_one_line(builtin_word_advice(word, feedback)), ""]
    lines += _markdown_sources(point)
    if point.reviewed_text and point.reviewed_text != point.text:
        lines += [f"Reviewers saw: {_one_line(point.reviewed_text)}", ""]
    lines.append(
        f"Did not understand: {point.not_understood} of {point.reviewers}. "
        f"Change the picture: {point.change_picture}. Understood: {point.understood}."
    )
    lines.append("")
    for response in point.responses:
        lines.append(_markdown_response(response, point))
    lines.append("")
    return lines


def sentence_sources(point: PointFeedback) -> list[tuple[str, str, int]]:
    """For a point of a page easyread adds whose sentences are written in different places
    (the cover: the title, subtitle and date lines of easyread.toml; Find out more: a note in
    easyread.toml and a sentence of easyread's own strings): each sentence and its file and
    line. Empty for a point whose words are all written in one place."""
    if point.point is None or not added_points.is_added(point.number):
        return []
    places = [
        (sentence.text.strip(), display_path(sentence.source.path), sentence.source.line)
        for sentence in point.point.sentences
    ]
    return places if len({place[1:] for place in places}) > 1 else []


def _markdown_sources(point: PointFeedback) -> list[str]:
    places = sentence_sources(point)
    if not places:
        return []
    lines = ["Where its words are written:", ""]
    lines += [
        f"- {_one_line(text)} ({markdown_text(f'{file}:{line}')})" for text, file, line in places
    ]
    return [*lines, ""]


def _markdown_response(response: Response, point: PointFeedback | None = None) -> str:
    """One reviewer's ticks, notes and the words they commented on, as one list item."""
    ticks = [
        label
        for flag, label in (
            (response.understand, "I understand"),
            (response.not_understand, "I do not understand"),
            (response.change_picture, "Change the picture"),
        )
        if flag
    ]
    who = markdown_text(response.reviewer) or "A reviewer"
    if response.group:
        who += f" ({markdown_text(response.group)})"
    said = "; ".join(ticks) if ticks else "no box ticked"
    line = f"- {who}: {said}."
    if response.notes:
        line += f" Notes: \u201c{_one_line(response.notes)}\u201d"
    if response.quoted:
        line += f" (about the words \u201c{_one_line(response.quoted)}\u201d"
        if response.line and point is not None and point.point is not None:
            place = f"{display_path(point.point.source.path)}:{response.line}:{response.column}"
            line += f", in the sentence at {markdown_text(place)}"
        line += ")"
    return line


def _plain(text: str) -> str:
    return for_terminal(text, one_line=True)


def _count(number: int, word: str) -> str:
    return f"{number} {word}" if number == 1 else f"{number} {word}s"


def _short_where(point: PointFeedback) -> str:
    if builtin_word(point) is not None and point.point is not None:
        return f"easyread's word list, {point.point.source.path.name}:{point.point.source.line}"
    if point.point is None:
        if point.reviewed_file:
            return f"{Path(point.reviewed_file).name}:{point.reviewed_line}"
        return status_words(point)
    return f"{point.point.source.path.name}:{point.point.source.line}"


def _display_text(point: PointFeedback) -> str:
    split = _word_and_meaning(point)
    return f"{split[0]}: {split[1]}" if split is not None else point.text


def _one_line(text: str) -> str:
    """Words for feedback.md, on one line, with Markdown and HTML made plain text."""
    return markdown_text(" ".join(text.split()))


# Everything Markdown or HTML would read as markup inside a line: emphasis, code, links and
# pictures (a remote picture would be fetched by the viewer), tags, entities, table bars.
_MARKUP = re.compile(r"([\\`*_\[\]<>!|&~(){}#])")


def markdown_text(text: str) -> str:
    return _MARKUP.sub(r"\\\1", for_terminal(text, one_line=True))


def _md_cell(text: str) -> str:
    return markdown_text(text)


# -- terminal -------------------------------------------------------------------------------------


def print_feedback(feedback: Feedback, *, limit: int = 15, console: Any = None) -> None:
    from rich.console import Console
    from rich.table import Table
    from rich.text import Text

    console = console or Console(highlight=False)
    for review in feedback.files:
        for note in review.notes:
            line = Text(_plain(display_path(review.path)), style="bold yellow")
            line.append(f": {_plain(note)}.")
            console.print(line)
    need = [point for point in feedback.by_need() if _needs_work(point)]
    if not need:
        console.print("No point needs work: every reviewer understood the points they ticked.")
        return
    table = Table(title="Points that most need work", title_justify="left")
    table.add_column("Point", no_wrap=True)
    table.add_column("Where", overflow="fold")
    table.add_column("Not understood", justify="right")
    table.add_column("Change picture", justify="right")
    table.add_column("Notes", justify="right")
    table.add_column("Text", overflow="ellipsis")
    for point in need[:limit]:
        # Text cells, not strings: rich would read '[link=...]' in a string as markup.
        table.add_row(
            Text(_plain(point_label(point, feedback))),
            Text(_plain(_short_where(point))),
            f"{point.not_understood} of {point.reviewers}",
            str(point.change_picture),
            str(point.notes),
            Text(_plain(_display_text(point))[:120]),
        )
    console.print(table)
    for point in need[:limit]:
        word = builtin_word(point)
        if word is not None:
            label = _plain(point_label(point, feedback))
            console.print(Text(f"{label}: {_plain(builtin_word_advice(word, feedback))}"))
    if len(need) > limit:
        console.print(f"… and {len(need) - limit} more points in the feedback report.")
