"""The daily readiness check of a gate: a configurable checklist ticked at the start of the day."""
from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import date, datetime

from sqlalchemy import Index
from sqlmodel import Field, Session, select

from models.kit.validation import FieldError, InvalidInput, clean_text
from models.setup.settings import Settings
from models.setup.site import StationContext
from models.store.clock import local_today, utcnow
from models.store.i18n import QT_TRANSLATE_NOOP
from models.store.records import Record

# Built-in items; an administrator may add free-text items in settings.
ITEM_LABELS = {
    "staffed": QT_TRANSLATE_NOOP("Readiness", "Gate staffed"),
    "thermometer": QT_TRANSLATE_NOOP("Readiness", "Thermometer working"),
    "isolation_ready": QT_TRANSLATE_NOOP("Readiness", "Isolation point ready and supplied"),
    "dropoff_ready": QT_TRANSLATE_NOOP("Readiness", "Drop-off station ready"),
    "posters": QT_TRANSLATE_NOOP("Readiness", "Posters up"),
    "supplies": QT_TRANSLATE_NOOP("Readiness", "Masks, disinfectant and forms stocked"),
}


class ReadinessCheck(Record, table=True):
    __tablename__ = "readiness_check"

    day: str = Field(max_length=10)  # local date, YYYY-MM-DD
    items: str = Field(max_length=4000)  # JSON {item: true/false}
    remarks: str = Field(default="", max_length=500)

    __table_args__ = (Index("ix_readiness_day", "gate_id", "day"),)

    @property
    def ticked(self) -> dict[str, bool]:
        return json.loads(self.items)

    @property
    def complete(self) -> bool:
        return all(self.ticked.values())


@dataclass(frozen=True)
class Today:
    day: date
    items: list[str]
    check: ReadinessCheck | None


def today(session: Session, *, ctx: StationContext, settings: Settings, now: datetime | None = None) -> Today:
    day = local_today(now or utcnow(), settings.zone)
    check = session.exec(select(ReadinessCheck).where(ReadinessCheck.gate_id == ctx.gate_id,
                                                      ReadinessCheck.day == day.isoformat())).first()
    return Today(day, list(settings.readiness_items), check)


def record_check(*, session: Session, ticked: dict[str, bool], remarks: str, ctx: StationContext, operator_id: str,
                 settings: Settings, now: datetime | None = None) -> ReadinessCheck:
    """Today's check for this gate; ticking again the same day updates it as a new revision."""
    now = now or utcnow()
    errors: list[FieldError] = []
    clean = clean_text("remarks", remarks, errors, max_len=500)
    if errors:
        raise InvalidInput(errors)
    current = today(session, ctx=ctx, settings=settings, now=now)
    items = {item: bool(ticked.get(item, False)) for item in current.items}
    if current.check is not None:
        check = current.check
        check.items, check.remarks, check.operator_id = json.dumps(items, ensure_ascii=False), clean or "", operator_id
        check.touch(now)
    else:
        check = ReadinessCheck(station_id=ctx.station_id, gate_id=ctx.gate_id, operator_id=operator_id,
                               created_at=now, updated_at=now, day=current.day.isoformat(),
                               items=json.dumps(items, ensure_ascii=False), remarks=clean or "")
    session.add(check)
    return check
