"""The glossary rules (jargon, acronym-undefined, acronym-unknown, hard-word) through the engine."""

from __future__ import annotations

import re
import textwrap
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from easyread.config import ReportConfig, load_config
from easyread.errors import EasyReadError
from easyread.glossary import builtin_files
from easyread.lint import Finding, all_rules, lint_report
from easyread.reader import read_files, read_stdin

WORDS = """\
name: test
description: Words for the rule tests.
entries:
  - term: deliver
    kind: jargon
    plain: To deliver means to give or to do.
    suggest: [give]
  - term: key
    kind: jargon
    plain: Key means important.
    suggest: [main, important]
  - term: stakeholder
    kind: jargon
    plain: A stakeholder is a person who cares about what we do.
    suggest: [people who care about this]
  - term: going forward
    kind: jargon
    plain: Going forward means from now on.
    suggest: [from now on]
  - term: advocate
    kind: hard-word
    plain: An advocate is a person who helps you speak up.
  - term: dysphagia
    kind: hard-word
    plain: Dysphagia means it is hard to swallow.
  - term: tribunal
    kind: hard-word
    plain: A tribunal is a kind of court.
    suggest: [court]
  - term: ICB
    kind: acronym
    expansion: integrated care board
    plain: An ICB plans health care in your area.
    case-sensitive: true
  - term: CQC
    kind: acronym
    expansion: Care Quality Commission
    plain: The CQC checks care homes.
    case-sensitive: true
  - term: A&E
    kind: acronym
    expansion: accident and emergency
    plain: A&E is the part of a hospital for emergencies.
  - term: COVID-19
    kind: acronym
    expansion: coronavirus disease 2019
    plain: COVID-19 is an illness.
  - term: LeDeR
    kind: acronym
    expansion: Learning from lives and deaths
    plain: LeDeR looks at why people died.
    case-sensitive: true
  - term: SEND
    kind: acronym
    expansion: special educational needs and disabilities
    plain: SEND is about help at school.
    case-sensitive: true
  - term: GP
    kind: acronym
    expansion: general practitioner
    plain: A GP is a doctor.
    case-sensitive: true
"""

GLOSSARY_RULES = ("jargon", "acronym-undefined", "acronym-unknown", "hard-word")


@pytest.fixture()
def config(tmp_path: Path) -> ReportConfig:
    return make_config(tmp_path)


def make_config(folder: Path, lint: str = "") -> ReportConfig:
    (folder / "words.yaml").write_text(WORDS, encoding="utf-8")
    toml = 'title = "T"\n\n[glossary]\nbuiltin = []\nfiles = ["words.yaml"]\n'
    if lint:
        toml += "\n[lint]\n" + textwrap.dedent(lint)
    # The test glossary stands in for the built-in ones here: its acronyms must be explained
    # in the text (by default an acronym in the report's own glossary counts as explained).
    toml += "\n[lint.acronym-undefined]\nown-glossary-explains = false\n"
    (folder / "easyread.toml").write_text(toml, encoding="utf-8")
    return load_config(folder / "easyread.toml")


def lint(markdown: str, config: ReportConfig, rule: str) -> list[Finding]:
    report = read_stdin(textwrap.dedent(markdown), config=config)
    return [finding for finding in lint_report(report) if finding.rule == rule]


def texts(findings: list[Finding]) -> list[str]:
    return [finding.text for finding in findings]


# -- rule examples -------------------------------------------------------------------------


def examples() -> list[tuple[str, str, bool]]:
    cases = []
    for rule_id in GLOSSARY_RULES:
        rule = all_rules()[rule_id]
        cases += [(rule_id, text, True) for text in rule.examples_fail]
        cases += [(rule_id, text, False) for text in rule.examples_pass]
    return cases


@pytest.mark.parametrize(("rule_id", "markdown", "flagged"), examples())
def test_examples_with_the_test_glossary(
    rule_id: str, markdown: str, flagged: bool, config: ReportConfig
) -> None:
    assert bool(lint(markdown, config, rule_id)) == flagged


@pytest.mark.parametrize(("rule_id", "markdown", "flagged"), examples())
def test_examples_with_the_built_in_glossary(rule_id: str, markdown: str, flagged: bool) -> None:
    if not builtin_files():
        pytest.skip("the built-in glossary folder is empty")
    report = read_stdin(markdown)
    found = [finding for finding in lint_report(report) if finding.rule == rule_id]
    assert bool(found) == flagged, found


def test_every_rule_has_docs_and_examples() -> None:
    for rule_id in GLOSSARY_RULES:
        rule = all_rules()[rule_id]
        assert rule.__doc__ and len(rule.__doc__.split()) > 30
        assert rule.description and rule.examples_fail and rule.examples_pass


