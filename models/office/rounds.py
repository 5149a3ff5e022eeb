"""What an office sees of its compounds' testing rounds on a day: per compound and building, how
many are due, sampled, exempt and missing, and which compounds have not reported a round at all
while others have. Counts only: no person's name reaches the office's screens or reports here."""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlalchemy import Connection, select

from models.residents.tables import natural_order
from models.rounds.figures import Progress, progress_of
from models.rounds.tables import TestingRound
from models.setup.site import Compound, Gate
from models.sync.tables import SyncStation


@dataclass(frozen=True)
class RoundRow:
    compound_id: str
    community: str
    compound: str
    title: str
    closed: bool
    buildings: list[Progress]  # per building, the whole round last

    @property
    def total(self) -> Progress:
        return self.buildings[-1]


@dataclass(frozen=True)
class RoundsDay:
    day: date
    rows: list[RoundRow]
    not_reported: list[str]  # "community compound" of compounds heard from that reported no round that day

    @property
    def total(self) -> Progress:
        whole = [r.total for r in self.rows]
        return Progress("", *(sum(getattr(p, f) for p in whole) for f in ("due", "sampled", "exempt", "at_home")))


def rounds_of_day(conn: Connection, day: date, *, compounds: set[str] | None = None) -> RoundsDay:
    """The day's rounds of these compounds (record ids; None: all). A compound whose two gates each
    sent a compound record is one compound (by community and name), as on the dashboard."""
    found = conn.execute(select(TestingRound.id, TestingRound.compound_id, TestingRound.title,
                                TestingRound.closed_at, Compound.community, Compound.name)
                         .join(Compound, Compound.id == TestingRound.compound_id)
                         .where(TestingRound.day == day.isoformat())).all()
    found = [f for f in found if compounds is None or f[1] in compounds]
    figures = progress_of(conn, [f[0] for f in found])  # one query for the day, however many rounds
    rows = [RoundRow(cid, community or "", name, title, closed is not None, figures[rid])
            for rid, cid, title, closed, community, name in found]
    rows.sort(key=lambda r: (natural_order(r.community), natural_order(r.compound), r.title))
    missing: list[str] = []
    if rows:
        heard = conn.execute(select(Compound.id, Compound.community, Compound.name)
                             .join(Gate, Gate.compound_id == Compound.id)
                             .where(Gate.station_id.in_(select(SyncStation.station_id)))).all()
        reported = {(r.community, r.compound) for r in rows}
        missing = sorted({f"{community or ''} {name}".strip() for cid, community, name in heard
                          if (compounds is None or cid in compounds) and (community or "", name) not in reported},
                         key=natural_order)
    return RoundsDay(day, rows, missing)
