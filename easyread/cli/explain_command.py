"""easyread explain RULE: what one lint rule checks, its settings and examples."""

from __future__ import annotations

import argparse
import inspect
import sys

from easyread.cli.nearest import nearest_name
from easyread.errors import EasyReadError
from easyread.lint.rules import Rule, all_rules


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "explain",
        help="explain one lint rule",
        description="Show what a lint rule checks, why, its settings and examples.",
    )
    parser.add_argument("rule", metavar="RULE", help="a rule id, such as long-sentence")
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    rules = all_rules()
    rule = rules.get(args.rule.strip().lower())
    if rule is None:
        close = nearest_name(args.rule, rules)
        hint = f"did you mean '{close}'?" if close else "run 'easyread rules' to see them all"
        raise EasyReadError(f"there is no lint rule called '{args.rule}'", hint=hint)
    sys.stdout.write(explain(rule))
    return 0


def explain(rule: type[Rule]) -> str:
    lines = [f"{rule.id} ({rule.severity})", "", rule.description, ""]
    doc = inspect.cleandoc(rule.__doc__ or "")
    if doc:
        lines += [doc, ""]
    if not rule.enabled_by_default:
        lines += [f'This rule is off unless you turn it on: [lint] enable = ["{rule.id}"]', ""]
    lines.append("Settings in easyread.toml:")
    lines.append(f"  [lint.{rule.id}]")
    lines.append(f'  severity = "{rule.severity}"    # error, warning or info')
    lines.append("  enabled = true")
    for name, default in rule.options.items():
        note = rule.option_help.get(name, "")
        lines.append(f"  {name} = {_toml_value(default)}" + (f"    # {note}" if note else ""))
    lines.append("")
    if rule.examples_fail:
        lines.append("Flagged:")
        lines += [_example(text) for text in rule.examples_fail]
        lines.append("")
    if rule.examples_pass:
        lines.append("Not flagged:")
        lines += [_example(text) for text in rule.examples_pass]
        lines.append("")
    return "\n".join(lines)


def _example(markdown: str) -> str:
    body = [line for line in markdown.strip().splitlines()[1:] if line.strip()]
    return "\n".join(f"  {line}" for line in body)


def _toml_value(value: object) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, str):
        return f'"{value}"'
    if isinstance(value, list):
        return "[" + ", ".join(_toml_value(item) for item in value) + "]"
    return str(value)
