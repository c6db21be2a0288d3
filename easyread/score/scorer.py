"""Score a Report: counts per sentence, added up per point, section and report.

Body sentences (the points, including list items) go into the formulas. Headings and picture
alt text are counted on their own and never mixed into the body formulas.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from easyread.errors import display_path
from easyread.glossary.acronyms import accepted_acronyms
from easyread.model import Heading, Point, Report, Section, Sentence, Source, Table
from easyread.reader.sentences import word_spans
from easyread.score.formulas import Counts, Measures, measures
from easyread.score.glossary import GlossaryLike, glossary_hits, load_report_glossary
from easyread.score.languages import LanguageSupport, language_support
from easyread.score.settings import ScoreSettings, settings_from_table
from easyread.score.words import WordBook, WordInfo, normalise

MAX_WORDS_IN_REASON = 4
WARNING_NAMES = {
    "reading_ease": "Reading ease",
    "grade": "Grade",
    "smog": "SMOG",
    "fog": "Gunning Fog",
    "dale_chall": "Dale-Chall",
}


@dataclass(slots=True)
class Reason:
    kind: str  # long, long-words, uncommon-words, jargon, hard-words, acronyms
    text: str  # in plain words, e.g. "long: 22 words"
    words: list[str] = field(default_factory=list)


@dataclass(slots=True)
class WordLists:
    """The words behind the counts of one piece of text, as written, in reading order."""

    long: list[str] = field(default_factory=list)
    uncommon: list[str] = field(default_factory=list)
    jargon: list[str] = field(default_factory=list)
    hard: list[str] = field(default_factory=list)
    acronyms: list[str] = field(default_factory=list)
    # words the author marked as hard (bold) or that look like names; reasons skip them
    skipped: set[str] = field(default_factory=set)


@dataclass(slots=True)
class SentenceScore:
    text: str
    source: Source
    point: str
    in_list: bool
    counts: Counts
    measures: Measures
    words: WordLists
    reasons: list[Reason]
    difficulty: float


@dataclass(slots=True)
class PointScore:
    number: str
    source: Source
    in_list: bool
    counts: Counts
    measures: Measures
    sentences: list[SentenceScore]


@dataclass(slots=True)
class TextScore:
    """A heading or a picture's alt text: counted, not put through the formulas."""

    kind: str  # "heading" or "alt-text"
    text: str
    source: Source
    counts: Counts
    words: WordLists


@dataclass(slots=True)
class SectionScore:
    number: int
    file: str  # as shown to the author
    file_name: str
    title: str
    source: Source
    counts: Counts
    measures: Measures
    points: list[PointScore]
    headings: list[TextScore]
    alt_texts: list[TextScore]
    heading_counts: Counts
    alt_text_counts: Counts
    hardest: list[SentenceScore]
    warnings: list[str]


@dataclass(slots=True)
class ReportScore:
    title: str
    language: LanguageSupport
    settings: ScoreSettings
    counts: Counts
    measures: Measures
    heading_counts: Counts
    alt_text_counts: Counts
    sections: list[SectionScore]
    warnings: list[str]
    notes: list[str]
    glossary_available: bool
    dale_chall_available: bool

    def sentences(self) -> list[SentenceScore]:
        return [s for section in self.sections for p in section.points for s in p.sentences]


