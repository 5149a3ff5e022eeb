"""One gate's bundle at the office, in the import's transaction: its manifest checked (its station,
its sequence, its members), its records written batch by batch (`batches`), its deletions
(`tombstones`), then the gate's day figures, its compound's units, its station and its receipt.
An office's bundle relays gates' own bundles: each comes back here as its gate's (`relay`)."""
from __future__ import annotations

from datetime import datetime, timedelta

from sqlalchemy import Connection, func, select
from sqlalchemy.orm import Session

from models.formats import bundle
from models.formats.bundle import BundleRejected
from models.formats.wire import parse_wire_time, wire_time
from models.setup.site import Compound, Gate, Station
from models.store import bulk, locks, registry
from models.store.i18n import QT_TRANSLATE_NOOP, Message
from models.supervision.tables import Inspection
from models.sync import closed_rules, day_figures, reader, relay, units
from models.sync.batches import FUTURE_TOLERANCE, BatchWriter, FileState, latest, office_label, owner_label
from models.sync.forward import OfficeUnit
from models.sync.inbox import Cancelled, FileSummary, write_receipt
from models.sync.keys import INSPECTION
from models.sync.records import DELETED, member_types
from models.sync.tables import SyncForwarder, SyncReceipt, SyncRecord, SyncStation, Tombstone
from models.sync.tombstones import delete_tombstoned
from models.trust import audit, retention

MAX_SEQUENCE_STEP = 10_000  # years of daily exports; a jump of millions is not a real series


def apply(importer, conn: Connection, opened: bundle.OpenBundle, summary: FileSummary, now: datetime,
          progress, cancelled, read: reader.Read | None, *, fill: OfficeUnit | None = None,
          via: str | None = None) -> None:
    """One gate's bundle (or an office's, relaying gates' bundles). fill: the unit of the office
    that relayed it, for the levels the gate's set-up left empty; via: that office."""
    m = opened.manifest
    writer: BatchWriter = importer.writer
    station_id, seq = opened.station_id, m.sequence
    created_at = parse_wire_time(m.created_at)
    summary.station_id, summary.seq, summary.compound, summary.gate = station_id, seq, m.compound.name, m.gate.name
    if created_at > now + FUTURE_TOLERANCE:
        raise BundleRejected("future_record", record_id="manifest", member=bundle.MANIFEST, when=m.created_at)
    if station_id == importer.station_id:
        raise BundleRejected("not_owner", record_id=station_id, member=bundle.MANIFEST, owner=office_label())
    if m.kind == "office":
        if m.format_version < bundle.RELAY_FORMAT_VERSION:
            raise BundleRejected("relay_unverified", office=m.compound.name)
        relay.apply_relayed(importer, conn, opened, summary, now, progress, cancelled)
        return
    # A gate is not an office here.
    if conn.execute(select(SyncForwarder.station_id).where(SyncForwarder.station_id == station_id)).first():
        raise BundleRejected("bad_manifest", detail="station.id")
    # Another PC importing this gate's bundles waits its turn.
    locks.hold(conn, f"station:{station_id}")
    types = [member.record_type for member in opened.members]
    expected = member_types(m.format_version)
    if types != expected:
        missing = [t for t in expected if t not in types]
        if missing:
            raise BundleRejected("missing_member", member=f"{missing[0]}.jsonl")
        extra = next((t for t in types if t not in expected), None)
        if extra is not None:
            raise BundleRejected("unexpected_member", member=extra[:100])
        raise BundleRejected("bad_manifest", detail="members out of order or listed twice")
    _check_kind(conn, opened, station_id)
    last = conn.execute(select(func.max(SyncReceipt.seq)).where(SyncReceipt.station_id == station_id)).scalar()
    if seq > (last or 0) + MAX_SEQUENCE_STEP:
        raise BundleRejected("implausible_sequence", sequence=seq, last=last or 0)
    summary.already_imported = conn.execute(
        select(SyncReceipt.id).where(SyncReceipt.id == opened.receipt_id)).first() is not None
    total = sum(member.records for member in opened.members)
    done = 0
    if summary.already_imported:
        importer.audit_enrollments(conn, now)
        # The very bundle (same signed manifest, checked contents) was applied before:
        # applying it again cannot change anything, so only its integrity is proven.
        for member in opened.members:
            if read is None or not read.whole:
                for _line in opened.lines(member):
                    pass
            if member.records:
                summary.unchanged[member.record_type] = member.records
            done += member.records
            if cancelled and cancelled():
                raise Cancelled()
            if progress:
                progress(done, total)
        importer.keep(conn, opened, now)
        return
    owners = {station_id: m.gate.id}
    deletes = next((x.records for x in opened.members if x.record_type == "tombstone"), 0) > 0 or \
        conn.execute(select(Tombstone.id).where(Tombstone.station_id.in_(owners)).limit(1)).first() is not None
    file = FileState(latest=latest(now), now=now, seq=seq, deletes=deletes, owners=owners)
    file.seen = bulk.SeenIds(conn, total)
    cutoff = now - timedelta(days=importer.retention_days)
    file.old_before = bulk.time_storage(conn.dialect.name)(wire_time(cutoff))
    if read is not None and read.whole:
        writer.ask_ahead(conn, opened, read, file)
    for index, member in enumerate(opened.members):
        schema = writer.schemas[member.record_type]
        for batch in read.batches(index) if read is not None else writer.batches(opened, member, schema, file):
            writer.owned(batch, member.name, file)
            writer.apply_batch(conn, schema, batch, summary, file, member.name)
            done += len(batch)
            if cancelled and cancelled():
                raise Cancelled()
            if progress:
                progress(done, total)
    if cancelled and cancelled():
        raise Cancelled()
    writer.write_new_tracked(conn, file)
    closed_rules.corrected(file.needs_correction, file.corrected)
    delete_tombstoned(conn, file, writer.zone)
    erased = retention.erase_arrived(conn, file.arrived, cutoff=cutoff, now=now)
    if erased.total:
        audit.record(conn, at=now, station_id=importer.station_id, operator_id=None, action="purge",
                     detail=f"{erased.detail()} on_arrival station={station_id}")
    day_figures.recount(conn, file.visit_days, writer.zone)
    # Each of the station's compounds in the units its set-up names (few rows: its own compound);
    # a level it left empty is the relaying office's, where one relayed it. A supervision team's
    # station names its own unit there, and is no compound of it.
    fill = fill or OfficeUnit()
    units.place_compounds(conn, [] if m.station.kind == INSPECTION else [
        (cid, d or fill.district, sd or fill.subdistrict, c or fill.community)
        for cid, d, sd, c in conn.execute(select(Compound.id, Compound.district, Compound.subdistrict,
                                                 Compound.community).where(Compound.station_id == station_id))],
        {m.compound.id: m.compound.grid})
    _check_station(conn, station_id, m.gate.id, m.compound.id, m.station.created_at)
    if m.station.kind == INSPECTION:
        _check_own_unit(conn, m, station_id)
    _note_station(importer, conn, station_id, opened.public_key, m.compound, m.gate, seq, created_at, now,
                  m.station.kind)
    write_receipt(conn, opened, summary, now)
    summary.audit_alarm = audit_alarm(conn, station_id, seq)
    importer.keep(conn, opened, now)
    importer.audit_enrollments(conn, now)
    audit.record(conn, at=now, station_id=importer.station_id, operator_id=importer.operator_id, action="import",
                 detail=f"receipt={opened.receipt_id[:16]} station={station_id}"
                 + (f" via={via}" if via else "")
                 + f" seq={seq} created={summary.total('created')} updated={summary.total('updated')} "
                 f"conflicts={len(summary.conflicts)}"
                 + (f" audit_alarm={summary.audit_alarm}" if summary.audit_alarm else ""))


