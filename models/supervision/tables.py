"""Supervision (督导): the standards compounds are checked against, as versioned templates."""
from __future__ import annotations

from datetime import datetime
from enum import StrEnum

from sqlalchemy import Index
from sqlmodel import Field

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
