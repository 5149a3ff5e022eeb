"""Printed pages described once, in millimetres, and drawn twice: a PNG (Pillow) and a PDF (fpdf2).

Posters and pass sheets build a Page of a few kinds of marks. The PNG is for looking at and
for proving that every code scans; the PDF is for printing, with its text as text and its QR
codes as exact bitmaps (whole pixels per module), so both print sharp.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from models.kit.fonts import drawing_fonts
from models.store.files import written_whole

# Pillow, qrcode and fpdf2 are imported inside the functions that draw: start-up never needs them.

PT = 25.4 / 72  # mm per point
SIZES = {"A4": (210.0, 297.0), "A3": (297.0, 420.0)}


@dataclass(frozen=True)
class Box:
    x: float
    y: float
    w: float
    h: float
    fill: str | None = None
    line: str | None = None
    width: float = 0.3  # line width, mm
    radius: float = 0.0


@dataclass(frozen=True)
class Text:
    """One line of text; y is its baseline. align: left (x is the left), center or right (x is that edge)."""

    x: float
    y: float
    text: str
    pt: float
    bold: bool = False
    color: str = "#000000"
    align: str = "left"


@dataclass(frozen=True)
class QR:
    """A QR code's modules, as vector squares; size is the side without the quiet zone."""

    x: float
    y: float
    size: float
    modules: tuple[tuple[bool, ...], ...]


@dataclass
class Page:
    width: float
    height: float
    marks: list = field(default_factory=list)

    def add(self, *marks) -> None:
        self.marks.extend(marks)


# -- measuring and wrapping ------------------------------------------------------------------
MEASURE_DPI = 300


@lru_cache(maxsize=64)
def _pil_font(pt: float, bold: bool, dpi: int = MEASURE_DPI):
    from PIL import ImageFont

    regular, bold_face = drawing_fonts()
    path, index = bold_face if bold and bold_face else regular
    return ImageFont.truetype(str(path), max(1, round(pt * dpi / 72)), index=index)


def _faux_bold(pt: float) -> float:
    """Stroke width in mm that makes a regular face read as bold, when there is no bold face."""
    return pt * PT * 0.045


def text_width(text: str, pt: float, bold: bool = False) -> float:
    """Width in mm, as both renderers will draw it."""
    width = _pil_font(pt, bold).getlength(text) * 25.4 / MEASURE_DPI
    if bold and drawing_fonts()[1] is None:
        width += _faux_bold(pt)
    return width


def wrap(text: str, pt: float, width: float, bold: bool = False) -> list[str]:
    """Break a line to fit width mm: at spaces for Latin text, between any characters for Chinese."""
    lines: list[str] = []
    for paragraph in text.split("\n"):
        line = ""
        for token in _tokens(paragraph):
            if line and text_width(line + token, pt, bold) > width:
                lines.append(line.rstrip())
                line = token.lstrip()
            else:
                line += token
        lines.append(line.rstrip())
    return lines


def _tokens(text: str):
    word = ""
    for ch in text:
        if ch.isascii() and not ch.isspace():
            word += ch
            continue
        if word:
            yield word
            word = ""
        yield ch
    if word:
        yield word


def fit_pt(text: str, pt: float, width: float, bold: bool = False, smallest: float = 8) -> float:
    """The largest size up to pt at which one line fits width mm (long compound names)."""
    while pt > smallest and text_width(text, pt, bold) > width:
        pt -= 0.5
    return pt


def qr_modules(content: str, *, error: str = "M", mask: int | None = None) -> tuple[tuple[bool, ...], ...]:
    """mask: a fixed mask pattern (0-7) instead of the best of eight, which costs ~85 % of the time;
    for sheets of hundreds of codes. Any mask gives a valid code; tests decode every one."""
    import qrcode
    from qrcode.constants import ERROR_CORRECT_H, ERROR_CORRECT_L, ERROR_CORRECT_M, ERROR_CORRECT_Q

    levels = {"L": ERROR_CORRECT_L, "M": ERROR_CORRECT_M, "Q": ERROR_CORRECT_Q, "H": ERROR_CORRECT_H}
    qr = qrcode.QRCode(error_correction=levels[error], border=0, mask_pattern=mask)
    qr.add_data(content.encode("utf-8"))  # bytes: scanners read Chinese back as UTF-8
    qr.make(fit=True)
    return tuple(tuple(bool(v) for v in row) for row in qr.get_matrix())


