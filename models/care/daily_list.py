"""The volunteers' list for a day: who is due a visit or a delivery, names masked, with a box to tick
and a line to sign. Drawn as pages (models.kit.drawing), printed by Qt or saved as PDF."""
from __future__ import annotations

from zoneinfo import ZoneInfo

from models.care.tables import NEED_LABELS, SERVICE_LABELS, NeedKind, ServiceKind
from models.kit.drawing import Page
from models.kit.table_pages import Tick, table_pages
from models.store.i18n import QT_TRANSLATE_NOOP, plain_translator

CTX = "Care"
ROW_H = 9.0
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

    def cells(d) -> list:
        n = d.need
        what = say(CTX, SERVICE_LABELS[ServiceKind(d.service.kind)]) if d.service else \
            say(CTX, VISIT_DUE).format(n=n.every_days)
        if d.service and d.service.note:
            what += f"：{d.service.note}"
        last = d.last_done.astimezone(zone).strftime("%m-%d %H:%M") if d.last_done else "—"
        return [n.place, n.name, say(CTX, NEED_LABELS[NeedKind(n.kind)]), what, last, Tick(), ""]

    return table_pages(due, title=say(CTX, TITLE).format(compound=compound, day=day),
                       columns=[(say(CTX, label), w) for label, w in COLUMNS], cells=cells, row_h=ROW_H,
                       foot=lambda page, pages: say(CTX, FOOT).format(page=page, pages=pages, count=len(due)))
