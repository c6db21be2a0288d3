"""What the pictures commands print: plain text for people, JSON for tools."""

from __future__ import annotations

import json

from easyread.pictograms.library import Match


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
