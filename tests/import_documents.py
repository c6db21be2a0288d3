"""Documents the import tests make themselves: an OpenDocument text written as XML by hand and
a web page, each with every feature the importer reads. Nothing here is copied from elsewhere."""

from __future__ import annotations

import base64
import io
import zipfile
from pathlib import Path

from PIL import Image


def png_bytes(color: tuple[int, int, int], size: int = 40) -> bytes:
    data = io.BytesIO()
    Image.new("RGB", (size, size), color).save(data, format="PNG")
    return data.getvalue()


ODT_NAMESPACES = (
    'xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
    'xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0" '
    'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" '
    'xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" '
    'xmlns:draw="urn:oasis:names:tc:opendocument:xmlns:drawing:1.0" '
    'xmlns:fo="urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0" '
    'xmlns:xlink="http://www.w3.org/1999/xlink" '
    'xmlns:dc="http://purl.org/dc/elements/1.1/" '
    'xmlns:meta="urn:oasis:names:tc:opendocument:xmlns:meta:1.0" '
    'xmlns:svg="urn:oasis:names:tc:opendocument:xmlns:svg-compatible:1.0" '
    'office:version="1.3"'
)


def _frame(name: str, alt: str | None) -> str:
    description = f"<svg:desc>{alt}</svg:desc>" if alt is not None else ""
    return (
        f'<draw:frame draw:name="{name}" svg:width="2cm" svg:height="2cm">'
        f'<draw:image xlink:href="Pictures/{name}.png"/>{description}</draw:frame>'
    )


ODT_BODY = f"""
<text:tracked-changes><text:changed-region text:id="c1"><text:deletion><office:change-info>
<dc:creator>An editor</dc:creator><dc:date>2026-01-05T10:00:00</dc:date></office:change-info>
<text:p>Deleted words.</text:p></text:deletion></text:changed-region></text:tracked-changes>
<text:p text:style-name="Title">Help at home</text:p>
<text:p>{_frame("cover", "A house with a green door")}</text:p>
<text:h text:outline-level="1">Getting help</text:h>
<text:p>You can get <text:span text:style-name="T1">home care</text:span>. Home care is help
in your own home.<text:note text:note-class="footnote"><text:note-citation>1</text:note-citation>
<text:note-body><text:p>A note that is not part of the text.</text:p></text:note-body>
</text:note></text:p>
<text:p>Find out more on <text:a xlink:href="https://www.example.org/help">our
website</text:a>.<text:s text:c="3"/>Or phone us.</text:p>
<text:list text:style-name="L1">
  <text:list-item><text:p>Help to wash</text:p></text:list-item>
  <text:list-item><text:p>Help to eat</text:p>
    <text:list><text:list-item><text:p>Help to cook</text:p></text:list-item></text:list>
  </text:list-item>
</text:list>
<text:list text:style-name="L2">
  <text:list-item><text:p>Ask for help</text:p></text:list-item>
  <text:list-item><text:p>Wait for a visit</text:p></text:list-item>
</text:list>
<text:h text:outline-level="1">What it costs</text:h>
<text:h text:outline-level="2">Paying</text:h>
<table:table table:name="Points">
  <table:table-column table:number-columns-repeated="2"/>
  <table:table-row>
    <table:table-cell><text:p>{_frame("coins", "Some coins")}</text:p></table:table-cell>
    <table:table-cell><text:p>Some people pay for care.</text:p>
      <text:p>The council helps others.</text:p></table:table-cell>
  </table:table-row>
</table:table>
<text:p>Table 1: Hours of care</text:p>
<table:table table:name="Hours">
  <table:table-column table:number-columns-repeated="2"/>
  <table:table-header-rows><table:table-row>
    <table:table-cell><text:p>Who</text:p></table:table-cell>
    <table:table-cell><text:p>Hours</text:p></table:table-cell>
  </table:table-row></table:table-header-rows>
  <table:table-row>
    <table:table-cell><text:p>Adults</text:p></table:table-cell>
    <table:table-cell><text:p>10</text:p></table:table-cell>
  </table:table-row>
</table:table>
<text:p>{_frame("blank", None)}</text:p>
<text:p>This picture has no description.<text:change text:change-id="c1"/></text:p>
"""

ODT_STYLES = """
<office:automatic-styles>
  <style:style style:name="T1" style:family="text">
    <style:text-properties fo:font-weight="bold"/>
  </style:style>
  <text:list-style style:name="L1">
    <text:list-level-style-bullet text:level="1" text:bullet-char="•"/>
    <text:list-level-style-bullet text:level="2" text:bullet-char="◦"/>
  </text:list-style>
  <text:list-style style:name="L2">
    <text:list-level-style-number text:level="1" style:num-format="1"/>
  </text:list-style>
</office:automatic-styles>
"""


PICTURE_COLOURS = {"cover": (0, 120, 0), "coins": (200, 160, 0), "blank": (90, 90, 90)}


