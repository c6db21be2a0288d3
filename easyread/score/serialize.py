"""ReportScore as JSON (schema in docs/score.md), and reading an earlier run back for --compare."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from easyread import __version__
from easyread.errors import EasyReadError
from easyread.score.formulas import Counts, Measures
from easyread.score.scorer import (
    PointScore,
    Reason,
    ReportScore,
    SectionScore,
    SentenceScore,
    TextScore,
)

SCHEMA_VERSION = 1
MEASURE_KEYS = ("reading_ease", "grade", "smog", "fog", "dale_chall")


def report_to_json(score: ReportScore, *, comparison: dict[str, Any] | None = None) -> dict:
    settings = score.settings
    data: dict[str, Any] = {
        "version": SCHEMA_VERSION,
        "tool": f"easyread {__version__}",
        "title": score.title,
        "language": {
            "tag": score.language.tag,
            "name": score.language.name,
            "support": score.language.level,
        },
        "targets": {
            **{
                target.measure: {
                    "limit": target.limit,
                    "easier_is": "higher" if target.higher_is_easier else "lower",
                    "text": target.describe(),
                }
                for target in settings.targets()
            },
            "max_words": settings.max_words,
        },
        "glossary_available": score.glossary_available,
        "notes": list(score.notes),
        "report": {
            "counts": _counts(score.counts, score),
            "measures": _measures(score.measures),
            "headings": _counts(score.heading_counts, score, text_only=True),
            "alt_text": _counts(score.alt_text_counts, score, text_only=True),
            "warnings": list(score.warnings),
            "meets_targets": not score.warnings,
        },
        "sections": [_section(section, score) for section in score.sections],
    }
    if comparison is not None:
        data["comparison"] = comparison
    return data


def dumps(data: dict[str, Any]) -> str:
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"


def load_previous(path: Path) -> dict[str, Any]:
    """An earlier `easyread score --format json` output, checked enough to compare with."""
    hint = "give a file written by 'easyread score --format json'"
    try:
        data = json.loads(Path(path).read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise EasyReadError("this file does not exist", path=path, hint=hint) from None
    except (OSError, UnicodeDecodeError) as error:
        raise EasyReadError(f"cannot read this file ({error})", path=path, hint=hint) from None
    except json.JSONDecodeError as error:
        raise EasyReadError(
            f"this is not a JSON file ({error.msg})", path=path, line=error.lineno, hint=hint
        ) from None
    if not isinstance(data, dict) or not isinstance(data.get("sections"), list):
        raise EasyReadError("this is not a readability score file", path=path, hint=hint)
    version = data.get("version")
    if not isinstance(version, int) or version > SCHEMA_VERSION:
        raise EasyReadError(
            f"this score file has version {version!r}, which this easyread cannot read",
            path=path,
            hint="make it again with this version of easyread",
        )
    return data


def _section(section: SectionScore, score: ReportScore) -> dict[str, Any]:
    return {
        "number": section.number,
        "file": section.file_name,
        "path": section.file,
        "title": section.title,
        "line": section.source.line,
        "counts": _counts(section.counts, score),
        "measures": _measures(section.measures),
        "warnings": list(section.warnings),
        "meets_targets": not section.warnings,
        "hardest": [_sentence(sentence, score, brief=True) for sentence in section.hardest],
        "headings": {
            "counts": _counts(section.heading_counts, score, text_only=True),
            "items": [_text(item, score) for item in section.headings],
        },
        "alt_text": {
            "counts": _counts(section.alt_text_counts, score, text_only=True),
            "items": [_text(item, score) for item in section.alt_texts],
        },
        "points": [_point(point, score) for point in section.points],
    }


def _point(point: PointScore, score: ReportScore) -> dict[str, Any]:
    return {
        "number": point.number,
        "line": point.source.line,
        "in_list": point.in_list,
        "counts": _counts(point.counts, score),
        "measures": _measures(point.measures),
        "sentences": [_sentence(sentence, score) for sentence in point.sentences],
    }


def _sentence(sentence: SentenceScore, score: ReportScore, brief: bool = False) -> dict:
    data: dict[str, Any] = {
        "text": sentence.text,
        "point": sentence.point,
        "line": sentence.source.line,
        "column": sentence.source.column,
        "reasons": [_reason(reason) for reason in sentence.reasons],
    }
    if not brief:
        data["counts"] = _counts(sentence.counts, score)
        data["measures"] = _measures(sentence.measures)
    return data


def _text(item: TextScore, score: ReportScore) -> dict[str, Any]:
    return {
        "text": item.text,
        "line": item.source.line,
        "column": item.source.column,
        "counts": _counts(item.counts, score, text_only=True),
        "long_words": list(dict.fromkeys(item.words.long)),
        "uncommon_words": list(dict.fromkeys(item.words.uncommon)),
    }


def _reason(reason: Reason) -> dict[str, Any]:
    return {"kind": reason.kind, "text": reason.text, "words": list(reason.words)}


def _counts(counts: Counts, score: ReportScore, *, text_only: bool = False) -> dict[str, Any]:
    syllables = score.language.counts_syllables
    word_lists = score.language.has_word_lists
    data: dict[str, Any] = {
        "sentences": counts.sentences,
        "words": counts.words,
        "words_per_sentence": round(counts.words_per_sentence, 2),
        "longest_sentence": counts.longest_sentence,
        "long_sentences": counts.long_sentences,
        "syllables": counts.syllables if syllables else None,
        "syllables_per_word": round(counts.syllables_per_word, 3) if syllables else None,
        "long_words": counts.long_words if syllables else None,
        "uncommon_words": counts.uncommon_words if word_lists else None,
        "dale_chall_hard_words": (
            counts.dale_chall_hard_words if word_lists and score.dale_chall_available else None
        ),
        "glossary_hard_words": counts.glossary_hard_words,
        "jargon": counts.jargon,
        "acronyms": counts.acronyms,
    }
    if text_only:  # headings and alt text: each one is an "item", not a sentence
        del data["long_sentences"]
        renamed = {"sentences": "items", "words_per_sentence": "words_per_item"}
        renamed["longest_sentence"] = "longest_item"
        data = {renamed.get(key, key): value for key, value in data.items()}
    return data


def _measures(found: Measures) -> dict[str, float | None]:
    return {
        key: (round(value, 1) if (value := getattr(found, key)) is not None else None)
        for key in MEASURE_KEYS
    }
