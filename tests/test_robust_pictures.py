"""Pictures that are odd but usable are converted correctly; dangerous ones are refused fast."""

from __future__ import annotations

import resource
import time
from pathlib import Path

import pytest
from PIL import Image

from easyread.errors import PictureError
from easyread.model import Picture, Source
from easyread.pictures import prepare_pictures

BAD = Path(__file__).resolve().parent / "data" / "bad"


def _picture(path: Path) -> Picture:
    return Picture(
        src=f"pictures/{path.name}", alt="a", source=Source(Path("01.md"), 3, 1), path=path
    )


def _prepare(path: Path, cache: Path, size: int = 120):
    picture = _picture(path)
    pictures = prepare_pictures([(picture, size)], cache)
    return pictures, pictures.get(picture, size)


def _close(colour: tuple[int, ...], wanted: tuple[int, int, int], slack: int = 12) -> bool:
    return all(abs(a - b) <= slack for a, b in zip(colour[:3], wanted, strict=True))


def test_a_cmyk_jpeg_becomes_rgb_with_the_right_colours(tmp_path: Path) -> None:
    _, prepared = _prepare(BAD / "picture-cmyk-jpeg" / "pictures" / "red-cmyk.jpg", tmp_path)
    with Image.open(prepared.path) as image:
        assert image.mode == "RGB"
        assert _close(image.getpixel((5, 5)), (255, 0, 0), slack=30)
        assert _close(image.getpixel((60, 45)), (255, 255, 255))


def test_a_16_bit_png_keeps_its_greys(tmp_path: Path) -> None:
    _, prepared = _prepare(BAD / "picture-16-bit" / "pictures" / "grey-16.png", tmp_path)
    with Image.open(prepared.path) as image:
        assert image.mode == "RGB"
        assert _close(image.getpixel((5, 5)), (255, 255, 255), slack=2)
        assert _close(image.getpixel((60, 45)), (128, 128, 128), slack=2)


def test_an_animated_gif_gives_its_first_frame_and_a_warning(tmp_path: Path) -> None:
    pictures, prepared = _prepare(
        BAD / "picture-animated-gif" / "pictures" / "moving.gif", tmp_path
    )
    with Image.open(prepared.path) as image:
        assert _close(image.getpixel((5, 5)), (200, 40, 40), slack=20)
    assert len(pictures.stats.warnings) == 1
    assert "01.md:3:1" in pictures.stats.warnings[0]
    assert "first picture" in pictures.stats.warnings[0]


def test_a_decompression_bomb_is_refused_at_once_without_the_memory(tmp_path: Path) -> None:
    bomb = BAD / "picture-bomb" / "pictures" / "huge.png"
    assert bomb.stat().st_size < 100_000  # 20000 x 20000 pixels in a tiny file
    before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    started = time.perf_counter()
    with pytest.raises(PictureError) as caught:
        _prepare(bomb, tmp_path)
    elapsed = time.perf_counter() - started
    grown_mb = (resource.getrusage(resource.RUSAGE_SELF).ru_maxrss - before) / 1024
    assert "20000 by 20000" in caught.value.message
    assert elapsed < 0.5, f"took {elapsed:.2f} s"
    assert grown_mb < 50, f"peak memory grew by {grown_mb:.0f} MB"


def test_a_picture_wider_than_any_page_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "strip.png"
    Image.new("1", (40_000, 1)).save(path)
    with pytest.raises(PictureError, match="far too big"):
        _prepare(path, tmp_path / "cache")


def test_camera_and_gps_data_do_not_reach_the_output(tmp_path: Path) -> None:
    path = tmp_path / "photo.jpg"
    exif = Image.Exif()
    exif[0x010F] = "CameraMaker"  # Make
    exif[0x8825] = {2: (51.0, 30.0, 0.0)}  # GPS latitude
    Image.new("RGB", (200, 150), (10, 120, 200)).save(path, exif=exif.tobytes())
    _, prepared = _prepare(path, tmp_path / "cache")
    data = prepared.path.read_bytes()
    assert b"CameraMaker" not in data and b"Exif" not in data
    with Image.open(prepared.path) as image:
        assert not image.getexif()


def test_a_picture_with_a_colour_profile_is_converted_through_it(tmp_path: Path) -> None:
    from PIL import ImageCms

    profile = ImageCms.ImageCmsProfile(ImageCms.createProfile("sRGB")).tobytes()
    path = tmp_path / "profiled.png"
    Image.new("RGB", (50, 50), (0, 128, 255)).save(path, icc_profile=profile)
    _, prepared = _prepare(path, tmp_path / "cache")
    with Image.open(prepared.path) as image:
        assert _close(image.getpixel((10, 10)), (0, 128, 255), slack=3)
        assert "icc_profile" not in image.info


def test_a_damaged_cached_picture_is_made_again(tmp_path: Path) -> None:
    source = BAD / "picture-cmyk-jpeg" / "pictures" / "red-cmyk.jpg"
    cache = tmp_path / "cache"
    _, first = _prepare(source, cache)
    first.path.write_bytes(first.path.read_bytes()[:100])
    pictures, again = _prepare(source, cache)
    assert pictures.stats.processed == 1 and pictures.stats.reused == 0
    with Image.open(again.path) as image:
        image.load()


def test_an_unchanged_picture_is_reused_from_the_cache(tmp_path: Path) -> None:
    source = BAD / "picture-16-bit" / "pictures" / "grey-16.png"
    _prepare(source, tmp_path)
    pictures, _ = _prepare(source, tmp_path)
    assert (pictures.stats.processed, pictures.stats.reused) == (0, 1)


def test_a_cache_folder_that_is_a_file_is_an_output_error(tmp_path: Path) -> None:
    blocker = tmp_path / "cache"
    blocker.write_text("in the way", encoding="utf-8")
    from easyread.errors import OutputError

    with pytest.raises(OutputError):
        _prepare(BAD / "picture-16-bit" / "pictures" / "grey-16.png", blocker / "pictures")


def test_a_cut_off_picture_is_refused_even_after_weasyprint_is_loaded(tmp_path: Path) -> None:
    import weasyprint  # noqa: F401 - importing it switches on Pillow's LOAD_TRUNCATED_IMAGES
    from PIL import ImageFile

    assert ImageFile.LOAD_TRUNCATED_IMAGES is True
    with pytest.raises(PictureError, match="damaged"):
        _prepare(BAD / "picture-truncated" / "pictures" / "broken.png", tmp_path)
    assert ImageFile.LOAD_TRUNCATED_IMAGES is True  # WeasyPrint's own setting is left alone
