"""An office's own bundle: the gates' bundles it received, relayed upward (a community's to its
sub-district or district) exactly as the gates signed them.

The same container, signing and encryption as a gate's bundle (format 4, kind "office"): the
forwarding office signs it to say who relayed it; each gate's bundle inside is the gate's own,
which the office above verifies against the gate's key and imports as the gate's
(models/sync/relay.py, docs/SYNC_FORMAT.md). Each holds the bundles that arrived since the previous
forward, so the office above sees who reported as this one does.
"""
from __future__ import annotations

import io
import json
import zipfile
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from zoneinfo import ZoneInfo

from sqlalchemy import func, select, update
from sqlmodel import Session

from models.formats import bundle, wire
from models.formats.bundle import MemberSpec
from models.formats.wire import MAX_RELAYED
from models.formats.wire import wire_time
from models.setup.settings import load_settings
from models.setup.site import Compound, Station, this_station
from models.store.clock import utcnow
from models.store.db import Database
from models.store.records import new_id
from models.sync import census, units
from models.sync.units import OfficeUnit  # noqa: F401 - where the sync package has always said it is
from models.sync.export import ExportResult, bundle_file, safe_file_part
from models.sync.keys import MODE, NotAnOffice, ensure_signing_key, loaded_office_key, office_name, read_meta, \
    set_office_name, write_meta
from models.sync.tables import RelayedBundle, SyncExport
from models.trust import audit

OFFICE_UNIT = "office_unit"  # the unit this office speaks for, when its set-up does not say
OFFICE_STATION = "office_station"  # an office made on the command line: its ids on the wire
UNIT_LEVELS = (units.DISTRICT, units.SUBDISTRICT, units.COMMUNITY)


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


def name_office(session: Session, *, now: datetime, name: str = "", unit: OfficeUnit | None = None) -> list[str]:
    """`office-init --name/--district/--subdistrict/--community`: what changed, audited in the same
    transaction. The unit decides whose records the office may relay upward, so a change to it is
    never silent."""
    changed = []
    name = name.strip()
    if name and name != office_name(session):
        set_office_name(session, name)
        changed.append(f"name={name}")
    if unit is not None and unit.cleaned() != office_unit(session):
        set_office_unit(session, unit)
        changed.append(f"unit={unit.cleaned().shown()}")
    if changed:
        here = this_station(session)
        audit.record(session, at=now, station_id=here.station_id if here else "office", operator_id=None,
                     action="setup", detail="office " + " ".join(changed))
    return changed


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
    """Relay upward, unchanged, every gate's bundle received (or relayed from below) since this
    office's previous forward: at most MAX_RELAYED a file, the oldest first (ExportResult.remaining
    says how many wait for the next).

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
        # The office's own audit chain, as a gate's bundle carries its own: a signed checkpoint the
        # office above keeps, beyond the reach of whoever can rewrite this office's database.
        chain = audit.head(s)
        prev_seq = previous.audit_seq if previous is not None else None
        prev_hash = audit.hash_at(s, prev_seq) if prev_seq else None
        waiting = select(RelayedBundle.receipt_id, RelayedBundle.station_id, RelayedBundle.seq,
                         RelayedBundle.content_key, RelayedBundle.received_at).where(
            RelayedBundle.forwarded_seq.is_(None))
        pending = s.execute(waiting.order_by(RelayedBundle.received_at, RelayedBundle.receipt_id)
                            .limit(MAX_RELAYED)).all()
        remaining = s.scalar(select(func.count()).select_from(waiting.subquery())) - len(pending)
        counted = census.outgoing(s.connection(), me.unit, previous.created_at if previous is not None else None)
        s.commit()
    seq = (previous.seq if previous else 0) + 1
    names = [f"relayed-{n:06d}{bundle.SUFFIX}" for n in range(1, len(pending) + 1)]
    counts: dict[str, int] = {}
    stations: set[str] = set()

    def index_lines():
        for name, row in zip(names, pending):
            yield wire.canonical_line({"member": name, "receipt": row.receipt_id,
                                       "station_id": row.station_id, "sequence": row.seq,
                                       "content_key": row.content_key})

    def relayed(n: int, receipt_id: str):
        with db.reading() as s:
            data = s.execute(select(RelayedBundle.data).where(RelayedBundle.receipt_id == receipt_id)).scalar_one()
        for rtype, records in _counts(data).items():
            counts[rtype] = counts.get(rtype, 0) + records
        if progress:
            progress(n)
        for start in range(0, len(data), bundle.READ_CHUNK):
            yield data[start:start + bundle.READ_CHUNK]

    members = [MemberSpec(bundle.RELAYED, index_lines())]
    if counted:  # format 8; without census lines the file stays format 4, which older offices read
        members.append(MemberSpec(bundle.CENSUS, counted))
        counts[census.TYPE] = len(counted)
    for n, (name, row) in enumerate(zip(names, pending), 1):
        stations.add(row.station_id)
        members.append(MemberSpec(bundle.RELAYED_BUNDLE, relayed(n, row.receipt_id), name=name, binary=True))
    first = min((row.received_at for row in pending), default=now)
    manifest = {
        "app": "GateDesk",
        "created_at": wire_time(now),
        "sequence": seq,
        "kind": "office",
        "period": {"from": wire_time(first), "to": wire_time(now), "days": None},
        "station": {"id": me.station_id, "public_key": bundle.signing_public_key(signing_key),
                    "gate_id": me.gate_id, "created_at": me.created_at},
        "compound": {"id": me.compound_id, "name": me.name, "community": me.unit.community,
                     "subdistrict": me.unit.subdistrict, "district": me.unit.district},
        "gate": {"id": me.gate_id, "name": me.label},
        "audit": {"seq": chain.seq, "hash": chain.hash, "prev_seq": prev_seq, "prev_hash": prev_hash},
    }
    path = _bundle_path(out, me, seq, first.astimezone(zone), now.astimezone(zone))
    bundle.write_bundle(path, manifest, members, signing_key=signing_key,
                        office_key=upper.public_key if upper else None,
                        format_version=bundle.CENSUS_FORMAT_VERSION if counted else bundle.RELAY_FORMAT_VERSION)
    with db.session() as s:
        if pending:
            s.execute(update(RelayedBundle).where(RelayedBundle.receipt_id.in_([r.receipt_id for r in pending]))
                      .values(forwarded_seq=seq).execution_options(synchronize_session=False))
        s.add(SyncExport(seq=seq, station_id=me.station_id, created_at=now, since=first, upto=now,
                         file_name=path.name, records=sum(counts.values()), audit_seq=chain.seq,
                         audit_hash=chain.hash))
        audit.record(s, at=now, station_id=me.station_id, operator_id=operator_id, action="forward",
                     detail=f"seq={seq} gates={len(stations)} bundles={len(pending)} records={sum(counts.values())}")
        s.commit()
    return ExportResult(path=path, seq=seq, counts=counts, encrypted=upper is not None,
                        encrypted_for=upper.office if upper else "", remaining=remaining)


def _counts(data: bytes) -> dict[str, int]:
    """The records of each kind a kept gate's bundle holds, as its signed manifest lists them."""
    with zipfile.ZipFile(io.BytesIO(data)) as zf:
        members = json.loads(zf.read(bundle.MANIFEST))["members"]
    return {m["type"]: m["records"] for m in members if m["records"]}


def _bundle_path(out: Path, me: Identity, seq: int, first: datetime, last: datetime) -> Path:
    return bundle_file(out, f"{safe_file_part(me.name)}_office_{first:%Y%m%d}-{last:%Y%m%d}_{seq:05d}{bundle.SUFFIX}")
