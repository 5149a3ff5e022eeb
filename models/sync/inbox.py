"""What an office is handed: which files are bundles, and what became of each (the summary a person reads)."""
from __future__ import annotations

import zipfile
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from datetime import datetime
from typing import Any

from models.formats import bundle
from models.formats.wire import parse_wire_time
from models.formats.bundle import BundleRejected
from models.store.i18n import QT_TRANSLATE_NOOP, Message
from models.sync import people_logs
from models.sync.records import record_types
from models.sync.tables import SyncReceipt


# -- import (office) -------------------------------------------------------------------------
class Cancelled(Exception):
    pass


@dataclass
class Problem:
    code: str
    message: Any  # models.i18n.Message
    record_id: str | None = None


@dataclass
class FileSummary:
    """What importing one file did (or would do, on a dry run)."""
    path: Path
    # accepted | rejected | held | skipped | cancelled | not_imported (the office's database went
    # away meanwhile: nothing of the file was written, it can be imported again)
    status: str = "accepted"
    station_id: str | None = None
    compound: str = ""
    gate: str = ""
    seq: int | None = None
    created: dict[str, int] = field(default_factory=dict)
    updated: dict[str, int] = field(default_factory=dict)
    unchanged: dict[str, int] = field(default_factory=dict)
    conflicts: list[tuple[str, str]] = field(default_factory=list)  # (record type, id)
    problem: Problem | None = None
    already_imported: bool = False
    fingerprint: str | None = None  # of a held bundle's key, to check with the gate (or the office)
    held_office: bool = False  # the held bundle is an office's
    audit_alarm: str | None = None  # the gate's audit chain went backwards or was replaced
    # An office's bundle: each gate's bundle it relayed (compound and gate, sequence, whether it
    # was new here, and the key fingerprint of a gate seen here for the first time)
    relayed: list[dict[str, Any]] = field(default_factory=list)

    def total(self, which: str) -> int:
        return sum(getattr(self, which).values())

    def reject(self, exc: BundleRejected) -> None:
        self.status = "held" if isinstance(exc, bundle.BundleHeld) else "rejected"
        self.problem = Problem(exc.code, exc.message, exc.record_id)
        if isinstance(exc, bundle.BundleHeld):
            self.fingerprint, self.compound, self.gate, self.seq = exc.fingerprint, exc.compound, exc.gate, exc.sequence
            self.held_office = exc.office
        self._forget()

    def add(self, inner: FileSummary, *, label: str, fingerprint: str | None) -> None:
        """A gate's bundle relayed in this office's bundle: its counts are this file's."""
        for which in ("created", "updated", "unchanged"):
            mine = getattr(self, which)
            for rtype, n in getattr(inner, which).items():
                mine[rtype] = mine.get(rtype, 0) + n
        self.conflicts += inner.conflicts
        self.audit_alarm = self.audit_alarm or inner.audit_alarm
        self.relayed.append({"station": inner.station_id, "gate": label, "sequence": inner.seq,
                             "already_imported": inner.already_imported, "new_gate_fingerprint": fingerprint})

    def not_imported(self, detail: str) -> None:
        self.status = "not_imported"
        self.problem = Problem("database_unavailable", Message("Sync", DATABASE_GONE, {"detail": detail[:200]}))
        self._forget()

    def skip(self, code: str, message) -> None:
        self.status = "skipped"
        self.problem = Problem(code, message)
        self._forget()

    def start_over(self) -> None:
        """Forget what a transaction that was rolled back and is run again had counted."""
        self.status = "accepted"
        self.problem = None
        self._forget()

    def cancel(self) -> None:
        self.status = "cancelled"
        self._forget()

    def _forget(self) -> None:
        self.created, self.updated, self.unchanged, self.conflicts = {}, {}, {}, []
        self.audit_alarm = None
        self.relayed = []

    def as_json(self) -> dict[str, Any]:
        return {
            "file": str(self.path), "status": self.status, "station": self.station_id,
            "compound": self.compound, "gate": self.gate, "sequence": self.seq,
            "reason": self.problem.code if self.problem else None,
            "record": self.problem.record_id if self.problem else None,
            "fingerprint": self.fingerprint, "held_office": self.held_office, "audit_alarm": self.audit_alarm,
            "relayed": self.relayed,
            "created": self.total("created"), "updated": self.total("updated"),
            "unchanged": self.total("unchanged"), "conflicts": len(self.conflicts),
            "conflict_records": [{"type": t, "id": i} for t, i in self.conflicts],
            "by_type": {t: {"created": self.created.get(t, 0), "updated": self.updated.get(t, 0),
                            "unchanged": self.unchanged.get(t, 0)}
                        # every record type, then what an office's own lines made (its census)
                        for t in dict.fromkeys([*record_types(), *self.created, *self.updated, *self.unchanged])},
        }