# -- PNG -------------------------------------------------------------------------------------
def to_image(page: Page, dpi: int = 300):
    from PIL import Image, ImageDraw

    scale = dpi / 25.4
    img = Image.new("RGB", (round(page.width * scale), round(page.height * scale)), "white")
    draw = ImageDraw.Draw(img)
    for mark in page.marks:
        if isinstance(mark, Box):
            xy = (mark.x * scale, mark.y * scale, (mark.x + mark.w) * scale, (mark.y + mark.h) * scale)
            width = max(1, round(mark.width * scale)) if mark.line else 0
            if mark.radius:
                draw.rounded_rectangle(xy, radius=mark.radius * scale, fill=mark.fill, outline=mark.line, width=width)
            else:
                draw.rectangle(xy, fill=mark.fill, outline=mark.line, width=width)
        elif isinstance(mark, Text):
            anchor = {"left": "ls", "center": "ms", "right": "rs"}[mark.align]
            stroke = round(_faux_bold(mark.pt) * scale / 2) if mark.bold and drawing_fonts()[1] is None else 0
            draw.text((mark.x * scale, mark.y * scale), mark.text, font=_pil_font(mark.pt, mark.bold, dpi),
                      fill=mark.color, anchor=anchor, stroke_width=stroke, stroke_fill=mark.color)
        elif isinstance(mark, QR):
            n = len(mark.modules)
            # Whole pixels per module: uneven modules are what makes printed codes hard to read.
            unit = max(1, int(mark.size * scale / n))
            left = round(mark.x * scale + (mark.size * scale - unit * n) / 2)
            top = round(mark.y * scale + (mark.size * scale - unit * n) / 2)
            for r, row in enumerate(mark.modules):
                for c, on in enumerate(row):
                    if on:
                        draw.rectangle((left + c * unit, top + r * unit, left + (c + 1) * unit - 1,
                                        top + (r + 1) * unit - 1), fill="black")
    return img


def save_png(pages: list[Page], path: Path, dpi: int = 300) -> Path:
    """One page per file: the first as path, the others as path-2.png, path-3.png…"""
    for i, page in enumerate(pages):
        target = path if i == 0 else path.with_name(f"{path.stem}-{i + 1}{path.suffix}")
        with written_whole(target) as partial:
            to_image(page, dpi).save(partial, dpi=(dpi, dpi))
    return path


# -- PDF -------------------------------------------------------------------------------------
def _rgb(colour: str) -> tuple[int, int, int]:
    colour = colour.lstrip("#")
    return int(colour[0:2], 16), int(colour[2:4], 16), int(colour[4:6], 16)


def _qr_bitmap(modules, scale: int = 4):
    """A black-and-white bitmap, a few pixels per module: stays square-edged however it is scaled,
    and hundreds of codes (a pass sheet) cost a few images, not a hundred thousand rectangles."""
    from PIL import Image

    n = len(modules)
    img = Image.new("1", (n, n), 1)
    img.putdata([0 if on else 1 for row in modules for on in row])
    return img.resize((n * scale, n * scale), Image.NEAREST)


