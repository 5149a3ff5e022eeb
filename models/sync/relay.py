"""Relays carry, they do not vouch: an office's bundle (format 4) holds its gates' own signed bundles,
byte for byte as the gates wrote them, and the office above imports each as if the gate had brought
it, against the gate's own key.

The forwarding office's signature proves only who relayed the file. It may leave a gate's bundle
out, never change one: a record, a revision or a deletion the gate did not sign fails the gate's
signature or its checksums. A gate's bundle that the gate encrypted for the office below travels
with its content key (inside the relay's own envelope, encrypted for the office above), so the
office above reads the very bytes the gate signed. A gate the office above has never seen is
enrolled by its key as it comes (its fingerprint is in the summary); one it knows must sign with
the key it knows. The gate's unit is what its own signed set-up names (or where an administrator
here placed its compound): a gate outside the relay's unit is refused, whatever the relay says.
"""
from __future__ import annotations

import tempfile
from datetime import datetime
from pathlib import Path

from sqlalchemy import Connection, func, select

from models.formats import bundle, wire
from models.formats.bundle import BundleRejected
from models.store import locks
from models.sync import census, units
from models.sync.units import OfficeUnit
from models.sync.inbox import Cancelled, FileSummary, write_receipt
from models.sync.keys import enroll, enrolled
from models.sync.tables import RelayedBundle, SyncForwarder, SyncReceipt, SyncStation
from models.trust import audit

MAX_SEQUENCE_STEP = 10_000


def keep(conn: Connection, opened: bundle.OpenBundle, data: bytes, now: datetime) -> None:
    """A gate's bundle as it was signed, for the next forward upward (once per bundle)."""
    if conn.execute(select(RelayedBundle.receipt_id).where(
            RelayedBundle.receipt_id == opened.receipt_id)).first() is not None:
        return
    conn.execute(RelayedBundle.__table__.insert().values(
        receipt_id=opened.receipt_id, station_id=opened.station_id, seq=opened.manifest.sequence, received_at=now,
        content_key=bundle.b64(opened.content_key) if opened.content_key else None, size=len(data), data=data,
        forwarded_seq=None))


def relay_unit(conn: Connection, opened: bundle.OpenBundle) -> OfficeUnit:
    """The unit the relaying office speaks for: fixed by its first bundle here."""
    m = opened.manifest
    unit = OfficeUnit(m.compound.district, m.compound.subdistrict, m.compound.community).cleaned()
    if unit.empty:
        raise BundleRejected("bad_manifest", detail="compound: no district, sub-district or community")
    before = conn.execute(select(SyncForwarder.district, SyncForwarder.subdistrict, SyncForwarder.community)
                          .where(SyncForwarder.station_id == opened.station_id)).first()
    if before is not None and tuple(before) != unit.names:
        raise BundleRejected("unit_changed", office=m.compound.name, unit=unit.shown(),
                             before=OfficeUnit(*before).shown())
    return unit


def _index(opened: bundle.OpenBundle) -> tuple[list[tuple[wire.RelayedLine, bundle.Member]], bundle.Member | None]:
    """relayed.jsonl first, naming each relayed member exactly once, in the order they are stored;
    then (format 8) the census member, the office's own."""
    members = opened.members
    if not members or members[0].record_type != bundle.RELAYED:
        raise BundleRejected("missing_member", member=f"{bundle.RELAYED}.jsonl")
    counted = None
    rest = members[1:]
    if opened.manifest.format_version >= bundle.CENSUS_FORMAT_VERSION:
        if not rest or rest[0].record_type != bundle.CENSUS:
            raise BundleRejected("missing_member", member=f"{bundle.CENSUS}.jsonl")
        counted, rest = rest[0], rest[1:]
    nested = {m.name.removesuffix(bundle.ENCRYPTED_SUFFIX): m for m in rest if m.record_type == bundle.RELAYED_BUNDLE}
    stray = next((m.name for m in rest if m.record_type != bundle.RELAYED_BUNDLE), None)
    if stray is not None:
        raise BundleRejected("unexpected_member", member=stray[:100])
    entries: list[tuple[wire.RelayedLine, bundle.Member]] = []
    for line in opened.lines(members[0]):
        try:
            entry = wire.RELAYED_LINE.decode(line)
        except Exception as exc:  # noqa: BLE001 - msgspec's errors: any of them is an invalid line
            raise BundleRejected("invalid_record", record_id="?", member=members[0].name,
                                 detail=wire.explain(exc)) from None
        member = nested.pop(entry.member, None)
        if member is None:
            raise BundleRejected("missing_member", member=entry.member)
        entries.append((entry, member))
    if nested:
        raise BundleRejected("unexpected_member", member=next(iter(nested))[:100])
    if len({e.receipt for e, _m in entries}) != len(entries):
        raise BundleRejected("bad_manifest", detail="a gate's bundle is relayed twice")
    return entries, counted


