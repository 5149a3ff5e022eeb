"""The gate's frequent questions are answered by an index, so they stay instant at a million rows."""
import pytest
from sqlalchemy import func, select
from sqlmodel import col

from models.gate.visit_log import VisitQuery, _filters
from models.gate.visits import Visit, on_site_terms


def plan(db, stmt):
    compiled = stmt.compile(db.engine, compile_kwargs={"literal_binds": True})
    with db.engine.connect() as c:
        return " ".join(row[-1] for row in c.exec_driver_sql(f"EXPLAIN QUERY PLAN {compiled}"))


def test_on_site_seeks_instead_of_scanning(db):
    p = plan(db, select(func.count()).select_from(Visit).where(*on_site_terms()))
    assert "ix_visit_onsite" in p and "SCAN" not in p


@pytest.mark.parametrize("text,index", [("5678", "ix_visit_phone_tail"), ("13812345678", "ix_visit_phone_tail"),
                                        ("王小", "ix_visit_name"), ("002X", "ix_visit_id_tail"),
                                        ("11010519491231002X", "ix_visit_id_tail")])
def test_searches_use_their_index(db, settings, text, index):
    p = plan(db, select(func.count()).select_from(Visit).where(*_filters(VisitQuery(text=text), settings)))
    assert index in p and "SCAN" not in p  # a seek, not a walk through the table or a whole index


def test_log_order_needs_no_sort(db, settings):
    stmt = select(Visit).order_by(col(Visit.created_at).desc(), col(Visit.id).desc()).limit(200)
    assert "TEMP B-TREE" not in plan(db, stmt)


@pytest.mark.parametrize("kw,index", [({"code": "123456"}, "ix_parcel_code"), ({"room": "3-2-501"}, "ix_parcel_room")])
def test_parcel_pick_up_seeks_its_index(db, kw, index):
    from models.station.parcels import Parcel, ParcelStatus

    where = [Parcel.status == ParcelStatus.WAITING.value]
    where.append(Parcel.pickup_code == kw["code"] if "code" in kw else Parcel.room == kw["room"])
    p = plan(db, select(Parcel).where(*where).order_by(col(Parcel.received_at)))
    assert index in p and "TEMP B-TREE" not in p


def test_parcel_hand_out_counts_use_indexes(db):
    from datetime import datetime, timezone

    from models.station.parcels import Parcel

    for column in (Parcel.collected_at, Parcel.delivered_at):
        at = datetime(2022, 11, 28, tzinfo=timezone.utc)
        p = plan(db, select(func.count()).select_from(Parcel).where(col(column) >= at, col(column) < at))
        assert "SCAN" not in p
