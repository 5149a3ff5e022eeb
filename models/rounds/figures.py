"""A testing round's figures (per building and in all) and the lists read from it: who is still to
be sampled, the home-service ledger, a building's call sheet, the recent rounds."""
from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import Connection, case, func, select
from sqlmodel import Session

from models.residents.tables import natural_order
from models.rounds.rounds import EXEMPTING, lines_of
from models.rounds.tables import RoundPerson, TestingRound


@dataclass(frozen=True)
class Progress:
    building: str  # "" for the whole round
    due: int
    sampled: int
    exempt: int
    at_home: int  # waiting for the visiting team

    @property
    def missing(self) -> int:
        return self.due - self.sampled - self.exempt


def progress(conn: Connection | Session, round_id: str) -> list[Progress]:
    """Per building (in the order people count them), then the whole round last."""
    return progress_of(conn, [round_id])[round_id]


def progress_of(conn: Connection | Session, round_ids: list[str]) -> dict[str, list[Progress]]:
    """progress() of several rounds (an office's day) in one grouped query."""
    sampled = RoundPerson.sampled_at.is_not(None)
    exempt = (~sampled) & RoundPerson.reason.in_([r.value for r in EXEMPTING])
    home = (~sampled) & RoundPerson.at_home.is_(True)
    rows = conn.execute(select(RoundPerson.round_id, RoundPerson.building, func.count(),
                               func.sum(case((sampled, 1), else_=0)), func.sum(case((exempt, 1), else_=0)),
                               func.sum(case((home, 1), else_=0)))
                        .where(RoundPerson.round_id.in_(round_ids))
                        .group_by(RoundPerson.round_id, RoundPerson.building)).all() if round_ids else []
    found: dict[str, list[Progress]] = {rid: [] for rid in round_ids}
    for rid, b, n, s, e, h in rows:
        found[rid].append(Progress(b, n, int(s or 0), int(e or 0), int(h or 0)))
    for rid, out in found.items():
        out.sort(key=lambda p: natural_order(p.building))
        out.append(Progress("", *(sum(getattr(p, f) for p in out) for f in ("due", "sampled", "exempt", "at_home"))))
    return found


def status_of(p: RoundPerson) -> str:
    """sampled | exempt | home (waiting at home) | called | missing."""
    if p.sampled_at is not None:
        return "sampled"
    if p.reason in EXEMPTING:
        return "exempt"
    if p.at_home:
        return "home"
    return "called" if p.called_at is not None else "missing"


def not_sampled(session: Session, *, round_id: str, building: str | None = None,
                exempt_too: bool = False) -> list:
    """Who is still to be sampled, by building, unit, floor and room: the door-knocking list."""
    where = [RoundPerson.round_id == round_id, RoundPerson.sampled_at.is_(None)]
    if building:
        where.append(RoundPerson.building == building)
    return [p for p in lines_of(session, *where) if exempt_too or p.reason not in EXEMPTING]


def home_list(session: Session, *, round_id: str) -> list:
    """Who is on the home-service list, sampled or not (the visiting team's ledger for the round)."""
    return lines_of(session, RoundPerson.round_id == round_id, RoundPerson.at_home.is_(True))


def people(session: Session, *, round_id: str, building: str) -> list:
    """Everyone due in a building (a call sheet), by unit, floor and room."""
    return lines_of(session, RoundPerson.round_id == round_id, RoundPerson.building == building)


def recent_rounds(session: Session, limit: int = 50) -> list[TestingRound]:
    return list(session.execute(select(TestingRound).order_by(TestingRound.opened_at.desc()).limit(limit)).scalars())
