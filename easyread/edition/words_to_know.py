"""The "Words to know" page the edition adds at the back.

It lists each glossary word the report uses and each word the author made bold and explained in
the next sentence, with its plain meaning and a picture. It only reads the report.
"""

from __future__ import annotations

from pathlib import Path

from easyread import files
from easyread.edition import BackPageBuilder, load_strings, matter_dir, matter_language
from easyread.glossary import Entry, Glossary
from easyread.glossary.words_to_know import bold_phrases, words_to_know
from easyread.model import Picture, Report, Run, Section, Sentence
from easyread.reader.sentences import split_sentences


def words_to_know_page(report: Report, glossary: Glossary) -> Section | None:
    """The page, or None when the report uses no word to explain."""
    entries = words_to_know(report, glossary)
    pictures = first_pictures(report, glossary)
    bold_words, bold_pictures = authors_bold_words(report, glossary)
    entries = sorted([*entries, *bold_words], key=lambda entry: entry.term.casefold())
    pictures.update(bold_pictures)
    return words_to_know_section(report, entries, pictures)


def first_pictures(report: Report, glossary: Glossary) -> dict[str, Picture]:
    """For each glossary word, the picture of the first point that uses it.

    Sentence by sentence, as lint scans them: Glossary.find remembers its results per text,
    so this matches nothing twice."""
    pictures: dict[str, Picture] = {}
    for _, point in report.points():
        if point.picture is None:
            continue
        for sentence in point.sentences:
            for match in glossary.find(sentence.text):
                pictures.setdefault(match.entry.key, point.picture)
    return pictures


def authors_bold_words(
    report: Report, glossary: Glossary
) -> tuple[list[Entry], dict[str, Picture]]:
    """Bold words the glossaries do not know, explained by the sentence after them."""
    found: dict[str, Entry] = {}
    pictures: dict[str, Picture] = {}
    for _, point in report.points():
        for index, sentence in enumerate(point.sentences[:-1]):
            explanation = point.sentences[index + 1].text.strip()
            for phrase in bold_phrases(sentence.runs):
                key = phrase.casefold()
                if not phrase or key in found or not explanation:
                    continue
                if glossary.lookup(phrase) is not None:
                    continue
                found[key] = Entry(term=phrase, kind="hard-word", plain=explanation)
                if point.picture is not None:
                    pictures[key] = point.picture
    return list(found.values()), pictures


def words_to_know_section(
    report: Report, entries: list[Entry], pictures: dict[str, Picture] | None = None
) -> Section | None:
    """The "Words to know" page: each glossary word the report uses, with its plain meaning.

    A word's picture is the glossary's own, else the picture of the point where the report
    first uses the word (the author chose it for that meaning), else a picture of books.
    """
    if not entries:
        return None
    language = matter_language(report.config.language)
    strings = load_strings(language)
    path = matter_dir() / language / "strings.toml"
    builder = BackPageBuilder(path, strings["words-to-know"], "words-to-know")
    for entry in entries:
        picture_path, alt = _entry_picture(report, entry, (pictures or {}).get(entry.key))
        runs = [Run(entry.term[:1].upper() + entry.term[1:], strong=True)]
        sentences = [Sentence(runs, builder.source)]
        sentences += [
            Sentence([Run(text)], builder.source) for text in split_sentences(entry.plain)
        ]
        builder.point_of(sentences, picture_path, alt)
    return builder.section()


def _entry_picture(report: Report, entry: Entry, used: Picture | None) -> tuple[Path, str]:
    if entry.picture:
        name = f"{entry.picture}.png"
        # Checked against the report folder itself, so that a pictures/ folder that is a link
        # leading out of the report does not carry an outside file in.
        for root in (report.root, matter_dir()):
            candidate = root / "pictures" / name
            if files.is_readable_inside(candidate, [root]):
                return candidate, f"A picture of {entry.picture.replace('-', ' ')}"
    if used is not None and used.path is not None:
        return used.path, used.alt
    return matter_dir() / "pictures" / "words.png", "A shelf of books"
