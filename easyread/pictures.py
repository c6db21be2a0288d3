"""Pictures: checked, cleaned and sized once with Pillow, then cached.

Each picture is opened and checked, converted to RGB on white, sized for 300 dpi at the size it
is printed, and saved again without any metadata (camera and GPS data in photos of people must
not leak into a published document). The result is cached by the file's content, so a rebuild
with unchanged pictures does no picture work at all.
"""

from __future__ import annotations

import contextlib
import hashlib
import io
import re
import struct
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from PIL import Image, ImageCms, ImageFile, ImageOps, UnidentifiedImageError

from easyread import atomic, files
from easyread.cache import picture_cache_dir
from easyread.errors import PictureError
from easyread.model import Picture
from easyread.output import output_error, remove_stale_parts, temporary_file

DPI = 300
PICTURE_COLUMN_MM = 45.0
COVER_PICTURE_MM = 90.0
MAX_PIXELS = 60_000_000  # larger than any camera photo; a bigger file is a decompression bomb
MAX_SIDE = 30_000  # a picture 1 pixel high and a million wide is not a picture either
MAX_FILE_BYTES = 200_000_000
_CACHE_VERSION = "3"
_ALLOWED_FORMATS = {"PNG", "JPEG", "GIF", "WEBP", "BMP", "TIFF", "MPO"}
_KNOWN_OTHER_SUFFIXES = {
    ".svg": "a drawing (SVG)", ".svgz": "a drawing (SVG)", ".heic": "an iPhone photo (HEIC)",
    ".heif": "an iPhone photo (HEIF)", ".avif": "an AVIF picture", ".pdf": "a PDF",
    ".eps": "a drawing (EPS)", ".ai": "an Illustrator drawing", ".emf": "a Windows drawing (EMF)",
    ".wmf": "a Windows drawing (WMF)", ".psd": "a Photoshop file", ".ico": "an icon file",
}  # fmt: skip
_SRGB = ImageCms.ImageCmsProfile(ImageCms.createProfile("sRGB"))


def pixels_for(mm: float) -> int:
    return round(mm / 25.4 * DPI)


@dataclass(frozen=True, slots=True)
class PreparedPicture:
    original: Path
    path: Path
    width_px: int
    height_px: int
    media_type: str


@dataclass(slots=True)
class PictureStats:
    processed: int = 0
    reused: int = 0
    warnings: list[str] = field(default_factory=list)


class PictureSet:
    """Prepared pictures, looked up by the model's Picture."""

    def __init__(self, cache_dir: Path | None = None, roots: list[Path] | None = None) -> None:
        self._by_key: dict[tuple[Path, int], PreparedPicture] = {}
        self.stats = PictureStats()
        self.cache_dir = cache_dir if cache_dir is not None else picture_cache_dir()
        self.roots = roots

    def roots_for(self, picture: Picture) -> list[Path]:
        """Where this picture's file may be: the report folder, or easyread's own pictures."""
        assert picture.path is not None
        own = self.roots if self.roots is not None else [picture.path.parent]
        return [*own, *files.package_roots()]

    def add(self, picture: Picture, size_px: int, prepared: PreparedPicture) -> None:
        assert picture.path is not None
        self._by_key[(picture.path, size_px)] = prepared

    def get(self, picture: Picture, size_px: int | None = None) -> PreparedPicture:
        assert picture.path is not None, "pictures are resolved when the report is read"
        return self._by_key[(picture.path, size_px or pixels_for(PICTURE_COLUMN_MM))]

    def __len__(self) -> int:
        return len(self._by_key)

    def files(self) -> list[Path]:
        """Every prepared file, once each."""
        return list(dict.fromkeys(prepared.path for prepared in self._by_key.values()))


