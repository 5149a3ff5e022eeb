"""The gate's set-up sheet: what the community office needs to enroll this gate, on one A4 page.

The office accepts bundles only from gates it has enrolled, by the fingerprint of the key each
gate signs with. The sheet carries that fingerprint large, with the compound and gate it belongs
to; the gate's administrator hands it (or reads it) to the office. No personal data is on it.
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from pathlib import Path

from models.kit.drawing import SIZES, Box, Page, Text, fit_pt, save_pdf, save_png, wrap
from models.store.i18n import QT_TRANSLATE_NOOP, plain_translator

TITLE = QT_TRANSLATE_NOOP("SetupSheet", "GateDesk set-up sheet")
SUBTITLE = QT_TRANSLATE_NOOP("SetupSheet", "For the community office: enroll this gate")
FINGERPRINT = QT_TRANSLATE_NOOP("SetupSheet", "Key fingerprint")
ROWS = (
    ("district", QT_TRANSLATE_NOOP("SetupSheet", "District")),
    ("subdistrict", QT_TRANSLATE_NOOP("SetupSheet", "Sub-district")),
    ("community", QT_TRANSLATE_NOOP("SetupSheet", "Community")),
    ("grid", QT_TRANSLATE_NOOP("SetupSheet", "Grid")),
    ("compound", QT_TRANSLATE_NOOP("SetupSheet", "Compound")),
    ("gate", QT_TRANSLATE_NOOP("SetupSheet", "Gate")),
    ("station_id", QT_TRANSLATE_NOOP("SetupSheet", "Station")),
)
HOW = QT_TRANSLATE_NOOP(
    "SetupSheet", "The office imports this gate's bundles only once it has enrolled the gate. When its first "
    "bundle arrives, GateDesk at the office shows the compound, the gate and a key fingerprint: enroll it only if "
    "that fingerprint is the one printed above (or run: import --enroll {fingerprint} ...). If they differ, do not "
    "enroll it, and call the gate.")
PRINTED = QT_TRANSLATE_NOOP("SetupSheet", "Printed {day}. This sheet holds no personal data.")


@dataclass(frozen=True)
class SetupInfo:
    compound: str
    gate: str
    community: str
    subdistrict: str
    district: str
    station_id: str
    fingerprint: str
    printed: date
    grid: str = ""


def setup_sheet_page(info: SetupInfo, *, language: str = "zh_CN") -> Page:
    say = plain_translator(language)
    w, h = SIZES["A4"]
    page = Page(w, h)
    margin, inner = 20.0, w - 40.0
    page.add(Box(0, 0, w, 38, fill="#1565c0"))
    page.add(Text(w / 2, 20, say("SetupSheet", TITLE), 26, bold=True, color="#ffffff", align="center"))
    page.add(Text(w / 2, 31, say("SetupSheet", SUBTITLE), 12, color="#e3f2fd", align="center"))
    y = 58.0
    for key, label in ROWS:
        value = getattr(info, key) or "—"
        page.add(Text(margin, y, say("SetupSheet", label), 12, color="#546e7a"))
        pt = fit_pt(value, 16 if key in ("compound", "gate") else 12, inner - 45,
                    bold=key in ("compound", "gate"))
        page.add(Text(margin + 45, y, value, pt, bold=key in ("compound", "gate"), color="#263238"))
        y += 11
    y += 8
    page.add(Box(margin, y, inner, 46, line="#1565c0", width=0.8, radius=3))
    page.add(Text(w / 2, y + 12, say("SetupSheet", FINGERPRINT), 13, color="#1565c0", align="center"))
    page.add(Text(w / 2, y + 34, info.fingerprint.upper(), fit_pt(info.fingerprint.upper(), 34, inner - 10, bold=True),
                  bold=True, color="#0d47a1", align="center"))
    y += 62
    for line in wrap(say("SetupSheet", HOW).format(fingerprint=info.fingerprint), 11, inner):
        page.add(Text(margin, y, line, 11, color="#263238"))
        y += 6.5
    page.add(Box(margin, h - 24, inner, 0.4, fill="#b0bec5"))
    page.add(Text(margin, h - 16, say("SetupSheet", PRINTED).format(day=info.printed.isoformat()), 9,
                  color="#78909c"))
    return page


def write_setup_sheet(info: SetupInfo, path: Path, *, language: str = "zh_CN") -> Path:
    """A .pdf for printing, or a .png (by the suffix)."""
    page = setup_sheet_page(info, language=language)
    if path.suffix.lower() == ".png":
        return save_png([page], path)
    return save_pdf([page], path, title=info.compound)
