"""Bundles read and checked ahead of the import, in worker processes.

Reading a bundle (inflating, decrypting, proving each member's checksum) and checking its records
(every field on the wire, each time a real day and not in the future) is a third of an import's
work and needs no database: while the importer applies one file, workers read the next ones. A
worker believes nothing more than a file itself proves: it checks the signature against the key
the manifest carries, and the importer then makes every decision that needs the office's data
(which key it holds for the station, enrollment, ownership, revisions) on its own opening of the
file, taking the worker's records only when that opening's signed manifest is the one the worker
read. A file the workers could not read (too big to hand over, changed on the stick meanwhile, a
worker gone) is read by the importer itself, as a single file always is: the outcome is the same.
"""
from __future__ import annotations

import multiprocessing
import os
import threading
from collections.abc import Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path

from models.formats import bundle, wire
from models.formats.bundle import BundleRejected
from models.store import bulk
from models.sync.records import BATCH, schemas

# A worker hands a file over whole: beyond this many records (an office's bundle of a whole
# district) the importer reads the file itself, in batches, so memory stays bounded.
READ_AHEAD_RECORDS = 25_000
MAX_WORKERS = 4
# A worker takes most of a second to start: worth it only for more than a few seconds of reading
# (a gate's day is 100-300 kB).
READ_AHEAD_MIN_BYTES = 1_000_000


def decode_line(schema: wire.RecordSchema, line: bytes, member: str, latest: str) -> wire.Decoded:
    """One line checked as a record of its member, or the file's rejection saying where."""
    try:
        return schema.decode(line, latest)
    except wire.Future as exc:
        raise BundleRejected("future_record", record_id=exc.record_id, member=member, when=exc.when) from None
    except wire.Invalid as exc:
        raise BundleRejected("invalid_record", record_id=exc.record_id or "?", member=member,
                             detail=exc.detail) from None


@dataclass
class ReadMember:
    name: str
    items: list  # wire.Decoded for a kind of record; raw lines for any other member
    problem: tuple | None = None  # (code, record id, params) of the rejection after items
    packed: tuple | None = None  # the records as handed over (pack), until the importer asks for them

    def pack(self, record_type: str) -> None:
        """Records, in the form that crosses to the importer cheaply: what it decides by (id,
        revision, digest, owner, gate, references, time) as plain tuples, and their canonical
        forms, COPY lines and sync rows' COPY lines as three byte strings (made here, off the
        importer's core). The row itself stays behind: the importer writes the COPY line, and the
        rare record it must update (held already) it decodes again from its canonical form.
        Handing over a gate's day whole, rows and all, cost worker and importer 25 ms of pickling
        a file, a seventh of the import."""
        items, line = self.items, bulk.copy_line
        self.packed = ([(d.id, d.rev, d.digest, d.station_id, d.gate_id, d.refs, d.created_at) for d in items],
                       b"\n".join(d.canonical for d in items), b"".join(line(d.row) for d in items),
                       b"".join(_tracked_line(d, record_type) for d in items))
        self.items = []

    def records(self) -> list:
        """The member's records (or lines); a packed member's come without their rows."""
        if self.packed is not None:
            meta, canonical, copy, tracked = self.packed
            # Neither a canonical form (JSON) nor a COPY line holds a raw line break: each splits exactly.
            forms, copies, tracks = canonical.split(b"\n"), copy.splitlines(True), tracked.splitlines(True)
            if meta and not len(meta) == len(forms) == len(copies) == len(tracks):
                raise ValueError("a packed member does not split into its records")
            self.items = [wire.Decoded(i, rev, dig, None, owner, gate, refs, form, line, track, at)
                          for (i, rev, dig, owner, gate, refs, at), form, line, track
                          in zip(meta, forms, copies, tracks)] if meta else []
            self.packed = None
        return self.items


@dataclass
class Read:
    """One file as a worker read it: the signed manifest it read, and each member's records."""
    receipt_id: str
    public_key: str
    members: list[ReadMember] = field(default_factory=list)

    def matches(self, opened: bundle.OpenBundle) -> bool:
        """The same signed manifest (its receipt id is of the whole manifest, members' checksums
        included) and key as the importer's own opening of the file."""
        return (self.receipt_id, self.public_key) == (opened.receipt_id, opened.public_key)

    @property
    def whole(self) -> bool:
        """Every member read to its end, its checksum and count proven."""
        return all(m.problem is None for m in self.members)

    def batches(self, index: int) -> Iterator[list]:
        """A member's records (or lines) in the importer's batches; then its rejection, at the
        record it found, after the records before it (as reading the file in place would)."""
        member = self.members[index]
        items = member.records()
        # A batch the rejection falls in is never applied (reading in place, its lines are checked first).
        end = len(items) if member.problem is None else len(items) - len(items) % BATCH
        for start in range(0, end, BATCH):
            yield items[start:start + BATCH]
        if member.problem is not None:
            code, record_id, params = member.problem
            raise BundleRejected(code, record_id, **params)