# Stations and what they may send: a gate its logs, an inspection station its visits and findings;
# both their set-up (compound, gate), operators and shifts.
SHARED = frozenset({"compound", "gate", "operator", "shift", "tombstone"})
KIND_NAMES = {"gate": QT_TRANSLATE_NOOP("Sync", "a gate"),
              INSPECTION: QT_TRANSLATE_NOOP("Sync", "a supervision team's station")}


def supervision_types() -> frozenset[str]:
    return frozenset(r.name for f in registry.features() if f.name == "supervision" for r in f.records)


def _check_kind(conn: Connection, opened: bundle.OpenBundle, station_id: str) -> None:
    """A station stays the kind its first bundle said, and sends only what its kind may."""
    m = opened.manifest
    kind = m.station.kind
    before = conn.execute(select(SyncStation.kind).where(SyncStation.station_id == station_id)).scalar()
    if before is not None and before != kind:
        raise BundleRejected("station_kind_changed", station=m.gate.name, kind=Message("Sync", KIND_NAMES[kind]),
                             before=Message("Sync", KIND_NAMES.get(before, KIND_NAMES["gate"])))
    team = supervision_types()
    for member in opened.members:
        if not member.records:
            continue
        allowed = member.record_type in team or member.record_type in SHARED if kind == INSPECTION \
            else member.record_type not in team
        if not allowed:
            owner = "gate" if member.record_type not in team else INSPECTION
            raise BundleRejected("wrong_station_kind", member=member.name, station=m.gate.name,
                                 kind=Message("Sync", KIND_NAMES[owner]))


