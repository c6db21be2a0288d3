"""The "Words to know" page the edition adds at the back.

It lists each word the text makes bold and the glossary knows, each glossary word the author
asked for (`[glossary] words-to-know`), and each word the author made bold and explained in the
next sentence, with a short plain meaning and a picture of its own: the glossary entry's
picture, else the picture library's best match for the word itself, else a picture of books.
Never the picture of a point that happens to use the word: a heart drawn for "heart problems"
does not explain "resuscitation". An acronym's entry gives its words in full first. The page
is laid out 2 entries a row where the page is wide enough (see Edition.in_pairs). It only
reads the report.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from easyread import files
from easyread.edition import (
    BackPageBuilder,
    load_strings,
    matter_dir,
    matter_language,
    string_source,
    strings_file,
)
from easyread.errors import ConfigError
from easyread.glossary import Entry, Glossary, asked_word_line, asked_words_to_know
from easyread.glossary.used_words import bold_phrases, words_to_know
from easyread.model import Report, Run, Section, Sentence, Source
from easyread.pictograms.library_pictures import best_picture_for_word, library_png
from easyread.reader.sentences import split_sentences

# An entry is short: its word, an acronym's words in full, and one sentence of meaning (the
# glossary's first sentence says what the word is; the rest is in the glossary).
ENTRY_SENTENCES = 1


def words_to_know_page(
    report: Report,
    glossary: Glossary,
    library_dir: Path | None = None,
    body: Sequence[Section] | None = None,
) -> Section | None:
    """The page, or None when there is no word to explain. `body` is the report's sections as
    the edition shows them (with any bold it adds). With a folder for library pictures, a word
    with no glossary picture gets one from the picture library."""
    sections = report.sections if body is None else body
    entries = words_to_know(report, glossary, sections, asked_entries(report, glossary))
    bold_words = authors_bold_words(sections, glossary)
    entries = sorted([*entries, *bold_words], key=lambda entry: entry.term.casefold())
    return words_to_know_section(report, entries, library_dir)


def asked_entries(report: Report, glossary: Glossary) -> list[Entry]:
    """The glossary entries of `[glossary] words-to-know`; a word no glossary knows is an
    error naming its line, since the page could not say what it means."""
    found: list[Entry] = []
    for term in asked_words_to_know(report.config):
        entry = glossary.lookup(term)
        if entry is None:
            raise ConfigError(
                f"'{term}' in words-to-know is not in any glossary",
                path=report.config.path,
                line=asked_word_line(report.config),
                hint="add it to your glossary file with its meaning, or take it out of the list",
            )
        found.append(entry)
    return found


def authors_bold_words(sections: list[Section], glossary: Glossary) -> list[Entry]:
    """Bold words the glossaries do not know, explained by the sentence after them."""
    found: dict[str, Entry] = {}
    for section in sections:
        if section.role != "body":
            continue
        for point in section.points:
            for index, sentence in enumerate(point.sentences[:-1]):
                explanation = point.sentences[index + 1].text.strip()
                for phrase in bold_phrases(sentence.runs):
                    key = phrase.casefold()
                    if not phrase or key in found or not explanation:
                        continue
                    if glossary.lookup(phrase) is not None:
                        continue
                    where = point.sentences[index + 1].source
                    found[key] = Entry(
                        term=phrase,
                        kind="hard-word",
                        plain=explanation,
                        path=where.path,
                        line=where.line,
                    )
    return list(found.values())


def words_to_know_section(
    report: Report, entries: list[Entry], library_dir: Path | None = None
) -> Section | None:
    """The "Words to know" page: each word with its short plain meaning and a picture."""
    if not entries:
        return None
    language = matter_language(report.config.language)
    strings = load_strings(language)
    path = strings_file(language)
    title = string_source(path, "words-to-know")
    builder = BackPageBuilder(path, strings["words-to-know"], "words-to-know", title)
    for entry in entries:
        picture_path, alt = _entry_picture(report, entry, library_dir)
        term = entry.term[:1].upper() + entry.term[1:]
        # Its words come from the glossary file and line, or from the author's own sentence.
        source = Source(entry.path, entry.line or 1) if entry.path else builder.source
        sentences = [Sentence((Run(term, strong=True),), source)]
        sentences += [Sentence((Run(text),), source) for text in entry_meaning(entry, strings)]
        builder.point_of(sentences, picture_path, alt, source)
    return builder.section()


def entry_meaning(entry: Entry, strings: dict[str, str]) -> list[str]:
    """The sentences under a word: an acronym's words in full, then its first sentences of
    meaning. An author's explanation that starts "This means ..." names the word instead,
    because on this page it stands apart from the sentence it followed."""
    sentences = split_sentences(entry.plain)
    if sentences and entry.kind == "hard-word":
        sentences[0] = _named(sentences[0], entry.term, strings["words-to-know-pronouns"])
    meaning = sentences[:ENTRY_SENTENCES]
    if entry.kind == "acronym" and entry.expansion:
        full = strings["acronym-in-full"].format(term=entry.term, words=entry.expansion)
        meaning = [full, *meaning]
    return meaning


def _named(sentence: str, term: str, pronouns: str) -> str:
    first, _, rest = sentence.partition(" ")
    if rest and first in pronouns.split():
        return f"{term[:1].upper()}{term[1:]} {rest}"
    return sentence


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
            alt = match.pictogram.alt_text
            plain = load_strings(matter_language(report.config.language))["library-alt"]
            return path, plain.get(alt.casefold(), alt)
    return matter_dir() / "pictures" / "words.png", "A shelf of books"
