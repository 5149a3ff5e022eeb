"""Files read ahead by worker processes: the office ends exactly as reading each file in place
leaves it, whatever the files hold, and a worker's trouble never becomes the file's."""
from __future__ import annotations

from datetime import timedelta

import pytest
from sqlalchemy import text

from models.formats import wire
from models.sync import Importer, ensure_office, reader
from models.sync.records import record_types
from models.store.clock import utcnow
from tests.models.test_sync import gates  # noqa: F401 - the module's two demo gates
from tests.sync_helpers import craft, enroll, joined, lines, member, signing_key
from tests.conftest import OFFICE_NOW



def _office(open_office, path, gates):  # noqa: F811
    db = open_office(path / "gatedesk.sqlite3")
    ensure_office(db)
    enroll(db, *(g[0] for g in gates))
    return db


def _records(db) -> dict:
    """Every record the office holds of the gates, with its revision, digest and owner."""
    with db.engine.connect() as c:
        out = {t: sorted(map(tuple, c.execute(text(f'SELECT * FROM "{m.__tablename__}"'))), key=repr)
               for t, m in record_types().items()}
        out["sync_record"] = sorted(map(tuple, c.execute(text(
            "SELECT id, record_type, rev, digest, station_id FROM sync_record"))))
    return out


def _outcome(summaries) -> list:
    return [(s.path.name, s.status, s.problem.code if s.problem else None, s.problem.record_id if s.problem else None,
             s.created, s.updated, s.unchanged) for s in summaries]


@pytest.fixture(autouse=True)
def small_runs_read_ahead(monkeypatch):
    """The demo's bundles are small: read ahead however few bytes a run has."""
    monkeypatch.setattr(reader, "READ_AHEAD_MIN_BYTES", 0)


