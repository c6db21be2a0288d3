"""easyread config: the settings a report uses, and where each one comes from."""

from __future__ import annotations

import argparse
import dataclasses
import json
from pathlib import Path

from easyread.config import (
    CONFIG_NAME,
    SettingInEffect,
    default_config,
    load_config,
    settings_in_effect,
)
from easyread.files import report_folder


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "config",
        help="show the settings a report uses",
        description=(
            "Show every setting of the report in DIR as easyread uses it, and where it comes "
            "from: the line of easyread.toml that sets it, or easyread's default; and what it "
            "is for."
        ),
    )
    parser.add_argument("dir", nargs="?", type=Path, default=Path("."), help="the report folder")
    parser.add_argument(
        "--format", choices=("text", "json"), default="text", help="text (default) or JSON"
    )
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    root = report_folder(args.dir)
    path = root / CONFIG_NAME
    config = load_config(path) if path.is_file() else default_config(root)
    shown = [_with_default_outputs(item) for item in settings_in_effect(config)]
    if args.format == "json":
        data = [
            {
                "name": item.name,
                "value": _plain(item.value),
                "from": item.source,
                "help": item.help,
            }
            for item in shown
        ]
        print(json.dumps(data, indent=2, ensure_ascii=False))
        return 0
    width = max(len(item.name) for item in shown)
    for item in shown:
        print(f"{item.name:<{width}}  {_text(item.value):<30}  ({item.source})  {item.help}")
    return 0


def _with_default_outputs(item: SettingInEffect) -> SettingInEffect:
    """No `outputs` means every format: the writers know which those are."""
    if item.name != "outputs" or item.value:
        return item
    from easyread.writers import format_names

    return dataclasses.replace(item, value=format_names())


def _plain(value: object) -> object:
    if isinstance(value, str | int | float | bool | type(None)):
        return value
    if isinstance(value, list | tuple):
        return [_plain(item) for item in value]
    if isinstance(value, dict):
        return {str(key): _plain(item) for key, item in value.items()}
    return str(value)


def _text(value: object) -> str:
    if value in ("", None, []):
        return "(none)"
    if isinstance(value, list | tuple):
        return ", ".join(str(item) for item in value)
    if isinstance(value, float):
        return f"{value:g}"  # font-size 16, as written, not 16.0
    return str(value)
