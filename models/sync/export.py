"""A gate's export: this station's records since its previous export (or of a day range) as one signed bundle,
with the people's logs beside it."""
from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

from sqlalchemy import Connection, and_, func, or_, select

from models.formats import bundle, wire
from models.formats.bundle import MemberSpec
from models.formats.wire import wire_time
from models.gate.visits import Visit
from models.kit.validation import FieldError, InvalidInput
from models.setup.settings import load_settings
from models.setup.site import Compound, Station, StationContext, compound_grid, this_station
from models.store import registry
from models.store.clock import utcnow
from models.store.db import Database
from models.store.i18n import QT_TRANSLATE_NOOP, Message
from models.sync import people_logs
from models.sync.keys import INSPECTION, MODE, ensure_signing_key, loaded_office_key, read_meta
from models.sync.records import BATCH, codecs, member_types, needed_format
from models.sync.tables import (
    SyncExport,
)
from models.trust import audit

# Changes made within this window before the previous export are sent again (harmless), so a
# write that committed while that export was being read is never skipped.
OVERLAP = timedelta(minutes=5)


# -- export (gate) ---------------------------------------------------------------------------
class NotAStation(Exception):
    pass


@dataclass
class ExportResult:
    path: Path
    seq: int
    counts: dict[str, int]
    encrypted: bool
    sheets: list[Path] = field(default_factory=list)
    encrypted_for: str = ""  # the office's name, when encrypted
    remaining: int = 0  # an office's forward: gates' bundles left for the next one (over MAX_RELAYED)

    @property
    def records(self) -> int:
        return sum(self.counts.values())


def safe_file_part(text: str) -> str:
    cleaned = re.sub(r'[\\/:*?"<>|\s]+', "-", text).strip("-.")
    return cleaned[:40] or "gate"


def _day_bounds(day_from: date, day_to: date, zone: ZoneInfo) -> tuple[datetime, datetime]:
    start = datetime.combine(day_from, time.min, tzinfo=zone)
    end = datetime.combine(day_to + timedelta(days=1), time.min, tzinfo=zone)
    return start, end


def _member_queries(station_id: str, since, window) -> dict[str, Any]:
    """One SELECT per record type; children bring their parents so each bundle stands alone."""
    def changed(model):
        if window is not None:
            return and_(model.created_at >= window[0], model.created_at < window[1])
        return model.updated_at > since

    everything = since is None and window is None
    return member_queries(lambda model: model.station_id == station_id, None if everything else changed)


def member_queries(mine, changed=None) -> dict[str, Any]:
    """One SELECT per record type of the records mine(model) selects, only those changed(model)
    says changed (None: all of them); a changed child brings its parent, so a bundle stands alone."""
    types = registry.record_types()
    if changed is None:
        wheres = {name: [mine(r.model)] for name, r in types.items()}
    else:
        wheres = {}
        for name, r in reversed(types.items()):  # children (listed after their parents) first
            if r.whole:
                wheres[name] = [mine(r.model)]
                continue
            brought = [r.model.id.in_(select(getattr(child.model, child.parent[1])).where(*wheres[child.name]))
                       for child in types.values() if child.parent is not None and child.parent[0] == name]
            wheres[name] = [mine(r.model), or_(changed(r.model), *brought)]
    queries = {}
    for name, r in types.items():
        table = r.model.__table__
        queries[name] = select(table).where(*wheres[name]).order_by(table.c.created_at, table.c.id)
    return queries


DAY_RANGE = QT_TRANSLATE_NOOP("Sync", "A range of days needs its first and its last day, the first not after "
                                      "the last.")


def day_range_problem(day_from: date | None, day_to: date | None) -> Message | None:
    """Why a range of days cannot be exported (both days or neither, in order), or None."""
    if (day_from is None) != (day_to is None) or (day_from is not None and day_from > day_to):
        return Message("Sync", DAY_RANGE)
    return None


