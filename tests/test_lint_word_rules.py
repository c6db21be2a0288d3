"""The phrase rules (wordy-phrase, nominalisation, passive-voice), their word lists, and one
finding for one problem."""

from __future__ import annotations

from easyread.lint import lint_report
from easyread.lint.precedence import PRECEDENCE, one_per_problem
from easyread.lint.settings import LintSettings
from easyread.lint.wordlists import nominalisations, wordy_phrases
from easyread.reader import read_stdin
from easyread.reader.sentences import split_sentences


def findings(markdown: str, **settings: object) -> list[tuple[str, str]]:
    found = lint_report(read_stdin(markdown), LintSettings(**settings))  # type: ignore[arg-type]
    return [(f.rule, f.text) for f in found if f.rule != "missing-picture"]


def test_the_word_lists_are_data_of_the_promised_size() -> None:
    phrases = wordy_phrases()
    assert len(phrases) >= 300
    assert phrases["in a timely manner"] == ("quickly", "on time")
    assert all(plain and all(plain) for plain in phrases.values())
    assert nominalisations()["notification"] == "tell"


def test_wordy_phrases_in_every_form_with_a_fix_only_for_one_plain_choice() -> None:
    text = "# Plan\n\nWe made use of it. We make use of it. We met on a regular basis.\n"
    found = lint_report(read_stdin(text), LintSettings())
    wordy = [(f.text, f.fix) for f in found if f.rule == "wordy-phrase"]
    assert wordy == [("made use of", "used"), ("make use of", "use"), ("on a regular basis", None)]


def test_nominalisation_takes_the_whole_phrase_and_suggests_the_doing_word() -> None:
    text = "# Plan\n\nThe implementation of the plan is late. We got notifications of deaths.\n"
    found = [f for f in lint_report(read_stdin(text), LintSettings()) if f.rule == "nominalisation"]
    assert [f.text for f in found] == ["The implementation of", "notifications of"]
    assert "'tell'" in (found[1].suggestion or "")


def test_passive_voice_is_off_until_switched_on() -> None:
    text = "# Deaths\n\nThe deaths were notified. I am tired. It is called LeDeR.\n"
    assert ("passive-voice", "were notified") not in findings(text)
    assert findings(text, enabled={"passive-voice"}).count(("passive-voice", "were notified")) == 1
    assert [rule for rule, _ in findings(text, enabled={"passive-voice"})].count(
        "passive-voice"
    ) == 1


def test_one_finding_for_one_problem() -> None:
    # "the implementation of": nominalisation, not also jargon for "implementation".
    text = "# Plan\n\nThe implementation of the plan is late.\n"
    assert [rule for rule, _ in findings(text)] == ["nominalisation"]
    # A hard word not bold at its first use: hard-word only, with the plainer word suggested.
    found = lint_report(read_stdin("# Eat\n\nSome people have dysphagia.\n"), LintSettings())
    assert [f.rule for f in found if f.rule != "missing-picture"] == ["hard-word"]


def test_precedence_keeps_other_problems_and_order() -> None:
    from pathlib import Path

    from easyread.lint.findings import Finding

    def at(rule: str, column: int, end: int) -> Finding:
        return Finding(rule, "warning", "m", Path("a.md"), 1, column, 1, end, "x")

    items = [
        at("jargon", 5, 9),
        at("hard-word", 5, 9),
        at("long-sentence", 1, 40),
        at("uncommon-word", 12, 15),
        at("acronym-unknown", 5, 9),
    ]
    kept = one_per_problem(items)
    assert [f.rule for f in kept] == [
        "hard-word",
        "long-sentence",
        "uncommon-word",
        "acronym-unknown",
    ]
    assert PRECEDENCE[0] == "acronym-undefined"


def test_no_ends_a_sentence_unless_a_number_follows() -> None:
    assert split_sentences("No. All jabs are checked. See No. 5 on the list.") == [
        "No.",
        "All jabs are checked.",
        "See No. 5 on the list.",
    ]


def test_covid_is_an_acronym_nearly_everyone_knows() -> None:
    assert findings("# Jabs\n\nCOVID-19 is an illness.\n") == []


def undefined(markdown: str, config: object = None) -> list[str]:
    from easyread.lint.settings import load_settings

    report = read_stdin(markdown, config=config)  # type: ignore[arg-type]
    settings = LintSettings(allow_acronyms=frozenset()) if config is None else load_settings(config)
    return [f.text for f in lint_report(report, settings) if f.rule == "acronym-undefined"]


def test_an_acronym_is_explained_in_every_common_form() -> None:
    explained = [
        "NHS England (the national health service in England) pays for it.",
        "The ICB – integrated care board – pays for care.",
        "The ICB - integrated care board - pays for care.",
        "The integrated care board, or ICB, pays for care.",
        "The Care Quality Commission, or CQC, checks care homes.",
        "The Care Quality Commission (CQC) checks care homes.",
        "CQC stands for Care Quality Commission.",
    ]
    for sentence in explained:
        assert undefined(f"# Care\n\n{sentence}\n") == [], sentence
    not_explained = [
        "The ICB - it pays for care.",
        "Ask the team, or ICB, for help.",
        "The ICB pays for care.",
    ]
    for sentence in not_explained:
        assert undefined(f"# Care\n\n{sentence}\n") == ["ICB"], sentence


def test_an_acronym_in_the_reports_own_glossary_counts_as_explained(tmp_path) -> None:
    from easyread.config import load_config

    (tmp_path / "our-words.yaml").write_text(
        "name: ours\ndescription: our words\nentries:\n"
        "  - term: QRT\n    kind: acronym\n    expansion: quick response team\n"
        "    plain: The QRT is the team that comes out fast.\n",
        encoding="utf-8",
    )
    toml = tmp_path / "easyread.toml"
    toml.write_text('title = "T"\n[glossary]\nfiles = ["our-words.yaml"]\n', encoding="utf-8")
    text = "# Help\n\nThe QRT comes to your home. The ICB pays.\n"
    assert undefined(text, load_config(toml)) == ["ICB"]
    toml.write_text(
        'title = "T"\n[glossary]\nfiles = ["our-words.yaml"]\n'
        "[lint.acronym-undefined]\nown-glossary-explains = false\n",
        encoding="utf-8",
    )
    assert undefined(text, load_config(toml)) == ["QRT", "ICB"]
