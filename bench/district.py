"""A district's day of gate bundles, imported as its office would: figures for docs/BENCHMARKS.md
(issue 14). Prints a table; asserts nothing.

    .venv/bin/python bench/district.py [--gates 1600] [--records 1250] [--rounds 2] [--engine both] [--next-day]

The bundles are generated, not made by the slow demo: one demo gate's day is the template, and each
simulated gate gets its own station, signing key, compound, gate, operators and record ids (800
compounds of two gates each, 12 compounds to a community, 7 communities to a sub-district).
Side by side in one run, alternated, each in a child process (its peak memory its own):

- the office's import, one process, into a fresh office database (the office's lean schema), as
  `gatedesk import` runs it (each file its own transaction, workers reading the next files ahead),
  and the same with no worker (BENCH_WORKERS=0: each file read in place);
- the practical limit: the same rows decoded with json.loads and written with raw sqlite3
  executemany (SQLite) or psycopg COPY (PostgreSQL) into the same lean schema, no checks at all;
- on PostgreSQL, two importer processes at once, each with half of the bundles (with their workers,
  and with none: a second importer can only use cores the first leaves idle).

With --next-day, the day measured is instead each gate's second: gates the office knows, each
bundle the next of its gate (its period starting where the first ended, nothing of the gate's
set-up, which has not changed), as a district imports day after day. Each side (import, raw) takes
the first day its own way untimed, then the second day is timed, alternated.

PostgreSQL is a throw-away cluster (tests/pg.py: fsync off on both sides alike), or
GATEDESK_TEST_POSTGRES.
"""
from __future__ import annotations

import argparse
import json
import os
import re
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
import uuid
from datetime import datetime, timezone
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from table import print_table  # noqa: E402

NAMESPACE = uuid.UUID("6f1c2a8e-3d4b-4c5a-9e8f-0a1b2c3d4e5f")
GATES_PER_COMPOUND, COMPOUNDS_PER_COMMUNITY, COMMUNITIES_PER_SUBDISTRICT = 2, 12, 7


