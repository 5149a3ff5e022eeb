"""The call sheet a building head carries during a round: the building's people by unit, floor
and room, names masked, with boxes to tick when called down and when sampled, and a line for a
reason. Drawn as pages (models.kit.drawing), printed by Qt or saved as PDF."""
from __future__ import annotations

from models.kit.drawing import Box, Page, Text, fit_pt
from models.rounds.rounds import REASON_LABELS, Reason
from models.store.i18n import QT_TRANSLATE_NOOP, plain_translator

CTX = "Rounds"
ROW_H = 8.0
TOP, BOTTOM, LEFT, WIDTH = 34.0, 282.0, 12.0, 186.0
# (heading, width in mm); the last column takes what is left
COLUMNS = ((QT_TRANSLATE_NOOP("Rounds", "Unit"), 14), (QT_TRANSLATE_NOOP("Rounds", "Floor"), 14),
           (QT_TRANSLATE_NOOP("Rounds", "Room"), 22), (QT_TRANSLATE_NOOP("Rounds", "Name"), 34),
           (QT_TRANSLATE_NOOP("Rounds", "Called"), 18), (QT_TRANSLATE_NOOP("Rounds", "Sampled"), 18),
           (QT_TRANSLATE_NOOP("Rounds", "Not sampled: why"), 66))
TITLE = QT_TRANSLATE_NOOP("Rounds", "{compound} · {round} · building {building} call sheet")
FOOT = QT_TRANSLATE_NOOP("Rounds", "{day} · page {page} of {pages} · {count} people · names masked; "
                                   "already sampled are ticked")


def call_sheet_pages(people, *, compound: str, title: str, day: str, building: str,
                     language: str = "zh_CN") -> list[Page]:
    """people: the building's lines in the round (already masked), in calling order."""
    say = plain_translator(language)
    per_page = int((BOTTOM - TOP - ROW_H) // ROW_H)
    chunks = [people[i:i + per_page] for i in range(0, len(people), per_page)] or [[]]
    pages = []
    for number, chunk in enumerate(chunks, 1):
        page = Page(210, 297)
        heading = say(CTX, TITLE).format(compound=compound, round=title, building=building)
        page.add(Text(105, 20, heading, fit_pt(heading, 16, WIDTH, bold=True), bold=True, align="center"))
        y = TOP
        x = LEFT
        widths = [w for _, w in COLUMNS]
        page.add(Box(LEFT, y, WIDTH, ROW_H, fill="#e3eaf3", line="#90a4ae", width=0.2))
        for (label, w) in COLUMNS:
            page.add(Text(x + 2, y + ROW_H - 2.4, say(CTX, label), 9.5, bold=True))
            x += w
        y += ROW_H
        for p in chunk:
            page.add(Box(LEFT, y, WIDTH, ROW_H, line="#b0bec5", width=0.2))
            x = LEFT
            values = (p.unit, p.floor, p.room, p.name)
            for value, w in zip(values, widths):
                page.add(Text(x + 2, y + ROW_H - 2.4, value, fit_pt(value, 11, w - 4)))
                x += w
            for w, ticked in ((widths[4], p.called_at is not None), (widths[5], p.sampled_at is not None)):
                page.add(Box(x + w / 2 - 2.5, y + 1.5, 5, 5, line="#37474f", width=0.3))
                if ticked:
                    page.add(Text(x + w / 2, y + ROW_H - 2.2, "✓", 11, bold=True, align="center"))
                x += w
            if p.sampled_at is None and p.reason:
                why = "：".join(filter(None, [say(CTX, REASON_LABELS[Reason(p.reason)]), p.note]))[:40]
                page.add(Text(x + 2, y + ROW_H - 2.4, why, fit_pt(why, 10, widths[6] - 4, smallest=6)))
            y += ROW_H
        page.add(Text(105, 290, say(CTX, FOOT).format(day=day, page=number, pages=len(chunks), count=len(people)),
                      8, color="#546e7a", align="center"))
        pages.append(page)
    return pages
