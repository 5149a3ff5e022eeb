"""Residents: the roster, passes, home monitoring and pass scans stay at the station (never in a
bundle); a roster file carries them to a second gate."""
from __future__ import annotations

from datetime import datetime

from sqlalchemy import delete, func, or_, select, update
from sqlmodel import Session

from models.residents import demo
from models.residents.tables import HomeMonitoring, Household, Passage, Resident, ResidentPass
from models.store.registry import Feature, Purge, Scrub


def _aged(session: Session, *, cutoff: datetime, last_day: str) -> dict[str, int]:
    # Home monitoring is health data about a named resident: gone once it is over and aged out.
    monitoring = session.execute(
        delete(HomeMonitoring).where(or_(HomeMonitoring.until < last_day, HomeMonitoring.ended_at < cutoff))
        .execution_options(synchronize_session=False)).rowcount or 0
    moved_out = session.execute(
        update(Resident).where(Resident.active.is_(False), Resident.updated_at < cutoff,
                               or_(Resident.name != "", Resident.phone.is_not(None)))
        .values(name="", phone=None).execution_options(synchronize_session=False)).rowcount or 0
    return {"home_monitoring": monitoring, "resident": moved_out}


def _everything(session: Session) -> dict[str, int]:
    counts = {}
    for model in (HomeMonitoring, ResidentPass, Resident, Household):
        n = session.execute(delete(model).execution_options(synchronize_session=False)).rowcount or 0
        if model is Resident:
            counts["resident"] = n
    return counts


def _left(session: Session) -> int:
    return sum(session.scalar(select(func.count()).select_from(m)) for m in (Resident, HomeMonitoring))


FEATURE = Feature(
    name="residents",
    tables=(Household, Resident, ResidentPass, HomeMonitoring, Passage),
    # Residents' passages stay at the station; what identifies them is the link to the resident.
    scrubs=(Scrub("passage", Passage, dict(resident_id=None, pass_id=None), "created_at"),),
    purge=Purge(aged=_aged, everything=_everything, left=_left),
    counted={"residents": Resident, "passes": ResidentPass, "home_monitoring": HomeMonitoring, "passages": Passage},
    demo=demo.fill,
)
