"""A bundle's records, batch by batch, into the office's tables: each checked as its station's own,
compared with what the office holds by id, revision and content digest, and created, updated, left
alone or kept as a conflict. On a server, new records are claimed and written by COPY (the lines
made by the worker that read the file, `store.bulk`)."""
from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

from sqlalchemy import Connection, Table, bindparam, select
from sqlalchemy.exc import IntegrityError

from models.formats import bundle, wire
from models.formats.bundle import BundleRejected
from models.formats.wire import parse_wire_time, wire_time
from models.store import bulk, locks, registry
from models.store.i18n import QT_TRANSLATE_NOOP, Message
from models.store.records import new_id
from models.sync import closed_rules, day_figures, reader
from models.sync.export import OVERLAP
from models.sync.inbox import FileSummary
from models.sync.records import (
    BATCH,
    DELETED,
    closings,
    held_line,
    office_made,
    record_types,
    table_types,
    withheld,
)
from models.sync.tables import ERASED, SyncConflict, SyncRecord, SyncStation

FUTURE_TOLERANCE = timedelta(minutes=10)  # a gate's clock a little fast is no error
LIVE_KEPT = 50_000  # parents a file's own records are checked against in memory, at most
_TRACKED = ["id", "record_type", "rev", "digest", "station_id"]  # a record's row in sync_record


@dataclass
class FileState:
    """What one file's records are checked against."""
    latest: str  # the last acceptable time on the wire (the office's clock plus tolerance)
    now: datetime
    seq: int
    deletes: bool  # the station has sent deletions (then a record may arrive after its own)
    owners: dict[str, str]  # the station whose records the file may bring -> its gate
    seen: bulk.SeenIds | None = None  # the ids the file brought so far
    visit_days: set[tuple[str, str]] = field(default_factory=set)  # (gate, local day) whose visits changed
    # Records of closed kinds (a testing round's lines) changed after closing, and the records
    # the file's corrections name: each of the first must be among the second.
    needs_correction: dict[str, tuple[str, str]] = field(default_factory=dict)  # id -> (type, member)
    corrected: set[str] = field(default_factory=set)
    tombstones: list[tuple[str, str, str]] = field(default_factory=list)  # (type, id, owner)
    held_before: bool = False  # the last batch brought records the office holds
    # Records this file has written (new, restored or updated): live, of this kind and this owner,
    # so a child later in the file finds its parent here instead of asking the database.
    live: dict[str, tuple[str, str]] = field(default_factory=dict)  # id -> (record type, owner)
    # When a worker read the whole file: on a server, the records made in its period claimed at
    # once (their sync rows written by one COPY); the sync rows of the others (on the embedded
    # file, of its small members) asked in one question: id -> row, and the ids asked. The sync
    # rows of the new ones among those are written in one COPY at the file's end.
    claimed: set[str] = field(default_factory=set)
    asked_held: dict[str, tuple] = field(default_factory=dict)
    asked: set[str] = field(default_factory=set)
    new_tracked: list[tuple[tuple, bytes | None]] = field(default_factory=list)
    # Personal records past the office's retention when they come (a late bundle, a record changed
    # long after it was made): erased in the file's own transaction. old_before: the retention's
    # cutoff as stored; arrived: kind -> the ids written that may be past it.
    old_before: str | None = None
    arrived: dict[str, list[str]] = field(default_factory=dict)