@pytest.fixture
def files(gates, tmp_path):  # noqa: F811
    """A stick of good and bad files: gate A's bundle, gate A's next day with one visit it cannot
    hold (a temperature that is text), gate B's with a visit dated next week, half a file, gate B's
    with text COPY must escape, gate B's claiming a record of A's in a small member, gate B's."""
    (a_db, a, _), (b_db, b, _) = gates
    stick = tmp_path / "stick"
    stick.mkdir()

    def bad_temperature(data: bytes) -> bytes:
        rows = lines(data)
        rows[len(rows) // 2]["temperature"] = "36.5度"
        return joined(rows)

    def next_week(data: bytes) -> bytes:
        rows = lines(data)
        rows[3]["created_at"] = wire.wire_time(utcnow() + timedelta(days=7))
        return joined(rows)

    bad = craft(a, stick / "2-bad-temperature.gdbundle", signing_key(a_db), members={"visit.jsonl": bad_temperature},
                manifest=lambda m: m.update(sequence=m["sequence"] + 1))
    future = craft(b, stick / "3-next-week.gdbundle", signing_key(b_db), members={"visit.jsonl": next_week},
                   manifest=lambda m: m.update(sequence=m["sequence"] + 1))
    half = stick / "4-half.gdbundle"
    half.write_bytes(b.read_bytes()[: b.stat().st_size // 2])

    def odd_text(data: bytes) -> bytes:  # every character COPY's text format must escape
        rows = lines(data)
        # and unprintable ones it must not (U+2028, U+001F, DEL), and a literal \\N that is not a NULL
        rows[5].update(purpose="送货\\后门\t第二栏\n第二行\r回车\b\f\v\u2028\x1f\x7f\\N", rev=rows[5]["rev"] + 1)
        rows[6].update(purpose="后门\\N\\t", rev=rows[6]["rev"] + 1)  # printable, backslashes only
        return joined(rows)

    odd = craft(b, stick / "5-odd-text.gdbundle", signing_key(b_db), members={"visit.jsonl": odd_text},
                manifest=lambda m: m.update(sequence=m["sequence"] + 1))
    with a_db.engine.connect() as c:
        a_round = c.execute(text("SELECT id FROM disinfection_round")).scalars().first()

    def steal(data: bytes) -> bytes:  # a small member (asked for with the others at once) takes A's record
        rows = lines(data)
        rows[0]["id"] = a_round
        return joined(rows)

    stolen = craft(b, stick / "6-stolen-record.gdbundle", signing_key(b_db),
                   members={"disinfection_round.jsonl": steal}, manifest=lambda m: m.update(sequence=m["sequence"] + 2))
    return [a, bad, future, half, odd, stolen, b]


def test_a_run_read_by_workers_ends_as_reading_each_file_in_place(files, gates, open_office, tmp_path,  # noqa: F811
                                                                  monkeypatch):
    taken = []
    take = reader.ReadAhead.take

    def noting(self, path):
        read = take(self, path)
        taken.append(read is not None)
        return read

    monkeypatch.setattr(reader.ReadAhead, "take", noting)
    in_place = _office(open_office, tmp_path / "one", gates)
    ahead = _office(open_office, tmp_path / "two", gates)
    serial = Importer(in_place, clock=lambda: OFFICE_NOW, workers=0).run_all(files)
    assert taken == [False] * len(files)  # no worker at all
    taken.clear()
    parallel = Importer(ahead, clock=lambda: OFFICE_NOW, workers=1).run_all(files)
    # The first file is read in place while the worker starts; half a file: the importer's own opening says why.
    assert taken == [False, True, True, False, True, True, True]
    assert _outcome(parallel) == _outcome(serial)
    assert [s.status for s in parallel] == ["accepted", "rejected", "rejected", "rejected", "accepted", "rejected",
                                            "accepted"], _outcome(parallel)
    assert [s.problem.code for s in parallel[1:4]] == ["invalid_record", "future_record", "truncated"]
    assert parallel[5].problem.code == "not_owner"
    assert _records(ahead) == _records(in_place)
    with ahead.engine.connect() as c:  # written by the worker's COPY lines, read back as sent
        purposes = set(c.execute(text("SELECT purpose FROM visit")).scalars())
    assert {"送货\\后门\t第二栏\n第二行\r回车\b\f\v\u2028\x1f\x7f\\N", "后门\\N\\t"} <= purposes
    # The command line's run (each file in its own transaction) reads ahead the same way.
    again = Importer(ahead, clock=lambda: OFFICE_NOW, workers=1).run_each(files)
    assert [s.status for s in again] == ["accepted", "rejected", "rejected", "rejected", "accepted", "rejected",
                                         "accepted"]
    assert all(s.already_imported for s in (again[0], again[4], again[6]))
    assert _records(ahead) == _records(in_place)


def test_what_a_worker_read_of_another_file_is_never_taken_for_this_one(gates, open_office, tmp_path,  # noqa: F811
                                                                       monkeypatch):
    """A stick whose file was replaced between the worker's reading and the import's: the import
    reads the file it verified itself."""
    (_, a, a_counts), (_, b, _) = gates
    other = reader.read_file(str(b), None, wire.wire_time(utcnow()), "sqlite")
    assert other is not None and other.whole
    monkeypatch.setattr(reader.ReadAhead, "take", lambda self, path: other)
    office = _office(open_office, tmp_path / "office", gates)
    out = Importer(office, clock=lambda: OFFICE_NOW, workers=1).run_all([a])
    assert out[0].status == "accepted"
    with office.engine.connect() as c:
        gates_of_visits = set(c.execute(text("SELECT DISTINCT gate_id FROM visit")).scalars())
    with gates[0][0].engine.connect() as c:
        assert gates_of_visits == set(c.execute(text("SELECT DISTINCT gate_id FROM visit")).scalars())
    assert out[0].created["visit"] == a_counts["visits"]


def test_a_worker_that_dies_leaves_its_files_to_the_importer(files, gates, open_office, tmp_path,  # noqa: F811
                                                             monkeypatch):
    take = reader.ReadAhead.take

    def killing(self, path):
        if self._pool is not None:
            for process in list(self._pool._processes.values()):
                process.kill()
                process.join()
        return take(self, path)

    monkeypatch.setattr(reader.ReadAhead, "take", killing)
    office = _office(open_office, tmp_path / "office", gates)
    out = Importer(office, clock=lambda: OFFICE_NOW, workers=1).run_all(files)
    assert [s.status for s in out] == ["accepted", "rejected", "rejected", "rejected", "accepted", "rejected",
                                       "accepted"]
    assert sum(s.total("created") for s in out) > 0


def test_a_file_too_big_to_hand_over_is_read_by_the_importer(gates, monkeypatch):  # noqa: F811
    path = gates[0][1]
    assert reader.read_file(str(path), None, wire.wire_time(utcnow()), "sqlite") is not None
    monkeypatch.setattr(reader, "READ_AHEAD_RECORDS", 10)
    assert reader.read_file(str(path), None, wire.wire_time(utcnow()), "sqlite") is None


def test_a_rejection_falls_where_reading_in_place_finds_it(gates, monkeypatch):  # noqa: F811
    """The batch a bad record falls in is not handed over: its earlier records are never applied."""
    monkeypatch.setattr(reader, "BATCH", 10)
    read = reader.Read("r", "k", [reader.ReadMember("visit.jsonl", list(range(25)),
                                                    ("invalid_record", "v25", {"member": "visit.jsonl"}))])
    handed = []
    with pytest.raises(reader.BundleRejected) as rejected:
        for batch in read.batches(0):
            handed.append(batch)
    assert [len(b) for b in handed] == [10, 10]
    assert rejected.value.code == "invalid_record" and rejected.value.record_id == "v25"


def test_workers_leave_a_core_to_the_importer(monkeypatch):
    monkeypatch.setattr(reader.os, "cpu_count", lambda: 2)
    assert reader.default_workers() == 1
    monkeypatch.setattr(reader.os, "cpu_count", lambda: 32)
    assert reader.default_workers() == reader.MAX_WORKERS


def test_a_run_of_a_few_small_files_starts_no_worker(gates, open_office, tmp_path, monkeypatch):  # noqa: F811
    """Starting a worker costs more than reading a few days of a gate in place."""
    monkeypatch.setattr(reader, "READ_AHEAD_MIN_BYTES", 1_000_000)
    started = []
    monkeypatch.setattr(reader, "ProcessPoolExecutor", lambda *a, **k: started.append(1) or (_ for _ in ()).throw(
        AssertionError("a worker was started")))
    office = _office(open_office, tmp_path / "office", gates)
    out = Importer(office, clock=lambda: OFFICE_NOW, workers=1).run_all([p for _, p, _ in gates])
    assert [s.status for s in out] == ["accepted", "accepted"] and started == []


def test_a_file_that_changes_what_the_office_holds_ends_as_reading_it_in_place(gates, open_office, tmp_path,  # noqa: F811
                                                                               monkeypatch):
    """A worker hands a file's records over without their rows; the few the importer must update,
    keep as a conflict or delete it decodes again: an update, a conflict (same revision, other
    content) and a deletion read by a worker leave the office as reading them in place does."""
    (a_db, a, _), _b = gates
    with a_db.engine.connect() as c:
        referred = set(c.execute(text("SELECT visit_id FROM isolation_case")).scalars())
    visits = [v for v in member(a, "visit.jsonl") if v["id"] not in referred]
    updated, conflicting, deleted = visits[1], visits[2], visits[4]
    stone = {"id": "5b1d7e3a-9c2f-4e8a-b6d4-0f3a2c1e9d87", "station_id": deleted["station_id"],
             "gate_id": deleted["gate_id"], "operator_id": None, "created_at": deleted["updated_at"],
             "updated_at": deleted["updated_at"], "rev": 1, "record_type": "visit", "record_id": deleted["id"],
             "reason": "error"}

    def change(data: bytes) -> bytes:
        rows = lines(data)
        for row in rows:
            if row["id"] == updated["id"]:
                row.update(purpose="复查后改为送货", rev=row["rev"] + 1)
            if row["id"] == conflicting["id"]:
                row.update(purpose="同一版本 另一内容")
        return joined(rows)

    nxt = craft(a, tmp_path / "2-changes.gdbundle", signing_key(a_db),
                members={"visit.jsonl": change, "tombstone.jsonl": lambda data: data + joined([stone])},
                manifest=lambda m: m.update(sequence=m["sequence"] + 1))
    in_place = _office(open_office, tmp_path / "one", gates)
    ahead = _office(open_office, tmp_path / "two", gates)
    serial = Importer(in_place, clock=lambda: OFFICE_NOW, workers=0).run_each([a, nxt])
    taken = []
    take = reader.ReadAhead.take
    monkeypatch.setattr(reader.ReadAhead, "take", lambda self, path: taken.append(take(self, path)) or taken[-1])
    parallel = Importer(ahead, clock=lambda: OFFICE_NOW, workers=1).run_each([a, nxt])
    assert taken[0] is None and taken[1] is not None  # the second file was read by the worker
    assert _outcome(parallel) == _outcome(serial)
    assert parallel[1].status == "accepted" and parallel[1].updated.get("visit") == 1
    assert parallel[1].conflicts == [("visit", conflicting["id"])]
    assert _records(ahead) == _records(in_place)
    for db in (in_place, ahead):
        with db.engine.connect() as c:
            assert c.execute(text("SELECT purpose FROM visit WHERE id = :i"), {"i": updated["id"]}).scalar() \
                == "复查后改为送货"
            assert c.execute(text("SELECT count(*) FROM visit WHERE id = :i"), {"i": deleted["id"]}).scalar() == 0
            assert "同一版本 另一内容" in c.execute(text("SELECT incoming FROM sync_conflict")).scalar()


def test_a_period_from_the_end_of_time_is_read_ahead_as_in_place(gates, open_office, tmp_path):  # noqa: F811
    """A file's period says which of its records are likely new (claimed at once on a server): one
    starting in the year 9999, or on a day that does not exist, is the manifest's fault, told as
    such whoever reads the file, and the files after it import as they would."""
    (a_db, a, _), (b_db, b, _) = gates
    odd = [craft(b, tmp_path / f"{n}-period.gdbundle", signing_key(b_db),
                 manifest=lambda m, start=start: m["period"].update({"from": start}))
           for n, start in enumerate(("9999-12-31T23:59:59.999999Z", "2026-02-30T00:00:00.000000Z"))]
    files = [a, *odd, b]
    in_place = _office(open_office, tmp_path / "one", gates)
    ahead = _office(open_office, tmp_path / "two", gates)
    serial = Importer(in_place, clock=lambda: OFFICE_NOW, workers=0).run_each(files)
    parallel = Importer(ahead, clock=lambda: OFFICE_NOW, workers=1).run_each(files)
    assert _outcome(parallel) == _outcome(serial)
    assert [(s.status, s.problem.code if s.problem else None) for s in parallel] == [
        ("accepted", None), ("rejected", "bad_manifest"), ("rejected", "bad_manifest"), ("accepted", None)]
    assert _records(ahead) == _records(in_place)