def _check_own_unit(conn: Connection, m, station_id: str) -> None:
    """A team inspects no compound of the unit it belongs to (its set-up names that unit)."""
    t = units.tree(Session(bind=conn))
    unit = units.unit_named(t, m.compound.district, m.compound.subdistrict, m.compound.community)
    if unit is None:
        return
    under = t.compounds_under(unit)
    hit = conn.execute(select(Inspection.compound_name).where(Inspection.station_id == station_id,
                                                              Inspection.compound_id.in_(under)).limit(1)).scalar()
    if hit is not None:
        raise BundleRejected("own_unit", station=m.compound.name, compound=hit, unit=t.units[unit].name)


def _check_station(conn: Connection, station_id: str, gate_id: str, compound_id: str,
                   created_at: str) -> None:
    """The gate and compound a bundle names are its own station's, and the station stays at its gate."""
    for kind, rid in (("gate", gate_id), ("compound", compound_id)):
        held = conn.execute(select(SyncRecord.record_type, SyncRecord.station_id, SyncRecord.digest)
                            .where(SyncRecord.id == rid)).first()
        if held is None or held[0] != kind or held[2] == DELETED:
            raise BundleRejected("missing_reference", record_id="manifest", member=bundle.MANIFEST,
                                 target=f"{kind} {rid}")
        if held[1] != station_id:
            raise BundleRejected("not_owner", record_id=rid, member=bundle.MANIFEST,
                                 owner=owner_label(conn, held[1]))
    gate_compound = conn.execute(select(Gate.compound_id).where(Gate.id == gate_id)).scalar()
    if gate_compound != compound_id:
        raise BundleRejected("bad_manifest", detail="compound.id")
    at = conn.execute(select(Station.gate_id).where(Station.id == station_id)).first()
    if at is None:
        conn.execute(Station.__table__.insert().values(id=station_id, gate_id=gate_id,
                                                       created_at=parse_wire_time(created_at)))
    elif at[0] != gate_id:
        raise BundleRejected("bad_manifest", detail="station.gate_id")

def _note_station(importer, conn: Connection, station_id: str, public_key: str, compound, gate, seq: int,
                  created_at: datetime, now: datetime, kind: str = "gate") -> None:
    values = dict(public_key=public_key, compound_id=compound.id, compound_name=compound.name,
                  community=compound.community, gate_id=gate.id, gate_name=gate.name,
                  last_imported_at=now, kind=kind)
    table = SyncStation.__table__
    row = conn.execute(select(SyncStation.last_seq, SyncStation.last_bundle_at, SyncStation.public_key)
                       .where(SyncStation.station_id == station_id)).first()
    if row is None:
        conn.execute(table.insert().values(station_id=station_id, first_seen=now, last_seq=seq,
                                           last_bundle_at=created_at, **values))
    else:
        if row[2] != public_key:  # someone accepted the gate's new key (after a phone call)
            audit.record(conn, at=now, station_id=importer.station_id, operator_id=importer.operator_id,
                         action="trust_key", record_id=station_id,
                         detail=f"{bundle.key_id(row[2])} -> {bundle.key_id(public_key)}")
        if seq >= row[0]:
            values.update(last_seq=seq, last_bundle_at=created_at)
        conn.execute(table.update().where(table.c.station_id == station_id).values(**values))


def audit_alarm(conn: Connection, station_id: str, seq: int) -> str | None:
    """Whether the gate's audit chain went backwards or was replaced between its bundles, as far
    as the bundles received so far show (in any order). Noted on the station; returns what this
    bundle (number seq) showed."""
    rows = conn.execute(select(SyncReceipt.seq, SyncReceipt.audit_seq, SyncReceipt.audit_hash,
                               SyncReceipt.audit_prev_seq, SyncReceipt.audit_prev_hash)
                        .where(SyncReceipt.station_id == station_id, SyncReceipt.audit_seq.is_not(None))
                        .order_by(SyncReceipt.seq)).all()
    found = None
    for (s1, a1, h1, _p1, _q1), (s2, a2, h2, p2, q2) in zip(rows, rows[1:]):
        alarm = None
        if a2 < a1:
            alarm = "backwards"
        elif a2 == a1 and h2 != h1:
            alarm = "replaced"
        elif s2 == s1 + 1 and p2 == a1 and a1 > 0:
            alarm = None if q2 == h1 else "backwards" if q2 is None else "replaced"
        if alarm and s1 != s2 and seq in (s1, s2):
            found = found or alarm
        if alarm:
            conn.execute(SyncStation.__table__.update().where(
                SyncStation.station_id == station_id, SyncStation.audit_alarm.is_(None)).values(
                audit_alarm=alarm, audit_alarm_seq=s2))
    return found