# -- jargon --------------------------------------------------------------------------------


def test_jargon_everywhere_it_can_be_read(config: ReportConfig) -> None:
    markdown = """\
    # Key facts

    ## How we deliver

    ![We deliver food](pictures/food.png) We **delivered** it.

    - The stakeholders
      met us.
    - We will deliver `deliver` it. <!-- deliver -->

    Read [the key plan](https://example.org/key-deliver.html).
    """
    found = lint(markdown, config, "jargon")
    assert texts(found) == [
        "Key",
        "deliver",
        "deliver",
        "delivered",
        "stakeholders",
        "deliver",
        "key",
    ]
    assert [finding.line for finding in found] == [1, 3, 5, 5, 7, 9, 11]


def test_jargon_positions_point_at_the_text(config: ReportConfig) -> None:
    markdown = "# Plans\n\nWe will deliver. The *key* thing is to\ndeliver going\nforward.\n"
    lines = markdown.split("\n")
    found = lint(markdown, config, "jargon")
    assert texts(found) == ["deliver", "key", "deliver", "going forward"]
    for finding in found:
        if finding.line == finding.end_line:
            assert (
                lines[finding.line - 1][finding.column - 1 : finding.end_column - 1] == finding.text
            )
    last = found[-1]
    assert (last.line, last.column, last.end_line, last.end_column) == (4, 9, 5, 8)
    assert last.fix is None  # over a line break: the author words it


def test_jargon_suggestions_and_safe_fixes(config: ReportConfig) -> None:
    found = lint("# Plans\n\nDeliver it. We deliver. We delivered. The key.\n", config, "jargon")
    assert [(finding.text, finding.fix) for finding in found] == [
        ("Deliver", "Give"),
        ("deliver", "give"),
        ("delivered", None),
        ("key", None),
    ]
    assert found[0].suggestion == "Write 'give' instead."
    assert found[3].suggestion == "Write 'main' or 'important' instead."
    assert "jargon" in found[0].message


def test_jargon_skips_hard_words_that_are_explained(config: ReportConfig) -> None:
    # One finding for one problem: a hard word is explained once, where it is first used, so
    # the hard-word rule reports that use (with the plainer word) and jargon none.
    markdown = "# T\n\nGo to a tribunal. It can help you.\n"
    found = lint(markdown, config, "hard-word")
    assert [(f.rule, f.column) for f in found] == [("hard-word", 9)]
    assert (found[0].suggestion or "").endswith("Or: Write 'court' instead.")
    assert lint(markdown, config, "jargon") == []
    # Explained where it is used but not bold: only the milder hard-word-bold (info) speaks.
    markdown = "# T\n\nGo to a tribunal. A tribunal is a court.\n"
    assert lint(markdown, config, "hard-word") == []
    found = lint(markdown, config, "hard-word-bold")
    assert [(f.rule, f.column, f.severity) for f in found] == [("hard-word-bold", 9, "info")]
    assert lint(markdown, config, "jargon") == []
    assert lint("# T\n\nGo to a **tribunal**. A tribunal is a court.\n", config, "jargon") == []


def test_jargon_can_be_suppressed_and_accepted(tmp_path: Path) -> None:
    config = make_config(tmp_path, 'accept = ["key"]\n')
    markdown = "# Key facts\n\n<!-- easyread-disable-next-line jargon -->\nWe deliver.\n"
    assert lint(markdown, config, "jargon") == []


# -- acronym-undefined ---------------------------------------------------------------------


def test_one_finding_per_acronym_at_first_use(config: ReportConfig) -> None:
    markdown = """\
    # Your care

    The ICBs pay. The ICB's staff help. The ICB is near.

    The XQZ team and the XQZ again.
    """
    found = lint(markdown, config, "acronym-undefined")
    assert texts(found) == ["ICBs", "XQZ"]
    assert found[0].suggestion == (
        "Write 'integrated care board' instead of ICB, or 'integrated care board (ICB)' "
        "the first time."
    )
    assert found[0].fix is None  # a plural: the author words it
    assert "XQZ" in (found[1].suggestion or "")


def test_acronym_definitions_that_count(config: ReportConfig) -> None:
    defined = [
        "The integrated care board (ICB) pays.",
        "The integrated care boards (ICBs) pay.",
        "The ICB (integrated care board) pays.",
        "The ICBs (integrated care boards) pay.",
        "ICB stands for integrated care board.",
        "ICB means integrated care board.",
        "The ICB is short for integrated care board.",
        "We met the Zeta Quality Team (ZQT).",
        "Go to the accident and emergency department (A&E).",
        "The ZQT (the people who check us) came.",
    ]
    for sentence in defined:
        assert lint(f"# T\n\n{sentence}\n", config, "acronym-undefined") == [], sentence


