"""Make the picture files of the bad-input corpus (run once; the results are committed).

    python tests/data/bad/make_pictures.py

Each picture is built from scratch, so the corpus can be remade and checked at any time.
"""

from __future__ import annotations

import struct
import zlib
from pathlib import Path

from PIL import Image

HERE = Path(__file__).resolve().parent


def png_chunk(kind: bytes, data: bytes) -> bytes:
    return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))


def bomb_png(width: int, height: int) -> bytes:
    """A valid 1-bit PNG of width x height, all white: a few kilobytes that unpack to gigabytes."""
    header = struct.pack(">IIBBBBB", width, height, 1, 0, 0, 0, 0)
    row = b"\x00" + b"\xff" * ((width + 7) // 8)
    compressor = zlib.compressobj(9)
    data = b"".join(compressor.compress(row) for _ in range(height)) + compressor.flush()
    return (
        b"\x89PNG\r\n\x1a\n"
        + png_chunk(b"IHDR", header)
        + png_chunk(b"IDAT", data)
        + png_chunk(b"IEND", b"")
    )


def small_picture(colour: tuple[int, int, int] = (200, 40, 40)) -> Image.Image:
    image = Image.new("RGB", (120, 90), colour)
    for x in range(30, 90):
        for y in range(20, 70):
            image.putpixel((x, y), (255, 255, 255))
    return image


def psd_file() -> bytes:
    """A minimal 2x2 RGB Photoshop file (header, empty sections, raw pixels)."""
    header = b"8BPS" + struct.pack(">H6xHIIHH", 1, 3, 2, 2, 8, 3)
    sections = struct.pack(">III", 0, 0, 0)
    pixels = struct.pack(">H", 0) + bytes(12)
    return header + sections + pixels


def write(case: str, name: str, data: bytes) -> None:
    path = HERE / case / "pictures" / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data)


def save(case: str, name: str, image: Image.Image, **options: object) -> None:
    path = HERE / case / "pictures" / name
    path.parent.mkdir(parents=True, exist_ok=True)
    image.save(path, **options)


def main() -> None:
    write("picture-bomb", "huge.png", bomb_png(20000, 20000))
    full = HERE / "picture-truncated" / "pictures" / "broken.png"
    save("picture-truncated", "broken.png", small_picture())
    full.write_bytes(full.read_bytes()[:200])
    write("picture-text-named-png", "notes.png", b"These are my notes, not a picture.\n")
    write(
        "picture-svg",
        "drawing.svg",
        b'<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10">'
        b'<rect width="10" height="10" fill="red"/></svg>\n',
    )
    save("picture-ico", "icon.ico", small_picture())
    write("picture-psd", "layers.psd", psd_file())
    save("picture-cmyk-jpeg", "red-cmyk.jpg", small_picture((255, 0, 0)).convert("CMYK"))
    sixteen = Image.new("I;16", (120, 90), 0xFFFF)
    for x in range(30, 90):
        for y in range(20, 70):
            sixteen.putpixel((x, y), 0x8000)
    save("picture-16-bit", "grey-16.png", sixteen)
    save("picture-name-with-accents", "café photo.png", small_picture())
    frames = [small_picture((200, 40, 40)), small_picture((40, 40, 200))]
    save(
        "picture-animated-gif",
        "moving.gif",
        frames[0],
        save_all=True,
        append_images=frames[1:],
        duration=200,
        loop=0,
    )


if __name__ == "__main__":
    main()