def write_odt(
    path: Path,
    body: str = ODT_BODY,
    *,
    mimetype: bytes = b"application/vnd.oasis.opendocument.text",
    encrypted: bool = False,
) -> Path:
    content = (
        f'<?xml version="1.0" encoding="UTF-8"?><office:document-content {ODT_NAMESPACES}>'
        f"{ODT_STYLES}<office:body><office:text>{body}</office:text></office:body>"
        "</office:document-content>"
    )
    styles = (
        f'<?xml version="1.0" encoding="UTF-8"?><office:document-styles {ODT_NAMESPACES}>'
        '<office:styles><style:default-style style:family="paragraph">'
        '<style:text-properties fo:language="en" fo:country="GB"/></style:default-style>'
        '<style:style style:name="Title" style:display-name="Title" style:family="paragraph"/>'
        "</office:styles></office:document-styles>"
    )
    meta = (
        f'<?xml version="1.0" encoding="UTF-8"?><office:document-meta {ODT_NAMESPACES}>'
        "<office:meta><dc:title>Help at home</dc:title>"
        "<meta:initial-creator>Example Care Team</meta:initial-creator>"
        "<dc:language>en-GB</dc:language></office:meta></office:document-meta>"
    )
    encryption = (
        '<manifest:encryption-data manifest:checksum-type="SHA1" manifest:checksum="x"/>'
        if encrypted
        else ""
    )
    manifest = (
        '<?xml version="1.0" encoding="UTF-8"?>'
        '<manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0"'
        ' manifest:version="1.3">'
        '<manifest:file-entry manifest:full-path="/" manifest:media-type="'
        + mimetype.decode()
        + '"/>'
        f'<manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml">'
        f"{encryption}</manifest:file-entry>"
        '<manifest:file-entry manifest:full-path="styles.xml" manifest:media-type="text/xml"/>'
        '<manifest:file-entry manifest:full-path="meta.xml" manifest:media-type="text/xml"/>'
        + "".join(
            f'<manifest:file-entry manifest:full-path="Pictures/{name}.png"'
            ' manifest:media-type="image/png"/>'
            for name in PICTURE_COLOURS
        )
        + "</manifest:manifest>"
    )
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("mimetype", mimetype, compress_type=zipfile.ZIP_STORED)
        archive.writestr("META-INF/manifest.xml", manifest, compress_type=zipfile.ZIP_DEFLATED)
        archive.writestr("content.xml", content, compress_type=zipfile.ZIP_DEFLATED)
        archive.writestr("styles.xml", styles, compress_type=zipfile.ZIP_DEFLATED)
        archive.writestr("meta.xml", meta, compress_type=zipfile.ZIP_DEFLATED)
        for name, colour in PICTURE_COLOURS.items():
            archive.writestr(f"Pictures/{name}.png", png_bytes(colour))
    return path


def write_html(folder: Path) -> Path:
    """A council web page: site menu, script and style around a <main> with the report."""
    (folder / "pictures").mkdir(exist_ok=True)
    (folder / "pictures" / "bus.png").write_bytes(png_bytes((200, 0, 0)))
    (folder.parent / "outside.png").write_bytes(png_bytes((0, 0, 0)))
    data_uri = "data:image/png;base64," + base64.b64encode(png_bytes((0, 0, 200))).decode()
    page = f"""<!DOCTYPE html>
<html lang="en-GB"><head><meta charset="utf-8"><title>Getting about</title>
<meta name="author" content="Example Transport Team">
<style>p {{ color: red }} .secret {{ display: none }}</style>
<script>document.write("script words");</script></head>
<body>
<nav><a href="/">Home</a> <a href="/buses">Buses</a></nav>
<header><p>Site header words</p></header>
<main>
<h1>Getting about</h1>
<p>You can use the <strong>bus pass</strong>. A bus pass lets you travel for free.</p>
<p><img src="pictures/bus.png" alt="A red bus"> Buses stop near your home.</p>
<p><img src="{data_uri}" alt="A blue ticket">Show your ticket &amp; sit down.</p>
<p>Read <a href="https://www.example.org/travel">the travel guide</a> or <em>ask us</em>.</p>
<ul><li>Buses<ul><li>Night buses</li></ul></li><li>Trains</li></ul>
<ol><li>Get a pass</li><li>Use it</li></ol>
<h2>Pictures we cannot use</h2>
<p><img src="https://www.example.org/photo.png" alt="A photo on the web"> Web photo.</p>
<p><img src="../outside.png" alt="A file outside"> Outside file.</p>
<table><caption>Table 1: Fares</caption>
<thead><tr><th>Who</th><th>Fare</th></tr></thead>
<tbody><tr><td>Adults</td><td>£2</td></tr><tr><td>Children</td><td>£1</td></tr></tbody>
</table>
<noscript>No script words</noscript>
<h1>Help</h1>
<div>Ask a driver for help.</div>
</main>
<footer>Footer words</footer>
<script>var hidden = "more script words";</script>
</body></html>
"""
    path = folder / "getting-about.html"
    path.write_text(page, encoding="utf-8")
    return path