def bundle_files(paths: Iterable[Path]) -> list[Path]:
    """Files named on the command line, and the bundles found in folders (a USB stick)."""
    found: list[Path] = []
    for p in paths:
        if p.is_dir():
            # Hidden names are not bundles: a half-written one (.name.partial.gdbundle) or the
            # ._name files a Mac leaves on a USB stick.
            found += sorted(q for q in p.rglob(f"*{bundle.SUFFIX}") if q.is_file() and not q.name.startswith("."))
        else:
            found.append(p)
    return found


DATABASE_GONE = QT_TRANSLATE_NOOP("Sync", "The office's database stopped answering while this file was imported "
                                 "({detail}). Nothing of this file was written; import it again once the "
                                 "database is back.")
PEOPLE_LOG = QT_TRANSLATE_NOOP("Sync", "A spreadsheet GateDesk writes for people beside its bundle; the office "
                               "imports the bundle, not this. Skipped.")


def is_people_log(path: Path) -> bool:
    """A .xlsx or .csv GateDesk wrote beside a bundle (a clerk gives `import usb/*`)."""
    suffix = path.suffix.lower()
    if suffix not in (".xlsx", ".csv") or not path.is_file():
        return False
    try:
        if any(path.stem.startswith(b.stem) for b in path.parent.glob(f"*{bundle.SUFFIX}")):
            return True
        if suffix == ".csv":
            with open(path, "rb") as f:
                head = f.read(4096)
            return head.startswith(b"\xef\xbb\xbf") and reports_header(head[3:].split(b"\r\n")[0])

        with zipfile.ZipFile(path) as zf:
            info = zf.getinfo("docProps/core.xml")
            if info.file_size > 65536:
                return False
            return b"<dc:creator>GateDesk</dc:creator>" in zf.read(info)
    except (OSError, KeyError, ValueError, *bundle.ZIP_DAMAGE):
        return False


def reports_header(line: bytes) -> bool:

    try:
        text = line.decode("utf-8")
    except UnicodeDecodeError:
        return False
    return text in people_logs.people_log_headers()


def write_receipt(conn, opened: bundle.OpenBundle, summary: FileSummary, now: datetime) -> None:
    """The office's record that it accepted this bundle (a gate's, or an office's relaying gates'):
    what 'who has not reported' counts, with the audit heads it carried."""
    m = opened.manifest
    conn.execute(SyncReceipt.__table__.insert().values(
        id=opened.receipt_id, station_id=opened.station_id, seq=m.sequence,
        bundle_created_at=parse_wire_time(m.created_at), imported_at=now,
        period_from=parse_wire_time(m.period.from_) if m.period.from_ else None,
        period_to=parse_wire_time(m.period.to), file_name=opened.path.name[:255],
        created=summary.total("created"), updated=summary.total("updated"),
        unchanged=summary.total("unchanged"), conflicts=len(summary.conflicts),
        audit_seq=m.audit.seq if m.audit else None, audit_hash=m.audit.hash if m.audit else None,
        audit_prev_seq=m.audit.prev_seq if m.audit else None,
        audit_prev_hash=m.audit.prev_hash if m.audit else None))
