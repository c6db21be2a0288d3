"""The picture-file rule: every picture the report uses is a file in the report folder."""

from __future__ import annotations

from collections.abc import Iterator

from easyread.errors import PictureNotFound
from easyread.lint.findings import Finding
from easyread.lint.rules._pictures import UsedPicture, cover_picture, picture_finding, used_pictures
from easyread.lint.rules.base import LintContext, Rule


class PictureFile(Rule):
    """A picture whose file is not in the report folder, so the report cannot be built.

    Every picture the report uses, and the cover picture named in easyread.toml, must be a
    file inside the report folder, usually in its `pictures` folder. `easyread build` stops
    when a picture file is missing, is outside the report folder, or is on the internet, so
    this rule is an error: a lint check that passes means the report can be built. Check the
    spelling of the file name (capital letters count), or copy the picture into the
    `pictures` folder and write its path like `pictures/name.png`.
    """

    id = "picture-file"
    description = "A picture whose file is not in the report folder (the build would stop)."
    severity = "error"
    examples_fail = [
        "# Visits\n\n![A house](tests/data/pictures/not-there.png) We visited 12 homes.\n",
        "# Visits\n\n- ![A house](../house.png) We met.\n",
        "# Visits\n\n![A house](https://example.org/house.png) We visited 12 homes.\n",
    ]
    examples_pass = [
        "# Visits\n\n![A green square](tests/data/pictures/sharp.png) We visited 12 homes.\n",
        "# Visits\n\nWe visited 12 homes.\n",
    ]

    def check(self, context: LintContext) -> Iterator[Finding]:
        uses = list(used_pictures(context))
        cover = cover_picture(context)
        if cover is not None:
            uses.append(cover)
        for used in uses:
            if used.problem is not None:
                yield _finding(context, used, used.problem)


def _finding(context: LintContext, used: UsedPicture, problem: Exception) -> Finding:
    what = "cover picture" if used.point.number == "cover" else "picture"
    if isinstance(problem, PictureNotFound):
        return picture_finding(
            context,
            used,
            f"The {what} file '{used.picture.src}' is not in the report folder.",
            "Check the spelling of the file name, or copy the picture into the pictures "
            "folder. The report cannot be built until the file is there.",
        )
    message = getattr(problem, "message", str(problem))
    hint = getattr(problem, "hint", None) or "Put the picture in the report's pictures folder."
    return picture_finding(context, used, _as_sentence(message), _as_sentence(hint))


def _as_sentence(text: str) -> str:
    text = text.strip()
    text = text[:1].upper() + text[1:]
    return text if text.endswith((".", "?", "!")) else text + "."
