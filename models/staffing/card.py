"""A duty card: the size of a bank card, the compound, the person (masked: a lost card shows little),
the unit that sent them and the signed QR they scan at the gate to check in and out."""
from __future__ import annotations

from models.kit.drawing import QR, Box, Page, Text, fit_pt, qr_modules
from models.kit.masking import mask_name
from models.residents.pass_sheet import CARD_H, CARD_W, PASS_MASK
from models.store.i18n import QT_TRANSLATE_NOOP, plain_translator

TITLE = QT_TRANSLATE_NOOP("Staffing", "Duty card")
HINT = QT_TRANSLATE_NOOP("Staffing", "Scan at the gate to check in and out")


def card_page(payload: str, *, name: str, unit: str, compound: str, language: str = "zh_CN") -> Page:
    """One card at the top left of an A4 page, with a cutting line. `name` may be masked already."""
    say = plain_translator(language)
    title = say("Staffing", TITLE)
    page = Page(210, 297)
    x, y = 12.0, 12.0
    page.add(Box(x, y, CARD_W, CARD_H, line="#b0bec5", width=0.2))
    page.add(Box(x, y, CARD_W, 9, fill="#2e7d32"))
    page.add(Text(x + 4, y + 6.4, compound, fit_pt(compound, 11, CARD_W - 34, bold=True), bold=True, color="#ffffff"))
    page.add(Text(x + CARD_W - 4, y + 6.4, title, 9, color="#e8f5e9", align="right"))
    side = 38
    page.add(QR(x + CARD_W - side - 3, y + 12.5, side, qr_modules(payload, error="M", mask=PASS_MASK)))
    shown = mask_name(name) if "*" not in name else name
    page.add(Text(x + 4, y + 24, shown, fit_pt(shown, 20, CARD_W - side - 10, bold=True), bold=True, color="#1a1a1a"))
    page.add(Text(x + 4, y + 33, unit, fit_pt(unit, 11, CARD_W - side - 10), color="#1a1a1a"))
    page.add(Text(x + 4, y + 50.5, say("Staffing", HINT), 7, color="#546e7a"))
    return page
