"""The rota on paper (many compounds read it from the board at the gate): a week's shifts, post and
time, the people on each (names masked), the head-count it needs, a box to sign. Drawn as pages
(models.kit.drawing), printed by Qt or saved as PDF."""
from __future__ import annotations

from zoneinfo import ZoneInfo

from models.kit.drawing import Page
from models.kit.table_pages import table_pages
from models.staffing.rota import ShiftView, shift_label
from models.store.i18n import QT_TRANSLATE_NOOP, plain_translator

CTX = "Staffing"
COLUMNS = ((QT_TRANSLATE_NOOP("Staffing", "Shift"), 30), (QT_TRANSLATE_NOOP("Staffing", "Post"), 28),
           (QT_TRANSLATE_NOOP("Staffing", "People"), 16), (QT_TRANSLATE_NOOP("Staffing", "On the rota"), 62),
           (QT_TRANSLATE_NOOP("Staffing", "Reserve"), 26), (QT_TRANSLATE_NOOP("Staffing", "Signed"), 24))
TITLE = QT_TRANSLATE_NOOP("Staffing", "{compound} · duty rota from {day}")
SHORT = QT_TRANSLATE_NOOP("Staffing", "short of {n}")
FOOT = QT_TRANSLATE_NOOP("Staffing", "page {page} of {pages} · {count} shifts · ★ held around the clock · "
                                     "names masked")


def rota_pages(views: list[ShiftView], *, compound: str, first_day: str, zone: ZoneInfo,
               language: str = "zh_CN") -> list[Page]:
    """views: the week's shifts in time order (their people already masked)."""
    say = plain_translator(language)

    def cells(v: ShiftView) -> list:
        count = f"{v.placed}/{v.shift.min_people}"
        if v.short:
            count += " " + say(CTX, SHORT).format(n=v.short)
        return [shift_label(v.shift, zone), ("★" if v.post.critical else "") + v.post.name, count,
                "、".join(o.person.name for o in v.people), "、".join(o.person.name for o in v.reserve), ""]

    return table_pages(views, title=say(CTX, TITLE).format(compound=compound, day=first_day),
                       columns=[(say(CTX, label), w) for label, w in COLUMNS], cells=cells, row_h=9.0,
                       foot=lambda page, pages: say(CTX, FOOT).format(page=page, pages=pages, count=len(views)))
