"""Checking the pictures found in an imported document before they go into pictures/.

A picture easyread could not build with (a Windows drawing, a damaged file, a decompression
bomb) is left out of the report and named in the import summary, so the folder always builds.
"""

from __future__ import annotations

import io
import struct

from PIL import Image, ImageFile, UnidentifiedImageError

from easyread.pictures import MAX_PIXELS, MAX_SIDE

# The formats easyread builds with, and the file ending each is saved under.
_SUFFIXES = {"PNG": ".png", "JPEG": ".jpg", "GIF": ".gif", "WEBP": ".webp", "BMP": ".bmp"}
_OTHER_KINDS = (
    (b"\x01\x00\x00\x00", "a Windows drawing (EMF)"),
    (b"\xd7\xcd\xc6\x9a", "a Windows drawing (WMF)"),
    (b"<svg", "a drawing (SVG)"),
    (b"<?xml", "a drawing (SVG)"),
)


def picture_suffix(data: bytes) -> tuple[str | None, str]:
    """The file ending to save `data` under, or None and the reason it cannot be used."""
    previous = Image.MAX_IMAGE_PIXELS, ImageFile.LOAD_TRUNCATED_IMAGES
    Image.MAX_IMAGE_PIXELS = None  # our own check below, before any pixel is decoded
    ImageFile.LOAD_TRUNCATED_IMAGES = False
    try:
        with Image.open(io.BytesIO(data), formats=sorted(_SUFFIXES)) as image:
            width, height = image.size
            if width * height > MAX_PIXELS or max(width, height) > MAX_SIDE:
                return None, f"it is far too big ({width} by {height} pixels)"
            image.verify()
            return _SUFFIXES[str(image.format)], ""
    except UnidentifiedImageError:
        head = data[:64].lstrip()
        for magic, kind in _OTHER_KINDS:
            if head.startswith(magic):
                return None, f"it is {kind}, which easyread cannot use"
        return None, "it is not a picture easyread can read"
    except (OSError, SyntaxError, ValueError, struct.error, EOFError):
        return None, "it is damaged"
    finally:
        Image.MAX_IMAGE_PIXELS, ImageFile.LOAD_TRUNCATED_IMAGES = previous
