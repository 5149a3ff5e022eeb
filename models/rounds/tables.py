"""A compound-wide testing round (全员核酸): the round, one line per person due, corrections once closed."""
from __future__ import annotations

from datetime import datetime
from enum import StrEnum

from sqlalchemy import Index
from sqlmodel import Field

from models.kit.masking import mask_name
from models.kit.validation import NAME_MAX
from models.store.records import Record, when_field, wire_rule


class Reason(StrEnum):
    """Why someone due was not sampled."""

    AWAY = "away"  # away from home
    ELSEWHERE = "elsewhere"  # tested elsewhere, with proof
    HOSPITAL = "hospital"
    REFUSED = "refused"


CORRECTABLE = ("sampled", "reason")  # what a correction of a closed round may change


class TestingRound(Record, table=True):
    __tablename__ = "testing_round"
    __test__ = False  # a table, not a test class

    compound_id: str = Field(foreign_key="compound.id", max_length=36)
    day: str = Field(max_length=10, sa_column_kwargs=wire_rule(day=True))  # the local day the round is for
    title: str = Field(max_length=100)
    points: str = Field(default="", max_length=300)  # sampling points, one per line
    buildings: str = Field(default="", max_length=300)  # the buildings due, one per line; "" is everyone
    opened_at: datetime = when_field()
    closed_at: datetime | None = when_field(default=None)
    closed_by: str | None = Field(default=None, max_length=36)

    __table_args__ = (Index("ix_testing_round_day", "day"),)

    @property
    def is_open(self) -> bool:
        return self.closed_at is None

    @property
    def point_list(self) -> list[str]:
        return [p for p in self.points.split("\n") if p]


class RoundPerson(Record, table=True):
    """One person due in a round (everyone on the roster in its buildings when it opened, and
    anyone added on the spot), with where they stand: called, sampled, exempt, at home."""

    __tablename__ = "round_person"

    round_id: str = Field(foreign_key="testing_round.id", max_length=36)
    resident_id: str | None = Field(default=None, max_length=36)  # the gate's roster; None: added on the spot
    building: str = Field(max_length=20)
    unit: str = Field(max_length=20)
    floor: str = Field(default="", max_length=10)
    room: str = Field(max_length=20)
    name: str = Field(max_length=NAME_MAX)
    on_spot: bool = False  # not on the roster: the roster should take them in
    called_at: datetime | None = when_field(default=None)
    at_home: bool = False  # on the home-service list: sampled at their door
    reason: str | None = Field(default=None, max_length=20, sa_column_kwargs=wire_rule(choices=Reason))  # not sampled: why
    note: str = Field(default="", max_length=100)
    sampled_at: datetime | None = when_field(default=None)
    point: str | None = Field(default=None, max_length=30)  # where, or "home"
    sampled_by: str | None = Field(default=None, max_length=NAME_MAX)  # who sampled at the door

    __table_args__ = (Index("ix_round_person_place", "round_id", "building", "unit", "room"),
                      Index("ix_round_person_resident", "round_id", "resident_id"),
                      Index("ix_round_person_created", "created_at"))  # names age out by it


# What identifies the person, masked on every screen and in routine exports.
PERSONAL = {"name": mask_name, "sampled_by": mask_name}


class RoundCorrection(Record, table=True):
    """A change to a closed round: whose line, what it was, what it became, and why."""

    __tablename__ = "round_correction"

    round_id: str = Field(foreign_key="testing_round.id", max_length=36, index=True)
    person_id: str = Field(foreign_key="round_person.id", max_length=36)
    field: str = Field(max_length=30, sa_column_kwargs=wire_rule(choices=CORRECTABLE))
    old_value: str = Field(default="", max_length=100)
    new_value: str = Field(default="", max_length=100)
    reason: str = Field(max_length=200)