def export_bundle(db: Database, out: Path, *, day_from: date | None = None, day_to: date | None = None,
                  zone: ZoneInfo | None = None, now: datetime | None = None, sheets: bool = True,
                  full_data: bool = False, language: str = "zh_CN",
                  progress: Callable[[int], None] | None = None, operator_id: str | None = None) -> ExportResult:
    """Write this station's records since its previous export (or created in a day range).

    out is a folder (the bundle gets a descriptive name) or a file name. The bundle is written
    beside under a temporary name and renamed when complete; the export is then numbered.
    """
    problem = day_range_problem(day_from, day_to)
    if problem is not None:
        raise InvalidInput([FieldError("day_to", problem)])
    now = now or utcnow()
    with db.session() as s:
        ctx = this_station(s)
        mode = read_meta(s, MODE)
        if ctx is None or mode == "office":
            raise NotAStation()
        settings = load_settings(s)
        zone = zone or ZoneInfo(settings.timezone)
        signing_key = ensure_signing_key(s)
        office = loaded_office_key(s)
        previous = s.execute(select(SyncExport).order_by(SyncExport.seq.desc()).limit(1)).scalars().first()
        last_incremental = s.execute(select(SyncExport).where(SyncExport.day_from.is_(None))
                                  .order_by(SyncExport.seq.desc()).limit(1)).scalars().first()
        compound = s.get(Compound, ctx.compound_id)
        grid = compound_grid(s)
        station = s.get(Station, ctx.station_id)
        # The audit chain's head goes into the manifest, with the hash now found where the
        # previous bundle's head was: the office sees a chain that was cut short or rewritten.
        chain = audit.head(s)
        prev_seq = previous.audit_seq if previous is not None else None
        prev_hash = audit.hash_at(s, prev_seq) if prev_seq else None
        s.commit()
    seq = (previous.seq if previous else 0) + 1
    window = _day_bounds(day_from, day_to, zone) if day_from and day_to else None
    since = None
    if window is None and last_incremental is not None:
        since = last_incremental.upto - OVERLAP
    if window:
        period = {"from": wire_time(window[0]), "to": wire_time(min(window[1], now)),
                  "days": [day_from.isoformat(), day_to.isoformat()]}
    else:
        period = {"from": wire_time(since), "to": wire_time(now), "days": None}
    first_record = None
    if since is None and window is None:
        with db.session() as s:
            first_record = s.execute(select(func.min(Visit.created_at)).where(
                Visit.station_id == ctx.station_id)).scalar()
    path = _bundle_path(out, ctx, seq, window, since or min(filter(None, (first_record, station.created_at))),
                        now, zone)
    manifest = {
        "app": "GateDesk",
        "created_at": wire_time(now),
        "sequence": seq,
        "kind": "range" if window else "incremental",
        "period": period,
        "station": {"id": ctx.station_id, "public_key": bundle.signing_public_key(signing_key),
                    "gate_id": ctx.gate_id, "created_at": wire_time(station.created_at),
                    **({"kind": "inspection"} if mode == INSPECTION else {})},
        "compound": {"id": ctx.compound_id, "name": ctx.compound_name, "community": compound.community,
                     "grid": grid, "subdistrict": compound.subdistrict, "district": compound.district},
        "gate": {"id": ctx.gate_id, "name": ctx.gate_name},
        "audit": {"seq": chain.seq, "hash": chain.hash, "prev_seq": prev_seq, "prev_hash": prev_hash},
    }
    queries = _member_queries(ctx.station_id, since, window)
    codec_map = codecs()
    done = [0]

    with db.engine.connect() as conn:
        # One read transaction: every member comes from the same snapshot.
        version = needed_format(conn, queries, office=False)
        if mode == INSPECTION:  # an office that cannot tell a team from a gate is not given its bundles
            version = max(version, bundle.SUPERVISION_FORMAT_VERSION)
        members = [MemberSpec(name, lines(conn, queries[name], codec_map[name], done, progress))
                   for name in member_types(version)]
        written = bundle.write_bundle(path, manifest, members, signing_key=signing_key,
                                      office_key=office.public_key if office else None, format_version=version)
        counts = {m["type"]: m["records"] for m in written["members"]}
        conn.rollback()
    with db.session() as s:
        s.add(SyncExport(seq=seq, station_id=ctx.station_id, created_at=now, since=since,
                         upto=min(window[1], now) if window else now,
                         day_from=day_from.isoformat() if window else None,
                         day_to=day_to.isoformat() if window else None,
                         file_name=path.name, records=sum(counts.values()), audit_seq=chain.seq,
                         audit_hash=chain.hash))
        audit.record(s, at=now, station_id=ctx.station_id, operator_id=operator_id, action="export",
                     detail=f"seq={seq} records={sum(counts.values())}" + (" unmasked" if full_data and sheets else ""))
        s.commit()
    result = ExportResult(path=path, seq=seq, counts=counts, encrypted=office is not None)
    if sheets:
        result.sheets = people_logs.write_people_logs(db, path.with_suffix(""), queries=queries, zone=zone,
                                                  full_data=full_data, language=language)
    return result


def lines(conn: Connection, query, codec: wire.Codec, done: list[int], progress) -> Iterator[bytes]:
    result = conn.execution_options(yield_per=BATCH).execute(query)
    for row in result.mappings():
        yield codec.line(row)
        done[0] += 1
        if progress and done[0] % BATCH == 0:
            progress(done[0])


def _bundle_path(out: Path, ctx: StationContext, seq: int, window, since, now: datetime, zone: ZoneInfo) -> Path:
    if window:
        first, last = window[0].date(), (window[1] - timedelta(days=1)).date()
    else:
        first = since.astimezone(zone).date()
        last = now.astimezone(zone).date()
    period = f"{first:%Y%m%d}-{last:%Y%m%d}"
    return bundle_file(out, f"{safe_file_part(ctx.compound_name)}_{safe_file_part(ctx.gate_name)}_{period}_"
                            f"{seq:05d}{bundle.SUFFIX}")


def bundle_file(out: Path, name: str) -> Path:
    """out itself when it names a file, else name in the folder out (made when missing)."""
    if out.suffix.lower() == bundle.SUFFIX or (out.suffix and not out.is_dir()):
        out.parent.mkdir(parents=True, exist_ok=True)
        return out
    out.mkdir(parents=True, exist_ok=True)
    return out / name