def test_acronym_definitions_that_do_not_count(config: ReportConfig) -> None:
    undefined = [
        "The ICB pays. The integrated care board (ICB) is local.",
        "The ICB (2024) pays.",
        "Talk to the team (ZQT).",
        "The ICB (see page 4) pays.",
    ]
    for sentence in undefined:
        assert len(lint(f"# T\n\n{sentence}\n", config, "acronym-undefined")) == 1, sentence


def test_acronym_traps_never_flagged(config: ReportConfig) -> None:
    markdown = """\
    # Part II: what I think

    I think option A is OK. Choose A or B.

    PLEASE come. You MUST NOT be late. STOP.

    Read chapter IV, part XII and appendix III.

    See your GP. The NHS works across the UK.
    """
    for rule in ("acronym-undefined", "acronym-unknown"):
        assert lint(markdown, config, rule) == []


def test_acronym_shapes(config: ReportConfig) -> None:
    markdown = "# T\n\nLeDeR and MoRT. COVID-19. A&E. The SEND team. We send it.\n"
    found = lint(markdown, config, "acronym-undefined")
    # COVID-19 is one of the acronyms nearly everyone knows (the default allow-acronyms).
    assert texts(found) == ["LeDeR", "MoRT", "A&E", "SEND"]
    assert [finding.fix for finding in found] == [
        "Learning from lives and deaths (LeDeR)",
        None,
        "Accident and emergency (A&E)",  # starts a sentence
        "special educational needs and disabilities (SEND)",
    ]


def test_first_use_in_a_heading_counts(config: ReportConfig) -> None:
    found = lint("# About the CQC\n\nThe CQC checks care.\n", config, "acronym-undefined")
    assert [(finding.text, finding.line) for finding in found] == [("CQC", 1)]


def test_acronym_scope_document_and_section(tmp_path: Path) -> None:
    (tmp_path / "01-a.md").write_text("# One\n\nThe integrated care board (ICB) pays.\n")
    (tmp_path / "02-b.md").write_text("# Two\n\nThe ICB is near.\n")
    paths = [tmp_path / "01-a.md", tmp_path / "02-b.md"]

    def run(lint_settings: str) -> list[Finding]:
        config = make_config(tmp_path, lint_settings)
        report = read_files(paths, config=config)
        return [item for item in lint_report(report) if item.rule == "acronym-undefined"]

    assert run("") == []
    found = run('acronym-scope = "section"\n')
    assert [(finding.path.name, finding.text) for finding in found] == [("02-b.md", "ICB")]


def test_allow_acronyms_setting(tmp_path: Path) -> None:
    markdown = "# T\n\nSee your GP. The ICB pays. The NHS helps.\n"
    config = make_config(tmp_path, 'allow-acronyms = ["ICB", "NHS"]\n')
    assert texts(lint(markdown, config, "acronym-undefined")) == ["GP"]
    config = make_config(tmp_path, "allow-acronyms = []\n")
    assert texts(lint(markdown, config, "acronym-undefined")) == ["GP", "ICB", "NHS"]


# -- acronym-unknown -----------------------------------------------------------------------


def test_unknown_acronyms_once_each(config: ReportConfig) -> None:
    markdown = "# T\n\nThe XQZ and the XQZs. The ICB and the PQRS team (PQRS). The LD team.\n"
    found = lint(markdown, config, "acronym-unknown")
    assert texts(found) == ["XQZ", "PQRS", "LD"]
    assert all(finding.severity == "info" for finding in found)
    assert "glossary" in found[0].message


# -- hard-word -----------------------------------------------------------------------------


def test_hard_word_first_use_must_be_bold(config: ReportConfig) -> None:
    markdown = """\
    # Advocates

    You can have an advocate. An **advocate** helps you.

    Advocates are free.
    """
    # The second sentence says what an advocate does: the first use is explained but not
    # bold, which the milder hard-word-bold rule reports.
    assert lint(markdown, config, "hard-word") == []
    found = lint(markdown, config, "hard-word-bold")
    assert [(finding.text, finding.line, finding.column) for finding in found] == [
        ("advocate", 3, 17)
    ]
    assert "bold" in found[0].message
    found = lint(markdown.replace("An **advocate** helps you.", "It is free."), config, "hard-word")
    assert [(finding.text, finding.line, finding.column) for finding in found] == [
        ("advocate", 3, 17)
    ]
    assert "bold" in found[0].message
    assert "An advocate is a person who helps you speak up." in (found[0].suggestion or "")


