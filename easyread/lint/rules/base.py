"""What every lint rule is made of, and the context a rule gets when it runs.

A rule is a class in a module of easyread/lint/rules/ that subclasses Rule and sets `id`.
The registry finds it by itself: adding a module is enough. The class docstring is the long
explanation that `easyread explain <id>` shows; `examples_fail` and `examples_pass` are small
Markdown sections that the tests run through the real engine.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from typing import Any, ClassVar, TypeVar

from easyread.glossary import Glossary, Match, load_glossary
from easyread.lint.findings import Finding
from easyread.lint.scan import PieceIndex
from easyread.lint.text import TextPiece, text_pieces
from easyread.model import Report

_T = TypeVar("_T")


class Rule:
    """A lint rule. Subclasses set the class attributes and write `check`."""

    id: ClassVar[str] = ""  # stable, kebab-case
    description: ClassVar[str] = ""  # one line
    severity: ClassVar[str] = "warning"  # default severity ("error" | "warning" | "info")
    options: ClassVar[dict[str, Any]] = {}  # defaults; [lint.<id>] in easyread.toml overrides
    option_help: ClassVar[dict[str, str]] = {}  # one line per option, for `easyread explain`
    # The smallest and largest value of each number option; easyread.toml is refused outside.
    option_limits: ClassVar[dict[str, tuple[float, float]]] = {}
    # The only values each text option may have (matched whatever the case).
    option_choices: ClassVar[dict[str, tuple[str, ...]]] = {}
    enabled_by_default: ClassVar[bool] = True
    examples_fail: ClassVar[list[str]] = []  # Markdown sections it must flag
    examples_pass: ClassVar[list[str]] = []  # Markdown sections it must not flag

    def check(self, context: LintContext) -> Iterator[Finding]:
        raise NotImplementedError


@dataclass(slots=True)
class SharedState:
    """What all rules of one lint run share: pieces and the glossary, each made once, and
    anything else several rules work out the same way (see LintContext.shared_value)."""

    report: Report
    glossary_loaded: bool = False
    glossary_value: Any = None
    pieces_value: list[TextPiece] | None = None
    index_value: PieceIndex | None = None
    matches_value: list[list[Match]] | None = None
    values: dict[str, Any] = field(default_factory=dict)


@dataclass(slots=True)
class LintContext:
    """What a rule sees when it runs."""

    report: Report
    rule: str  # the id of the rule being run
    options: dict[str, Any]  # this rule's options after the config merge
    severity: str  # this rule's severity after the config merge
    scope: str = "document"  # "document" or "section": where an acronym definition counts
    allow_acronyms: frozenset[str] = frozenset()  # [lint] allow-acronyms (upper-cased as written)
    accept: frozenset[str] = frozenset()  # [lint] accept, case-folded: text never flagged
    shared: SharedState | None = field(default=None, repr=False)

    def __post_init__(self) -> None:
        if self.shared is None:
            self.shared = SharedState(self.report)

    def glossary(self) -> Glossary | None:
        """The merged glossary, loaded once per run; None while easyread.glossary is missing."""
        shared = self.shared
        assert shared is not None
        if not shared.glossary_loaded:
            shared.glossary_loaded = True
            shared.glossary_value = _load_glossary(self.report)
        return shared.glossary_value

    def pieces(self) -> list[TextPiece]:
        shared = self.shared
        assert shared is not None
        if shared.pieces_value is None:
            shared.pieces_value = list(text_pieces(self.report))
        return shared.pieces_value

    def index(self) -> PieceIndex:
        """All piece texts joined, to find the few pieces a rule must look at in one pass."""
        shared = self.shared
        assert shared is not None
        if shared.index_value is None:
            shared.index_value = PieceIndex(self.pieces())
        return shared.index_value

    def glossary_matches(self) -> list[list[Match]]:
        """glossary().find(piece.text) for every piece, in the order of pieces(), found in
        one pass over the whole report. Empty lists when there is no glossary."""
        shared = self.shared
        assert shared is not None
        if shared.matches_value is None:
            glossary = self.glossary()
            pieces = self.pieces()
            if glossary is None:
                shared.matches_value = [[] for _ in pieces]
            else:
                shared.matches_value = glossary.find_all([piece.text for piece in pieces])
        return shared.matches_value

    def shared_value(self, key: str, make: Callable[[], _T]) -> _T:
        """A value worked out once per lint run and shared by every rule that asks for `key`."""
        shared = self.shared
        assert shared is not None
        if key not in shared.values:
            shared.values[key] = make()
        return shared.values[key]  # type: ignore[no-any-return]

    def finding(
        self,
        piece: TextPiece,
        start: int,
        end: int,
        message: str,
        suggestion: str | None = None,
        fix: str | None = None,
        rule: str | None = None,
    ) -> Finding:
        """A finding for piece.text[start:end], with its exact place in the file."""
        path, line, column, end_line, end_column = piece.span(start, end)
        return Finding(
            rule=rule or self.rule,
            severity=self.severity,
            message=message,
            path=path,
            line=line,
            column=column,
            end_line=end_line,
            end_column=end_column,
            text=piece.text[start:end],
            suggestion=suggestion,
            fix=fix,
        )


def _load_glossary(report: Report) -> Glossary:
    return load_glossary(report.config)