class BatchWriter:
    """The office's rules for records, fixed for an import: the kinds, the kinds others refer to,
    the kinds closed by a closing and the corrections that may change them."""

    def __init__(self, kinds: dict[str, wire.RecordSchema], zone: ZoneInfo):
        self.schemas = kinds
        self.zone = zone
        # The kinds other records refer to (a compound, a gate, a case, a round…): kept as a file writes them.
        self.parents = {table_types().get(table, table) for schema in kinds.values()
                        for _column, table in schema.references}
        self.closings = closings()
        self.corrections = {c.correction[0]: c.correction[1] for c in self.closings.values() if c.correction}
        self.claim_missed: set[str] = set()  # receipts of files whose records were held after all
        self.scrubbed = {s.record_type: s.aged_by for s in registry.scrubs()}  # kind -> what ages it

    @staticmethod
    def batches(opened: bundle.OpenBundle, member, schema: wire.RecordSchema, file: FileState):
        """A member read and checked here, batch by batch (no worker read the file)."""
        batch: list[wire.Decoded] = []
        for line in opened.lines(member):
            batch.append(reader.decode_line(schema, line, member.name, file.latest))
            if len(batch) >= BATCH:
                yield batch
                batch = []
        if batch:
            yield batch

    @staticmethod
    def owned(batch: list[wire.Decoded], member: str, file: FileState) -> None:
        """Each written by a station the file may bring records of, at that station's own gate (a
        batch holds a few (owner, gate)s: each is checked once, the records only when one fails)."""
        owners = file.owners
        if all(owners.get(station) is not None and gate in (None, owners[station])
               for station, gate in {(d.station_id, d.gate_id) for d in batch}):
            return
        for record in batch:
            BatchWriter._owned_one(record, member, file)

    @staticmethod
    def _owned_one(record: wire.Decoded, member: str, file: FileState) -> None:
        gate = file.owners.get(record.station_id)
        if gate is None:
            raise BundleRejected("invalid_record", record_id=record.id, member=member,
                                 detail=wire.plain(QT_TRANSLATE_NOOP("Wire", "written by another station")))
        if record.gate_id is not None and record.gate_id != gate:
            raise BundleRejected("not_owner", record_id=record.id, member=member,
                                 owner=wire.plain(QT_TRANSLATE_NOOP("Wire", "gate {gate}"), gate=record.gate_id))

    def apply_batch(self, conn: Connection, schema: wire.RecordSchema, batch: list[wire.Decoded],
                     summary: FileSummary, file: FileState, member: str) -> None:
        rtype, table = schema.record_type, schema.table
        ids = [d.id for d in batch]
        twice = file.seen.note(ids)
        if twice is not None:
            raise BundleRejected("duplicate_record", record_id=twice, member=member)
        self.check_references(conn, schema, batch, member, file)
        id_set = set(ids)  # each once: the file's ids were just proven distinct
        asked = id_set - file.claimed <= file.asked
        if asked:
            claimed = id_set & file.claimed
            held = {i: file.asked_held[i] for i in id_set.intersection(file.asked_held)}
        else:
            # On a server the records not held yet are claimed first (their sync rows written): only
            # the ones held are then asked for. A claim this file must not keep is taken back below.
            tracked = [d.tracked for d in batch]
            got = bulk.claim_new(conn, SyncRecord.__table__, _TRACKED,
                                 [(d.id, rtype, d.rev, d.digest, d.station_id) for d in batch],
                                 likely_new=not file.held_before, lines=b"".join(tracked) if all(tracked) else None)
            claimed = got or set()
            held = _held(conn, ids if got is None else [i for i in ids if i not in got])
        file.held_before = bool(held)  # a file that brings again what is held mostly brings it whole
        # Which rows are there: for records held (one deleted at the office comes back), and for every
        # id of the kinds an office makes itself (its own compound, gate, operators, shifts).
        ask = ids if rtype in office_made() else [i for i in ids if i in held] if held else []
        present = {r[0] for r in bulk.rows_in(conn, f"SELECT id FROM {_quoted(conn, table)} WHERE id IN {{in_}}", ask)}
        # Deleted by their station before they arrived (or before owners were kept): stay deleted.
        gone = self.gone(conn, batch, held) if file.deletes else set()
        inserts, updates, changed, track_new, track_update, unclaim = [], [], [], [], [], []

        def note(counts: dict) -> None:
            counts[rtype] = counts.get(rtype, 0) + 1

        # A gate's day on a server: every record new and claimed up front, nothing to decide one by one.
        settled = len(claimed) == len(batch) and not held and not present and not gone
        if settled:
            inserts.extend(batch)
            summary.created[rtype] = summary.created.get(rtype, 0) + len(batch)
            if rtype == "tombstone":
                for d in batch:
                    self.note_tombstone(rtype, d, schema, file)
        for d in () if settled else batch:
            h = held.get(d.id)
            if h is None:
                if d.id in present:  # the office's own record (its gate, its operators)
                    raise BundleRejected("not_owner", record_id=d.id, member=member, owner=office_label())
                if d.id in gone:
                    note(summary.unchanged)
                    if d.id in claimed:
                        unclaim.append(d.id)
                else:
                    inserts.append(d)
                    if d.id not in claimed:
                        track_new.append(((d.id, rtype, d.rev, d.digest, d.station_id), d.tracked))
                    present.add(d.id)
                    note(summary.created)
                self.note_tombstone(rtype, d, schema, file)
                continue
            htype, hrev, hdigest, howner = h
            if howner is not None and howner != d.station_id:
                raise BundleRejected("not_owner", record_id=d.id, member=member, owner=owner_label(conn, howner))
            if htype != rtype:
                raise BundleRejected("invalid_record", record_id=d.id, member=member, detail=wire.plain(
                    QT_TRANSLATE_NOOP("Wire", "the id of a record of another kind ({kind})"), kind=htype))
            restore = hdigest == DELETED and howner is None and d.id not in gone or \
                hdigest != DELETED and d.id not in present  # deleted at the office, not by its owner
            if restore:
                inserts.append(d)
                track_update.append((d.id, d.rev, d.digest, d.station_id))
                note(summary.created)
            elif hdigest == DELETED:
                note(summary.unchanged)
            elif d.rev > hrev:
                updates.append(_row(schema, d))
                changed.append(d)
                track_update.append((d.id, d.rev, d.digest, d.station_id))
                note(summary.updated)
            elif d.rev < hrev or d.digest == hdigest or hdigest == ERASED:
                note(summary.unchanged)
            elif self.record_conflict(conn, schema, d, file):
                summary.conflicts.append((rtype, d.id))
            else:
                note(summary.unchanged)  # the same conflict again
            self.note_tombstone(rtype, d, schema, file)
        if rtype in self.scrubbed and file.old_before is not None and (inserts or changed):
            by_made = self.scrubbed[rtype] == "created_at"  # else aged by a time only the table holds
            file.arrived.setdefault(rtype, []).extend(
                d.id for d in (*inserts, *changed)
                if not by_made or d.created_at is None or d.created_at < file.old_before)
        if rtype in self.parents and len(file.live) < LIVE_KEPT:
            file.live.update((d.id, (rtype, d.station_id)) for d in inserts)
            file.live.update((d.id, (rtype, d.station_id)) for d in changed)
        if rtype in self.corrections:
            column = self.corrections[rtype]
            file.corrected.update(t for d in inserts + changed for c, t in d.refs if c == column)
        if changed and rtype in self.closings:
            closed_rules.check(conn, schema, self.closings[rtype], changed, file.needs_correction, member)
        if rtype == "visit" and (inserts or updates):
            file.visit_days.update((d.gate_id, day_figures.local_day(d.created_at, self.zone))
                                   for d in inserts + changed)
        lines = [d.copy for d in inserts]
        if lines and all(lines):  # made by the worker that read the file
            bulk.copy_lines(conn, table, schema.stored, lines)
        else:
            bulk.bulk_insert(conn, table, schema.stored, [_row(schema, d) for d in inserts])
        bulk.bulk_update(conn, table, schema.stored, updates)
        if asked:  # written with the file's others at its end; until then its parents are in file.live
            file.new_tracked.extend(track_new)
        else:
            _insert_tracked(conn, track_new)
        if unclaim:  # deleted by their station before they came: the tombstone alone keeps them out
            conn.execute(SyncRecord.__table__.delete().where(SyncRecord.id.in_(unclaim)))
        if track_update:
            conn.execute(SyncRecord.__table__.update().where(SyncRecord.id == bindparam("b_id")).values(
                rev=bindparam("b_rev"), digest=bindparam("b_digest"), station_id=bindparam("b_owner")),
                [{"b_id": i, "b_rev": r, "b_digest": g, "b_owner": o} for i, r, g, o in track_update])

    @staticmethod
    def gone(conn: Connection, batch: list[wire.Decoded], held: dict) -> set[str]:
        """The ids of the batch a deletion by their own station has reached first."""
        owner_of = {d.id: d.station_id for d in batch}
        open_ids = [i for i in owner_of if i not in held or (held[i][2] == DELETED and held[i][3] is None)]
        return {rid for rid, by in bulk.rows_in(conn, "SELECT record_id, station_id FROM tombstone "
                                                "WHERE record_id IN {in_}", open_ids) if by == owner_of[rid]}

    def ask_ahead(self, conn: Connection, opened: bundle.OpenBundle, read: reader.Read, file: FileState) -> None:
        """What the office holds of a file a worker read whole, settled before its first batch.

        On a server, the records made within the file's period are new but for a bundle sent
        twice: they are claimed at once, their sync rows written by one COPY (batch by batch that
        took a savepoint and a COPY for each member, a dozen round trips a gate's day). Should one
        be held after all, the COPY fails whole and the file is run again asking instead (the
        claim never overwrites anything). The rest (parents a bundle brings along, records
        changed since they were sent) are asked in one question, as are a file's small members
        on the embedded file. The file brings each id once, and its station's lock keeps any
        other import of that station out meanwhile, so what is settled here is what each batch
        would have found."""
        since = _claim_after(conn, opened.manifest.period.from_) \
            if bulk.claims_whole_files(conn) and opened.receipt_id not in self.claim_missed else None
        claim = since is not None
        new, ids = [], []
        for index, member in enumerate(opened.members):
            if member.record_type not in self.schemas:
                continue
            for d in read.members[index].records():
                if claim and d.tracked and d.created_at is not None and d.created_at > since:
                    new.append(d)
                elif claim or member.records < bulk.CLAIM_FROM:
                    ids.append(d.id)
        if new:
            try:
                bulk.copy_lines(conn, SyncRecord.__table__, _TRACKED, [d.tracked for d in new])
            except IntegrityError as exc:
                if locks.is_transient(exc):  # held after all (or taken meanwhile): run again, asking
                    self.claim_missed.add(opened.receipt_id)
                raise
            file.claimed = {d.id for d in new}
        file.asked_held = _held(conn, ids)
        file.asked = set(ids)

    def write_new_tracked(self, conn: Connection, file: FileState) -> None:
        """The sync rows of the new records of the batches asked ahead, in one write."""
        if file.new_tracked:
            _insert_tracked(conn, file.new_tracked)
            file.new_tracked = []

    @staticmethod
    def note_tombstone(rtype: str, d: wire.Decoded, schema: wire.RecordSchema, file: FileState) -> None:
        if rtype == "tombstone":
            row = dict(zip(schema.stored, _row(schema, d)))
            file.tombstones.append((row["record_type"], row["record_id"], d.station_id))

    def check_references(self, conn: Connection, schema: wire.RecordSchema, batch: list[wire.Decoded],
                          member: str, file: FileState) -> None:
        """Each record refers only to records of its own station that the office holds (parents
        travel before children, so they are held by now)."""
        if not schema.references:
            return
        targets = {target for d in batch for _column, target in d.refs}
        if not targets:
            return
        owners = {rid: (*file.live[rid], "") for rid in targets if rid in file.live}  # written by this file
        if len(owners) < len(targets) and len(file.live) >= LIVE_KEPT:
            self.write_new_tracked(conn, file)  # a parent not kept in memory is then found written
        owners.update({rid: (t, owner, dig) for rid, t, owner, dig in bulk.rows_in(
            conn, "SELECT id, record_type, station_id, digest FROM sync_record WHERE id IN {in_}",
            [t for t in targets if t not in owners])})
        for d in batch:  # a record of its own kind in the same batch (a follow-up visit of an earlier one)
            if d.id in targets and d.id not in owners:
                owners[d.id] = (schema.record_type, d.station_id, "")
        parent = dict(schema.references)
        for d in batch:
            for column, target in d.refs:
                kind = table_types().get(parent[column], parent[column])
                held = owners.get(target)
                if held is None or held[0] != kind or held[2] == DELETED:
                    raise BundleRejected("missing_reference", record_id=d.id, member=member,
                                         target=f"{kind} {target}")
                if held[1] != d.station_id:
                    raise BundleRejected("not_owner", record_id=d.id, member=member,
                                         owner=owner_label(conn, held[1]))

    def record_conflict(self, conn: Connection, schema: wire.RecordSchema, d: wire.Decoded, file: FileState) -> bool:
        same = conn.execute(select(SyncConflict.id).where(
            SyncConflict.record_id == d.id, SyncConflict.rev == d.rev,
            SyncConflict.incoming_digest == d.digest)).first()
        if same is not None:
            return False
        conn.execute(SyncConflict.__table__.insert().values(
            id=new_id(), record_type=schema.record_type, record_id=d.id, rev=d.rev, station_id=d.station_id,
            seq=file.seq, held=held_line(conn, wire.codec_for(schema.record_type, record_types()[schema.record_type], withheld(schema.record_type)),
                                         d.id).decode(),
            incoming=d.canonical.decode(), incoming_digest=d.digest, detected_at=file.now))
        return True


