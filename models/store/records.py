"""What every stored record carries, so later sync can tell records apart and order their edits."""
from __future__ import annotations

from datetime import datetime, timezone
from uuid import uuid4

from sqlalchemy import DateTime
from sqlalchemy.types import TypeDecorator
from sqlmodel import Field, SQLModel

from models.store.clock import utcnow


class UTCDateTime(TypeDecorator):
    """Aware datetimes in, aware UTC datetimes out, on SQLite as on PostgreSQL.

    SQLite keeps no offset, so values are normalised to UTC before they are stored; a naive
    datetime is a programming error and is refused rather than guessed at.
    """

    impl = DateTime(timezone=True)
    cache_ok = True

    def process_bind_param(self, value, dialect):
        if value is None:
            return None
        if value.tzinfo is None:
            raise ValueError("naive datetime given to a UTCDateTime column")
        value = value.astimezone(timezone.utc)
        return value.replace(tzinfo=None) if dialect.name == "sqlite" else value

    def process_result_value(self, value, dialect):
        if value is None:
            return None
        if value.tzinfo is None:
            return value.replace(tzinfo=timezone.utc)
        return value.astimezone(timezone.utc)


def new_id() -> str:
    return str(uuid4())


def when_field(**kw) -> object:
    return Field(sa_type=UTCDateTime, **kw)


def wire_rule(*, choices=None, day: bool = False, at_most: int | None = None, planned: bool = False) -> dict:
    """What a bundle may hold in a column beyond its type, declared with the column (Field's
    sa_column_kwargs) and read by the wire's one schema (models.formats.wire): one of choices, a
    local day YYYY-MM-DD of the calendar, a whole number up to at_most (for bytes: at most that many,
    base64 on the wire); `planned`: a time of a
    plan (a shift's start), which may lie ahead of the office's clock. The DDL is unchanged."""
    rule = {}
    if planned:
        rule["planned"] = True
    if choices is not None:
        rule["choices"] = tuple(str(c) for c in choices)
    if day:
        rule["day"] = True
    if at_most is not None:
        rule["at_most"] = at_most
    return {"info": {"wire": rule}}


def stamp(ctx, operator_id: str | None, now: datetime) -> dict:
    """A new record's origin: this station (a StationContext: its station and gate), who is on duty
    and when; what every table made at a station starts with."""
    return dict(station_id=ctx.station_id, gate_id=ctx.gate_id, operator_id=operator_id, created_at=now,
                updated_at=now)


class Record(SQLModel):
    """UUID, origin (station and gate), operator on duty, times with zone, and revision."""

    id: str = Field(default_factory=new_id, primary_key=True, max_length=36)
    station_id: str = Field(max_length=36)
    gate_id: str | None = Field(default=None, max_length=36)
    operator_id: str | None = Field(default=None, max_length=36)
    created_at: datetime = when_field(default_factory=utcnow)
    updated_at: datetime = when_field(default_factory=utcnow)
    rev: int = Field(default=1)

    def touch(self, now: datetime) -> None:
        """Mark an edit: a new revision, so a copy elsewhere can tell it is out of date."""
        self.rev += 1
        self.updated_at = now
