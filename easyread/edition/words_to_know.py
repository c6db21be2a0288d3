"""The "Words to know" page the edition adds at the back.

It lists each glossary word the report uses and each word the author made bold and explained in
the next sentence, with its plain meaning and a picture of its own: the glossary entry's
picture, else the picture library's best match for the word itself, else a picture of books.
Never the picture of a point that happens to use the word: a heart drawn for "heart problems"
does not explain "resuscitation". It only reads the report.
"""

from __future__ import annotations

from pathlib import Path

from easyread import files
from easyread.edition import BackPageBuilder, load_strings, matter_dir, matter_language
from easyread.glossary import Entry, Glossary
from easyread.glossary.used_words import bold_phrases, words_to_know
from easyread.model import Report, Run, Section, Sentence
from easyread.pictograms.library_pictures import best_picture_for_word, library_png
from easyread.reader.sentences import split_sentences


def words_to_know_page(
    report: Report, glossary: Glossary, library_dir: Path | None = None
) -> Section | None:
    """The page, or None when the report uses no word to explain. With a folder for library
    pictures, a word with no glossary picture gets one from the picture library (when the
    `pictures` extra is installed)."""
    entries = words_to_know(report, glossary)
    bold_words = authors_bold_words(report, glossary)
    entries = sorted([*entries, *bold_words], key=lambda entry: entry.term.casefold())
    return words_to_know_section(report, entries, library_dir)


def authors_bold_words(report: Report, glossary: Glossary) -> list[Entry]:
    """Bold words the glossaries do not know, explained by the sentence after them."""
    found: dict[str, Entry] = {}
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
    return list(found.values())


def words_to_know_section(
    report: Report, entries: list[Entry], library_dir: Path | None = None
) -> Section | None:
    """The "Words to know" page: each glossary word the report uses, with its plain meaning."""
    if not entries:
        return None
    language = matter_language(report.config.language)
    strings = load_strings(language)
    path = matter_dir() / language / "strings.toml"
    builder = BackPageBuilder(path, strings["words-to-know"], "words-to-know")
    for entry in entries:
        picture_path, alt = _entry_picture(report, entry, library_dir)
        runs = [Run(entry.term[:1].upper() + entry.term[1:], strong=True)]
        sentences = [Sentence(runs, builder.source)]
        sentences += [
            Sentence([Run(text)], builder.source) for text in split_sentences(entry.plain)
        ]
        builder.point_of(sentences, picture_path, alt)
    return builder.section()


def _entry_picture(report: Report, entry: Entry, library_dir: Path | None) -> tuple[Path, str]:
    if entry.picture:
        name = f"{entry.picture}.png"
        # Checked against the report folder itself, so that a pictures/ folder that is a link
        # leading out of the report does not carry an outside file in.
        for root in (report.root, matter_dir()):
            candidate = root / "pictures" / name
            if files.is_readable_inside(candidate, [root]):
                return candidate, f"A picture of {entry.picture.replace('-', ' ')}"
    if library_dir is not None:
        match = best_picture_for_word(entry.term)
        path = library_png(match.pictogram, library_dir) if match is not None else None
        if match is not None and path is not None:
            return path, match.pictogram.alt_text
    return matter_dir() / "pictures" / "words.png", "A shelf of books"
