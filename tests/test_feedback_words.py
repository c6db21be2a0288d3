"""Feedback on a Words to know word: its word and meaning shown apart, and for a meaning from
easyread's own word list (a file the writer cannot change), how to give the report its own."""

from __future__ import annotations

import io
from pathlib import Path

from rich.console import Console

from easyread.reader import read_report
from easyread.review import added_points
from easyread.review.feedback import Feedback, PointFeedback, Response
from easyread.review.feedback_report import print_feedback, to_json, to_markdown


def make_report(root: Path, glossary: str = "") -> Path:
    root.mkdir()
    (root / "easyread.toml").write_text(
        f'title = "Our health"\n\n[glossary]\nwords-to-know = ["health action plan"]\n{glossary}',
        encoding="utf-8",
    )
    (root / "01-health.md").write_text("# Health\n\nWe talk about health.\n", encoding="utf-8")
    return root


def word_feedback(root: Path) -> Feedback:
    report = read_report(root, check_pictures=False)
    page = next(p for p in added_points.current_pages(report) if p.slug == added_points.WORDS)
    point = page.points[0]
    said = Response(point.number, "Ali", "", "", Path("ali.pdf"), not_understand=True)
    word = PointFeedback(point.number, "same", None, point, responses=[said])
    return Feedback(report, [], [word])


def terminal(feedback: Feedback) -> str:
    out = io.StringIO()
    print_feedback(feedback, console=Console(file=out, width=200, color_system=None))
    return out.getvalue()


def test_a_word_from_easyreads_own_list_says_how_to_give_the_report_its_own(tmp_path):
    feedback = word_feedback(make_report(tmp_path / "r"))
    markdown = to_markdown(feedback)
    assert "> **Health action plan**: A health action plan lists" in markdown
    assert "Health action plan A health action plan" not in markdown
    assert "comes from easyread's own word list, not from your report" in markdown
    assert "our-words.yaml" in markdown and "\\[glossary\\] files" in markdown
    assert "| easyread's word list, learning-disability.yaml:133 |" in markdown
    text = terminal(feedback)
    assert "Health action plan: A health action plan" in text
    assert "easyread's own word list" in text
    assert "learning-disability.yaml" in to_json(feedback)  # the tools' format keeps the file


def test_the_advice_names_the_reports_own_glossary_file(tmp_path):
    root = make_report(tmp_path / "r", 'files = ["team-words.yaml"]\n')
    (root / "team-words.yaml").write_text(
        "entries:\n  - term: day centre\n    kind: hard-word\n"
        "    plain: A day centre is a place to meet people.\n",
        encoding="utf-8",
    )
    markdown = to_markdown(word_feedback(root))
    assert "add the word to your glossary file team-words.yaml" in markdown


def test_a_word_the_report_explains_itself_needs_no_advice(tmp_path):
    root = make_report(tmp_path / "r", 'files = ["team-words.yaml"]\n')
    (root / "team-words.yaml").write_text(
        "entries:\n  - term: health action plan\n    kind: hard-word\n"
        "    plain: A health action plan says how you keep well.\n",
        encoding="utf-8",
    )
    feedback = word_feedback(root)
    markdown = to_markdown(feedback)
    assert "> **Health action plan**: A health action plan says how you keep well." in markdown
    assert "easyread's own word list" not in markdown + terminal(feedback)
    assert "team-words.yaml:2" in markdown