def score_report(
    report: Report,
    *,
    settings: ScoreSettings | None = None,
    glossary: GlossaryLike | None = None,
    use_glossary: bool = True,
) -> ReportScore:
    """Score every body section of `report`. Reads [score] from its easyread.toml when
    `settings` is not given, and the report's glossary when `glossary` is not given."""
    config = report.config
    if settings is None:
        settings = settings_from_table(config.tables.get("score", {}), config.path, config.lines)
    notes: list[str] = []
    if glossary is None and use_glossary:
        glossary = load_report_glossary(config)
    elif glossary is None:
        notes.append("glossary not used")
    language = language_support(config.language)
    warning = language.warning()
    if warning:
        notes.append(warning)
    scorer = _Scorer(language, settings, glossary, accepted_acronyms(config.tables.get("lint")))
    sections = [scorer.section(s) for s in report.sections if s.role == "body"]
    counts, headings, alt_texts = Counts(), Counts(), Counts()
    for section in sections:
        counts.add(section.counts)
        headings.add(section.heading_counts)
        alt_texts.add(section.alt_text_counts)
    if language.has_word_lists and not scorer.book.has_dale_chall:
        notes.append("Dale-Chall word list not found (it comes with textstat): no Dale-Chall score")
    report_measures = scorer.measures(counts)
    return ReportScore(
        title=report.title,
        language=language,
        settings=settings,
        counts=counts,
        measures=report_measures,
        heading_counts=headings,
        alt_text_counts=alt_texts,
        sections=sections,
        warnings=target_warnings(counts, report_measures, settings),
        notes=notes,
        glossary_available=glossary is not None,
        dale_chall_available=scorer.book.has_dale_chall,
    )


def target_warnings(counts: Counts, found: Measures, settings: ScoreSettings) -> list[str]:
    """Targets that are missed, in plain words."""
    warnings = []
    for target in settings.targets():
        value = getattr(found, target.measure)
        if value is not None and not target.met(value):
            name = WARNING_NAMES[target.measure]
            side = "below" if target.higher_is_easier else "above"
            warnings.append(f"{name} {value:.1f} is {side} the target ({target.describe()})")
    if counts.long_sentences:
        plural = "sentence is" if counts.long_sentences == 1 else "sentences are"
        warnings.append(f"{counts.long_sentences} {plural} longer than {settings.max_words} words")
    return warnings


