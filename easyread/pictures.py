"""Pictures: checked, cleaned and sized once with Pillow, then cached.

Each picture is opened and checked, converted to RGB on white, sized for 300 dpi at the size it
is printed, and saved again without any metadata (camera and GPS data in photos of people must
not leak into a published document). The result is cached by the file's content, so a rebuild
with unchanged pictures does no picture work at all.
"""

from __future__ import annotations

import hashlib
import os
import tempfile
import warnings
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from PIL import Image, ImageOps, UnidentifiedImageError

from easyread.errors import PictureError
from easyread.model import Picture

DPI = 300
PICTURE_COLUMN_MM = 45.0
COVER_PICTURE_MM = 90.0
MAX_PIXELS = 60_000_000  # larger than any camera photo; a bigger file is a decompression bomb
_CACHE_VERSION = "1"
_ALLOWED_FORMATS = {"PNG", "JPEG", "GIF", "WEBP", "BMP", "TIFF", "MPO"}


def pixels_for(mm: float) -> int:
    return round(mm / 25.4 * DPI)


@dataclass(frozen=True, slots=True)
class PreparedPicture:
    original: Path
    path: Path
    width_px: int
    height_px: int
    media_type: str

    @property
    def aspect(self) -> float:
        return self.height_px / self.width_px


@dataclass(slots=True)
class PictureStats:
    processed: int = 0
    reused: int = 0
    warnings: list[str] = field(default_factory=list)


class PictureSet:
    """Prepared pictures, looked up by the model's Picture."""

    def __init__(self) -> None:
        self._by_key: dict[tuple[Path, int], PreparedPicture] = {}
        self.stats = PictureStats()

    def add(self, picture: Picture, size_px: int, prepared: PreparedPicture) -> None:
        assert picture.path is not None
        self._by_key[(picture.path, size_px)] = prepared

    def get(self, picture: Picture, size_px: int | None = None) -> PreparedPicture:
        assert picture.path is not None, "pictures are resolved when the report is read"
        return self._by_key[(picture.path, size_px or pixels_for(PICTURE_COLUMN_MM))]

    def __len__(self) -> int:
        return len(self._by_key)


def prepare_pictures(items: Iterable[tuple[Picture, int]], cache_dir: Path) -> PictureSet:
    """Prepare each (picture, longest side in pixels) once, reusing the cache."""
    cache_dir.mkdir(parents=True, exist_ok=True)
    pictures = PictureSet()
    done: dict[tuple[Path, int], PreparedPicture] = {}
    for picture, size_px in items:
        assert picture.path is not None
        key = (picture.path, size_px)
        if key not in done:
            done[key] = _prepare_one(picture, size_px, cache_dir, pictures.stats)
        pictures.add(picture, size_px, done[key])
    return pictures


def _prepare_one(
    picture: Picture, size_px: int, cache_dir: Path, stats: PictureStats
) -> PreparedPicture:
    assert picture.path is not None
    data = picture.path.read_bytes()
    digest = hashlib.sha256(data + f"|{size_px}|{_CACHE_VERSION}".encode()).hexdigest()[:24]
    for suffix, media_type in ((".png", "image/png"), (".jpg", "image/jpeg")):
        cached = cache_dir / f"{digest}{suffix}"
        if cached.is_file():
            with Image.open(cached) as image:
                width, height = image.size
            stats.reused += 1
            return PreparedPicture(picture.path, cached, width, height, media_type)
    image, is_photo = _open_checked(picture, stats)
    image.thumbnail((size_px, size_px), Image.Resampling.LANCZOS, reducing_gap=3.0)
    suffix, media_type = (".jpg", "image/jpeg") if is_photo else (".png", "image/png")
    target = cache_dir / f"{digest}{suffix}"
    _save_atomically(image, target, is_photo)
    stats.processed += 1
    return PreparedPicture(picture.path, target, image.width, image.height, media_type)


def _open_checked(picture: Picture, stats: PictureStats) -> tuple[Image.Image, bool]:
    """Open the file, refuse what cannot be a safe picture, and return clean RGB pixels."""
    assert picture.path is not None

    def fail(message: str, hint: str) -> PictureError:
        return PictureError(
            message,
            path=picture.source.path,
            line=picture.source.line,
            column=picture.source.column,
            hint=hint,
        )

    name = picture.src
    previous_limit = Image.MAX_IMAGE_PIXELS
    try:
        Image.MAX_IMAGE_PIXELS = MAX_PIXELS
        with warnings.catch_warnings():
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            with Image.open(picture.path) as opened:
                if opened.format not in _ALLOWED_FORMATS:
                    raise fail(
                        f"'{name}' is a {opened.format} file: easyread cannot use it",
                        "save it as PNG or JPEG",
                    )
                if getattr(opened, "n_frames", 1) > 1 and opened.format != "MPO":
                    stats.warnings.append(
                        f"{picture.source}: '{name}' moves. Only its first frame is used"
                    )
                    opened.seek(0)
                is_photo = opened.format in ("JPEG", "MPO")
                opened.load()
                image = ImageOps.exif_transpose(opened) if is_photo else opened.copy()
    except (Image.DecompressionBombError, Image.DecompressionBombWarning):
        raise fail(
            f"the picture '{name}' is far too big ({_size_text(picture.path)})",
            "make it smaller than 6000 by 6000 pixels and save it again",
        ) from None
    except UnidentifiedImageError:
        raise fail(
            f"the file '{name}' is not a picture easyread can read",
            "use a PNG or JPEG picture",
        ) from None
    except (OSError, SyntaxError, ValueError) as error:
        raise fail(
            f"the picture '{name}' is damaged and cannot be opened ({error})",
            "open it in a picture editor and save it again as PNG or JPEG",
        ) from None
    finally:
        Image.MAX_IMAGE_PIXELS = previous_limit
    return _to_clean_rgb(image), is_photo


def _to_clean_rgb(image: Image.Image) -> Image.Image:
    """RGB on a white background, as brand-new pixels with no metadata at all."""
    if image.mode in ("I;16", "I;16B", "I;16L", "I"):
        image = image.point(lambda value: value / 256).convert("L")
    if image.mode == "P":
        image = image.convert("RGBA")
    if image.mode in ("RGBA", "LA"):
        background = Image.new("RGBA", image.size, (255, 255, 255, 255))
        background.alpha_composite(image.convert("RGBA"))
        image = background
    rgb = image.convert("RGB")
    return Image.frombytes("RGB", rgb.size, rgb.tobytes())


def _save_atomically(image: Image.Image, target: Path, is_photo: bool) -> None:
    handle, temp_name = tempfile.mkstemp(dir=target.parent, suffix=target.suffix + ".part")
    try:
        with os.fdopen(handle, "wb") as stream:
            if is_photo:
                image.save(stream, "JPEG", quality=88, optimize=True, dpi=(DPI, DPI))
            else:
                image.save(stream, "PNG", compress_level=6, dpi=(DPI, DPI))
        os.replace(temp_name, target)
    except BaseException:
        Path(temp_name).unlink(missing_ok=True)
        raise


def _size_text(path: Path) -> str:
    try:
        with Image.open(path) as image:
            return f"{image.width} by {image.height} pixels"
    except Exception:
        return "too many pixels"