def prepare_pictures(
    items: Iterable[tuple[Picture, int]],
    cache_dir: Path | None = None,
    roots: Sequence[Path] | None = None,
) -> PictureSet:
    """Prepare each (picture, longest side in pixels) once, reusing the cache.

    Each picture's file is read only if it is inside `roots` (the report folder; easyread's own
    pictures are always allowed). Without `roots`, the folders the pictures were found in."""
    cache_dir = cache_dir if cache_dir is not None else picture_cache_dir()
    try:
        cache_dir.mkdir(parents=True, exist_ok=True)
    except OSError as error:
        raise output_error(cache_dir, error, "choose another folder with --out") from None
    remove_stale_parts(cache_dir)
    pictures = PictureSet(cache_dir, list(roots) if roots is not None else None)
    done: dict[tuple[Path, int], PreparedPicture] = {}
    for picture, size_px in items:
        assert picture.path is not None
        key = (picture.path, size_px)
        if key not in done:
            done[key] = _prepare_one(picture, size_px, pictures)
        pictures.add(picture, size_px, done[key])
    return pictures


def _prepare_one(picture: Picture, size_px: int, pictures: PictureSet) -> PreparedPicture:
    assert picture.path is not None
    cache_dir, stats = pictures.cache_dir, pictures.stats
    data = _read_bytes(picture, pictures.roots_for(picture))
    key = hashlib.sha256(data + f"|{size_px}|{_CACHE_VERSION}".encode()).hexdigest()[:32]
    cached = _cached(cache_dir, key)
    if cached is not None:
        stats.reused += 1
        path, width, height, media_type, moves = cached
        if moves:  # the warning comes back with every build, not only the first
            stats.warnings.append(_moving_warning(picture))
        return PreparedPicture(picture.path, path, width, height, media_type)
    warned = len(stats.warnings)
    image, is_photo = _open_checked(picture, data, size_px, stats)
    moves = len(stats.warnings) > warned
    image.thumbnail((size_px, size_px), Image.Resampling.LANCZOS, reducing_gap=3.0)
    image = _on_white(image)
    suffix, media_type = (".jpg", "image/jpeg") if is_photo else (".png", "image/png")
    try:
        target = _save_in_cache(image, cache_dir, key, suffix, is_photo, moves)
    except OSError as error:
        raise output_error(cache_dir, error, "free some space or choose another folder") from None
    stats.processed += 1
    return PreparedPicture(picture.path, target, image.width, image.height, media_type)


# The cache holds two kinds of file, both written by easyread and nothing else:
#   <key>.entry         "<sha256 of the picture> <suffix> <width> <height> <moves>"; the key is
#                       the hash of the author's file and the size it is prepared for, and
#                       <moves> is 1 for an animated picture (its warning is given again);
#   <sha256><suffix>    the prepared picture, named by the hash of its own bytes.
# A picture is used only if its bytes still have the hash in its name: a file changed, cut off
# or swapped for a link (read_bytes refuses links and anything but regular files) is made again.
_ENTRY = re.compile(
    r"^(?P<digest>[0-9a-f]{64}) (?P<suffix>\.png|\.jpg) (?P<w>\d{1,5}) (?P<h>\d{1,5})"
    r" (?P<moves>[01])$"
)
_MEDIA_TYPES = {".png": "image/png", ".jpg": "image/jpeg"}


def _cached(cache_dir: Path, key: str) -> tuple[Path, int, int, str, bool] | None:
    """A picture prepared by an earlier build, or None (a damaged one is thrown away)."""
    entry = cache_dir / f"{key}.entry"
    if not entry.exists() and not entry.is_symlink():
        return None
    try:
        found = _ENTRY.match(files.read_bytes(entry, [cache_dir], limit=200).decode("ascii"))
    except (files.FileRefused, UnicodeDecodeError):
        found = None
    if found is None:
        _throw_away(entry)
        return None
    path = cache_dir / f"{found['digest']}{found['suffix']}"
    try:
        data = files.read_bytes(path, [cache_dir], limit=MAX_FILE_BYTES)
    except files.FileRefused:
        data = b""
    if hashlib.sha256(data).hexdigest() != found["digest"]:  # changed since easyread wrote it
        _throw_away(entry, path)
        return None
    media_type = _MEDIA_TYPES[found["suffix"]]
    return path, int(found["w"]), int(found["h"]), media_type, found["moves"] == "1"


def _throw_away(*paths: Path) -> None:
    for path in paths:
        with contextlib.suppress(OSError):
            path.unlink()