_schemas: dict[str, dict[str, wire.RecordSchema]] = {}


def read_file(path: str, office_key: str | None, latest: str, dialect: str) -> Read | None:
    """In a worker: the file read and checked, or None where the importer must read it itself."""
    try:
        opened = bundle.open_bundle(Path(path), office_key=office_key)
    except BundleRejected:
        return None  # the importer's own opening says why
    with opened:
        if opened.manifest.kind == "office" or sum(m.records for m in opened.members) > READ_AHEAD_RECORDS:
            return None
        if dialect not in _schemas:
            _schemas[dialect] = schemas(bulk.time_storage(dialect))
        kinds = _schemas[dialect]
        server = dialect == "postgresql"  # the importer writes new rows by COPY there
        read = Read(opened.receipt_id, opened.public_key)
        for member in opened.members:
            out = ReadMember(member.name, [])
            read.members.append(out)
            schema = kinds.get(member.record_type)
            try:
                for line in opened.lines(member):
                    if schema is None:
                        out.items.append(line)
                        continue
                    out.items.append(decode_line(schema, line, member.name, latest))
            except BundleRejected as exc:
                out.problem = (exc.code, exc.record_id, exc.params)
                break  # the importer stops at this member: nothing after it matters
            finally:
                if server and schema is not None:
                    out.pack(member.record_type)
        return read


def _tracked_line(d: wire.Decoded, record_type: str) -> bytes:
    """The record's sync row (id, type, revision, digest, owner) as a COPY line. Ids and owners
    are checked UUIDs, digests hex, revisions whole numbers: nothing to escape."""
    return bulk.copy_line_checked((d.id, record_type, d.rev, d.digest, d.station_id))


class ReadAhead:
    """Workers reading the files of one run ahead of the importer, a few files at a time."""

    def __init__(self, paths: list[Path], *, office_key: str | None, latest: str, dialect: str,
                 workers: int | None = None):
        self.workers = default_workers() if workers is None else workers
        self._args = (office_key, latest, dialect)
        # The first file is the importer's own: a worker takes most of a second to start, and
        # the importer would only wait for it.
        self._queue = list(paths[1:])
        self._pending: dict[Path, Future] = {}
        self._pool: ProcessPoolExecutor | None = None
        if self.workers > 0 and _bytes(self._queue) >= READ_AHEAD_MIN_BYTES:
            # spawn: a fresh interpreter, never a copy of a process that holds Qt's threads or a
            # database connection
            self._pool = ProcessPoolExecutor(self.workers, mp_context=multiprocessing.get_context("spawn"),
                                             initializer=die_with_parent)
            self._fill()

    def _fill(self) -> None:
        while self._pool is not None and self._queue and len(self._pending) < self.workers + 1:
            path = self._queue.pop(0)
            try:
                self._pending[path] = self._pool.submit(read_file, str(path), *self._args)
            except RuntimeError:  # the pool broke (a worker killed): the importer reads the rest itself
                self.close()

    def take(self, path: Path) -> Read | None:
        """The file as a worker read it, or None (the importer reads it itself)."""
        future = self._pending.pop(path, None)
        if path in self._queue:
            self._queue.remove(path)
        self._fill()
        if future is None:
            return None
        try:
            return future.result()
        except Exception:  # noqa: BLE001 - a worker's failure is never the file's: it is read again here
            return None

    def close(self) -> None:
        if self._pool is not None:
            self._pool.shutdown(wait=True, cancel_futures=True)
            self._pool = None
        self._pending.clear()

    def __enter__(self) -> ReadAhead:
        return self

    def __exit__(self, *exc) -> None:
        self.close()


def die_with_parent() -> None:
    """In a worker: end as soon as the importer that started it has ended, however it ended (killed
    too). A worker left behind would keep reading, and keep the caller's output pipes (and
    multiprocessing's resource tracker) open: a script waiting for the import would wait forever."""
    parent = multiprocessing.parent_process()
    if parent is None:
        return

    def watch() -> None:
        parent.join()  # the parent's sentinel: closed when it exits
        os._exit(1)

    threading.Thread(target=watch, name="parent-watch", daemon=True).start()


def _bytes(paths: list[Path]) -> int:
    total = 0
    for path in paths:
        try:
            total += path.stat().st_size
        except OSError:
            pass  # the importer's own opening says what is wrong with it
    return total


def default_workers() -> int:
    """One core stays with the importer (and, on an office PC, with the database)."""
    return max(1, min(MAX_WORKERS, (os.cpu_count() or 1) - 1))
