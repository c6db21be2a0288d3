"""What the pictures commands print: plain text for people, JSON for tools."""

from __future__ import annotations

import json
from pathlib import Path

from easyread.errors import EasyReadError
from easyread.model import Point, Section
from easyread.pictograms.library import Match, Pictogram
from easyread.pictograms.suggest import PointSuggestion


def match_json(match: Match) -> dict[str, object]:
    return {
        "id": match.pictogram.hexcode,
        "name": match.pictogram.name,
        "score": match.score,
        "matched_words": list(match.words),
    }


def search_json(query: str, matches: list[Match]) -> str:
    return json.dumps(
        {"query": query, "results": [match_json(m) for m in matches]}, ensure_ascii=False
    )


def print_matches(query: str, matches: list[Match]) -> None:
    if not matches:
        print(f"No picture in the library matches '{query}'. Try other words.")
        return
    for number, match in enumerate(matches, 1):
        print(f"{number:>2}. {match.pictogram.name}  ({match.pictogram.hexcode})")


def suggestion_json(suggestion: PointSuggestion, root: Path) -> dict[str, object]:
    point = suggestion.point
    return {
        "point": point.number,
        "file": _relative(point.source.path, root),
        "line": point.source.line,
        "text": point.text,
        "picture": point.picture.src if point.picture else None,
        "suggestions": [
            {"choice": number, **match_json(match)}
            for number, match in enumerate(suggestion.matches, 1)
        ],
    }


def suggestions_json(suggestions: list[PointSuggestion], root: Path | None = None) -> str:
    base = root or Path.cwd()
    return json.dumps(
        {"points": [suggestion_json(s, base) for s in suggestions]}, ensure_ascii=False
    )


def print_suggestions(suggestions: list[PointSuggestion], root: Path) -> None:
    if not suggestions:
        print("Every point has a picture. Use --all to see suggestions for them too.")
        return
    for suggestion in suggestions:
        point = suggestion.point
        where = f"{_relative(point.source.path, root)}, line {point.source.line}"
        now = f" Now: {point.picture.src}." if point.picture else ""
        print(f"Point {point.number} ({where}): {_short(point.text)}{now}")
        if not suggestion.matches:
            print("   No picture in the library fits these words. Try 'easyread pictures search'.")
        for number, match in enumerate(suggestion.matches, 1):
            print(f"   {number}. {match.pictogram.name}  ({match.pictogram.hexcode})")
    example = suggestions[0].point.number
    print(f"\nTo use a picture, give the point and the number: --apply {example}=1")


def parse_choices(values: list[str]) -> dict[str, int]:
    """'3.2=1' and '3.2=1,4.1=2' → {'3.2': 1, '4.1': 2}."""
    wanted: dict[str, int] = {}
    for value in values:
        for part in filter(None, (piece.strip() for piece in value.split(","))):
            point, _, choice = part.partition("=")
            if not choice.strip().isdigit() or not point.strip():
                raise EasyReadError(
                    f"'{part}' is not a point and a choice",
                    hint="write the point's number, '=' and the picture's number: 3.2=1",
                )
            wanted[point.strip()] = int(choice)
    return wanted


def chosen(
    suggestions: list[PointSuggestion], wanted: dict[str, int]
) -> list[tuple[Section, Point, Pictogram]]:
    by_number = {s.point.number: s for s in suggestions}
    picked = []
    for number, choice in wanted.items():
        suggestion = by_number.get(number)
        if suggestion is None:
            raise EasyReadError(
                f"the report has no point {number}",
                hint="use a point number that 'easyread pictures suggest' shows",
            )
        if not 1 <= choice <= len(suggestion.matches):
            raise EasyReadError(
                f"point {number} has no suggestion {choice}",
                hint=f"choose 1 to {len(suggestion.matches)}",
            )
        picked.append(
            (suggestion.section, suggestion.point, suggestion.matches[choice - 1].pictogram)
        )
    return picked


def _relative(path: Path, root: Path) -> str:
    try:
        return path.resolve().relative_to(root.resolve()).as_posix()
    except ValueError:
        return path.as_posix()


def _short(text: str, limit: int = 70) -> str:
    return text if len(text) <= limit else text[: limit - 1].rsplit(" ", 1)[0] + " …"
