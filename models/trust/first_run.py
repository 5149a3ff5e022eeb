"""The first run at a gate: the compound, this station's gate and the first administrator."""
from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlmodel import Session

from models.kit.validation import NAME_MAX, FieldError, InvalidInput, _err, clean_text
from models.setup.site import GRID_META, Compound, Gate, Station, StationContext
from models.store.clock import utcnow
from models.store.db import Meta
from models.store.i18n import QT_TRANSLATE_NOOP
from models.store.records import new_id
from models.trust import operators


@dataclass
class SetupForm:
    compound_name: str = ""
    address: str = ""
    community: str = ""
    grid: str = ""
    subdistrict: str = ""
    district: str = ""
    gate_name: str = ""
    admin_name: str = ""
    admin_pin: str = ""
    admin_pin_again: str = ""


def complete_setup(session: Session, form: SetupForm, *, now: datetime | None = None) -> StationContext:
    """First run: the compound, this station's gate and the first administrator, all or nothing."""
    if session.get(Meta, "station_id") is not None:
        raise RuntimeError("this station is already set up")
    errors: list[FieldError] = []
    compound_name = clean_text("compound_name", form.compound_name, errors, required=True)
    address = clean_text("address", form.address, errors, max_len=200)
    community = clean_text("community", form.community, errors)
    grid = clean_text("grid", form.grid, errors)
    if grid and not community:
        errors.append(_err("grid", QT_TRANSLATE_NOOP("Validation", "A grid is inside a community: name the community too.")))
    subdistrict = clean_text("subdistrict", form.subdistrict, errors)
    district = clean_text("district", form.district, errors)
    gate_name = clean_text("gate_name", form.gate_name, errors, required=True)
    admin_name = clean_text("admin_name", form.admin_name, errors, required=True, max_len=NAME_MAX)
    operators.check_new_pin("admin_pin", form.admin_pin, errors)
    if form.admin_pin != form.admin_pin_again and not any(e.field == "admin_pin" for e in errors):
        errors.append(_err("admin_pin_again", QT_TRANSLATE_NOOP("Validation", "The two PINs are not the same.")))
    if errors:
        raise InvalidInput(errors)
    now = now or utcnow()
    station_id, gate_id = new_id(), new_id()
    origin = dict(station_id=station_id, gate_id=gate_id, created_at=now, updated_at=now)
    compound = Compound(name=compound_name, address=address or "", community=community or "",
                        subdistrict=subdistrict or "", district=district or "", **origin)
    gate = Gate(id=gate_id, compound_id=compound.id, name=gate_name, **origin)
    station = Station(id=station_id, gate_id=gate.id, created_at=now)
    session.add_all([compound, gate, station, Meta(key="station_id", value=station.id)])
    if grid:
        session.add(Meta(key=GRID_META, value=grid))
    session.flush()
    ctx = StationContext(station.id, gate.id, compound.id, gate.name, compound.name)
    operators.create_operator(session, ctx=ctx, name=admin_name, role=operators.Role.ADMIN, pin=form.admin_pin, now=now)
    return ctx

