"""The call sheet a building head carries during a round: the building's people by unit, floor
and room, names masked, with boxes to tick when called down and when sampled, and a line for a
reason. Drawn as pages (models.kit.drawing), printed by Qt or saved as PDF."""
from __future__ import annotations

from models.kit.drawing import Page
from models.kit.table_pages import Tick, table_pages
from models.rounds.rounds import REASON_LABELS, Reason
from models.store.i18n import QT_TRANSLATE_NOOP, plain_translator

CTX = "Rounds"
ROW_H = 8.0
# (heading, width in mm)
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

    def cells(p) -> list:
        why = "：".join(filter(None, [say(CTX, REASON_LABELS[Reason(p.reason)]), p.note]))[:40] \
            if p.sampled_at is None and p.reason else ""
        return [p.unit, p.floor, p.room, p.name, Tick(p.called_at is not None), Tick(p.sampled_at is not None), why]

    return table_pages(people, title=say(CTX, TITLE).format(compound=compound, round=title, building=building),
                       columns=[(say(CTX, label), w) for label, w in COLUMNS], cells=cells, row_h=ROW_H,
                       foot=lambda page, pages: say(CTX, FOOT).format(day=day, page=page, pages=pages,
                                                                      count=len(people)))