def _fail(picture: Picture, message: str, hint: str) -> PictureError:
    return PictureError(
        message,
        path=picture.source.path,
        line=picture.source.line,
        column=picture.source.column,
        hint=hint,
    )


def _read_bytes(picture: Picture, roots: list[Path]) -> bytes:
    assert picture.path is not None
    what = f"the picture '{picture.src}'"
    try:
        return files.read_bytes(picture.path, roots, limit=MAX_FILE_BYTES, what=what)
    except files.FileRefused as refused:
        if refused.kind == "too-big":
            raise _fail(
                picture,
                f"{what} is a very big file",
                "make it smaller than 6000 by 6000 pixels and save it again as PNG or JPEG",
            ) from None
        raise _fail(picture, refused.message, refused.hint) from None


def _open_checked(
    picture: Picture, data: bytes, size_px: int, stats: PictureStats
) -> tuple[Image.Image, bool]:
    """Open the file, refuse what cannot be a safe picture, and return its first frame.

    The pixel count is checked from the file's header before any pixel is decoded, so a small
    file that claims to be huge (a decompression bomb) is refused at once, without the memory.
    """
    name = picture.src
    try:
        with _strict_pillow(), _open_allowed(picture, data) as opened:
            width, height = opened.size
            if width * height > MAX_PIXELS or max(width, height) > MAX_SIDE:
                raise _fail(
                    picture,
                    f"the picture '{name}' is far too big ({width} by {height} pixels)",
                    "make it smaller than 6000 by 6000 pixels and save it again",
                )
            if getattr(opened, "is_animated", False) and opened.format != "MPO":
                stats.warnings.append(_moving_warning(picture))
            opened.seek(0)
            is_photo = opened.format in ("JPEG", "MPO")
            if opened.format == "JPEG":
                opened.draft(opened.mode, (size_px, size_px))
            opened.load()
            image = ImageOps.exif_transpose(opened) if is_photo else opened.copy()
            icc = opened.info.get("icc_profile")
    except PictureError:
        raise
    except (OSError, SyntaxError, ValueError, struct.error, EOFError) as error:
        raise _fail(
            picture,
            f"the picture '{name}' is damaged and cannot be opened ({_reason(error)})",
            "open it in a picture editor and save it again as PNG or JPEG",
        ) from None
    try:
        return _to_rgb(image, icc), is_photo
    except (OSError, ValueError) as error:
        raise _fail(
            picture,
            f"easyread cannot read the colours of '{name}' ({_reason(error)})",
            "save it again as an RGB picture in PNG or JPEG",
        ) from None


def _moving_warning(picture: Picture) -> str:
    return (
        f"{picture.source}: '{picture.src}' moves (it is animated). Only its first picture is used"
    )


class _strict_pillow:
    """Pillow settings for reading an author's picture, restored afterwards.

    Our own size check replaces Pillow's bomb check (it gives a clearer message, before anything
    is decoded). And a cut-off file must be an error: WeasyPrint switches on Pillow's global
    LOAD_TRUNCATED_IMAGES when it is imported, which would quietly fill the missing part grey.
    """

    def __enter__(self) -> None:
        self.previous = Image.MAX_IMAGE_PIXELS, ImageFile.LOAD_TRUNCATED_IMAGES
        Image.MAX_IMAGE_PIXELS = None
        ImageFile.LOAD_TRUNCATED_IMAGES = False

    def __exit__(self, *exc: object) -> None:
        Image.MAX_IMAGE_PIXELS, ImageFile.LOAD_TRUNCATED_IMAGES = self.previous


def _open_allowed(picture: Picture, data: bytes) -> Image.Image:
    name = picture.src
    try:
        # JPEG's opener also gives MPO (the photos some cameras take) on its own.
        return Image.open(io.BytesIO(data), formats=sorted(_ALLOWED_FORMATS - {"MPO"}))
    except UnidentifiedImageError:
        pass
    kind = _other_format(data) or _KNOWN_OTHER_SUFFIXES.get(Path(name).suffix.lower())
    if kind:
        raise _fail(
            picture, f"'{name}' is {kind}: easyread cannot use it", "save it as PNG or JPEG"
        )
    if _looks_like_text(data):
        raise _fail(
            picture,
            f"the file '{name}' is not a picture: it holds text",
            "check the file name, or save the picture again as PNG or JPEG",
        )
    raise _fail(
        picture,
        f"the file '{name}' is not a picture easyread can read",
        "save it as PNG or JPEG",
    )


