"""Supervision (督导): the standards compounds are checked against, as versioned templates."""
from __future__ import annotations

from datetime import datetime
from enum import StrEnum

from sqlalchemy import Column, Index, LargeBinary
from sqlmodel import Field, SQLModel

from models.store.i18n import QT_TRANSLATE_NOOP
from models.store.records import Record, when_field, wire_rule

MAX_POINTS = 100  # one item's points, and what a standard's score is scaled to
MAX_ITEMS = 200


class StandardKind(StrEnum):
    INSPECTION = "inspection"  # a supervision team's visit to a compound
    MYSTERY = "mystery"  # an unannounced visitor at a gate: did it ask for each of the five checks


class Severity(StrEnum):
    CRITICAL = "critical"  # 立行立改: put right at once
    MAJOR = "major"
    MINOR = "minor"


# The default deadline a failed item's finding gets, in days (Harbin's reprimands gave three).
DEADLINE_DAYS = {Severity.CRITICAL: 1, Severity.MAJOR: 3, Severity.MINOR: 7}

SEVERITY_LABELS = {
    Severity.CRITICAL: QT_TRANSLATE_NOOP("Supervision", "Critical (put right at once)"),
    Severity.MAJOR: QT_TRANSLATE_NOOP("Supervision", "Major"),
    Severity.MINOR: QT_TRANSLATE_NOOP("Supervision", "Minor"),
}


class Standard(Record, table=True):
    """One version of a standard: loading a sheet of the same name makes the next version, and the
    one before is retired (visits made with it keep it)."""

    __tablename__ = "standard"

    name: str = Field(max_length=100)
    version: int = Field(default=1, sa_column_kwargs=wire_rule(at_most=10_000))
    kind: str = Field(default=StandardKind.INSPECTION.value, max_length=20,
                      sa_column_kwargs=wire_rule(choices=StandardKind))
    # Scored out of 100 when its items carry points; None: a checklist, passed with no item failed.
    pass_mark: int | None = Field(default=None, sa_column_kwargs=wire_rule(at_most=MAX_POINTS))
    source: str = Field(default="", max_length=100)  # "shipped", or the sheet's file name
    retired_at: datetime | None = when_field(default=None)

    __table_args__ = (Index("ix_standard_name", "name", "version"),)


class StandardItem(Record, table=True):
    """One item of a standard, in its section: pass / fail / not applicable when answered."""

    __tablename__ = "standard_item"

    standard_id: str = Field(foreign_key="standard.id", max_length=36)
    position: int = Field(sa_column_kwargs=wire_rule(at_most=MAX_ITEMS))
    section: str = Field(default="", max_length=60)
    code: str = Field(max_length=20)
    text: str = Field(max_length=200)
    points: int = Field(default=0, sa_column_kwargs=wire_rule(at_most=MAX_POINTS))
    veto: bool = False  # failed, the visit fails whatever its score (一票否决)
    severity: str = Field(default=Severity.MAJOR.value, max_length=10, sa_column_kwargs=wire_rule(choices=Severity))

    __table_args__ = (Index("ix_standard_item_standard", "standard_id", "position"),)


class Party(StrEnum):
    """Who must put a finding right."""

    PROPERTY = "property"  # 物业
    OWNERS = "owners"  # 业委会 (a compound that runs itself)
    COMMUNITY = "community"  # 社区
    GRID = "grid"  # 网格
    OTHER = "other"


PARTY_LABELS = {
    Party.PROPERTY: QT_TRANSLATE_NOOP("Supervision", "Property company"),
    Party.OWNERS: QT_TRANSLATE_NOOP("Supervision", "Owners' committee"),
    Party.COMMUNITY: QT_TRANSLATE_NOOP("Supervision", "Community"),
    Party.GRID: QT_TRANSLATE_NOOP("Supervision", "Grid"),
    Party.OTHER: QT_TRANSLATE_NOOP("Supervision", "Other"),
}


class FindingStatus(StrEnum):
    OPEN = "open"
    CLOSED = "closed"


class Inspection(Record, table=True):
    """A team's visit to a compound against a standard (a mystery check: to one of its gates), or a
    follow-up visit that reviews the compound's open findings (`follows_id`)."""

    __tablename__ = "inspection"

    compound_id: str = Field(max_length=36)  # as the compound's gates name it in their bundles
    compound_name: str = Field(max_length=100)
    standard_id: str = Field(foreign_key="standard.id", max_length=36)
    day: str = Field(max_length=10, sa_column_kwargs=wire_rule(day=True))  # local day of the visit
    announced: bool = True  # False: 暗访, unannounced
    gate_name: str = Field(default="", max_length=100)  # a mystery check: the gate it was made at
    team: str = Field(default="", max_length=200)  # the team's members (cadres on duty)
    met: str = Field(default="", max_length=200)  # whom the team met (a property manager): personal
    note: str = Field(default="", max_length=500)
    follows_id: str | None = Field(default=None, foreign_key="inspection.id", max_length=36)
    signed_at: datetime | None = when_field(default=None)
    points: int | None = Field(default=None, sa_column_kwargs=wire_rule(at_most=MAX_POINTS))
    passed: bool | None = None

    __table_args__ = (Index("ix_inspection_compound", "compound_id", "day"), Index("ix_inspection_day", "day"),
                      Index("ix_inspection_created", "created_at"))


class InspectionAnswer(Record, table=True):
    __tablename__ = "inspection_answer"

    inspection_id: str = Field(foreign_key="inspection.id", max_length=36)
    item_id: str = Field(foreign_key="standard_item.id", max_length=36)
    answer: str = Field(max_length=4, sa_column_kwargs=wire_rule(choices=("pass", "fail", "na")))
    note: str = Field(default="", max_length=200)

    __table_args__ = (Index("ix_inspection_answer_item", "inspection_id", "item_id", unique=True),)


