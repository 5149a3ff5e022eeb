"""The compound, its gates and this station (one install of GateDesk at one gate)."""
from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlmodel import Field, Session, SQLModel

from models.store.clock import utcnow
from models.store.db import Meta
from models.store.records import Record, new_id, when_field


class CompoundBase(SQLModel):
    name: str = Field(max_length=100)
    address: str = Field(default="", max_length=200)
    community: str = Field(default="", max_length=100)
    subdistrict: str = Field(default="", max_length=100)
    district: str = Field(default="", max_length=100)


class Compound(CompoundBase, Record, table=True):
    pass


# The grid (网格) inside its community a gate's set-up names: its bundles' manifests carry it (a
# manifest field is compatible: an office of an older version ignores it, where a record field
# would be a new format), and the office places the compound in that grid.
GRID_META = "compound_grid"


def compound_grid(session: Session) -> str:
    row = session.get(Meta, GRID_META)
    return row.value if row is not None else ""


class Gate(Record, table=True):
    compound_id: str = Field(foreign_key="compound.id", max_length=36)
    name: str = Field(max_length=100)


class Station(SQLModel, table=True):
    """One install. Its id is stamped on every record it writes."""

    id: str = Field(default_factory=new_id, primary_key=True, max_length=36)
    gate_id: str = Field(foreign_key="gate.id", max_length=36)
    created_at: datetime = when_field(default_factory=utcnow)


@dataclass(frozen=True)
class StationContext:
    """Who and where this install is; handed to every service that writes records."""

    station_id: str
    gate_id: str
    compound_id: str
    gate_name: str
    compound_name: str


def this_station(session: Session) -> StationContext | None:
    """None until the first-run setup has been completed."""
    row = session.get(Meta, "station_id")
    if row is None:
        return None
    station = session.get(Station, row.value)
    gate = session.get(Gate, station.gate_id) if station else None
    compound = session.get(Compound, gate.compound_id) if gate else None
    if not (station and gate and compound):
        return None
    return StationContext(station.id, gate.id, compound.id, gate.name, compound.name)
