"""The home-service ledger (上门服务台账): residents who need help at home, and the services delivered to them."""
from __future__ import annotations

from datetime import datetime
from enum import StrEnum

from sqlalchemy import Index
from sqlmodel import Field

from models.kit.masking import mask_name
from models.kit.validation import NAME_MAX
from models.store.i18n import QT_TRANSLATE_NOOP
from models.store.records import Record, when_field, wire_rule


class NeedKind(StrEnum):
    ELDERLY_ALONE = "elderly_alone"  # 独居老人
    DISABLED = "disabled"
    ILL = "ill"
    HOME_ISOLATION = "home_isolation"
    HOME_MONITORING = "home_monitoring"
    OTHER = "other"


class ServiceKind(StrEnum):
    SAMPLING = "sampling"  # sampled at home
    NECESSITIES = "necessities"  # daily necessities delivered
    MEDICINE = "medicine"
    VISIT = "visit"


NEED_LABELS = {
    NeedKind.ELDERLY_ALONE: QT_TRANSLATE_NOOP("Care", "Elderly, living alone"),
    NeedKind.DISABLED: QT_TRANSLATE_NOOP("Care", "Disabled"),
    NeedKind.ILL: QT_TRANSLATE_NOOP("Care", "Ill"),
    NeedKind.HOME_ISOLATION: QT_TRANSLATE_NOOP("Care", "Home isolation"),
    NeedKind.HOME_MONITORING: QT_TRANSLATE_NOOP("Care", "Home health monitoring"),
    NeedKind.OTHER: QT_TRANSLATE_NOOP("Care", "Other"),
}
MAX_EVERY = 30  # days between visits due, at most

SERVICE_LABELS = {
    ServiceKind.SAMPLING: QT_TRANSLATE_NOOP("Care", "Sampling at home"),
    ServiceKind.NECESSITIES: QT_TRANSLATE_NOOP("Care", "Daily necessities"),
    ServiceKind.MEDICINE: QT_TRANSLATE_NOOP("Care", "Medicine"),
    ServiceKind.VISIT: QT_TRANSLATE_NOOP("Care", "Visit"),
}


class HomeNeed(Record, table=True):
    """A resident on the register: who, where, why they need help, and how often a visit is due."""

    __tablename__ = "home_need"

    resident_id: str | None = Field(default=None, max_length=36)  # the gate's roster (never travels as a link)
    building: str = Field(max_length=20)
    unit: str = Field(max_length=20)
    room: str = Field(max_length=20)
    name: str = Field(max_length=NAME_MAX)
    kind: str = Field(max_length=20, sa_column_kwargs=wire_rule(choices=NeedKind))
    note: str = Field(default="", max_length=100)
    # A visit is due every this many days (0: none scheduled).
    every_days: int = Field(default=0, sa_column_kwargs=wire_rule(at_most=MAX_EVERY))
    since: str = Field(max_length=10, sa_column_kwargs=wire_rule(day=True))  # local day
    ended_at: datetime | None = when_field(default=None)

    __table_args__ = (Index("ix_home_need_open", "ended_at", "building", "unit", "room"),
                      Index("ix_home_need_created", "created_at"))

    @property
    def place(self) -> str:
        return f"{self.building}-{self.unit}-{self.room}"


class HomeService(Record, table=True):
    """One service for a resident on the register: planned (due on a day) or done (when, by whom)."""

    __tablename__ = "home_service"

    need_id: str = Field(foreign_key="home_need.id", max_length=36)
    kind: str = Field(max_length=20, sa_column_kwargs=wire_rule(choices=ServiceKind))
    # The local day it is planned for.
    due_on: str | None = Field(default=None, max_length=10, sa_column_kwargs=wire_rule(day=True))
    done_at: datetime | None = when_field(default=None)
    volunteer: str | None = Field(default=None, max_length=NAME_MAX)
    parcel_id: str | None = Field(default=None, foreign_key="parcel.id", max_length=36)  # a drop-off item taken up
    note: str = Field(default="", max_length=100)

    __table_args__ = (Index("ix_home_service_need", "need_id", "done_at"),
                      Index("ix_home_service_open", "done_at", "due_on"),
                      Index("ix_home_service_created", "created_at"))


NEED_PERSONAL = {"name": mask_name}
SERVICE_PERSONAL = {"volunteer": mask_name}
