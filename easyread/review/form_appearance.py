"""Every form field of a review copy carries its own appearance, so every reader shows it.

WeasyPrint 70 writes the review form with /NeedAppearances set, a tick drawing for a tick box's
on state only, no drawing at all for text fields, and a tick box /DA string with no font.
Readers built on poppler (Evince, Okular, pdftoppm) obey /NeedAppearances and redraw each
field themselves; without a font in /DA they draw a ticked box empty, so a printed copy lost
its ticks. Here each field gets what a reader needs to show it as it is:

- a tick box: a normal appearance for `/on` (WeasyPrint's tick) and for `/Off` (nothing: the
  box's border is part of the page), the same for the down appearance, and a /DA with a
  font and an /MK caption, for the readers that redraw it anyway once a filler asks them to;
- a text field: an empty appearance, which a filler replaces with the text as typed, in the
  font its /DA names: the page's font, embedded whole as a simple font (WinAnsi). WeasyPrint's
  /DA named a subset of it with two-byte glyph codes, which fillers (pikepdf, pypdf) cannot
  write typed text in: MuPDF showed a pikepdf-filled note as nothing;
- the form: no /NeedAppearances, so readers draw the appearances as they are.
"""

from __future__ import annotations

from functools import cache

import pikepdf
from fontTools.ttLib import TTFont

from easyread.resources import templates_dir

TICK_FONT = pikepdf.Name("/ZaDb")
TICK_DA = pikepdf.String("0 g /ZaDb 0 Tf")  # size 0: the reader fits the tick to the box
TICK_CAPTION = pikepdf.String("4")  # ZapfDingbats' tick, the mark PDF readers use by default
TEXT_FONT = pikepdf.Name("/ERText")
TEXT_FONT_FILE = "AtkinsonHyperlegible-Regular.ttf"
FIRST_CHAR, LAST_CHAR = 32, 255


def give_fields_appearances(pdf: pikepdf.Pdf) -> int:
    """Add the appearances described above; returns the number of fields changed."""
    form = pdf.Root.get("/AcroForm")
    if form is None:
        return 0
    _add_tick_font(pdf, form)
    _add_text_font(pdf, form)
    changed = 0
    for field in form.get("/Fields", []):
        kind = field.get("/FT")
        if kind == "/Btn":
            _tick_box(pdf, field)
        elif kind == "/Tx":
            _text_field(pdf, field, form)
        else:
            continue
        changed += 1
    if "/NeedAppearances" in form:
        del form["/NeedAppearances"]
    return changed


def _add_tick_font(pdf: pikepdf.Pdf, form: pikepdf.Dictionary) -> None:
    if "/DR" not in form:
        form.DR = pikepdf.Dictionary()
    if "/Font" not in form.DR:
        form.DR.Font = pikepdf.Dictionary()
    fonts = form.DR.Font
    if TICK_FONT not in fonts:
        fonts[TICK_FONT] = pdf.make_indirect(
            pikepdf.Dictionary(
                Type=pikepdf.Name.Font,
                Subtype=pikepdf.Name.Type1,
                BaseFont=pikepdf.Name.ZapfDingbats,
            )
        )


def _add_text_font(pdf: pikepdf.Pdf, form: pikepdf.Dictionary) -> None:
    if TEXT_FONT in form.DR.Font:
        return
    data, widths, descriptor = _text_font_parts()
    font_file = pikepdf.Stream(pdf, data)
    font_file.Length1 = len(data)
    form.DR.Font[TEXT_FONT] = pdf.make_indirect(
        pikepdf.Dictionary(
            Type=pikepdf.Name.Font,
            Subtype=pikepdf.Name.TrueType,
            BaseFont=pikepdf.Name(descriptor["FontName"]),
            FirstChar=FIRST_CHAR,
            LastChar=LAST_CHAR,
            Widths=pikepdf.Array(widths),
            Encoding=pikepdf.Name.WinAnsiEncoding,
            FontDescriptor=pdf.make_indirect(
                pikepdf.Dictionary(
                    Type=pikepdf.Name.FontDescriptor,
                    FontName=pikepdf.Name(descriptor["FontName"]),
                    Flags=32,  # non-symbolic: its glyphs are found by the WinAnsi names
                    FontBBox=pikepdf.Array(descriptor["FontBBox"]),
                    ItalicAngle=0,
                    Ascent=descriptor["Ascent"],
                    Descent=descriptor["Descent"],
                    CapHeight=descriptor["CapHeight"],
                    StemV=80,
                    FontFile2=pdf.make_indirect(font_file),
                )
            ),
        )
    )


