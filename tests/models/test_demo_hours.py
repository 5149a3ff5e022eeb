"""The demo is plausible at any hour: nothing it makes lies in the future of the moment it ran, and
nothing happens in an order that could not be."""
from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo

import pytest
from sqlalchemy import select

from models.app.demo import create_demo
from models.store.db import open_database
from models.store.records import UTCDateTime

CHINA = ZoneInfo("Asia/Shanghai")


def latest_time(db) -> datetime:
    """The latest moment in any time column of any record table, a plan's times aside (tomorrow's
    shifts lie ahead by nature; the wire accepts them as `planned`)."""
    from sqlmodel import SQLModel

    latest = None
    with db.engine.connect() as c:
        for table in SQLModel.metadata.sorted_tables:
            for column in table.columns:
                if isinstance(column.type, UTCDateTime) and "station_id" in table.c and \
                        not column.info.get("wire", {}).get("planned"):
                    value = c.execute(select(column).order_by(column.desc()).limit(1)).scalar()
                    if value is not None and (latest is None or value > latest):
                        latest = value
    return latest


@pytest.mark.parametrize("clock", ["00:10", "02:30", "06:05", "07:30", "08:01", "12:00", "23:50"])
def test_no_demo_record_lies_in_the_future(tmp_path, clock):
    hour, minute = map(int, clock.split(":"))
    now = datetime(2026, 11, 28, hour, minute, tzinfo=CHINA)
    db = open_database(tmp_path / "demo.sqlite3")
    try:
        result = create_demo(db, days=2, visits_per_day=120, parcels_per_day=40, seed=7, now=now)
        assert result.visits == 240
        assert latest_time(db) <= now
        assert_daily_routine(db)
    finally:
        db.close()


def assert_daily_routine(db) -> None:
    """Issue: made at 02:30, the demo had samplings at 02:18 and visitors signed out after the 23:00
    automatic sign-out. Rounds sample in the morning; nobody leaves after the automatic sign-out."""
    from models.gate.visits import Visit
    from models.rounds.tables import RoundPerson

    with db.engine.connect() as c:
        sampled = [t for (t,) in c.execute(select(RoundPerson.sampled_at).where(RoundPerson.sampled_at.is_not(None)))]
        outs = c.execute(select(Visit.created_at, Visit.time_out, Visit.signout_kind)
                         .where(Visit.time_out.is_not(None))).all()
    assert sampled and all(8 <= t.astimezone(CHINA).hour < 11 for t in sampled), \
        sorted({t.astimezone(CHINA).strftime("%H:%M") for t in sampled})[:5]
    for came, left, how in outs:
        local_in, local_out = came.astimezone(CHINA), left.astimezone(CHINA)
        auto = local_in.replace(hour=23, minute=0, second=0, microsecond=0)
        assert local_out <= auto and (how == "auto") == (local_out == auto), (local_in, local_out, how)


def test_the_demo_tells_a_possible_story(tmp_path):
    """A red-code case was closed as 're-check normal', and parcels were disinfected after they had
    been handed out."""
    from sqlmodel import select as sm_select

    from models.station.isolation import IsolationCase
    from models.station.parcels import Parcel

    db = open_database(tmp_path / "demo.sqlite3")
    try:
        create_demo(db, days=7, visits_per_day=200, parcels_per_day=60, seed=1,
                    now=datetime(2026, 11, 28, 16, 0, tzinfo=CHINA))
        with db.session() as s:
            cases = list(s.exec(sm_select(IsolationCase)))
            parcels = list(s.exec(sm_select(Parcel)))
        closed = [c for c in cases if c.outcome]
        assert any(set(c.reason_codes.split(",")) & {"code_red", "nat_positive"} for c in closed)
        assert any(c.outcome == "released" for c in closed)
        for c in closed:
            if set(c.reason_codes.split(",")) & {"code_red", "nat_positive"}:
                assert c.outcome != "released", c.reason_codes
        handed = [p for p in parcels if p.status != "waiting"]
        assert handed and all(p.disinfected_at is not None for p in handed)
        for p in handed:
            out = p.collected_at or p.delivered_at
            assert p.received_at <= p.disinfected_at <= out, (p.received_at, p.disinfected_at, out)
    finally:
        db.close()
