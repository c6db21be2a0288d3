"""easyread rules: list every lint rule."""

from __future__ import annotations

import argparse
import sys

from easyread.lint.rules import all_rules


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "rules",
        help="list the lint rules",
        description="List every rule 'easyread lint' checks, with its usual severity.",
    )
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    rules = all_rules()
    width = max(len(rule_id) for rule_id in rules) + 2
    lines = [f"{'RULE'.ljust(width)}{'SEVERITY':<10}WHAT IT CHECKS"]
    for rule_id, rule in rules.items():
        note = "" if rule.enabled_by_default else " (off unless enabled)"
        lines.append(f"{rule_id.ljust(width)}{rule.severity:<10}{rule.description}{note}")
    lines.append("")
    lines.append("Run 'easyread explain RULE' to read more about one rule.")
    sys.stdout.write("\n".join(lines) + "\n")
    return 0
