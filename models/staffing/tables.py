"""Staffing (下沉干部与志愿者): the people sent down or volunteering, the posts and shifts of a
compound's rota, who is on which shift, and their check-ins at the post."""
from __future__ import annotations

from datetime import datetime
from enum import StrEnum

from sqlalchemy import Index
from sqlmodel import Field

from models.kit.masking import mask_name, mask_phone
from models.kit.validation import NAME_MAX
from models.store.i18n import QT_TRANSLATE_NOOP
from models.store.records import Record, when_field, wire_rule


class PersonKind(StrEnum):
    CADRE = "cadre"  # 下沉干部, sent by a department, the court, a company
    VOLUNTEER = "volunteer"  # 志愿者
    RESIDENT = "resident"  # a resident of the compound on its own gate rota


class PostKind(StrEnum):
    GATE = "gate"  # 门岗
    SAMPLING = "sampling"  # 采样点
    DOORS = "doors"  # 敲门排查 (door-knocking, tracing)
    HOME = "home"  # 上门服务
    OTHER = "other"


class How(StrEnum):
    ASSIGNED = "assigned"  # put on the shift by a supervisor
    SIGNED_UP = "signed_up"  # asked for it themselves
    WALK_IN = "walk_in"  # came to a short shift and checked in


class CheckInSource(StrEnum):
    CARD = "card"  # their card's QR, scanned
    PIN = "pin"  # chosen by name, with their PIN


PERSON_KIND_LABELS = {
    PersonKind.CADRE: QT_TRANSLATE_NOOP("Staffing", "Cadre sent down"),
    PersonKind.VOLUNTEER: QT_TRANSLATE_NOOP("Staffing", "Volunteer"),
    PersonKind.RESIDENT: QT_TRANSLATE_NOOP("Staffing", "Resident of the compound"),
}
POST_KIND_LABELS = {
    PostKind.GATE: QT_TRANSLATE_NOOP("Staffing", "Gate"),
    PostKind.SAMPLING: QT_TRANSLATE_NOOP("Staffing", "Sampling point"),
    PostKind.DOORS: QT_TRANSLATE_NOOP("Staffing", "Door-knocking"),
    PostKind.HOME: QT_TRANSLATE_NOOP("Staffing", "Home services"),
    PostKind.OTHER: QT_TRANSLATE_NOOP("Staffing", "Other"),
}
SENT_BY_MAX = 60
MAX_PER_SHIFT = 50


class Volunteer(Record, table=True):
    """A cadre or volunteer who takes posts here: where they come from (the unit that sent them,
    credited with their hours), how to reach them, which kinds of post they take. A card's QR names
    the person and its number: a new card makes the old one useless."""

    __tablename__ = "volunteer"

    name: str = Field(max_length=NAME_MAX)
    phone: str = Field(default="", max_length=20)
    kind: str = Field(max_length=12, sa_column_kwargs=wire_rule(choices=PersonKind))
    sent_by: str = Field(max_length=SENT_BY_MAX)  # 派出单位, or the compound for its residents
    posts: str = Field(default="", max_length=60)  # post kinds they take, comma-separated
    card_no: int = Field(default=1, sa_column_kwargs=wire_rule(at_most=1000))
    pin_hash: str = Field(default="", max_length=200)  # checking in by name; never leaves the station
    guard_id: str | None = Field(default=None, max_length=36)  # their operator account, to hold a gate
    left_at: datetime | None = when_field(default=None)

    __table_args__ = (Index("ix_volunteer_sent_by", "sent_by"), Index("ix_volunteer_left", "left_at"))

    def takes(self, kind: str) -> bool:
        return not self.posts or kind in self.posts.split(",")


class DutyPost(Record, table=True):
    """A post of the compound's rota: a gate, a sampling point, door-knocking, home services. A
    critical post (a gate held 24 hours) is shown first while it is short."""

    __tablename__ = "duty_post"

    name: str = Field(max_length=40)
    kind: str = Field(max_length=12, sa_column_kwargs=wire_rule(choices=PostKind))
    critical: bool = Field(default=False)
    retired_at: datetime | None = when_field(default=None)


class RotaShift(Record, table=True):
    """One shift of one post on one day, e.g. the gate 08:00–16:00, with how many people it needs
    (at least) and takes (at most). Starts and ends are instants: a night shift ends the next day."""

    __tablename__ = "rota_shift"

    post_id: str = Field(foreign_key="duty_post.id", max_length=36)
    day: str = Field(max_length=10, sa_column_kwargs=wire_rule(day=True))  # the local day it starts
    starts_at: datetime = when_field(sa_column_kwargs=wire_rule(planned=True))
    ends_at: datetime = when_field(sa_column_kwargs=wire_rule(planned=True))
    min_people: int = Field(default=1, sa_column_kwargs=wire_rule(at_most=MAX_PER_SHIFT))
    max_people: int = Field(default=3, sa_column_kwargs=wire_rule(at_most=MAX_PER_SHIFT))
    cancelled_at: datetime | None = when_field(default=None)

    __table_args__ = (Index("ix_rota_shift_day", "day", "post_id"), Index("ix_rota_shift_starts", "starts_at"))


class ShiftAssignment(Record, table=True):
    """A person on a shift: assigned, signed up, or walked in; on the reserve list while the shift is
    full. Taken off (cut) with a reason: they withdrew, or did not come and were cut once confirmed."""

    __tablename__ = "shift_assignment"

    shift_id: str = Field(foreign_key="rota_shift.id", max_length=36)
    volunteer_id: str = Field(foreign_key="volunteer.id", max_length=36)
    how: str = Field(max_length=12, sa_column_kwargs=wire_rule(choices=How))
    reserve: bool = Field(default=False)
    cut_at: datetime | None = when_field(default=None)
    cut_reason: str = Field(default="", max_length=60)

    __table_args__ = (Index("ix_shift_assignment_shift", "shift_id", "volunteer_id"),
                      Index("ix_shift_assignment_person", "volunteer_id"))


class ShiftCheckIn(Record, table=True):
    """Someone at their post: in and out. One left open is closed on its own (`auto_closed`) and waits
    for a supervisor's review (`reviewed_at`), who may set the real time out."""

    __tablename__ = "shift_checkin"

    shift_id: str = Field(foreign_key="rota_shift.id", max_length=36)
    volunteer_id: str = Field(foreign_key="volunteer.id", max_length=36)
    source: str = Field(max_length=8, sa_column_kwargs=wire_rule(choices=CheckInSource))
    in_at: datetime = when_field()
    out_at: datetime | None = when_field(default=None)
    auto_closed: bool = Field(default=False)
    reviewed_at: datetime | None = when_field(default=None)

    __table_args__ = (Index("ix_shift_checkin_shift", "shift_id", "volunteer_id"),
                      Index("ix_shift_checkin_open", "out_at"), Index("ix_shift_checkin_in", "in_at"))


PERSONAL = {"name": mask_name, "phone": mask_phone}
