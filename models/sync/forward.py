"""An office's own bundle: the records of the gates it received, forwarded upward (a community's to
its sub-district or district) in the gates' own names.

The same container, signing and encryption as a gate's bundle (format 2, kind "office"): the
forwarding office signs it, every record keeps the station that wrote it, and the manifest lists
those stations with the keys they sign with. The receiving office lets a forwarding office bring
only the records of gates inside the unit it speaks for (docs/SYNC_FORMAT.md). Each bundle holds
what arrived since the previous one: the records of every gate bundle received since then, with
the receipts of those bundles, so the office above sees who reported as this one does.
"""
from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from zoneinfo import ZoneInfo

from sqlalchemy import and_, exists, or_, select
from sqlmodel import Session

from models.formats import bundle, wire
from models.formats.bundle import MemberSpec
from models.formats.wire import wire_time
from models.setup.settings import load_settings
from models.setup.site import Compound, Station, this_station
from models.store.clock import utcnow
from models.store.db import Database
from models.store.records import new_id
from models.sync import units
from models.sync.export import OVERLAP, ExportResult, bundle_file, lines, member_queries, safe_file_part
from models.sync.keys import MODE, NotAnOffice, ensure_signing_key, loaded_office_key, office_name, read_meta, \
    write_meta
from models.sync.records import codecs, member_types, needed_format
from models.sync.tables import ERASED, SyncExport, SyncReceipt, SyncRecord, SyncStation
from models.trust import audit

OFFICE_UNIT = "office_unit"  # the unit this office speaks for, when its set-up does not say
OFFICE_STATION = "office_station"  # an office made on the command line: its ids on the wire
UNIT_LEVELS = (units.DISTRICT, units.SUBDISTRICT, units.COMMUNITY)


@dataclass(frozen=True)
class OfficeUnit:
    district: str = ""
    subdistrict: str = ""
    community: str = ""

    @property
    def names(self) -> tuple[str, str, str]:
        return self.district, self.subdistrict, self.community

    @property
    def empty(self) -> bool:
        return not any(self.names)

    def shown(self) -> str:
        return " / ".join(n for n in self.names if n)

    def cleaned(self) -> OfficeUnit:
        return OfficeUnit(*(units.clean_name(n) for n in self.names))


class NoUnit(Exception):
    """The office names no district, sub-district or community to speak for."""


def office_unit(session: Session) -> OfficeUnit:
    """What office-init named, else what the office's first-run set-up named."""
    saved = read_meta(session, OFFICE_UNIT)
    if saved:
        data = json.loads(saved)
        return OfficeUnit(*(str(data.get(level, "")) for level in UNIT_LEVELS)).cleaned()
    ctx = this_station(session)
    compound = session.get(Compound, ctx.compound_id) if ctx else None
    if compound is None:
        return OfficeUnit()
    return OfficeUnit(compound.district, compound.subdistrict, compound.community).cleaned()


def set_office_unit(session: Session, unit: OfficeUnit) -> None:
    unit = unit.cleaned()
    write_meta(session, OFFICE_UNIT, json.dumps(dict(zip(UNIT_LEVELS, unit.names)), ensure_ascii=False))


@dataclass(frozen=True)
class Identity:
    """The office as its bundles name it."""
    station_id: str
    gate_id: str
    compound_id: str
    created_at: str
    name: str
    label: str
    unit: OfficeUnit


def identity(session: Session, now: datetime) -> Identity:
    ctx = this_station(session)
    unit = office_unit(session)
    if ctx is not None:
        station = session.get(Station, ctx.station_id)
        return Identity(ctx.station_id, ctx.gate_id, ctx.compound_id, wire_time(station.created_at),
                        office_name(session) or ctx.compound_name, ctx.gate_name, unit)
    saved = read_meta(session, OFFICE_STATION)
    ids = json.loads(saved) if saved else {"station_id": new_id(), "gate_id": new_id(), "compound_id": new_id(),
                                           "created_at": wire_time(now)}
    if not saved:
        write_meta(session, OFFICE_STATION, json.dumps(ids))
    name = office_name(session) or unit.shown()
    return Identity(ids["station_id"], ids["gate_id"], ids["compound_id"], ids["created_at"], name[:100] or "GateDesk",
                    name[:100] or "GateDesk", unit)


