"""The document model is read-only: the reader makes it once, and nothing changes it after.

Every class in easyread.model is a frozen dataclass, so assigning to any part of a report that
the reader made raises. Lint, score, the edition and the whole build are checked to leave the
report exactly as it was read.
"""

from __future__ import annotations

import copy
import dataclasses
from collections.abc import Iterator
from pathlib import Path

import pytest

from easyread import model
from easyread.reader import read_report

# Every kind of block and part the reader makes, so the walk below meets each model class.
EVERY_CONSTRUCT = """---
title: Every construct
---
# Every construct

![A doctor](pictures/doctor.png)
We help people. Ask your **doctor** about it.[^1]

## A smaller heading

- A point in a list.
  - A point in a list inside a list.

> A point in a quote.

Table 1: People we met

| Who | How many |
|-----|---------:|
| Women | 10 |

```
code stays as it is
```

---

<div>html</div>

<!-- easyread-disable long-sentence -->

[^1]: A note at the bottom.
[^2]: A note the text never points to.
"""


def _model_objects(value: object) -> Iterator[object]:
    """Every model object inside `value` (itself included), depth first."""
    if isinstance(value, list | tuple):
        for item in value:
            yield from _model_objects(item)
    elif dataclasses.is_dataclass(value) and type(value).__module__ == model.__name__:
        yield value
        for item in dataclasses.fields(value):
            yield from _model_objects(getattr(value, item.name))


def _model_classes() -> list[type]:
    return [
        value
        for value in vars(model).values()
        if isinstance(value, type)
        and dataclasses.is_dataclass(value)
        and value.__module__ == model.__name__
    ]


@pytest.fixture()
def every_construct(report_copy: Path) -> Path:
    pictures = sorted((report_copy / "pictures").glob("*.png"))
    text = EVERY_CONSTRUCT.replace("pictures/doctor.png", f"pictures/{pictures[0].name}")
    (report_copy / "09-every-construct.md").write_text(text, encoding="utf-8")
    return report_copy


def test_every_model_class_is_a_frozen_dataclass() -> None:
    classes = _model_classes()
    names = {cls.__name__ for cls in classes}
    assert {"Report", "Section", "Point", "Picture", "Table", "Footnote", "Sentence"} <= names
    thawed = [cls.__name__ for cls in classes if not cls.__dataclass_params__.frozen]  # type: ignore[attr-defined]
    assert thawed == []


def test_assigning_to_any_part_of_a_read_report_raises(every_construct: Path) -> None:
    report = read_report(every_construct)
    met: set[str] = set()
    for part in _model_objects(report):
        first = dataclasses.fields(part)[0].name
        with pytest.raises(dataclasses.FrozenInstanceError):
            setattr(part, first, getattr(part, first))
        met.add(type(part).__name__)
    expected = {cls.__name__ for cls in _model_classes()}
    assert met == expected, f"the sample report has no {sorted(expected - met)}"


def _mutable_inside(value: object, where: str) -> Iterator[str]:
    """Where a list, dict or set sits inside a model value (only tuples may hold parts)."""
    if isinstance(value, list | dict | set):
        yield where
    elif isinstance(value, tuple):
        for index, item in enumerate(value):
            yield from _mutable_inside(item, f"{where}[{index}]")
    elif dataclasses.is_dataclass(value) and type(value).__module__ == model.__name__:
        for item in dataclasses.fields(value):
            inner = getattr(value, item.name)
            yield from _mutable_inside(inner, f"{type(value).__name__}.{item.name}")


def test_a_read_report_and_its_edition_hold_tuples_not_lists(every_construct: Path) -> None:
    """Frozen is not enough if a field holds a list: it could still be changed in place."""
    from easyread.edition.added_pages import added_pages_report
    from easyread.edition.assemble import edition_for_build
    from easyread.glossary import load_glossary

    report = read_report(every_construct)
    glossary = load_glossary(report.config)
    edition = edition_for_build(report, glossary, None)
    parts = [*report.sections, report.cover, *edition.sections, *edition.body]
    parts += added_pages_report(edition).sections
    found = [where for part in parts for where in _mutable_inside(part, "section")]
    assert found == []
    assert isinstance(report.sections, tuple) and isinstance(edition.back, tuple)


def test_the_test_session_refuses_a_list_where_the_model_holds_a_tuple() -> None:
    """conftest wraps every model class so that any test making a value with a list fails."""
    source = model.Source(Path("a.md"), 1)
    with pytest.raises(TypeError, match="Sentence.runs must be a tuple"):
        model.Sentence([model.Run("Hello.")], source)  # type: ignore[arg-type]
    assert model.Sentence((model.Run("Hello."),), source).text == "Hello."


def test_lint_score_and_the_edition_leave_the_report_as_read(every_construct: Path) -> None:
    from easyread.edition.assemble import edition_for_build
    from easyread.glossary import load_glossary
    from easyread.lint import lint_report
    from easyread.score import score_report

    report = read_report(every_construct)
    as_read = copy.deepcopy(report)
    glossary = load_glossary(report.config)
    lint_report(report, glossary=glossary)
    score_report(report, glossary=glossary)
    edition_for_build(report, glossary, None)
    assert report == as_read


def test_a_whole_build_leaves_the_report_as_read(every_construct: Path, tmp_path: Path) -> None:
    from easyread.build import build

    result = build(every_construct, out_dir=tmp_path / "out", formats=["html", "docx"])
    assert result.report == read_report(every_construct)