# -- the bundles ------------------------------------------------------------------------------------
def template(work: Path, records: int) -> tuple[dict, dict[str, list[dict]]]:
    """One demo gate's day as a bundle, read back as (manifest, member -> records)."""
    import zipfile

    from models.app.demo import create_demo
    from models.store.db import open_database
    from models.sync import export_bundle

    db = open_database(work / "template" / "gatedesk.sqlite3")
    visits = max(10, int(records * 0.8))
    create_demo(db, days=1, visits_per_day=visits, parcels_per_day=max(1, records // 8), seed=5,
                now=datetime.now(timezone.utc))
    path = export_bundle(db, work / "template-usb", sheets=False).path
    db.close()
    with zipfile.ZipFile(path) as zf:
        manifest = json.loads(zf.read("manifest.json"))
        members = {m["type"]: [json.loads(line) for line in zf.read(m["name"]).splitlines()]
                   for m in manifest["members"]}
    return manifest, members


def make_bundles(work: Path, gates: int, records: int) -> tuple[list[Path], list[str], int]:
    """(bundle paths, fingerprints to enroll, records in all): each gate's first bundle."""
    days, fingerprints, totals = make_days(work, gates, records, 1)
    return days[0], fingerprints, totals[0]


SET_UP = ("compound", "gate", "operator", "shift")  # a gate's own set-up: sent again only when changed
_TIME = re.compile(r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{6}Z$")
_DAY = re.compile(r"^\d{4}-\d{2}-\d{2}$")


def make_days(work: Path, gates: int, records: int, days: int) -> tuple[list[list[Path]], list[str], list[int]]:
    """Each gate's bundles of several days in a row, the last one today: (per day the bundle paths,
    fingerprints to enroll, per day the records in all). Every day after the first is an
    incremental bundle of a known gate, as a district's office imports day after day: the next
    sequence, its period starting where the day before ended, the day's records with ids of their
    own, and nothing of the gate's set-up (unchanged)."""
    from models.formats import bundle

    manifest, members = template(work, records)
    setup_ids = {r["id"] for kind in SET_UP for r in members.get(kind, [])} | {manifest["station"]["id"]}
    ids = {r["id"] for rows in members.values() for r in rows} | {manifest["station"]["id"]}

    keys = [bundle.new_signing_key() for _ in range(gates)]
    fingerprints = [bundle.key_id(bundle.signing_public_key(k)) for k in keys]
    out: list[list[Path]] = []
    totals = []
    for day in range(days):
        back = days - 1 - day
        paths, total = [], 0
        for g, key in enumerate(keys):
            first = {old: str(uuid.uuid5(NAMESPACE, f"{g}:{old}")) for old in ids}
            new = first if day == 0 else {old: first[old] if old in setup_ids else
                                          str(uuid.uuid5(NAMESPACE, f"{g}:{day}:{old}")) for old in ids}
            kept = {kind: [] if day and kind in SET_UP else rows for kind, rows in members.items()}
            folder = work / "usb" if days == 1 else work / "usb" / f"day{day + 1}"
            folder.mkdir(parents=True, exist_ok=True)
            path = folder / f"gate{g:04d}.gdbundle"
            _write_gate(path, g, key, manifest, kept, new, day, back, days - 1)
            paths.append(path)
            total += sum(len(rows) for rows in kept.values())
        out.append(paths)
        totals.append(total)
    return out, fingerprints, totals


def moved(value, back: int):
    """A wire time or a day, `back` days earlier; any other value as it is."""
    from datetime import timedelta

    from models.formats import wire

    if back and isinstance(value, str):
        if _TIME.match(value):
            return wire.wire_time(wire.parse_wire_time(value) - timedelta(days=back))
        if _DAY.match(value):
            return (datetime.fromisoformat(value) - timedelta(days=back)).date().isoformat()
    return value


def _write_gate(path: Path, g: int, key, manifest: dict, members: dict, new: dict, day: int, back: int,
                station_back: int) -> None:
    """Gate g's bundle of one day: the template's records under the gate's ids, `back` days earlier."""
    from models.formats import bundle, wire
    from models.formats.bundle import MemberSpec

    c = g // GATES_PER_COMPOUND
    community = c // COMPOUNDS_PER_COMMUNITY
    names = {"name": f"小区{c:03d}", "community": f"社区{community:02d}",
             "subdistrict": f"街道{community // COMMUNITIES_PER_SUBDISTRICT:02d}", "district": "鼓楼区"}

    def lines(rows, kind):
        for r in rows:
            r = {k: moved(new.get(v, v), back) if isinstance(v, str) else v for k, v in r.items()}
            if kind == "compound":
                r.update(names)
            elif kind == "gate":
                r["name"] = f"门{g % GATES_PER_COMPOUND}"
            yield wire.canonical_line(r)

    m = json.loads(json.dumps(manifest))
    m.pop("members"), m.pop("format"), m.pop("format_version"), m.pop("encryption")
    m["audit"] = None
    m["sequence"] = manifest["sequence"] + day
    m["created_at"] = moved(m["created_at"], back)
    m["period"] = dict(m["period"], to=moved(m["period"]["to"], back),
                       **({"from": moved(m["period"]["to"], back + 1)} if day else {}))
    m["station"] = dict(m["station"], id=new[manifest["station"]["id"]], gate_id=new[m["gate"]["id"]],
                        public_key=bundle.signing_public_key(key), created_at=moved(m["station"]["created_at"], station_back))
    m["compound"] = dict(names, id=new[m["compound"]["id"]])
    m["gate"] = {"id": new[m["gate"]["id"]], "name": f"门{g % GATES_PER_COMPOUND}"}
    bundle.write_bundle(path, m, [MemberSpec(kind, lines(rows, kind)) for kind, rows in members.items()],
                        signing_key=key, format_version=manifest["format_version"])


# -- the measured runs, each in a child process --------------------------------------------------------
IMPORT = """
import json, os, resource, sys, time
from pathlib import Path
sys.path.insert(0, {root!r})
from models.store.db import open_database
from models.sync import Importer
db = open_database(sys.argv[1], create=False) if "://" in sys.argv[1] else open_database(Path(sys.argv[1]))
workers = os.environ.get("BENCH_WORKERS")
importer = Importer(db, enroll=json.loads(Path(sys.argv[2]).read_text()), workers=int(workers) if workers else None)
files = [Path(p) for p in sys.argv[3:]]
t0 = time.perf_counter()
out = importer.run_each(files)  # as `gatedesk import` runs them: each file its own transaction, read ahead
elapsed = time.perf_counter() - t0
db.close()
usage = resource.getrusage(resource.RUSAGE_SELF)
print(json.dumps({{"seconds": elapsed, "status": sorted({{s.status for s in out}}),
                  "created": sum(s.total("created") for s in out), "cpu": usage.ru_utime + usage.ru_stime,
                  "rss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024}}))
"""

RAW = """
import json, resource, sys, time
from pathlib import Path
sys.path.insert(0, {root!r})
from models.formats import bundle
from models.sync import record_types, withheld as withheld_of
withheld = {{k: v for name in record_types() for k, v in withheld_of(name).items()}}
columns = {{name: [c.name for c in model.__table__.columns] for name, model in record_types().items()}}
target, files = sys.argv[1], [Path(p) for p in sys.argv[2:]]
n = 0
t0 = time.perf_counter()
if "://" in target:
    import psycopg
    con = psycopg.connect(target.replace("+psycopg", ""))
    for f in files:
        with bundle.open_bundle(f) as opened, con.transaction():
            cur = con.cursor()
            for member in opened.members:
                cols = columns[member.record_type]
                with cur.copy(f'COPY "{{member.record_type}}" ({{", ".join(cols)}}) FROM STDIN') as copy:
                    for line in opened.lines(member):
                        rec = json.loads(line)
                        copy.write_row(tuple(rec.get(c, withheld.get(c)) for c in cols))
                        n += 1
    con.close()
else:  # the same limit bench/sync_bench.py measures
    sys.path.insert(0, {root!r} + "/bench")
    from sync_bench import raw_executemany
    _, n = raw_executemany(Path(target).parent, files)
print(json.dumps({{"seconds": time.perf_counter() - t0, "created": n,
                  "rss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024}}))
"""


def child(code: str, *args: str, env: dict | None = None) -> subprocess.Popen:
    return subprocess.Popen([sys.executable, "-c", code.format(root=str(ROOT)), *args], stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, text=True, env={**os.environ, **(env or {})})


def result(proc: subprocess.Popen) -> dict:
    out, err = proc.communicate()
    if proc.returncode:
        raise SystemExit(err[-3000:])
    return json.loads(out.strip().splitlines()[-1])


class Engine:
    """A fresh office database per run, on the embedded file or the throw-away server."""

    def __init__(self, kind: str, work: Path):
        self.kind, self.work, self.n, self.server = kind, work, 0, None
        if kind == "postgresql":
            from tests import pg

            why = pg.unavailable()
            if why:
                raise SystemExit(why)
            self.server = pg.Server()
            self.template = self.server.new_database()
            self._office(self.template)
            self.server._admin(f'ALTER DATABASE "{self.template.rsplit("/", 1)[1]}" IS_TEMPLATE true')

    @staticmethod
    def _office(target) -> None:
        from models.store.db import open_database
        from models.sync import ensure_office

        db = open_database(target)
        ensure_office(db)
        db.close()

    def fresh(self) -> str:
        self.n += 1
        if self.server is not None:
            return self.server.new_database(template=self.template.rsplit("/", 1)[1])
        path = self.work / f"office{self.n}" / "gatedesk.sqlite3"
        self._office(path)
        return str(path)

    def stop(self) -> None:
        if self.server is not None:
            self.server.stop()


def measure(engine: Engine, files: list[Path], enroll: Path, rounds: int) -> dict:
    runs = {"import": [], "raw": [], "two": [], "in_place": [], "two_in_place": []}
    for _ in range(rounds):
        runs["import"].append(result(child(IMPORT, engine.fresh(), str(enroll), *map(str, files))))
        runs["in_place"].append(result(child(IMPORT, engine.fresh(), str(enroll), *map(str, files),
                                             env={"BENCH_WORKERS": "0"})))
        runs["raw"].append(result(child(RAW, engine.fresh(), *map(str, files))))
        if engine.kind == "postgresql":
            target = engine.fresh()
            t0 = time.perf_counter()
            halves = [child(IMPORT, target, str(enroll), *map(str, files[i::2])) for i in range(2)]
            parts = [result(p) for p in halves]
            runs["two"].append({"seconds": time.perf_counter() - t0, "created": sum(p["created"] for p in parts),
                                "rss_mb": max(p["rss_mb"] for p in parts)})
            # The same two with no worker each: how importers scale where each has a core to itself.
            target = engine.fresh()
            t0 = time.perf_counter()
            halves = [child(IMPORT, target, str(enroll), *map(str, files[i::2]), env={"BENCH_WORKERS": "0"})
                      for i in range(2)]
            parts = [result(p) for p in halves]
            runs["two_in_place"].append({"seconds": time.perf_counter() - t0,
                                         "created": sum(p["created"] for p in parts)})
    return runs


def measure_routine(engine: Engine, days: list[list[Path]], enroll: Path, rounds: int) -> dict:
    """The second day of known gates: each side first takes the first day its own way (untimed),
    then the second day is timed, the import beside raw COPY/executemany, alternated."""
    runs = {"import": [], "raw": []}
    for r in range(rounds):
        for side in ("import", "raw") if r % 2 == 0 else ("raw", "import"):
            target = engine.fresh()
            for day, timed_day in ((days[0], False), (days[1], True)):
                args = (IMPORT, target, str(enroll)) if side == "import" else (RAW, target)
                out = result(child(*args, *map(str, day)))
                if timed_day:
                    runs[side].append(out)
    return runs


def routine_rows(kind: str, runs: dict, total: int) -> list[tuple[str, str, str, str]]:
    rate = lambda r: r["created"] / r["seconds"]  # noqa: E731
    imp, raw = runs["import"], runs["raw"]
    ratios = [a["seconds"] / b["seconds"] for a, b in zip(imp, raw)]
    limit = "raw COPY" if kind == "postgresql" else "raw executemany"
    return [
        (f"{kind}: known gates' next day, import {total:,} records", f"{statistics.median(r['seconds'] for r in imp):.1f} s",
         f"{statistics.median(rate(r) for r in imp):,.0f} rec/s", "—"),
        (f"{kind}: {limit} of the same day, after the first", f"{statistics.median(r['seconds'] for r in raw):.1f} s",
         f"{statistics.median(rate(r) for r in raw):,.0f} rec/s", "practical limit"),
        (f"{kind}: next day's import ÷ {limit} (median; min)", f"{statistics.median(ratios):.2f}×",
         f"{min(ratios):.2f}× min", "≤ 1.5×"),
    ]


def rows_for(kind: str, runs: dict, total: int) -> list[tuple[str, str, str, str]]:
    rate = lambda r: r["created"] / r["seconds"]  # noqa: E731
    imp, raw = runs["import"], runs["raw"]
    ratios = [a["seconds"] / b["seconds"] for a, b in zip(imp, raw)]
    limit = "raw COPY" if kind == "postgresql" else "raw executemany"
    out = [
        (f"{kind}: import {total:,} records, one process", f"{statistics.median(r['seconds'] for r in imp):.1f} s",
         f"{statistics.median(rate(r) for r in imp):,.0f} rec/s", "—"),
        (f"{kind}: the same, no worker reading ahead", f"{statistics.median(r['seconds'] for r in runs['in_place']):.1f} s",
         f"{statistics.median(rate(r) for r in runs['in_place']):,.0f} rec/s", "—"),
        (f"{kind}: {limit}, same rows, same lean schema", f"{statistics.median(r['seconds'] for r in raw):.1f} s",
         f"{statistics.median(rate(r) for r in raw):,.0f} rec/s", "practical limit"),
        (f"{kind}: import ÷ {limit} (median; min)", f"{statistics.median(ratios):.2f}×", f"{min(ratios):.2f}× min",
         "≤ 1.5×"),
        (f"{kind}: peak memory of an importer", f"{max(r['rss_mb'] for r in imp):.0f} MB", "", "≤ 300 MB"),
    ]
    if runs["two"]:
        gains = [rate(t) / rate(o) for t, o in zip(runs["two"], imp)]
        out.append((f"{kind}: two importers at once ÷ one (records/s; min)", f"{statistics.median(gains):.2f}×",
                    f"{min(gains):.2f}× min", "≥ 1.6×"))
        gains = [rate(t) / rate(o) for t, o in zip(runs["two_in_place"], runs["in_place"])]
        out.append((f"{kind}: the same, no worker in either ÷ one (min)", f"{statistics.median(gains):.2f}×",
                    f"{min(gains):.2f}× min", "≥ 1.6×"))
    return out


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--gates", type=int, default=1600)
    parser.add_argument("--records", type=int, default=1250, help="records per gate bundle")
    parser.add_argument("--rounds", type=int, default=2)
    parser.add_argument("--engine", choices=("sqlite", "postgresql", "both"), default="both")
    parser.add_argument("--next-day", action="store_true",
                        help="measure instead the second day of gates the office knows (the first imported untimed)")
    args = parser.parse_args()
    work = Path(tempfile.mkdtemp(prefix="gatedesk-district-"))
    t0 = time.perf_counter()
    days, fingerprints, totals = make_days(work, args.gates, args.records, 2 if args.next_day else 1)
    files, total = days[-1], totals[-1]
    made = time.perf_counter() - t0
    enroll = work / "enroll.json"
    enroll.write_text(json.dumps(fingerprints))
    rows = [(f"generate {sum(map(len, days)):,} signed gate bundles, {sum(totals):,} records", f"{made:.0f} s", "",
             "—")]
    kinds = ("sqlite", "postgresql") if args.engine == "both" else (args.engine,)
    for kind in kinds:
        engine = Engine(kind, work)
        try:
            if args.next_day:
                rows += routine_rows(kind, measure_routine(engine, days, enroll, args.rounds), total)
            else:
                rows += rows_for(kind, measure(engine, files, enroll, args.rounds), total)
        finally:
            engine.stop()
    shutil.rmtree(work, ignore_errors=True)
    print(f"machine: {os.cpu_count()} CPUs; python {sys.version.split()[0]}; "
          f"bench peak RSS {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:.0f} MB")
    print_table(rows)


if __name__ == "__main__":
    main()
