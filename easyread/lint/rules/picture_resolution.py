"""The picture-resolution rule."""

from __future__ import annotations

import math
from collections.abc import Iterator
from pathlib import Path

from PIL import Image, UnidentifiedImageError

from easyread.lint.findings import Finding
from easyread.lint.rules._pictures import cover_picture, picture_finding, used_pictures
from easyread.lint.rules.base import LintContext, Rule
from easyread.pictures import COVER_PICTURE_MM, PICTURE_COLUMN_MM

MM_PER_INCH = 25.4


class PictureResolution(Rule):
    """A picture with too few pixels for the size it is printed at.

    Pictures are printed in a column 45 mm wide. A picture needs at least 150 pixels for each
    inch it is printed (150 ppi), or it looks blurred or blocky on paper: at 45 mm that is 266
    pixels across its longer side. The cover picture is printed 90 mm wide: 532 pixels. A
    picture 20 pixels wide is printed at 11 ppi. Use a bigger file of the same picture
    (library pictures from `easyread pictures suggest` are 600 pixels, 338 ppi). Making a small
    file bigger in a picture editor does not help.
    """

    id = "picture-resolution"
    description = "A picture under 150 pixels per inch at the size it is printed."
    severity = "warning"
    options = {"min-ppi": 150}
    option_limits = {"min-ppi": (1, 2400)}
    option_help = {"min-ppi": "the fewest pixels per inch a printed picture may have"}
    examples_fail = [
        "# Visits\n\n![A red square](tests/data/pictures/tiny.png) We visited 12 homes.\n",
        "# Visits\n\n- ![A blue square](tests/data/pictures/no-record.png) We met.\n",
    ]
    examples_pass = [
        "# Visits\n\n![A green square](tests/data/pictures/sharp.png) We visited 12 homes.\n",
        "# Visits\n\n![A house](tests/data/pictures/not-there.png) We visited 12 homes.\n",
    ]

    def check(self, context: LintContext) -> Iterator[Finding]:
        min_ppi = float(context.options["min-ppi"])
        sizes: dict[Path, tuple[int, int] | None] = {}
        uses = [(used, PICTURE_COLUMN_MM) for used in used_pictures(context)]
        cover = cover_picture(context)
        if cover is not None:
            uses.append((cover, COVER_PICTURE_MM))
        for used, printed_mm in uses:
            if used.file is None:
                continue
            if used.file not in sizes:
                sizes[used.file] = pixel_size(used.file)
            size = sizes[used.file]
            inches = printed_mm / MM_PER_INCH
            needed = math.ceil(min_ppi * inches)
            if size is None or max(size) >= needed:
                continue
            ppi = max(size) / inches
            yield picture_finding(
                context,
                used,
                f"The picture '{used.picture.src}' is {size[0]} by {size[1]} pixels. Printed "
                f"{printed_mm:g} mm wide it has only {ppi:.0f} pixels per inch, so it "
                "will look blurred.",
                f"Use a file of this picture that is at least {needed} pixels across "
                f"({min_ppi:g} pixels per inch).",
            )


_SIZES: dict[tuple[Path, int, int, int], tuple[int, int] | None] = {}
_MAX_SIZES = 4_096


def pixel_size(path: Path) -> tuple[int, int] | None:
    """The picture's size from its header, without decoding its pixels. A process that lints
    again and again (the language server, watch) opens each unchanged file once."""
    try:
        status = path.stat()
    except OSError:
        return None
    stamp = (path, status.st_mtime_ns, status.st_size, status.st_ino)
    if stamp not in _SIZES:
        if len(_SIZES) >= _MAX_SIZES:
            _SIZES.clear()
        _SIZES[stamp] = _read_pixel_size(path)
    return _SIZES[stamp]


def _read_pixel_size(path: Path) -> tuple[int, int] | None:
    try:
        with Image.open(path) as image:
            return image.size
    except (OSError, UnidentifiedImageError, ValueError, Image.DecompressionBombError):
        return None  # a broken picture is the build's error to report
