"""An append-only record of sensitive actions (reveals, overrides, sign-ins).

Details never hold personal data: they name record ids and actions only.
"""
from __future__ import annotations

from datetime import datetime

from sqlmodel import Field, Session, SQLModel

from models.records import new_id, when_field


class AuditEvent(SQLModel, table=True):
    __tablename__ = "audit_event"

    id: str = Field(default_factory=new_id, primary_key=True, max_length=36)
    at: datetime = when_field(index=True)
    station_id: str = Field(max_length=36)
    operator_id: str | None = Field(default=None, max_length=36)
    action: str = Field(max_length=40, index=True)
    record_id: str | None = Field(default=None, max_length=36)
    detail: str = Field(default="", max_length=500)


def record(session: Session, *, at: datetime, station_id: str, operator_id: str | None, action: str,
           record_id: str | None = None, detail: str = "") -> AuditEvent:
    event = AuditEvent(at=at, station_id=station_id, operator_id=operator_id, action=action,
                       record_id=record_id, detail=detail)
    session.add(event)
    return event