class Finding(Record, table=True):
    """A failed item to be put right by a party before a day; closed by a follow-up visit, re-opened
    when a later visit fails the same item again."""

    __tablename__ = "finding"

    inspection_id: str = Field(foreign_key="inspection.id", max_length=36)  # the visit that found it
    compound_id: str = Field(max_length=36)
    compound_name: str = Field(max_length=100)
    gate_name: str = Field(default="", max_length=100)  # a mystery check's: the gate's finding
    item_id: str = Field(foreign_key="standard_item.id", max_length=36)
    code: str = Field(max_length=20)
    text: str = Field(max_length=200)
    severity: str = Field(max_length=10, sa_column_kwargs=wire_rule(choices=Severity))
    party: str = Field(max_length=20, sa_column_kwargs=wire_rule(choices=Party))
    party_name: str = Field(default="", max_length=100)  # e.g. the property company's name
    due_on: str = Field(max_length=10, sa_column_kwargs=wire_rule(day=True))
    status: str = Field(default=FindingStatus.OPEN.value, max_length=10,
                        sa_column_kwargs=wire_rule(choices=FindingStatus))
    closed_at: datetime | None = when_field(default=None)
    closed_in: str | None = Field(default=None, foreign_key="inspection.id", max_length=36)
    times_found: int = Field(default=1, sa_column_kwargs=wire_rule(at_most=10_000))  # found again: a repeat
    note: str = Field(default="", max_length=200)

    __table_args__ = (Index("ix_finding_compound", "compound_id", "status"),
                      Index("ix_finding_due", "status", "due_on"), Index("ix_finding_created", "created_at"))


PHOTO_MAX_BYTES = 400 << 10  # a photo as kept (models.supervision.photos re-encodes to fit), and on the wire


class InspectionPhoto(Record, table=True):
    """A picture taken on a visit (of an item, or of the visit), re-encoded small on arrival: a JPEG
    of at most 1600 pixels a side, nothing of the original file (its location, its camera) kept."""

    __tablename__ = "inspection_photo"

    inspection_id: str = Field(foreign_key="inspection.id", max_length=36)
    item_id: str | None = Field(default=None, foreign_key="standard_item.id", max_length=36)
    width: int = Field(sa_column_kwargs=wire_rule(at_most=4096))
    height: int = Field(sa_column_kwargs=wire_rule(at_most=4096))
    data: bytes = Field(sa_column=Column(LargeBinary, nullable=False, **wire_rule(at_most=PHOTO_MAX_BYTES)))

    __table_args__ = (Index("ix_inspection_photo_visit", "inspection_id"),
                      Index("ix_inspection_photo_created", "created_at"))


class CompoundKind(StrEnum):
    """How a compound is run: what its plan and its responsible party follow from."""

    PROPERTY = "property"  # 有物业: a property company holds the gate
    NONE = "none"  # 无物业: old compounds, the community and volunteers hold it
    OWNERS = "owners"  # 业委会自管: the owners' committee runs it


KIND_LABELS = {
    CompoundKind.PROPERTY: QT_TRANSLATE_NOOP("Supervision", "With a property company"),
    CompoundKind.NONE: QT_TRANSLATE_NOOP("Supervision", "Without a property company"),
    CompoundKind.OWNERS: QT_TRANSLATE_NOOP("Supervision", "Run by its owners' committee"),
}


KIND_WORDS = ((CompoundKind.OWNERS, ("业委会", "自管", "owners")),
              (CompoundKind.NONE, ("无物业", "没有物业", "无", "none", "without")),
              (CompoundKind.PROPERTY, ("有物业", "物业", "property")))
def kind_of(text: str) -> CompoundKind | None:
    said = text.strip().lower()
    return next((k for k, words in KIND_WORDS if any(w in said for w in words)), None) if said else None



class CompoundCensus(Record, table=True):
    """A compound as the community counted it: its kind, its property company, the responsibility
    pledge (《责任承诺书》) signed, and the plan for its kind."""

    __tablename__ = "compound_census"

    compound_id: str = Field(max_length=36)
    kind: str = Field(max_length=10, sa_column_kwargs=wire_rule(choices=CompoundKind))
    property_company: str = Field(default="", max_length=100)
    pledge_day: str | None = Field(default=None, max_length=10, sa_column_kwargs=wire_rule(day=True))
    pledge_by: str = Field(default="", max_length=100)  # who signed for the company: personal
    # The scan goes up with the census in an office's bundle, bounded as a photo is.
    pledge_scan: bytes | None = Field(default=None, sa_column=Column(LargeBinary, nullable=True,
                                                                     **wire_rule(at_most=PHOTO_MAX_BYTES)))
    plan: str = Field(default="", max_length=500)

    __table_args__ = (Index("ix_compound_census_compound", "compound_id", unique=True),)


class CompoundListed(SQLModel, table=True):
    """At a team's station: a compound it may visit, from its office's list (the ids its gates'
    bundles use, so a visit lands on the right compound). Never sent: the office made it."""

    __tablename__ = "compound_listed"

    compound_id: str = Field(primary_key=True, max_length=36)
    name: str = Field(max_length=100)
    community: str = Field(default="", max_length=100)
    subdistrict: str = Field(default="", max_length=100)
    district: str = Field(default="", max_length=100)
    kind: str | None = Field(default=None, max_length=10)  # the census's, when the office had counted it
    property_company: str = Field(default="", max_length=100)
    listed_at: datetime = when_field()
