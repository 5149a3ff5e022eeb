"""Importing a team's photos at the office, against the disk's limit (issue 30). Prints a table;
asserts nothing.

    .venv/bin/python bench/photo_bench.py [--visits 4] [--rounds 5]

A team's station makes `--visits` signed visits to compounds of another community, each with 30
photos of pure noise (what compresses worst: `prepare` re-encodes each to its ~350 kB bound), and
exports one bundle. Then, alternately, `--rounds` times: the same photo bytes written raw into a
fresh SQLite file (base64 decoded, one executemany, WAL, synchronous=FULL, one commit): the practical
limit of storing those bytes on this disk; the same with each picture decoded by Pillow first (the
floor of any import that keeps the promise that a photo arriving decodes); and the bundle imported
into a fresh SQLite office (signature, checksums, every record and photo checked, the visits and
answers written too). Reported: min and median of each and of the ratios, round by round.
"""
from __future__ import annotations

import argparse
import base64
import io
import json
import os
import shutil
import sqlite3
import statistics
import sys
import tempfile
import time
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from table import print_table  # noqa: E402

COMPOUND = "00000000-0000-4000-8000-000000000001"  # every visit to one compound: one look shows them


def team_bundle(work: Path, visits: int) -> Path:
    from PIL import Image

    from models.app.desk import Desk
    from models.store.db import open_database
    from models.supervision import Answer, Party, StandardKind
    from models.supervision.photos import PER_VISIT
    from models.sync import export_bundle

    db = open_database(work / "team" / "gatedesk.sqlite3")
    team = Desk(db)
    team.sync.complete_inspection_setup(team_name="督导一组", admin_name="王科长", pin="1357", pin_again="1357",
                                        district="鼓楼区", subdistrict="温泉街道", community="温泉社区")
    [view] = team.supervision.standards(StandardKind.INSPECTION)
    noise = work / "noise"
    noise.mkdir()
    for n in range(PER_VISIT):
        Image.frombytes("RGB", (1600, 1200), os.urandom(1600 * 1200 * 3)).save(noise / f"{n:02d}.png")
    for v in range(visits):
        visit = team.supervision.open_visit(compound_id=COMPOUND, compound_name="东街1号院",
                                            standard_id=view.standard.id)
        for item in view.items:
            team.supervision.answer_item(visit.id, item.id, Answer.PASS)
        for picture in sorted(noise.iterdir()):
            team.supervision.attach_photo(visit.id, picture)
        team.supervision.sign_off_visit(visit.id, party=Party.COMMUNITY, party_name="东街社区")
    out = export_bundle(db, work / "usb", sheets=False).path
    db.close()
    return out


def import_once(path: Path, office: Path) -> tuple[float, int]:
    from models.formats import bundle
    from models.store.db import open_database
    from models.sync import Importer, ensure_office

    db = open_database(office / "gatedesk.sqlite3")
    ensure_office(db)
    with bundle.open_bundle(path) as first:
        importer = Importer(db, enroll=[bundle.key_id(first.public_key)])
    t0 = time.perf_counter()
    summary = importer.run(path)
    elapsed = time.perf_counter() - t0
    db.close()
    assert summary.status == "accepted", summary.problem
    return elapsed, summary.created.get("inspection_photo", 0)


def look_once(office: Path) -> tuple[float, int]:
    """The office's look at the compound's photos (the core's read, as the dialog asks it)."""
    from models.office import supervision as board
    from models.store.db import open_database

    db = open_database(office / "gatedesk.sqlite3")
    t0 = time.perf_counter()
    with db.reading() as s:
        shown = board.compound_photos(s, COMPOUND)
        n = sum(len(v.photos) for v in shown.visits)
    elapsed = time.perf_counter() - t0
    db.close()
    return elapsed, n


def raw_look(office: Path) -> float:
    con = sqlite3.connect(office / "gatedesk.sqlite3")
    t0 = time.perf_counter()
    blobs = con.execute("SELECT id, data FROM inspection_photo").fetchall()
    elapsed = time.perf_counter() - t0
    con.close()
    assert blobs
    return elapsed