def add_fonts(pdf, *, text: str = "", cache: Path | None = None) -> bool:
    """Register the drawing fonts as "cjk" (and "cjk" bold); True when bold must be stroked.

    With a cache folder, each face is first cut down to the characters of `text` (and ASCII) and
    the cut kept there: fpdf2 reads a whole CJK font before it writes a page (0.3 s for WenQuanYi,
    more for Noto), a cut of a few dozen glyphs in milliseconds."""
    regular, bold = drawing_fonts()
    for style, face in (("", regular), ("B", bold)):
        if face is None:
            continue
        cut = _cut_font(face, text, cache) if cache is not None else None
        try:
            if cut is not None:
                pdf.add_font("cjk", style=style, fname=str(cut))
                continue
        except Exception:  # noqa: BLE001 - a damaged cut in the cache: the whole font still works
            cut.unlink(missing_ok=True)
        pdf.add_font("cjk", style=style, fname=str(face[0]), collection_font_number=face[1])
    return bold is None


def _cut_font(face: tuple[Path, int], text: str, cache: Path) -> Path | None:
    """A TrueType file holding only the glyphs for `text`, cached by font and characters."""
    import hashlib
    import string

    path, number = face
    try:
        stat = path.stat()
    except OSError:
        return None
    chars = "".join(sorted(set(text) | set(string.printable.strip()) | {" "}))
    key = hashlib.sha256(f"{path}|{number}|{stat.st_size}|{stat.st_mtime_ns}|{chars}".encode()).hexdigest()[:24]
    target = cache / f"{key}.ttf"
    if target.exists():
        return target
    try:
        from fontTools import subset
        from fontTools.ttLib import TTFont

        font = TTFont(str(path), fontNumber=number, lazy=True)
        options = subset.Options()
        options.notdef_outline = True
        options.name_IDs = ["*"]
        options.layout_features = []
        cutter = subset.Subsetter(options)
        cutter.populate(text=chars)
        cutter.subset(font)
        cache.mkdir(parents=True, exist_ok=True)
        with written_whole(target) as partial:
            font.save(str(partial))
    except Exception:  # noqa: BLE001 - no cut (a font fontTools cannot cut): use the whole font
        return None
    return target


def save_pdf(pages: list[Page], path: Path, *, title: str = "", font_cache: Path | None = None) -> Path:
    from fpdf import FPDF

    pdf = FPDF(unit="mm", format=(pages[0].width, pages[0].height))
    pdf.set_auto_page_break(False)
    pdf.set_title(title)
    pdf.set_creator("GateDesk")
    text = "".join(m.text for page in pages for m in page.marks if isinstance(m, Text))
    faux = add_fonts(pdf, text=text, cache=font_cache)
    for page in pages:
        pdf.add_page(format=(page.width, page.height))
        for mark in page.marks:
            if isinstance(mark, Box):
                style = ("F" if mark.fill else "") + ("D" if mark.line else "")
                if not style:
                    continue
                if mark.fill:
                    pdf.set_fill_color(*_rgb(mark.fill))
                if mark.line:
                    pdf.set_draw_color(*_rgb(mark.line))
                    pdf.set_line_width(mark.width)
                if mark.radius * 2 >= min(mark.w, mark.h):
                    pdf.ellipse(mark.x, mark.y, mark.w, mark.h, style=style)
                elif mark.radius:
                    pdf.rect(mark.x, mark.y, mark.w, mark.h, style=style, round_corners=True,
                             corner_radius=mark.radius)
                else:
                    pdf.rect(mark.x, mark.y, mark.w, mark.h, style=style)
            elif isinstance(mark, Text):
                pdf.set_font("cjk", style="B" if mark.bold and not faux else "", size=mark.pt)
                pdf.set_text_color(*_rgb(mark.color))
                width = pdf.get_string_width(mark.text)
                x = {"left": mark.x, "center": mark.x - width / 2, "right": mark.x - width}[mark.align]
                if mark.bold and faux:
                    with pdf.local_context(text_mode="FILL_STROKE", line_width=_faux_bold(mark.pt) / 2,
                                           draw_color=_rgb(mark.color)):
                        pdf.text(x, mark.y, mark.text)
                else:
                    pdf.text(x, mark.y, mark.text)
            elif isinstance(mark, QR):
                pdf.image(_qr_bitmap(mark.modules), x=mark.x, y=mark.y, w=mark.size, h=mark.size)
    with written_whole(path) as partial:
        pdf.output(str(partial))
    return path