def owner_label(conn: Connection, station_id: str | None) -> str:
    row = conn.execute(select(SyncStation.compound_name, SyncStation.gate_name)
                       .where(SyncStation.station_id == station_id)).first()
    return f"{row[0]} {row[1]}" if row else (station_id or "?")


def office_label() -> Message:
    return wire.plain(QT_TRANSLATE_NOOP("Wire", "this office"))


def latest(now: datetime) -> str:
    """The last time on the wire a file imported now may hold: a gate's clock a little fast is no error."""
    return wire_time(now + FUTURE_TOLERANCE)


def _claim_after(conn: Connection, period_from: str | None) -> str | None:
    """The time (as stored) after which a file's records are likely new: the start of its period,
    plus OVERLAP (a gate's incremental export repeats the last minutes of its previous one); None
    where nothing can be (a period starting at the end of time)."""
    if period_from is None:
        return ""
    try:
        return bulk.time_storage(conn.dialect.name)(wire_time(parse_wire_time(period_from) + OVERLAP))
    except (ValueError, OverflowError):
        return None


def _insert_tracked(conn: Connection, tracked: list[tuple[tuple, bytes | None]]) -> None:
    """New records' sync rows: (row, the same row as a COPY line where a worker made it)."""
    if all(line for _row, line in tracked):
        bulk.copy_lines(conn, SyncRecord.__table__, _TRACKED, [line for _row, line in tracked])
    else:
        bulk.bulk_insert(conn, SyncRecord.__table__, _TRACKED, [row for row, _line in tracked])


def _row(schema: wire.RecordSchema, d: wire.Decoded) -> tuple:
    """The record's row; one a worker handed over packed comes without it (reader.ReadMember.pack)."""
    return d.row if d.row is not None else schema.decode(d.canonical).row


def _held(conn: Connection, ids: list[str]) -> dict[str, tuple]:
    """The office's sync rows of these ids: id -> (record type, revision, digest, owner)."""
    return {rid: (t, rev, dig, owner) for rid, t, rev, dig, owner in bulk.rows_in(
        conn, "SELECT id, record_type, rev, digest, station_id FROM sync_record WHERE id IN {in_}", ids)}


def _quoted(conn: Connection, table: Table) -> str:
    return conn.dialect.identifier_preparer.quote(table.name)
