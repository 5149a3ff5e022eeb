"""The demo is plausible at any hour: nothing it makes lies in the future of the moment it ran."""
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
    """The latest moment in any time column of any record table."""
    from sqlmodel import SQLModel

    latest = None
    with db.engine.connect() as c:
        for table in SQLModel.metadata.sorted_tables:
            for column in table.columns:
                if isinstance(column.type, UTCDateTime) and "station_id" in table.c:
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
    finally:
        db.close()
