"""The uncommon-word rule and the word-frequency table behind it."""

from __future__ import annotations

from easyread.lint import lint_report
from easyread.lint.frequency import frequency_table
from easyread.lint.rules.uncommon_word import zipf_of
from easyread.lint.settings import LintSettings
from easyread.reader import read_stdin


def found(markdown: str, **options: object) -> list[str]:
    settings = LintSettings(enabled={"uncommon-word"}, options={"uncommon-word": dict(options)})
    return [
        f.text for f in lint_report(read_stdin(markdown), settings) if f.rule == "uncommon-word"
    ]


def test_a_word_counts_with_all_its_forms() -> None:
    table = frequency_table()
    assert table.lemma("notified") == "notify"
    family = table.zipf("notify")
    assert table.zipf("notified") == table.zipf("notifying") == family
    assert family > table.zipf("abrogate") > 0
    assert table.zipf("zzzqqqx") == 0


def test_british_spelling_and_easy_word_parts_count_as_the_plain_word() -> None:
    table = frequency_table()
    assert zipf_of(table, "personalised") >= table.zipf("personalized")
    assert zipf_of(table, "sleepiness") >= table.zipf("sleepy")
    assert zipf_of(table, "implementation") == table.zipf("implementation")


def test_every_form_of_a_rare_word_is_found_and_plain_words_are_not() -> None:
    text = "# Work\n\nWe abrogated the rule. They abrogate rules. We help you every day.\n"
    assert found(text) == ["abrogated", "abrogate"]


def test_names_are_not_reported_even_at_the_start_of_a_sentence() -> None:
    text = "# Work\n\nWe met Mr Quenby. Quenby said hello. We went to Abergavenny.\n"
    assert found(text) == []


def test_a_rare_word_that_starts_a_sentence_is_still_reported() -> None:
    assert found("# Work\n\nAbrogating rules is hard.\n") == ["Abrogating"]


def test_bold_words_are_explained_so_never_reported() -> None:
    text = "# Work\n\nWe **abrogate** rules. This means we stop them. We abrogate many rules.\n"
    assert found(text) == []


def test_glossary_words_are_left_to_the_glossary_rules() -> None:
    # "dysphagia" is rare, but it is a glossary hard word: the hard-word rule reports it.
    assert found("# Eating\n\nSome people have dysphagia.\n") == []


def test_threshold_and_accept_list_are_settings() -> None:
    text = "# Soup\n\nWe used the ladle.\n"  # Zipf 2.81
    assert found(text, **{"min-zipf": 2.8}) == []
    assert found(text, **{"min-zipf": 2.9}) == ["ladle"]
    assert found(text, **{"min-zipf": 2.9, "accept": ["Ladle"]}) == []


def test_a_compound_of_two_common_words_is_plain() -> None:
    # "hourglass" (Zipf 2.98) is an hour and a glass; "undergone" starts with a little word.
    assert found("# Time\n\nWe looked at the hourglass.\n", **{"min-zipf": 3.0}) == []
    assert found("# Care\n\nYou have undergone a check.\n", **{"min-zipf": 4.5}) == ["undergone"]


def test_formal_words_are_reported_up_to_formal_zipf() -> None:
    # "substantive" (Zipf 3.4) ends like a formal word and is not a familiar word.
    text = "# Work\n\nThe changes were substantive.\n"
    assert found(text) == ["substantive"]
    assert found(text, **{"formal-zipf": 0}) == []
    # "licence" counts as often as "license", its American spelling (Zipf 4.7 together).
    assert found("# Work\n\nYou need a licence.\n") == []


def test_code_addresses_and_acronyms_are_not_words_to_report() -> None:
    text = "# Work\n\nType `abrogate` or go to www.abrogate.example today. The XQZT met.\n"
    assert found(text) == []


def test_message_is_plain_and_suggests_a_glossary_word_when_there_is_one() -> None:
    settings = LintSettings(enabled={"uncommon-word"})
    findings = lint_report(read_stdin("# Work\n\nWe abrogated it.\n"), settings)
    findings = [finding for finding in findings if finding.rule == "uncommon-word"]
    assert findings[0].message.startswith("'abrogated' is not a word people use much")
    assert "bold" in (findings[0].suggestion or "")


def test_a_name_of_several_words_and_a_contraction_are_not_rare_words() -> None:
    text = "# Birchwood Care Home\n\nBirchwood Care Home is a home. It doesn’t shut. It doesn't.\n"
    assert found(text, **{"min-zipf": 3.5}) == []


def test_the_glossarys_plain_word_is_suggested_for_a_form_it_does_not_list(tmp_path) -> None:
    from easyread.config import load_config

    (tmp_path / "ours.yaml").write_text(
        "name: ours\ndescription: our words\nentries:\n"
        "  - term: lacuna\n    kind: jargon\n    plain: A lacuna is a gap.\n"
        "    suggest: [gap]\n",
        encoding="utf-8",
    )
    (tmp_path / "easyread.toml").write_text(
        'title = "T"\n[glossary]\nfiles = ["ours.yaml"]\n', encoding="utf-8"
    )
    report = read_stdin(
        "# Gaps\n\nWe found lacunae in the care.\n", config=load_config(tmp_path / "easyread.toml")
    )
    settings = LintSettings(enabled={"uncommon-word"})
    found = [f for f in lint_report(report, settings) if f.rule == "uncommon-word"]
    assert [f.text for f in found] == ["lacunae"]  # "lacunae" is not a form the glossary makes
    assert found[0].suggestion == "Write 'gap' instead."


def test_a_word_explained_where_it_is_used_is_not_reported() -> None:
    assert found("# Work\n\nAbrogate means to end a rule. We abrogate it.\n") == []
    assert found("# Work\n\nWe stop a rule (we abrogate it).\n") == ["abrogate"]


def test_shorter_formal_words_are_held_to_formal_zipf_short() -> None:
    # "injection" (Zipf 4.1, 3 groups of vowels) is an everyday word for most readers.
    text = "# Jabs\n\nYou will have an injection.\n"
    assert found(text) == []
    assert found(text, **{"formal-zipf-short": 4.2}) == ["injection"]