@cache
def _text_font_parts() -> tuple[bytes, list[int], dict]:
    """The font file, its widths for WinAnsi codes 32-255 and its descriptor's numbers, in
    thousandths of the font size as PDF wants them."""
    path = templates_dir() / "fonts" / TEXT_FONT_FILE
    data = path.read_bytes()
    font = TTFont(path)
    scale = 1000 / font["head"].unitsPerEm
    cmap = font.getBestCmap()
    advances = font["hmtx"].metrics
    widths = []
    for code in range(FIRST_CHAR, LAST_CHAR + 1):
        glyph = cmap.get(ord(bytes([code]).decode("cp1252", errors="replace")))
        widths.append(round(advances[glyph][0] * scale) if glyph in advances else 0)
    head, os2 = font["head"], font["OS/2"]
    name = font["name"].getDebugName(6) or "AtkinsonHyperlegible-Regular"
    descriptor = {
        "FontName": "/" + name,
        "FontBBox": [round(v * scale) for v in (head.xMin, head.yMin, head.xMax, head.yMax)],
        "Ascent": round(os2.sTypoAscender * scale),
        "Descent": round(os2.sTypoDescender * scale),
        "CapHeight": round(getattr(os2, "sCapHeight", os2.sTypoAscender) * scale),
    }
    return data, widths, descriptor


def _box(field: pikepdf.Dictionary) -> tuple[float, float]:
    x1, y1, x2, y2 = (float(value) for value in field.Rect)
    return abs(x2 - x1), abs(y2 - y1)


def _form_xobject(pdf: pikepdf.Pdf, size: tuple[float, float], content: bytes) -> pikepdf.Stream:
    stream = pikepdf.Stream(pdf, content)
    stream.Type = pikepdf.Name.XObject
    stream.Subtype = pikepdf.Name.Form
    stream.BBox = pikepdf.Array([0, 0, size[0], size[1]])
    return stream


def _tick_box(pdf: pikepdf.Pdf, field: pikepdf.Dictionary) -> None:
    size = _box(field)
    normal = field.get("/AP", {}).get("/N", {})
    on = normal.get("/on") if isinstance(normal, pikepdf.Dictionary) else None
    if on is None:
        on = _form_xobject(pdf, size, _drawn_tick(size))
    off = _form_xobject(pdf, size, b"")
    field.AP = pikepdf.Dictionary(
        N=pikepdf.Dictionary({"/on": on, "/Off": off}),
        D=pikepdf.Dictionary({"/on": on, "/Off": off}),
    )
    state = field.get("/V", pikepdf.Name.Off)
    field.AS = state if state in (pikepdf.Name("/on"), pikepdf.Name.Off) else pikepdf.Name.Off
    field.DA = TICK_DA
    if "/MK" not in field:
        field.MK = pikepdf.Dictionary()
    field.MK.CA = TICK_CAPTION


def _drawn_tick(size: tuple[float, float]) -> bytes:
    """A tick made of lines, for a box that came without WeasyPrint's own."""
    width, height = size
    points = [(0.2, 0.5), (0.42, 0.25), (0.8, 0.8)]
    path = " ".join(
        f"{x * width:.2f} {y * height:.2f} {'m' if index == 0 else 'l'}"
        for index, (x, y) in enumerate(points)
    )
    return f"0 g 0 G {max(width, height) / 8:.2f} w {path} S".encode()


def _text_field(pdf: pikepdf.Pdf, field: pikepdf.Dictionary, form: pikepdf.Dictionary) -> None:
    """An empty appearance (a fresh copy's fields are empty); a filler draws the typed text
    into the field's appearance from the /DA font, which WeasyPrint sets and embeds."""
    field.DA = _text_da(str(field.get("/DA", "")))
    stream = _form_xobject(pdf, _box(field), b"/Tx BMC EMC")
    resources = form.get("/DR")
    if resources is not None:
        stream.Resources = resources
    field.AP = pikepdf.Dictionary(N=stream)


def _text_da(weasyprint_da: str) -> pikepdf.String:
    """WeasyPrint's /DA with its font swapped for the whole embedded one, at the same size."""
    words = weasyprint_da.split()
    size = "18"
    for index, word in enumerate(words):
        if word == "Tf" and index >= 2:
            size = words[index - 1]
    return pikepdf.String(f"0.066667 0.066667 0.066667 rg {TEXT_FONT} {size} Tf")
