"""The residents' tables: households by building-unit-room, residents, their passes, home monitoring and the passages scanned at the gate."""
from __future__ import annotations

import functools
import re
from datetime import datetime
from enum import StrEnum

from sqlalchemy import Index
from sqlmodel import Field

from models.kit.masking import mask_name, mask_phone
from models.kit.validation import NAME_MAX
from models.store.records import Record, when_field


class Household(Record, table=True):
    __table_args__ = (Index("ix_household_room", "building", "unit", "room"),)
    building: str = Field(max_length=20)
    unit: str = Field(max_length=20)
    room: str = Field(max_length=20)

    @property
    def label(self) -> str:
        return f"{self.building}-{self.unit}-{self.room}"


class Resident(Record, table=True):
    __table_args__ = (Index("ix_resident_household", "household_id"),)
    household_id: str = Field(foreign_key="household.id", max_length=36)
    name: str = Field(max_length=NAME_MAX)
    phone: str | None = Field(default=None, max_length=20)
    active: bool = True


# A resident's name and phone, masked on every screen.
PERSONAL = {"name": mask_name, "phone": mask_phone}


class ResidentPass(Record, table=True):
    __tablename__ = "resident_pass"
    __table_args__ = (Index("ix_resident_pass_resident", "resident_id"),)
    resident_id: str = Field(foreign_key="resident.id", max_length=36)
    household_id: str = Field(max_length=36)
    expires_on: str = Field(max_length=10)  # local day, inclusive
    revoked_at: datetime | None = when_field(default=None)
    revoked_reason: str | None = Field(default=None, max_length=100)
    replaces_id: str | None = Field(default=None, max_length=36)


class MonitoringKind(StrEnum):
    ISOLATION = "isolation"  # 居家隔离
    MONITORING = "monitoring"  # 居家健康监测


# The refusal a scanned pass gives a resident under each kind (they may not go out).
STOPPED = {MonitoringKind.ISOLATION: "home_isolation", MonitoringKind.MONITORING: "home_monitoring"}


class HomeMonitoring(Record, table=True):
    __tablename__ = "home_monitoring"
    __table_args__ = (Index("ix_home_monitoring_resident", "resident_id", "until"),)
    resident_id: str = Field(foreign_key="resident.id", max_length=36)
    kind: str = Field(max_length=12)
    until: str = Field(max_length=10)  # last day, inclusive
    reason: str = Field(default="", max_length=100)
    ended_at: datetime | None = when_field(default=None)


class Direction(StrEnum):
    IN = "in"
    OUT = "out"


class Passage(Record, table=True):
    """A resident through the gate by pass, or a pass turned away (decision refuse, with the reason)."""

    __table_args__ = (Index("ix_passage_created", "created_at"), Index("ix_passage_resident", "resident_id",
                                                                         "created_at"))
    pass_id: str | None = Field(default=None, max_length=36)
    resident_id: str | None = Field(default=None, max_length=36)
    direction: str = Field(max_length=4)
    temperature: float | None = None
    decision: str = Field(max_length=10)  # admit | refuse
    reason: str = Field(default="", max_length=40)


_DIGITS = re.compile(r"(\d+)")


@functools.lru_cache(maxsize=65536)
def natural_order(text: str) -> tuple:
    """'10' after '9': rooms sort as people count them (a compound has a few thousand rooms)."""
    return tuple(int(p) if p.isdigit() else p for p in _DIGITS.split(text))
