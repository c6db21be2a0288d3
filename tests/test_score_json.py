"""The JSON output follows the schema in docs/score.md, and --compare reads it back."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from test_score_helpers import score_of

from easyread.errors import EasyReadError
from easyread.score import SCHEMA_VERSION, report_to_json
from easyread.score.compare import compare
from easyread.score.serialize import load_previous

COUNT_KEYS = {
    "sentences": int,
    "words": int,
    "words_per_sentence": float,
    "longest_sentence": int,
    "long_sentences": int,
    "syllables": int,
    "syllables_per_word": float,
    "long_words": int,
    "uncommon_words": int,
    "dale_chall_hard_words": int,
    "glossary_hard_words": int,
    "jargon": int,
    "acronyms": int,
}
TEXT_COUNT_KEYS = {
    "items" if key == "sentences" else key: kind
    for key, kind in COUNT_KEYS.items()
    if key not in ("long_sentences",)
}
TEXT_COUNT_KEYS["words_per_item"] = TEXT_COUNT_KEYS.pop("words_per_sentence")
TEXT_COUNT_KEYS["longest_item"] = TEXT_COUNT_KEYS.pop("longest_sentence")
MEASURE_KEYS = {"reading_ease", "grade", "smog", "fog", "dale_chall"}
REASON_KINDS = {"long", "long-words", "uncommon-words", "jargon", "hard-words", "acronyms"}

MARKDOWN = (
    "# Getting help\n\n"
    "![A doctor](doctor.png)\n"
    "We met the doctor. It was good.\n\n"
    "## What happens next\n\n"
    "The organisation will facilitate the implementation of comprehensive rehabilitation.\n\n"
    "- a friend\n- your notes\n"
)


def check_counts(counts: dict, keys: dict) -> None:
    assert set(counts) == set(keys)
    for key, kind in keys.items():
        value = counts[key]
        assert value is None or isinstance(value, int | float), key
        if kind is int and value is not None:
            assert isinstance(value, int), key


def check_measures(measures: dict) -> None:
    assert set(measures) == MEASURE_KEYS
    assert all(value is None or isinstance(value, float) for value in measures.values())


def check_sentence(sentence: dict, brief: bool) -> None:
    assert isinstance(sentence["text"], str) and sentence["text"]
    assert isinstance(sentence["line"], int) and isinstance(sentence["column"], int)
    assert isinstance(sentence["point"], str)
    for reason in sentence["reasons"]:
        assert set(reason) == {"kind", "text", "words"}
        assert reason["kind"] in REASON_KINDS
    if not brief:
        check_counts(sentence["counts"], COUNT_KEYS)
        check_measures(sentence["measures"])


def test_json_schema() -> None:
    data = json.loads(json.dumps(report_to_json(score_of(MARKDOWN))))
    assert data["version"] == SCHEMA_VERSION == 1
    assert data["tool"].startswith("easyread ")
    assert set(data) == {
        "version",
        "tool",
        "title",
        "language",
        "targets",
        "glossary_available",
        "notes",
        "report",
        "sections",
    }
    assert data["language"] == {"tag": "en-GB", "name": "English", "support": "full"}
    assert data["targets"]["reading_ease"] == {
        "limit": 80.0,
        "easier_is": "higher",
        "text": "80 or more",
    }
    assert data["targets"]["max_words"] == 15
    report = data["report"]
    check_counts(report["counts"], COUNT_KEYS)
    check_measures(report["measures"])
    check_counts(report["headings"], TEXT_COUNT_KEYS)
    check_counts(report["alt_text"], TEXT_COUNT_KEYS)
    assert isinstance(report["meets_targets"], bool)
    assert report["meets_targets"] == (report["warnings"] == [])
    (section,) = data["sections"]
    assert section["file"] == "<stdin>" and section["title"] == "Getting help"
    assert isinstance(section["number"], int) and isinstance(section["line"], int)
    check_counts(section["counts"], COUNT_KEYS)
    check_measures(section["measures"])
    for hard in section["hardest"]:
        check_sentence(hard, brief=True)
    assert section["hardest"][0]["text"].startswith("The organisation")
    assert [item["text"] for item in section["headings"]["items"]] == [
        "Getting help",
        "What happens next",
    ]
    assert section["alt_text"]["items"][0]["text"] == "A doctor"
    assert [point["number"] for point in section["points"]] == ["1.1", "1.2", "1.3", "1.4"]
    assert [point["in_list"] for point in section["points"]] == [False, False, True, True]
    for point in section["points"]:
        check_counts(point["counts"], COUNT_KEYS)
        for sentence in point["sentences"]:
            check_sentence(sentence, brief=False)
    sentence_words = sum(
        s["counts"]["words"] for point in section["points"] for s in point["sentences"]
    )
    assert sentence_words == section["counts"]["words"] == report["counts"]["words"]


def test_counts_not_made_for_a_language_are_null() -> None:
    data = report_to_json(score_of("# Teitl\n\nRydym ni wedi cwrdd.\n", language="cy"))
    counts = data["report"]["counts"]
    assert counts["words"] == 4
    assert counts["syllables"] is None and counts["uncommon_words"] is None
    assert all(value is None for value in data["report"]["measures"].values())
    assert data["language"]["support"] == "words-only"


BEFORE = "# Help\n\nThe organisation will facilitate comprehensive rehabilitation services.\n"
AFTER = "# Help\n\nWe will help you get well.\n"


def test_compare_says_what_got_easier_and_harder() -> None:
    before = report_to_json(score_of(BEFORE))
    after = report_to_json(score_of(AFTER))
    result = compare(before, after)
    (section,) = result["sections"]
    assert section["verdict"] == "easier"
    ease = next(change for change in section["changes"] if change["measure"] == "reading_ease")
    assert ease["direction"] == "easier" and ease["change"] > 0
    assert "reading ease" in section["summary"]
    assert result["report"]["verdict"] == "easier"
    assert compare(after, before)["sections"][0]["verdict"] == "harder"
    assert compare(after, after)["sections"][0]["verdict"] == "about the same"


def test_compare_matches_by_file_then_title() -> None:
    before = report_to_json(score_of(BEFORE))
    after = report_to_json(score_of(AFTER))
    before["sections"][0]["file"] = "01-old-name.md"
    after["sections"][0]["file"] = "01-new-name.md"
    extra = dict(after["sections"][0], file="02-new.md", title="Brand new")
    after["sections"].append(extra)
    gone = dict(before["sections"][0], file="03-gone.md", title="Gone")
    before["sections"].append(gone)
    result = compare(before, after)
    verdicts = {row["title"]: row["verdict"] for row in result["sections"]}
    assert verdicts == {"Help": "easier", "Brand new": "new", "Gone": "removed"}


def test_load_previous_refuses_other_files(tmp_path: Path) -> None:
    path = tmp_path / "old.json"
    path.write_text('{"hello": 1}', encoding="utf-8")
    with pytest.raises(EasyReadError, match="not a readability score file"):
        load_previous(path)
    path.write_text("{not json", encoding="utf-8")
    with pytest.raises(EasyReadError, match="not a JSON file"):
        load_previous(path)
    with pytest.raises(EasyReadError, match="does not exist"):
        load_previous(tmp_path / "missing.json")
