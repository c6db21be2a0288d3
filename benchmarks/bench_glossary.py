"""Glossary matcher throughput: words per second against text size and glossary size.

Run: python benchmarks/bench_glossary.py [--quick]

Texts of 10 thousand, 100 thousand and 1 million words are generated (ordinary words, line
breaks, punctuation, and a glossary term about every 40 words); glossaries of 50, 500 and 5,000
synthetic terms (a third of them two-word phrases, a tenth case-sensitive acronyms). Every
figure is the best of a few runs of the matcher on the whole text (Glossary.find remembers
its results per text, so the matcher is called directly), after the automaton is
built (its build time is shown separately). A regular-expression alternation of the same
5,000 terms is timed on the 100-thousand-word text for comparison.
"""

from __future__ import annotations

import argparse
import random
import re
import time

from easyread.glossary import Entry, Glossary, builtin_files, load_glossary

_FILLER_TEXT = (
    "we the you to a and of in is it for on that with this be are was they have at your can "
    "help people care home health time our will about plan work day get need what who when "
    "talk support doctor nurse hospital money staff family friends service meeting report "
    "found better safe choice change checked listen learn write read easy words picture"
)
FILLER = _FILLER_TEXT.split(" ")
SYLLABLES = [c + v for c in "bcdfghjklmnprstvwz" for v in ("a", "e", "i", "o", "u", "ai", "ou")]


def synthetic_word(rng: random.Random) -> str:
    return "".join(rng.choice(SYLLABLES) for _ in range(rng.randint(2, 4)))


def synthetic_glossary(size: int, seed: int = 1) -> tuple[Glossary, list[str]]:
    rng = random.Random(seed)
    entries: list[Entry] = []
    terms: set[str] = set()
    while len(entries) < size:
        roll = rng.random()
        if roll < 0.1:
            term = "".join(rng.choice("ABCDEFGHKLMNPRSTVWXZ") for _ in range(rng.randint(2, 4)))
            if term in terms:
                continue
            entry = Entry(term, "acronym", "x", expansion="words", case_sensitive=True)
        elif roll < 0.4:
            term = f"{synthetic_word(rng)} {synthetic_word(rng)}"
            entry = Entry(term, "jargon", "x", ("plain",))
        else:
            term = synthetic_word(rng)
            entry = Entry(term, "jargon", "x", ("plain",))
        if term in terms:
            continue
        terms.add(term)
        entries.append(entry)
    return Glossary(entries), sorted(terms)


def synthetic_text(words: int, terms: list[str], seed: int = 2) -> str:
    rng = random.Random(seed)
    out: list[str] = []
    count = 0
    line = 0
    while count < words:
        if rng.random() < 0.025:
            word = rng.choice(terms)
            count += len(word.split())
        else:
            word = rng.choice(FILLER)
            count += 1
        if rng.random() < 0.07:
            word += rng.choice([".", ",", ".", "?"])
        out.append(word)
        line += 1
        if line >= 12:
            out.append("\n")
            line = 0
    return " ".join(out)


def best_time(action, repeat: int) -> float:  # type: ignore[no-untyped-def]
    best = float("inf")
    for _ in range(repeat):
        start = time.perf_counter()
        action()
        best = min(best, time.perf_counter() - start)
    return best


def regex_alternation(terms: list[str]) -> re.Pattern[str]:
    forms = sorted(terms, key=len, reverse=True)
    body = "|".join(re.escape(term).replace(r"\ ", r"\s+") for term in forms)
    return re.compile(rf"(?<![\w-])(?:{body})(?![\w-])", re.IGNORECASE)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="skip the 1-million-word text")
    args = parser.parse_args()
    sizes = [10_000, 100_000] if args.quick else [10_000, 100_000, 1_000_000]
    glossary_sizes = [50, 500, 5_000]

    print(
        "Glossary matcher: words per second "
        "(best of 5, or 3 for 1M words; automaton built beforehand)"
    )
    print(f"{'terms':>6} {'build ms':>9} " + " ".join(f"{n:>13,}w" for n in sizes))
    rates: dict[tuple[int, int], float] = {}
    for terms_count in glossary_sizes:
        glossary, terms = synthetic_glossary(terms_count)
        build = best_time(lambda g=glossary: Glossary(g.entries).matcher, 1)
        glossary.find("warm up")
        row = []
        for words in sizes:
            text = synthetic_text(words, terms)
            repeat = 5 if words <= 100_000 else 3
            seconds = best_time(lambda g=glossary, t=text: g.matcher.find(t), repeat)
            rates[(terms_count, words)] = words / seconds
            row.append(f"{words / seconds:>14,.0f}")
        print(f"{terms_count:>6} {build * 1000:>9.1f} " + " ".join(row))

    for words in sizes:
        ratio = rates[(50, words)] / rates[(5_000, words)]
        print(f"time with 5,000 terms / time with 50 terms, {words:,} words: {ratio:.2f}x")
    largest = sizes[-1]
    per_word = rates[(500, 100_000)] / rates[(500, largest)]
    print(f"time per word, {largest:,} words / 100,000 words (500 terms): {per_word:.2f}x")

    glossary, terms = synthetic_glossary(5_000)
    text = synthetic_text(100_000, terms)
    pattern = regex_alternation(terms)
    regex_seconds = best_time(lambda: sum(1 for _ in pattern.finditer(text)), 1)
    matcher_seconds = best_time(lambda: glossary.matcher.find(text), 3)
    print(
        f"regex alternation, 5,000 terms, 100,000 words: {100_000 / regex_seconds:,.0f} words/s "
        f"({regex_seconds / matcher_seconds:.0f}x slower than the matcher)"
    )

    if builtin_files():
        start = time.perf_counter()
        real = load_glossary()  # the first call in this process reads and checks every file
        read = time.perf_counter() - start
        start = time.perf_counter()
        real.find("warm up")
        build = time.perf_counter() - start
        real_terms = [entry.term for entry in real.entries]
        text = synthetic_text(100_000, real_terms)
        seconds = best_time(lambda: real.matcher.find(text), 3)
        print(
            f"built-in glossary ({len(real.entries)} entries in {len(builtin_files())} files, "
            f"read and checked in {read * 1000:.0f} ms, automaton {build * 1000:.0f} ms): "
            f"{100_000 / seconds:,.0f} words/s on 100,000 words"
        )


if __name__ == "__main__":
    main()
