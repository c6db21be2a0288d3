"""The built-in pictogram library: its index, its search by meaning and its drawings."""

from __future__ import annotations

import io
import json
import tomllib
from pathlib import Path

import pytest
from PIL import Image

from easyread.cli import main
from easyread.pictograms.library import load_library
from easyread.pictograms.render import LibraryMissing, render_png, svg_path
from easyread.pictograms.words import lemma_words, pictograms_dir

TOPICS = [
    "health", "doctor", "hospital", "medicine", "money", "home", "work", "meeting",
    "rights", "feelings", "travel", "food", "time", "safety", "learning", "family",
]  # fmt: skip


def names(query: str, limit: int = 3) -> list[str]:
    return [match.pictogram.name for match in load_library().search(query, limit)]


def test_the_index_holds_every_openmoji_17_pictogram_with_a_drawing():
    library = load_library()
    assert len(library) == 4495
    assert len({p.hexcode for p in library.pictograms}) == 4495
    missing = [p.hexcode for p in library.pictograms if not svg_path(p).is_file()]
    assert missing == []


def test_every_easy_read_topic_has_its_own_keyword_file_and_finds_pictures():
    folder = pictograms_dir() / "keywords"
    library = load_library()
    for topic in TOPICS:
        with (folder / f"{topic}.toml").open("rb") as stream:
            table = tomllib.load(stream)["pictograms"]
        assert all(library.get(hexcode) for hexcode in table), topic
        assert len(library.search(topic, 3)) == 3, topic


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("hospital", "hospital"),
        ("medicines", "pill"),  # a plural finds the lemma
        ("my GP", "health worker"),  # our keywords: OpenMoji has no word "GP"
        ("lungs", "lungs"),
        ("vaccination", "syringe"),  # our synonym group: vaccination ~ jab ~ injection
        ("money", "pound banknote"),
    ],
)
def test_search_finds_a_picture_by_its_meaning(query, expected):
    assert expected in names(query)


def test_one_idea_is_one_result_whoever_shows_it():
    results = load_library().search("doctor", 10)
    concepts = [match.pictogram.concept for match in results]
    assert len(concepts) == len(set(concepts))
    assert not any(match.pictogram.base for match in results)  # skin tones go via their base


def test_words_that_mean_nothing_alone_find_nothing():
    assert load_library().search("the and of with", 5) == []
    assert lemma_words("The doctors died") == ["doctors", "doctor", "died", "die"]


def test_a_library_pictogram_is_drawn_as_a_clean_square_png_on_white():
    pictogram = load_library().get("1F3E5")
    data = render_png(pictogram, 300)
    with Image.open(io.BytesIO(data)) as image:
        assert image.format == "PNG" and image.mode == "RGB" and image.size == (300, 300)
        assert image.getpixel((0, 0)) == (255, 255, 255)
        colours = image.getcolors(300 * 300)
        assert colours is not None and len(colours) > 2  # something is drawn
        assert "exif" not in image.info


def test_only_an_indexed_pictogram_can_be_drawn():
    library = load_library()
    assert library.get("../../etc/passwd") is None
    fake = library.get("1F3E5")
    fake = type(fake)("FFFFF", "nothing", "", "", "", "", (), ())
    with pytest.raises(LibraryMissing):
        svg_path(fake)


def test_pictures_search_prints_names_and_json(capsys):
    assert main(["pictures", "search", "hospital", "--limit", "2"]) == 0
    out = capsys.readouterr().out
    assert out.splitlines()[0].startswith(" 1. hospital")
    assert main(["pictures", "search", "hospital", "--format", "json", "--limit", "2"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["results"][0] == {
        "id": "1F3E5",
        "name": "hospital",
        "score": data["results"][0]["score"],
        "matched_words": ["hospital", "ward", "clinic"],  # with its synonyms
    }
    assert len(data["results"]) == 2


@pytest.mark.slow
def test_the_lemma_table_gives_what_lemminflect_gives(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """lemmas() reads lemminflect's answers from a table in the cache folder: the same forms in
    the same order, for words lemminflect knows and words it does not, and a damaged table is
    made again."""
    from lemminflect import getAllLemmas
    from lemminflect.core.Lemmatizer import Lemmatizer

    from easyread.pictograms import words

    def by_lemminflect(word: str) -> tuple[str, ...]:
        forms = [word]
        for options in getAllLemmas(word).values():
            forms.extend(form.lower() for form in options if form.lower() not in forms)
        return tuple(forms)

    monkeypatch.setenv("EASYREAD_CACHE_DIR", str(tmp_path))
    words.lemma_table.cache_clear()
    try:
        table = words.lemma_table()
        assert table is not None
        [path] = tmp_path.glob("lemmas-*.txt")
        known = sorted({*Lemmatizer()._getLemmaDict(), *Lemmatizer()._getOverridesDict()})
        others = ["", "123", "ABC", "Doctors", "naïve", "ß", "İstanbul", "zzzz", "co-op", "x\ty"]
        for word in [*known[::37], *(word.lower() for word in known[::41]), *others]:
            assert words.lemmas.__wrapped__(word) == by_lemminflect(word), word
        assert words.lemmas.__wrapped__("medicines") == ("medicines", "medicine")
        path.write_text("not a table\nmedicines\tpill", encoding="utf-8")
        words.lemma_table.cache_clear()
        assert words.lemmas.__wrapped__("medicines") == ("medicines", "medicine")
        assert path.read_text(encoding="utf-8").startswith("easyread lemma table")
    finally:
        words.lemma_table.cache_clear()