class _Scorer:
    def __init__(
        self,
        language: LanguageSupport,
        settings: ScoreSettings,
        glossary: GlossaryLike | None,
        known_acronyms: frozenset[str] = frozenset(),
    ) -> None:
        self.language = language
        self.settings = settings
        self.glossary = glossary
        self.known_acronyms = known_acronyms  # need no explaining: not a reason a sentence is hard
        self.book = WordBook(language)
        # token as written -> (what the word lists say, the word as shown to the author)
        self.tokens: dict[str, tuple[WordInfo | None, str]] = {}

    def measures(self, counts: Counts) -> Measures:
        return measures(counts, self.language, dale_chall=self.book.has_dale_chall)

    def section(self, section: Section) -> SectionScore:
        points = [self.point(block) for block in section.blocks if isinstance(block, Point)]
        points += self.tables_and_notes(section)
        headings = [self.heading(h) for h in section.headings if h.text and not h.implied]
        headings += [self.text_unit("heading", text, source) for text, source in _labels(section)]
        alt_texts = [
            self.text_unit("alt-text", block.picture.alt, block.picture.source)
            for block in section.blocks
            if isinstance(block, Point) and block.picture is not None and block.picture.alt.strip()
        ]
        counts = Counts()
        for point in points:
            counts.add(point.counts)
        found = self.measures(counts)
        sentences = [sentence for point in points for sentence in point.sentences]
        hard = sorted(
            (s for s in sentences if s.reasons),
            key=lambda s: (-s.difficulty, -(s.measures.grade or 0.0), s.source.line),
        )
        return SectionScore(
            number=section.number,
            file=display_path(section.path),
            file_name=section.path.name,
            title=section.title.text,
            source=section.title.source,
            counts=counts,
            measures=found,
            points=points,
            headings=headings,
            alt_texts=alt_texts,
            heading_counts=_total(headings),
            alt_text_counts=_total(alt_texts),
            hardest=hard[: self.settings.hardest],
            warnings=target_warnings(counts, found, self.settings),
        )

    def point(self, point: Point) -> PointScore:
        return self.unit(point.number, point.source, point.sentences, in_list=point.in_list)

    def tables_and_notes(self, section: Section) -> list[PointScore]:
        """Each table row and each footnote, scored like a point: its words are the report's
        words too. They are numbered "3.t1.2" (section 3, table 1, row 2) and "3.n1" (note 1)."""
        units: list[PointScore] = []
        for table in (block for block in section.blocks if isinstance(block, Table)):
            for index, row in enumerate(table.body, start=1):
                sentences = [sentence for cell in row for sentence in cell.sentences]
                if sentences:
                    number = f"{section.number}.t{table.number}.{index}"
                    units.append(self.unit(number, row[0].source, sentences, in_list=False))
        for note in section.footnotes:
            if note.sentences:
                number = f"{section.number}.n{note.number}"
                units.append(self.unit(number, note.source, note.sentences, in_list=False))
        return units

    def unit(
        self, number: str, source: Source, sentences: list[Sentence], *, in_list: bool
    ) -> PointScore:
        scored = [self.sentence(sentence, number, in_list) for sentence in sentences]
        counts = Counts()
        for sentence in scored:
            counts.add(sentence.counts)
        return PointScore(
            number=number,
            source=source,
            in_list=in_list,
            counts=counts,
            measures=self.measures(counts),
            sentences=scored,
        )

    def heading(self, heading: Heading) -> TextScore:
        return self.text_unit("heading", heading.text, heading.source)

    def text_unit(self, kind: str, text: str, source: Source) -> TextScore:
        counts, words = self.count(text, bold=[])
        return TextScore(kind, text.strip(), source, counts, words)

    def sentence(self, sentence: Sentence, point: str, in_list: bool) -> SentenceScore:
        text = sentence.text
        bold = _bold_ranges(sentence)
        counts, words = self.count(text, bold)
        reasons = self.reasons(counts, words)
        return SentenceScore(
            text=text,
            source=sentence.source,
            point=point,
            in_list=in_list,
            counts=counts,
            measures=self.measures(counts),
            words=words,
            reasons=reasons,
            difficulty=_difficulty(counts, words, reasons, self.settings.max_words),
        )

    def count(self, text: str, bold: list[tuple[int, int]]) -> tuple[Counts, WordLists]:
        """Counts for one sentence (or heading, or alt text), each word looked at once."""
        counts = Counts(sentences=1)
        lists = WordLists()
        book = self.book
        first = True
        tokens = self.tokens
        for start, end in word_spans(text):
            token = text[start:end]
            known = tokens.get(token)
            if known is None:
                word = normalise(token)
                known = tokens[token] = (book.info(word) if word else None, _strip_edges(token))
            info, shown = known
            if info is None:
                continue
            counts.words += 1
            counts.syllables += info.syllables
            if info.number:
                first = False
                continue
            name = _looks_like_name(shown, first)
            first = False
            if name or (bold and _overlaps(start, end, bold)):
                lists.skipped.add(shown)
            if info.syllables >= 3:
                counts.long_words += 1
                lists.long.append(shown)
            if not info.common and not name:
                counts.uncommon_words += 1
                lists.uncommon.append(shown)
            if not info.familiar and not name:
                counts.dale_chall_hard_words += 1
        for hit in glossary_hits(self.glossary, text):
            if hit.kind == "jargon":
                counts.jargon += 1
                lists.jargon.append(hit.text)
            elif hit.kind == "acronym":
                counts.acronyms += 1
                lists.acronyms.append(hit.text)
            else:
                counts.glossary_hard_words += 1
                lists.hard.append(hit.text)
                if _overlaps(hit.start, hit.end, bold):
                    lists.skipped.add(hit.text)
        counts.longest_sentence = counts.words
        counts.long_sentences = int(counts.words > self.settings.max_words)
        return counts, lists

    def reasons(self, counts: Counts, lists: WordLists) -> list[Reason]:
        reasons = []
        if counts.words > self.settings.max_words:
            reasons.append(Reason("long", f"long: {counts.words} words"))
        uncommon = set(lists.uncommon)
        if self.language.has_word_lists:
            long_words = [w for w in lists.long if w in uncommon and w not in lists.skipped]
        else:
            long_words = [w for w in lists.long if w not in lists.skipped]
        glossary_words = {w.lower() for w in lists.jargon + lists.hard + lists.acronyms}
        long_words = [w for w in long_words if w.lower() not in glossary_words]
        _add_reason(reasons, "long-words", "long words", long_words)
        taken = {w.lower() for w in long_words} | glossary_words
        plain_uncommon = [
            w for w in lists.uncommon if w not in lists.skipped and w.lower() not in taken
        ]
        _add_reason(reasons, "uncommon-words", "uncommon words", plain_uncommon)
        _add_reason(reasons, "jargon", "jargon", lists.jargon)
        hard = [w for w in lists.hard if w not in lists.skipped]
        _add_reason(reasons, "hard-words", "hard words", hard)
        unknown = [w for w in lists.acronyms if _acronym_base(w) not in self.known_acronyms]
        _add_reason(reasons, "acronyms", "acronyms", unknown)
        return reasons