def forward_bundle(db: Database, out: Path, *, now: datetime | None = None, operator_id: str | None = None,
                   progress: Callable[[int], None] | None = None) -> ExportResult:
    """Write the records of every gate bundle received since this office's previous forward.

    Raises NotAnOffice at a gate and NoUnit when the office names no unit; out is a folder (the
    bundle gets a descriptive name) or a file name.
    """
    now = now or utcnow()
    with db.session() as s:
        if read_meta(s, MODE) != "office":
            raise NotAnOffice()
        me = identity(s, now)
        if me.unit.empty:
            raise NoUnit()
        signing_key = ensure_signing_key(s)
        upper = loaded_office_key(s)
        zone = ZoneInfo(load_settings(s).timezone)
        previous = s.execute(select(SyncExport).order_by(SyncExport.seq.desc()).limit(1)).scalars().first()
        s.commit()
    seq = (previous.seq if previous else 0) + 1
    since = previous.upto - OVERLAP if previous is not None else None
    codec_map = codecs()
    done = [0]
    with db.engine.connect() as conn:  # one read transaction: receipts and records from one snapshot
        received = select(SyncReceipt).where(SyncReceipt.station_id.in_(select(SyncStation.station_id)))
        if since is not None:
            received = received.where(SyncReceipt.imported_at > since)
        receipts = conn.execute(received.order_by(SyncReceipt.station_id, SyncReceipt.seq)).mappings().all()
        stations = _stations(conn, {r["station_id"] for r in receipts})
        queries = member_queries(*_changed_since(receipts))
        version = needed_format(conn, queries, office=True)
        members = [MemberSpec(name, lines(conn, queries[name], codec_map[name], done, progress))
                   for name in member_types(version)]
        members.append(MemberSpec(bundle.RECEIPTS, (_receipt_line(r) for r in receipts)))
        first = min((r["period_from"] or r["bundle_created_at"] for r in receipts), default=now)
        manifest = {
            "app": "GateDesk",
            "created_at": wire_time(now),
            "sequence": seq,
            "kind": "office",
            "period": {"from": wire_time(since), "to": wire_time(now), "days": None},
            "station": {"id": me.station_id, "public_key": bundle.signing_public_key(signing_key),
                        "gate_id": me.gate_id, "created_at": me.created_at},
            "compound": {"id": me.compound_id, "name": me.name, "community": me.unit.community,
                         "subdistrict": me.unit.subdistrict, "district": me.unit.district},
            "gate": {"id": me.gate_id, "name": me.label},
            "forwarded": stations,
        }
        path = _bundle_path(out, me, seq, (since or first).astimezone(zone), now.astimezone(zone))
        written = bundle.write_bundle(path, manifest, members, signing_key=signing_key,
                                      office_key=upper.public_key if upper else None,
                                      format_version=version)
        conn.rollback()
    counts = {m["type"]: m["records"] for m in written["members"] if m["type"] != bundle.RECEIPTS}
    with db.session() as s:
        s.add(SyncExport(seq=seq, station_id=me.station_id, created_at=now, since=since, upto=now,
                         file_name=path.name, records=sum(counts.values())))
        audit.record(s, at=now, station_id=me.station_id, operator_id=operator_id, action="forward",
                     detail=f"seq={seq} gates={len(stations)} bundles={len(receipts)} records={sum(counts.values())}")
        s.commit()
    return ExportResult(path=path, seq=seq, counts=counts, encrypted=upper is not None,
                        encrypted_for=upper.office if upper else "")


def _changed_since(receipts) -> tuple:
    """What to forward of each gate: its records changed since the earliest of its bundles
    received (all of them for a gate whose bundle carried everything). Copies this office blanked
    at the end of their retention stay here: the office above keeps or erases its own."""
    whole, from_ = set(), {}
    for r in receipts:
        if r["period_from"] is None:
            whole.add(r["station_id"])
        else:
            from_[r["station_id"]] = min(r["period_from"], from_.get(r["station_id"], r["period_from"]))
    for station_id in whole:
        from_.pop(station_id, None)
    gates = whole | set(from_)

    def mine(model):
        not_blanked = ~exists().where(SyncRecord.id == model.id, SyncRecord.digest == ERASED)
        return and_(model.station_id.in_(gates), not_blanked)

    def changed(model):
        terms = [and_(model.station_id == s, model.updated_at >= t) for s, t in sorted(from_.items())]
        if whole:
            terms.append(model.station_id.in_(whole))
        return or_(*terms)

    return mine, (changed if from_ else None)


def _stations(conn, station_ids: set[str]) -> list[dict]:
    """The gates forwarded, as this office knows them (key, compound, gate, last bundle)."""
    if not station_ids:
        return []
    st = SyncStation.__table__.c
    rows = conn.execute(
        select(st.station_id, st.public_key, st.gate_id, st.gate_name, st.compound_id, st.compound_name,
               st.community, st.first_seen, st.last_seq, st.last_bundle_at, Compound.district.label("district"),
               Compound.subdistrict.label("subdistrict"), Compound.community.label("named_community"),
               Station.created_at)
        .join(Compound, Compound.id == st.compound_id, isouter=True)
        .join(Station, Station.id == st.station_id, isouter=True)
        .where(st.station_id.in_(station_ids)).order_by(st.station_id)).mappings().all()
    grids = units.grids_of(conn, {r["compound_id"] for r in rows})
    out = []
    for r in rows:
        out.append({
            "station": {"id": r["station_id"], "public_key": r["public_key"], "gate_id": r["gate_id"],
                        "created_at": wire_time(r["created_at"] or r["first_seen"])},
            "compound": {"id": r["compound_id"], "name": r["compound_name"],
                         "community": r["named_community"] or r["community"],
                         "grid": grids.get(r["compound_id"], ""), "subdistrict": r["subdistrict"] or "",
                         "district": r["district"] or ""},
            "gate": {"id": r["gate_id"], "name": r["gate_name"]},
            "last_seq": r["last_seq"],
            "last_bundle_at": wire_time(r["last_bundle_at"]),
        })
    return out


def _receipt_line(r) -> bytes:
    return wire.canonical_line({
        "id": r["id"], "station_id": r["station_id"], "seq": r["seq"],
        "bundle_created_at": wire_time(r["bundle_created_at"]), "period_from": wire_time(r["period_from"]),
        "period_to": wire_time(r["period_to"]), "audit_seq": r["audit_seq"], "audit_hash": r["audit_hash"],
        "audit_prev_seq": r["audit_prev_seq"], "audit_prev_hash": r["audit_prev_hash"]})


def _bundle_path(out: Path, me: Identity, seq: int, first: datetime, last: datetime) -> Path:
    return bundle_file(out, f"{safe_file_part(me.name)}_office_{first:%Y%m%d}-{last:%Y%m%d}_{seq:05d}{bundle.SUFFIX}")