def photo_lines(path: Path) -> list[bytes]:
    with zipfile.ZipFile(path) as zf:
        name = next(n for n in zf.namelist() if n.startswith("inspection_photo."))
        return zf.read(name).splitlines()


def raw_once(lines: list[bytes], where: Path, *, decode: bool = False) -> tuple[float, int]:
    """The photos' bytes decoded from base64 and written, nothing checked: the disk's limit for them.
    decode: each picture also decoded by Pillow first, as any import keeping the promise that a
    photo arriving decodes must (the floor of a safe import)."""
    from PIL import Image

    where.mkdir(parents=True)
    con = sqlite3.connect(where / "raw.sqlite3", isolation_level=None)
    con.execute("PRAGMA journal_mode=WAL")
    con.execute("PRAGMA synchronous=FULL")
    con.execute("CREATE TABLE photo (id TEXT PRIMARY KEY, data BLOB NOT NULL)")
    t0 = time.perf_counter()
    rows = []
    for line in lines:
        record = json.loads(line)
        data = base64.b64decode(record["data"])
        if decode:
            Image.open(io.BytesIO(data), formats=("JPEG",)).load()
        rows.append((record["id"], data))
    con.execute("BEGIN")
    con.executemany("INSERT INTO photo VALUES (?, ?)", rows)
    con.execute("COMMIT")
    elapsed = time.perf_counter() - t0
    con.close()
    return elapsed, sum(len(r[1]) for r in rows)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--visits", type=int, default=4)
    parser.add_argument("--rounds", type=int, default=5)
    args = parser.parse_args()
    work = Path(tempfile.mkdtemp(prefix="gatedesk-photo-bench-"))
    try:
        path = team_bundle(work, args.visits)
        lines = photo_lines(path)
        imports, raws, floors, ratios, over_floor, stored = [], [], [], [], [], 0
        looks, raw_looks, look_ratios, shown = [], [], [], 0
        for r in range(args.rounds):
            raw, stored = raw_once(lines, work / f"raw-{r}")
            floor, _ = raw_once(lines, work / f"floor-{r}", decode=True)
            taken, photos = import_once(path, work / f"office-{r}")
            assert photos == len(lines)
            imports.append(taken)
            raws.append(raw)
            floors.append(floor)
            ratios.append(taken / raw)
            over_floor.append(taken / floor)
            bare = raw_look(work / f"office-{r}")
            look, shown = look_once(work / f"office-{r}")
            raw_looks.append(bare)
            looks.append(look)
            look_ratios.append(look / bare)
        size = path.stat().st_size / 1e6

        def cell(values, ms=False):
            scale, unit = (1000, "ms") if ms else (1, "s")
            return (f"{statistics.median(values) * scale:.2f} {unit}", f"{min(values) * scale:.2f} {unit} min")

        def ratio(values):
            return f"{statistics.median(values):.2f}×", f"{min(values):.2f}× min"
        rows = [
            (f"import a team's bundle: {len(lines)} photos, {size:.1f} MB (fresh office)", *cell(imports), "—"),
            (f"  raw sqlite3: the same {stored / 1e6:.1f} MB of photos written", *cell(raws), "disk's limit"),
            ("  raw sqlite3, each photo decoded first", *cell(floors), "floor of a safe import"),
            ("  import ÷ raw write", *ratio(ratios), "—"),
            ("  import ÷ decode + raw write", *ratio(over_floor), "≤ 2×"),
            (f"the office's look at the compound: {shown} photos of {args.visits} visits", *cell(looks, ms=True), "—"),
            ("  raw sqlite3: SELECT the same photos' bytes", *cell(raw_looks, ms=True), "disk's limit"),
            ("  look ÷ raw SELECT", *ratio(look_ratios), "≤ 3×"),
        ]
        print(f"machine: {os.cpu_count()} CPUs; python {sys.version.split()[0]}; {args.rounds} rounds, alternating")
        print_table(rows)
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
