"""The gate's frequent questions are answered by an index, so they stay instant at a million rows."""
import pytest
from sqlalchemy import func, select
from sqlmodel import col

from models.visits import Visit, VisitQuery, _filters, on_site_terms


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