def _other_format(data: bytes) -> str | None:
    """The name of a picture format Pillow knows but easyread does not take, if it is one."""
    try:
        with _strict_pillow(), Image.open(io.BytesIO(data)) as image:
            article = "an" if str(image.format)[:1] in "AEFHILMNORSX" else "a"
            return f"{article} {image.format} file"
    except Exception:  # any failure here just means "not a format we can name"
        return None


def _looks_like_text(data: bytes) -> bool:
    head = data[:512]
    try:
        head.decode("utf-8")
    except UnicodeDecodeError:
        return False
    return True


def _reason(error: BaseException) -> str:
    text = str(error).strip() or type(error).__name__
    return text[:80]


def _to_rgb(image: Image.Image, icc: bytes | None) -> Image.Image:
    """Colours as RGB (or RGBA when there is transparency), in sRGB where a profile says how."""
    if image.mode in ("I;16", "I;16B", "I;16L", "I;16N", "I"):
        image = image.convert("I").point(lambda value: value / 256).convert("L")
    elif image.mode == "F":
        image = image.convert("L")
    if image.mode in ("P", "PA"):
        image = image.convert("RGBA")
    if image.mode in ("1", "L", "LA", "CMYK", "YCbCr", "LAB", "HSV", "RGBX", "RGBa", "La"):
        converted = _with_profile(image, icc) if icc else None
        image = converted or image.convert("RGBA" if "A" in image.mode else "RGB")
    elif icc and image.mode in ("RGB", "RGBA"):
        image = _with_profile(image, icc) or image
    if image.mode not in ("RGB", "RGBA"):
        image = image.convert("RGB")
    return image


def _with_profile(image: Image.Image, icc: bytes) -> Image.Image | None:
    """Convert to sRGB through the picture's own colour profile; None if that cannot be done."""
    try:
        source = ImageCms.ImageCmsProfile(io.BytesIO(icc))
        mode = "RGBA" if image.mode in ("RGBA", "LA") else "RGB"
        if image.mode == "LA":
            return None
        return ImageCms.profileToProfile(image, source, _SRGB, outputMode=mode)
    except (ImageCms.PyCMSError, OSError, ValueError, TypeError):
        return None


def _on_white(image: Image.Image) -> Image.Image:
    """RGB on a white background, as brand-new pixels with no metadata at all."""
    if image.mode == "RGBA":
        background = Image.new("RGBA", image.size, (255, 255, 255, 255))
        background.alpha_composite(image)
        image = background
    rgb = image.convert("RGB")
    return Image.frombytes("RGB", rgb.size, rgb.tobytes())


def _save_in_cache(
    image: Image.Image, cache_dir: Path, key: str, suffix: str, is_photo: bool, moves: bool
) -> Path:
    """Save the picture under the hash of its bytes, then the entry that finds it by `key`."""
    stream = io.BytesIO()
    if is_photo:
        image.save(stream, "JPEG", quality=88, optimize=True, dpi=(DPI, DPI))
    else:
        image.save(stream, "PNG", compress_level=6, dpi=(DPI, DPI))
    data = stream.getvalue()
    digest = hashlib.sha256(data).hexdigest()
    target = cache_dir / f"{digest}{suffix}"
    _write_atomically(target, data)
    _write_atomically(
        cache_dir / f"{key}.entry",
        f"{digest} {suffix} {image.width} {image.height} {int(moves)}".encode("ascii"),
    )
    return target


def _write_atomically(target: Path, data: bytes) -> None:
    # A cache entry: not flushed to the disk, since one lost in a power cut is only made again.
    atomic.write_then_rename(temporary_file(target), target, data, sync=False)