def test_hard_word_bold_passes_and_headings_do_not_count(config: ReportConfig) -> None:
    markdown = "# Advocates\n\nYou can have an **advocate**.\n"
    assert lint(markdown, config, "hard-word") == []


def test_hard_word_can_require_an_explanation(tmp_path: Path) -> None:
    config = make_config(tmp_path, "[lint.hard-word]\nrequire-explanation = true\n")
    explained = [
        "You can have an **advocate**. An advocate helps you.",
        "You can have an **advocate**. This means a helper.",
        "An **advocate** means a person who helps you.",
    ]
    for text in explained:
        assert lint(f"# T\n\n{text}\n", config, "hard-word") == [], text
    found = lint("# T\n\nYou can have an **advocate**. It is free.\n", config, "hard-word")
    assert "next sentence" in found[0].message


def test_capitalised_terms_inside_a_sentence_are_names(config: ReportConfig) -> None:
    markdown = "# Key facts\n\nWe met the Key Stakeholder Group. Key people came. We said: Key.\n"
    found = lint(markdown, config, "jargon")
    # the heading and the start of a sentence are checked; "the Key Stakeholder Group" is a name
    assert [(finding.line, finding.column) for finding in found] == [(1, 3), (3, 35), (3, 61)]


PARTS = [
    "deliver", "Delivered", "key", "stakeholders", "going", "forward", "ICB", "ICBs'", "A&E",
    "COVID-19", "LeDeR", "XQZ", "advocate", "**advocate**", "**key**", "`key`", "care", "we",
    "the", "(ICB)", "integrated care board", " ", " ", "\n", ". ", ", ", "é", "*key*",
]  # fmt: skip


@settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(st.lists(st.sampled_from(PARTS), min_size=1, max_size=25))
def test_findings_point_at_their_text(config: ReportConfig, parts: list[str]) -> None:
    body = "".join(parts).strip()
    markdown = f"# Title\n\n{body}\n"
    lines = markdown.split("\n")
    try:
        report = read_stdin(markdown, config=config)
    except EasyReadError:
        return
    for finding in lint_report(report):
        if finding.rule not in GLOSSARY_RULES or finding.line != finding.end_line:
            continue
        source = lines[finding.line - 1][finding.column - 1 : finding.end_column - 1]
        # A finding may span Markdown marks ("XQZ**key**" is the word "XQZkey").
        assert re.sub(r"[*`]", "", source) == finding.text, finding
        assert source.startswith(finding.text[:1]) and source.endswith(finding.text[-1:])


@pytest.mark.parametrize(
    "sentence",
    [
        "A tribunal is a kind of court.",
        "It is the law (this is known as a tribunal).",
        "They go to a tribunal (court).",
        "You can see an advocate. Advocates help you speak up.",
        "An advocate can help you speak up.",
        "Some people have dysphagia, which means it is hard to swallow.",
        "Pay someone (an advocate) to speak for you.",
        "Some people have dysphagia. This means it is hard to swallow.",
    ],
)
def test_a_hard_word_explained_where_it_is_used_is_only_asked_to_be_bold(
    config: ReportConfig, sentence: str
) -> None:
    markdown = f"# T\n\n{sentence}\n"
    assert lint(markdown, config, "hard-word") == []
    found = lint(markdown, config, "hard-word-bold")
    assert len(found) == 1 and found[0].severity == "info"


@pytest.mark.parametrize(
    "sentence",
    [
        "Advocates are free.",
        "The tribunal was held in May.",
        "A tribunal is needed now.",
        "Go to a tribunal (ICB) now.",
    ],
)
def test_saying_something_about_a_hard_word_is_not_explaining_it(
    config: ReportConfig, sentence: str
) -> None:
    markdown = f"# T\n\n{sentence}\n"
    assert len(lint(markdown, config, "hard-word")) == 1
    assert lint(markdown, config, "hard-word-bold") == []


def test_a_hard_word_after_a_capitalised_word_is_part_of_a_name(config: ReportConfig) -> None:
    markdown = "# T\n\nWe went to the Leeds Tribunal Service. We met the Key Stakeholder Group.\n"
    assert lint(markdown, config, "hard-word") == []
    assert lint(markdown, config, "jargon") == []


def test_an_entry_in_a_list_of_words_explains_a_hard_word(config: ReportConfig) -> None:
    markdown = (
        "# T\n\nSome people have dysphagia.\n\n## Words\n\n- Dysphagia - it is hard to swallow\n"
    )
    assert lint(markdown, config, "hard-word") == []
    assert len(lint(markdown, config, "hard-word-bold")) == 1
