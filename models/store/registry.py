"""The features GateDesk is made of, and what each declares about itself.

A feature (a package such as models.gate) declares, in its feature.py, the tables it owns, the
record types it sends in bundles, how its personal data ages out, the counts `stats` prints and
how the demo fills it. Storage, sync, retention, stats and the demo read these declarations, so
a new kind of log is added in its own package and listed once in INSTALLED.

Features are named here as strings and imported when first asked for (like the installed apps
of a web framework): storage sits below the features and must not import them.
"""
from __future__ import annotations

import functools
import importlib
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

# In dependency order: a record type's references point to types listed before it, and bundle
# members, retention and counts follow this order.
INSTALLED = ("models.setup", "models.trust", "models.gate", "models.station", "models.residents", "models.rounds",
             "models.care", "models.supervision", "models.staffing", "models.sync")


@dataclass(frozen=True)
class Closing:
    """Once closed at the office (the column `when` set, on the record itself or, through the column
    `parent`, on the record it belongs to), a record changes there only in its `free` columns (what
    retention blanks), or, with `correction` = (record type, column naming this record), when the
    same bundle brings a correction of it (a record kept with its reason)."""

    when: str
    parent: tuple[str, str] | None = None  # (this record's column, the parent's record type)
    free: tuple[str, ...] = ()
    correction: tuple[str, str] | None = None


@dataclass(frozen=True)
class RecordType:
    """A kind of record that travels in bundles from a gate to the office."""

    name: str  # on the wire
    model: type
    # (record type, column): when this child changes, the parent it points to travels with it,
    # so every bundle stands alone.
    parent: tuple[str, str] | None = None
    whole: bool = False  # small set-up tables: every bundle carries all of the station's rows
    office_made: bool = False  # an office's own set-up and sign-ins make rows of this type too
    withheld: dict[str, Any] = field(default_factory=dict)  # column -> what the office stores instead
    personal: dict[str, Callable] = field(default_factory=dict)  # column -> how a screen masks it
    # The bundle format that first carried this type: a bundle of an older format has no member of
    # it, and a bundle is written in the oldest format that holds what it carries.
    since_format: int = 1
    closing: Closing | None = None  # what may change once it is closed
    # A check of a record's content beyond its fields' types, run wherever a bundle's record is read:
    # record (field -> value) -> None, or a Message saying what is wrong (the file is refused).
    content: Callable[[dict], Any] | None = None


@dataclass(frozen=True)
class Scrub:
    """A table whose records are blanked field by field when they age out: the fields that identify
    a person (and their blank values), and the time that ages a record. `settled` says which
    records are finished with: an open case or a parcel still on the shelf is not erased by age."""

    record_type: str
    model: type
    blank: dict[str, Any]
    aged_by: str
    settled: Any = None


@dataclass(frozen=True)
class Purge:
    """Rows deleted outright rather than blanked (a roster, monitoring lists, conflict copies).

    aged(session, cutoff, last_day) and everything(session) return counts by kind; left(session)
    says how many rows still hold personal data."""

    aged: Callable[..., dict[str, int]]
    everything: Callable[..., dict[str, int]]
    left: Callable[..., int]


@dataclass(frozen=True)
class Feature:
    name: str
    tables: tuple[type, ...] = ()
    records: tuple[RecordType, ...] = ()
    scrubs: tuple[Scrub, ...] = ()
    purge: Purge | None = None
    # `stats` key -> table, or (table, condition) to count some of its rows, or a function of the
    # session giving a breakdown ({kind: count})
    counted: dict[str, Any] = field(default_factory=dict)
    # At an office, records are blanked without a new revision; this marks them (given a SELECT of
    # their ids) so that an older bundle bringing the personal data back is ignored.
    mark_erased: Callable[[Any, Any], None] | None = None
    # demo(run) fills the demo station with this feature's records; run is models.app.demo.DemoRun.
    demo: Callable[[Any], None] | None = None
    # Indexes only the gate's own screens use (its searches, who is inside): an office drops them,
    # as every one of them costs every imported row a B-tree insert.
    gate_only_indexes: tuple[str, ...] = ()


_features: list[Feature] | None = None


def features() -> list[Feature]:
    """Every installed feature, loaded on first use (importing a feature registers its tables)."""
    global _features
    if _features is None:
        _features = [importlib.import_module(name + ".feature").FEATURE for name in INSTALLED]
    return _features


@functools.cache  # the features, once loaded, never change
def record_types() -> dict[str, RecordType]:
    return {r.name: r for f in features() for r in f.records}


@functools.cache  # the features, once loaded, never change
def scrubs() -> list[Scrub]:
    return [s for f in features() for s in f.scrubs]


@functools.cache  # the features, once loaded, never change
def purges() -> list[Purge]:
    return [f.purge for f in features() if f.purge is not None]


@functools.cache  # the features, once loaded, never change
def gate_only_indexes() -> tuple[str, ...]:
    return tuple(name for f in features() for name in f.gate_only_indexes)


@functools.cache  # the features, once loaded, never change
def office_erasure_marks() -> list[Callable[[Any, Any], None]]:
    return [f.mark_erased for f in features() if f.mark_erased is not None]


@functools.cache  # the features, once loaded, never change
def counted() -> dict[str, Any]:
    return {k: t for f in features() for k, t in f.counted.items()}