def apply_relayed(importer, conn: Connection, opened: bundle.OpenBundle, summary: FileSummary, now: datetime,
                  progress, cancelled) -> None:
    """An office's format-4 bundle: each gate's bundle in it imported as the gate's own, in this
    file's transaction (one refused refuses the file)."""
    m = opened.manifest
    relay_id = opened.station_id
    unit = relay_unit(conn, opened)
    locks.hold(conn, f"station:{relay_id}")
    if conn.execute(select(SyncStation.station_id).where(SyncStation.station_id == relay_id)).first() is not None:
        raise BundleRejected("bad_manifest", detail="station.id")  # a gate here is not an office
    entries, counted = _index(opened)
    last = conn.execute(select(func.max(SyncReceipt.seq)).where(SyncReceipt.station_id == relay_id)).scalar()
    if m.sequence > (last or 0) + MAX_SEQUENCE_STEP:
        raise BundleRejected("implausible_sequence", sequence=m.sequence, last=last or 0)
    summary.already_imported = conn.execute(
        select(SyncReceipt.id).where(SyncReceipt.id == opened.receipt_id)).first() is not None
    trust = importer.trust_new_key or opened.path in importer.trusted_files
    forwarders = {r[0] for r in conn.execute(select(SyncForwarder.station_id))} | {relay_id, importer.station_id}
    with tempfile.TemporaryDirectory(prefix="gatedesk-relay-") as tmp:
        for done, (entry, member) in enumerate(entries, 1):
            path = Path(tmp) / f"{done:06d}{bundle.SUFFIX}"
            with open(path, "wb") as out:
                opened.spool(member, out)
            key = bundle.unb64(entry.content_key) if entry.content_key else None
            inner_summary = FileSummary(path=Path(entry.member))
            with bundle.open_bundle(path, content_key=key, known_key=importer.known_key(conn),
                                    trust_new_key=trust, admit_new=lambda _key: True) as inner:
                gm = inner.manifest
                if (inner.receipt_id, inner.station_id, gm.sequence) != (entry.receipt, entry.station_id,
                                                                         entry.sequence):
                    raise BundleRejected("bad_manifest", detail=f"{bundle.RELAYED}.jsonl: {entry.member}")
                if gm.kind == "office":
                    raise BundleRejected("bad_manifest", detail=f"{entry.member}: an office's bundle")
                label = f"{gm.compound.name} {gm.gate.name}"
                if inner.station_id in forwarders:
                    raise BundleRejected("not_owner", record_id=inner.station_id, member=entry.member,
                                         owner=m.compound.name)
                c = gm.compound
                theirs = units.place_here(conn, c.id, OfficeUnit(c.district, c.subdistrict, c.community))
                if units.outside(unit, theirs):
                    raise BundleRejected("not_in_scope", office=m.compound.name, station=label,
                                         where=theirs.shown() or "-", unit=unit.shown())
                fingerprint = bundle.key_id(inner.public_key)
                first_seen = importer.known_key(conn)(inner.station_id) is None
                if first_seen and not enrolled(conn, fingerprint):
                    enroll(conn, fingerprint, now=now, operator_id=importer.operator_id,
                           station_id=importer.station_id, audited=False)
                    importer.note_enrolled(f"{fingerprint} via={relay_id}")
                importer.apply(conn, inner, inner_summary, now, None, cancelled, None, fill=unit, via=relay_id)
                if importer.keeps_relayed:
                    keep(conn, inner, path.read_bytes(), now)
            summary.add(inner_summary, label=label, fingerprint=fingerprint if first_seen else None)
            path.unlink()
            if cancelled and cancelled():
                raise Cancelled()
            if progress:
                progress(done, len(entries))
    if summary.already_imported:
        return  # the very bundle came before: each gate's bundle in it proven again, nothing written
    if counted is not None:  # after the gates' bundles: a gate's compound it names may have come in them
        census.apply(conn, opened, counted, unit, summary, now)
    write_receipt(conn, opened, summary, now)
    # The relaying office's own chain, compared across its bundles as a gate's is.
    summary.audit_alarm = summary.audit_alarm or importer.chain_alarm(conn, relay_id, m.sequence)
    _note_relay(importer, conn, opened, unit, now)
    audit.record(conn, at=now, station_id=importer.station_id, operator_id=importer.operator_id, action="import",
                 detail=f"receipt={opened.receipt_id[:16]} office={relay_id} bundles={len(entries)} seq={m.sequence} "
                 f"created={summary.total('created')} updated={summary.total('updated')} "
                 f"conflicts={len(summary.conflicts)}")


def _note_relay(importer, conn: Connection, opened: bundle.OpenBundle, unit: OfficeUnit, now: datetime) -> None:
    m = opened.manifest
    table = SyncForwarder.__table__
    row = conn.execute(select(SyncForwarder.last_seq, SyncForwarder.public_key)
                       .where(SyncForwarder.station_id == opened.station_id)).first()
    if row is None:
        conn.execute(table.insert().values(
            station_id=opened.station_id, public_key=opened.public_key, name=m.compound.name,
            district=unit.district, subdistrict=unit.subdistrict, community=unit.community,
            first_seen=now, last_imported_at=now, last_seq=m.sequence))
        return
    if row[1] != opened.public_key:
        audit.record(conn, at=now, station_id=importer.station_id, operator_id=importer.operator_id,
                     action="trust_key", record_id=opened.station_id,
                     detail=f"{bundle.key_id(row[1])} -> {bundle.key_id(opened.public_key)}")
    conn.execute(table.update().where(table.c.station_id == opened.station_id).values(
        public_key=opened.public_key, name=m.compound.name, last_imported_at=now, last_seq=max(row[0], m.sequence)))
