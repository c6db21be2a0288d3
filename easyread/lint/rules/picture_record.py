"""The picture-record rule."""

from __future__ import annotations

from collections.abc import Iterator

from easyread.lint.findings import Finding
from easyread.lint.rules._pictures import (
    UsedPicture,
    cover_picture,
    picture_finding,
    used_pictures,
)
from easyread.lint.rules.base import LintContext, Rule
from easyread.pictograms.records import load_records, record_keys


class PictureRecord(Rule):
    """A picture with no record of where it comes from and its licence.

    Every picture in a published document needs its source and licence written down, so the
    credits page can name who made it. Many free pictures (such as OpenMoji's, under CC BY-SA)
    may only be printed with that credit. The records are in `pictures/pictures.toml`. The
    cover picture named in easyread.toml needs a record too: the finding points at its line.
    `easyread pictures suggest --apply` writes the record of a library picture by itself; for a
    picture of your own, run
    `easyread pictures add pictures/photo.jpg --licence "CC BY 4.0" --source "..."`.
    A picture whose file is missing is not checked here: the `picture-file` rule names it.
    """

    id = "picture-record"
    description = "A picture with no record of its source and licence in pictures.toml."
    severity = "warning"
    examples_fail = [
        "# Visits\n\n![A lamp with a light bulb](tests/data/pictures/no-record.png) We met.\n",
        "# Visits\n\n- ![A small square](tests/data/pictures/no-record.png) We met.\n",
    ]
    examples_pass = [
        "# Visits\n\n![A house](tests/data/pictures/not-there.png) We visited 12 homes.\n",
        "# Visits\n\nWe visited 12 homes.\n",
    ]

    def check(self, context: LintContext) -> Iterator[Finding]:
        root = context.report.root
        uses = [used for used in used_pictures(context) if used.file is not None]
        cover = cover_picture(context)
        if cover is not None and cover.file is not None:
            uses.append(cover)
        if not uses:
            return
        records = load_records(root)
        keys = record_keys(root, [used.file for used in uses if used.file is not None])
        for used in uses:
            if used.file is None or keys[used.file] in records:
                continue
            yield picture_finding(
                context,
                used,
                f"Nobody has written down where the {_what(used)} '{used.picture.src}' comes from "
                "or its licence.",
                "Record it with: easyread pictures add "
                f'{used.picture.src} --licence "..." --source "..."',
            )


def _what(used: UsedPicture) -> str:
    return "cover picture" if used.point.number == "cover" else "picture"
