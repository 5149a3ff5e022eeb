"""Finding a font with Chinese glyphs for files we draw ourselves (PDF reports, posters).

A bare Debian machine has only DejaVu (Chinese comes out as empty boxes); bootstrap.sh installs
Noto CJK and WenQuanYi Micro Hei. The .ttc collections
hold several faces, so the Simplified Chinese face is picked by name, not by position.
"""
from __future__ import annotations

import os
from functools import lru_cache
from pathlib import Path

CANDIDATES = (
    "/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc",
    "/usr/share/fonts/noto-cjk/NotoSansCJK-Regular.ttc",
    "/usr/share/fonts/truetype/wqy/wqy-microhei.ttc",
    "/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc",
    "/System/Library/Fonts/PingFang.ttc",
    "C:/Windows/Fonts/msyh.ttc",
    "C:/Windows/Fonts/simhei.ttf",
)
PREFERRED_FACES = ("Noto Sans CJK SC", "WenQuanYi Micro Hei", "WenQuanYi Zen Hei", "Microsoft YaHei")


class NoChineseFont(Exception):
    pass


TRUETYPE_CANDIDATES = (
    "/usr/share/fonts/truetype/wqy/wqy-microhei.ttc",
    "C:/Windows/Fonts/msyh.ttc",
)
BOLD_CANDIDATES = (
    "/usr/share/fonts/opentype/noto/NotoSansCJK-Bold.ttc",
    "/usr/share/fonts/noto-cjk/NotoSansCJK-Bold.ttc",
    "C:/Windows/Fonts/msyhbd.ttc",
)

# Pillow is imported where a font is measured: start-up never needs it.


@lru_cache(maxsize=1)
def chinese_bold_font() -> tuple[Path, int]:
    """A bold face of the same family where installed, else the regular face."""
    regular = chinese_font()
    for candidate in BOLD_CANDIDATES:
        path = Path(candidate)
        if path.exists() and path.parent == regular[0].parent:
            return _face(path) or regular
    return regular


def _face(path: Path) -> tuple[Path, int] | None:
    from PIL import ImageFont

    for index in range(8 if path.suffix.lower() == ".ttc" else 1):
        try:
            family = ImageFont.truetype(str(path), 12, index=index).getname()[0]
        except OSError:
            return None
        if family in PREFERRED_FACES or path.suffix.lower() != ".ttc":
            return path, index
    return path, 0


@lru_cache(maxsize=1)
def chinese_font() -> tuple[Path, int]:
    """(path, face index) of a font that draws Simplified Chinese."""
    override = os.environ.get("GATEDESK_CJK_FONT")
    for path in ([Path(override)] if override else []) + [Path(p) for p in CANDIDATES]:
        if path.exists():
            return _face(path) or (path, 0)
    raise NoChineseFont("no Chinese font found; install fonts-noto-cjk")


@lru_cache(maxsize=1)
def drawing_fonts() -> tuple[tuple[Path, int], tuple[Path, int] | None]:
    """(regular, bold or None) for pages GateDesk draws itself (posters, passes, PDF reports).

    A TrueType face (WenQuanYi Micro Hei) is preferred: embedding a subset of it in a PDF takes
    0.1 s, against 2 s for Noto's CFF outlines. Without a bold face, bold is drawn by stroking.
    """
    override = os.environ.get("GATEDESK_CJK_FONT")
    if not override:
        for candidate in TRUETYPE_CANDIDATES:
            path = Path(candidate)
            if path.exists():
                return (_face(path) or (path, 0)), None
    return chinese_font(), chinese_bold_font()
