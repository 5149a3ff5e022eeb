"""The volunteers' list for a day: who is due a visit or a delivery, names masked, with a box to tick
and a line to sign. Drawn as pages (models.kit.drawing), printed by Qt or saved as PDF."""
from __future__ import annotations

from zoneinfo import ZoneInfo

from models.care.tables import NEED_LABELS, SERVICE_LABELS, NeedKind, ServiceKind
from models.kit.drawing import Box, Page, Text, fit_pt
from models.store.i18n import QT_TRANSLATE_NOOP, plain_translator

CTX = "Care"
ROW_H = 9.0
TOP, BOTTOM, LEFT, WIDTH = 34.0, 282.0, 12.0, 186.0
COLUMNS = ((QT_TRANSLATE_NOOP("Care", "Room"), 24), (QT_TRANSLATE_NOOP("Care", "Name"), 26),
           (QT_TRANSLATE_NOOP("Care", "Why"), 36), (QT_TRANSLATE_NOOP("Care", "Service due"), 40),
           (QT_TRANSLATE_NOOP("Care", "Last done"), 24), (QT_TRANSLATE_NOOP("Care", "Done"), 12),
           (QT_TRANSLATE_NOOP("Care", "Volunteer"), 24))
TITLE = QT_TRANSLATE_NOOP("Care", "{compound} · home services due on {day}")
VISIT_DUE = QT_TRANSLATE_NOOP("Care", "Visit (every {n} days)")
FOOT = QT_TRANSLATE_NOOP("Care", "page {page} of {pages} · {count} to see · names masked")


def daily_pages(due, *, compound: str, day: str, zone: ZoneInfo, language: str = "zh_CN") -> list[Page]:
    """due: ledger.Due items (their people already masked)."""
    say = plain_translator(language)
    per_page = int((BOTTOM - TOP - ROW_H) // ROW_H)
    chunks = [due[i:i + per_page] for i in range(0, len(due), per_page)] or [[]]
    widths = [w for _, w in COLUMNS]
    pages = []
    for number, chunk in enumerate(chunks, 1):
        page = Page(210, 297)
        heading = say(CTX, TITLE).format(compound=compound, day=day)
        page.add(Text(105, 20, heading, fit_pt(heading, 16, WIDTH, bold=True), bold=True, align="center"))
        y, x = TOP, LEFT
        page.add(Box(LEFT, y, WIDTH, ROW_H, fill="#e3eaf3", line="#90a4ae", width=0.2))
        for label, w in COLUMNS:
            page.add(Text(x + 2, y + ROW_H - 2.8, say(CTX, label), 9.5, bold=True))
            x += w
        y += ROW_H
        for d in chunk:
            n = d.need
            what = say(CTX, SERVICE_LABELS[ServiceKind(d.service.kind)]) if d.service else \
                say(CTX, VISIT_DUE).format(n=n.every_days)
            if d.service and d.service.note:
                what += f"：{d.service.note}"
            values = (n.place, n.name, say(CTX, NEED_LABELS[NeedKind(n.kind)]), what,
                      d.last_done.astimezone(zone).strftime("%m-%d %H:%M") if d.last_done else "—")
            page.add(Box(LEFT, y, WIDTH, ROW_H, line="#b0bec5", width=0.2))
            x = LEFT
            for value, w in zip(values, widths):
                page.add(Text(x + 2, y + ROW_H - 2.8, value, fit_pt(value, 11, w - 4, smallest=6)))
                x += w
            page.add(Box(x + widths[5] / 2 - 2.5, y + 2, 5, 5, line="#37474f", width=0.3))
            y += ROW_H
        page.add(Text(105, 290, say(CTX, FOOT).format(page=number, pages=len(chunks), count=len(due)), 8,
                      color="#546e7a", align="center"))
        pages.append(page)
    return pages
