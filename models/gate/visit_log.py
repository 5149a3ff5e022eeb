"""The gate's log of registrations: searched, sorted and paged in SQL, and the day's counts."""
from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime
from enum import StrEnum

from sqlalchemy import and_, func, or_
from sqlmodel import Session, col, select

from models.gate.rules import Outcome
from models.gate.visits import Visit, on_site_terms
from models.setup.settings import Settings
from models.store.clock import day_bounds, local_today, utcnow


class SortKey(StrEnum):
    TIME = "time"
    NAME = "name"
    KIND = "kind"
    DECISION = "decision"


_SORT_COLUMNS = {
    SortKey.TIME: (Visit.created_at,),
    SortKey.NAME: (Visit.name, Visit.created_at),
    SortKey.KIND: (Visit.kind, Visit.created_at),
    SortKey.DECISION: (Visit.decision, Visit.created_at),
}


@dataclass(frozen=True)
class VisitQuery:
    text: str = ""  # a name (its beginning), a full phone or ID number, or the last four digits of either
    day_from: date | None = None
    day_to: date | None = None
    kind: str | None = None
    decision: str | None = None
    sort: SortKey = SortKey.TIME
    descending: bool = True


def _filters(q: VisitQuery, settings: Settings) -> list:
    conds = []
    text = " ".join(q.text.split())
    if text:
        compact = text.replace(" ", "").upper()
        if compact.isdigit() and len(compact) == 4:
            conds.append(or_(Visit.phone_tail == compact, Visit.id_tail == compact))
        elif len(compact) == 4 and compact[:3].isdigit() and compact[3] == "X":
            conds.append(Visit.id_tail == compact)
        elif compact.isdigit() and len(compact) == 11:
            conds += [Visit.phone_tail == compact[-4:], Visit.phone == compact]
        elif len(compact) == 18 and compact[:17].isdigit():
            conds += [Visit.id_tail == compact[-4:], Visit.id_number == compact]
        else:
            # A prefix range rather than LIKE, so the name index answers it on any database.
            conds.append(and_(Visit.name >= text, Visit.name < text + "\U0010ffff"))
    if q.day_from:
        conds.append(col(Visit.created_at) >= day_bounds(q.day_from, settings.zone)[0])
    if q.day_to:
        conds.append(col(Visit.created_at) < day_bounds(q.day_to, settings.zone)[1])
    if q.kind:
        conds.append(Visit.kind == q.kind)
    if q.decision:
        conds.append(Visit.decision == q.decision)
    return conds


# What a list of visits shows; the rest of a record is loaded by id when someone opens it.
LISTED = (Visit.id, Visit.created_at, Visit.kind, Visit.name, Visit.phone, Visit.id_number, Visit.destination,
          Visit.host, Visit.temperature, Visit.code_color, Visit.decision, Visit.override_by, Visit.time_out,
          Visit.signout_kind, Visit.operator_id)


def count_visits(session: Session, q: VisitQuery, settings: Settings) -> int:
    return session.exec(select(func.count()).select_from(Visit).where(*_filters(q, settings))).one()


def page_visits(session: Session, q: VisitQuery, settings: Settings, *, offset: int, limit: int,
                reverse: bool = False) -> list:
    """Rows [offset, offset+limit) of the search in its order, or of the reversed order.

    Reading from the far end in reverse keeps OFFSET small, so the last row of a million is
    as quick to show as the first. Rows are read-only records with the LISTED columns as
    attributes (ten times cheaper to build than ORM objects); load the Visit by id for the rest.
    """
    desc = q.descending != reverse
    keys = list(_SORT_COLUMNS[q.sort]) + [Visit.id]
    order = [col(k).desc() if desc else col(k).asc() for k in keys]
    # Two steps: the ordered ids come from an index alone (skipped and sorted rows are never
    # read from the table), then only this page's rows are fetched.
    ids = list(session.exec(select(Visit.id).where(*_filters(q, settings)).order_by(*order).offset(offset).limit(limit)))
    if not ids:
        return []
    rows = {r.id: r for r in session.execute(select(*LISTED).where(col(Visit.id).in_(ids)))}
    return [rows[i] for i in ids if i in rows]


@dataclass
class DayCounts:
    admitted: int = 0
    refused: int = 0
    isolated: int = 0
    inside: int = 0
    by_kind: dict[str, int] = field(default_factory=dict)


def today_counts(session: Session, settings: Settings, now: datetime | None = None) -> DayCounts:
    now = now or utcnow()
    start, end = day_bounds(local_today(now, settings.zone), settings.zone)
    counts = DayCounts()
    rows = session.exec(
        select(Visit.decision, func.count()).where(col(Visit.created_at) >= start, col(Visit.created_at) < end)
        .group_by(Visit.decision)
    )
    for decision, n in rows:
        if decision == Outcome.ADMIT:
            counts.admitted = n
        elif decision == Outcome.REFUSE:
            counts.refused = n
        elif decision == Outcome.ISOLATE:
            counts.isolated = n
    counts.inside = session.exec(select(func.count()).select_from(Visit).where(*on_site_terms())).one()
    return counts