def _add_reason(reasons: list[Reason], kind: str, label: str, words: list[str]) -> None:
    unique = list(dict.fromkeys(words))
    if not unique:
        return
    shown = ", ".join(f"'{word}'" for word in unique[:MAX_WORDS_IN_REASON])
    if len(unique) > MAX_WORDS_IN_REASON:
        shown += f" and {len(unique) - MAX_WORDS_IN_REASON} more"
    reasons.append(Reason(kind, f"{label}: {shown}", unique))


_REASON_WEIGHTS = {
    "long-words": 2.0,
    "uncommon-words": 1.0,
    "jargon": 3.0,
    "hard-words": 2.0,
    "acronyms": 1.0,
}


def _difficulty(counts: Counts, lists: WordLists, reasons: list[Reason], max_words: int) -> float:
    """How much work a sentence needs: words over the limit, plus weighted problem words."""
    total = float(max(0, counts.words - max_words))
    for reason in reasons:
        total += _REASON_WEIGHTS.get(reason.kind, 0.0) * len(reason.words)
    return total


def _labels(section: Section) -> list[tuple[str, Source]]:
    """Table captions and header cells: counted with the headings."""
    labels: list[tuple[str, Source]] = []
    for table in (block for block in section.blocks if isinstance(block, Table)):
        if table.caption and table.caption_source is not None:
            labels.append(("".join(run.text for run in table.caption), table.caption_source))
        labels += [(cell.text, cell.source) for cell in table.header if cell.text]
    return labels


def _total(units: list[TextScore]) -> Counts:
    counts = Counts()
    for unit in units:
        counts.add(unit.counts)
    counts.long_sentences = 0  # headings and alt text are not sentences to shorten
    return counts


def _bold_ranges(sentence: Sentence) -> list[tuple[int, int]]:
    ranges = []
    offset = 0
    for run in sentence.runs:
        if run.strong:
            ranges.append((offset, offset + len(run.text)))
        offset += len(run.text)
    return ranges


def _overlaps(start: int, end: int, ranges: list[tuple[int, int]]) -> bool:
    return any(start < range_end and range_start < end for range_start, range_end in ranges)


def _acronym_base(word: str) -> str:
    """GPs, GP's -> GP: the acronym as the known list writes it."""
    for ending in ("'s", "’s", "s"):
        if word.endswith(ending) and word[: -len(ending)].isupper():
            return word[: -len(ending)].upper()
    return word.upper()


def _strip_edges(token: str) -> str:
    return token.strip(".,;:!?\"'()[]{}‘’“”«»…*_")


def _looks_like_name(word: str, first_in_sentence: bool) -> bool:
    """A capitalised word inside a sentence (Leder, London) is taken as a name.
    All-capital words (NHS) are not: they are acronyms."""
    if first_in_sentence or len(word) < 2:
        return False
    return word[0].isupper() and not word.isupper()
