"""Printable sheets of pass cards for the residents of a building or a household."""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from pathlib import Path

from sqlmodel import Session

from models.kit.drawing import QR, Box, Page, Text, fit_pt, qr_modules, save_pdf, save_png
from models.kit.masking import mask_name
from models.residents.passes import pass_key, pass_payload, valid_passes
from models.store.i18n import QT_TRANSLATE_NOOP, plain_translator

# -- pass sheets --------------------------------------------------------------------------------
CARD_W, CARD_H = 85.6, 54.0  # the size of a bank card: fits a wallet and a card holder
SHEET_COLS, SHEET_ROWS = 2, 5
PASS_MASK = 2  # fixed: choosing the best of eight masks made a 50-page sheet take 20 s
PASS_TITLE = QT_TRANSLATE_NOOP("Residents", "Resident pass")
PASS_VALID = QT_TRANSLATE_NOOP("Residents", "Valid until {0}")
PASS_NO = QT_TRANSLATE_NOOP("Residents", "No. {0}")
PASS_HINT = QT_TRANSLATE_NOOP("Residents", "Show at the gate · do not lend")


@dataclass(frozen=True)
class PassCard:
    pass_id: str
    payload: str
    room: str
    name: str  # masked: a lost card shows little
    expires_on: str
    number: str


def pass_cards(session: Session, *, building: str | None = None, household_id: str | None = None,
               today: date) -> list[PassCard]:

    key = pass_key(session)
    cards = []
    for p, resident, h in valid_passes(session, building=building, today=today):
        if household_id and h.id != household_id:
            continue
        cards.append(PassCard(p.id, pass_payload(p, h, key), h.label, mask_name(resident.name), p.expires_on,
                              p.id.split("-")[0].upper()))
    return cards


def sheet_count(cards: int) -> int:
    """How many A4 pages pass_sheet_pages() fills."""
    per_page = SHEET_COLS * SHEET_ROWS
    return max(1, -(-cards // per_page))


def pass_sheet_pages(cards: list[PassCard], *, compound: str, language: str = "zh_CN"):
    """A4 pages of ten cards each, with light cutting lines between them."""
    say = plain_translator(language)
    title = say("Residents", PASS_TITLE)
    hint = say("Residents", PASS_HINT)
    left = (210 - SHEET_COLS * CARD_W) / 2
    top = (297 - SHEET_ROWS * CARD_H) / 2
    pages = []
    per_page = SHEET_COLS * SHEET_ROWS
    for start in range(0, max(len(cards), 1), per_page):
        page = Page(210, 297)
        for i, card in enumerate(cards[start:start + per_page]):
            x = left + (i % SHEET_COLS) * CARD_W
            y = top + (i // SHEET_COLS) * CARD_H
            page.add(Box(x, y, CARD_W, CARD_H, line="#b0bec5", width=0.2))
            page.add(Box(x, y, CARD_W, 9, fill="#0d47a1"))
            page.add(Text(x + 4, y + 6.4, compound, fit_pt(compound, 11, CARD_W - 34, bold=True), bold=True,
                          color="#ffffff"))
            page.add(Text(x + CARD_W - 4, y + 6.4, title, 9, color="#e3f2fd", align="right"))
            side = 38
            page.add(QR(x + CARD_W - side - 3, y + 12.5, side, qr_modules(card.payload, error="M", mask=PASS_MASK)))
            page.add(Text(x + 4, y + 24, card.room, fit_pt(card.room, 22, CARD_W - side - 10, bold=True), bold=True,
                          color="#1a1a1a"))
            page.add(Text(x + 4, y + 32, card.name, 12, color="#1a1a1a"))
            page.add(Text(x + 4, y + 40, say("Residents", PASS_VALID).format(card.expires_on), 8.5, color="#c62828"))
            page.add(Text(x + 4, y + 45.5, say("Residents", PASS_NO).format(card.number), 7, color="#546e7a"))
            page.add(Text(x + 4, y + 50.5, hint, 7, color="#546e7a"))
        pages.append(page)
    return pages


def write_pass_sheet(cards: list[PassCard], path: Path, *, compound: str, language: str = "zh_CN") -> Path:

    pages = pass_sheet_pages(cards, compound=compound, language=language)
    if path.suffix.lower() == ".png":
        return save_png(pages, path)
    return save_pdf(pages, path, title=compound)
