"""Spreadsheets from outside (rosters, monitoring lists) are bounded before anything is inflated,
and a file that is not one is a message, never a crash."""
from __future__ import annotations

import time
import zipfile

import pytest
from openpyxl import Workbook

from models import residents as rs
from models.formats import sheets
from tests.models.test_residents import NOW


@pytest.fixture
def ctx(db, station):
    return station[0]


def test_a_zip_bomb_named_xlsx_is_refused_by_its_size_before_it_is_inflated(tmp_path, monkeypatch):
    bomb = tmp_path / "roster.xlsx"
    with zipfile.ZipFile(bomb, "w", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("[Content_Types].xml", "<Types/>")
        with zf.open("xl/worksheets/sheet1.xml", "w", force_zip64=True) as out:
            block = b" " * (1 << 20)
            for _ in range(600):  # 600 MB of spaces, a few hundred KB on disk
                out.write(block)
    assert bomb.stat().st_size < 2 << 20

    def never(*_a, **_k):
        raise AssertionError("the workbook was opened")

    monkeypatch.setattr("openpyxl.load_workbook", never)
    started = time.perf_counter()
    with pytest.raises(sheets.SheetProblem) as caught:
        sheets.read_rows(bomb)
    assert caught.value.code == "too_large" and time.perf_counter() - started < 1


@pytest.mark.parametrize("content", [b"this is not a spreadsheet", b"PK\x03\x04" + b"\x00" * 40, "broken zip"])
def test_a_fake_or_incomplete_xlsx_is_a_clear_message(db, ctx, tmp_path, content):
    path = tmp_path / "roster.xlsx"
    if content == "broken zip":  # a real zip without the workbook in it
        with zipfile.ZipFile(path, "w") as zf:
            zf.writestr("[Content_Types].xml", "<Types/>")
    else:
        path.write_bytes(content)
    with db.session() as s, pytest.raises(sheets.SheetProblem) as caught:
        rs.import_roster(s, ctx, path, now=NOW)
    said = caught.value.message.render(__import__("models.store.i18n", fromlist=["x"]).plain_translator("zh_CN"))
    assert caught.value.code == "not_a_sheet" and "roster.xlsx" in said
    with db.session() as s:
        assert rs.count_residents(s) == 0


def test_a_truncated_xlsx_is_a_clear_message(db, ctx, tmp_path):
    book = Workbook()
    book.active.append(["房号", "姓名"])
    for i in range(200):
        book.active.append([f"1-1-{100 + i}", f"王{i}"])
    whole = tmp_path / "whole.xlsx"
    book.save(whole)
    cut = tmp_path / "cut.xlsx"
    cut.write_bytes(whole.read_bytes()[: whole.stat().st_size // 2])
    with pytest.raises(sheets.SheetProblem):
        sheets.read_rows(cut)


def test_one_undecodable_row_of_a_gbk_csv_is_named_and_the_rest_are_read(db, ctx, tmp_path):
    good = ["房号,姓名,手机", "3-2-501,王大明,13800138000", "3-2-502,李小红,", "3-2-503,张三,"]
    raw = "\n".join(good[:2]).encode("gb18030") + b"\n3-2-509,\xff\xfe\xfd,\n" + "\n".join(good[2:]).encode("gb18030")
    path = tmp_path / "roster.csv"
    path.write_bytes(raw + b"\n")
    with db.session() as s:
        result = rs.import_roster(s, ctx, path, now=NOW)
        s.commit()
        names = {r.name for r in s.exec(__import__("sqlmodel").select(rs.Resident))}
    assert result.added == 3 and result.skipped == [(3, "encoding")]
    assert names == {"王大明", "李小红", "张三"}


def test_a_name_with_control_characters_is_a_row_not_read(db, ctx, tmp_path):
    path = tmp_path / "roster.csv"
    path.write_text("房号,姓名\n3-2-501,王\x1b[31m大明\n3-2-502,李小红\n", encoding="utf-8")
    with db.session() as s:
        result = rs.import_roster(s, ctx, path, now=NOW)
    assert result.added == 1 and result.skipped == [(2, "name")]


def test_a_file_too_large_to_be_a_roster_is_refused_unread(tmp_path):
    path = tmp_path / "huge.csv"
    with open(path, "wb") as f:
        f.truncate(sheets.MAX_FILE_BYTES + 1)
    with pytest.raises(sheets.SheetProblem) as caught:
        sheets.read_rows(path)
    assert caught.value.code == "too_large"


def test_the_monitoring_list_takes_the_same_care(db, ctx, tmp_path):
    path = tmp_path / "list.xlsx"
    path.write_bytes(b"<html>an error page saved as .xlsx</html>")
    with db.session() as s, pytest.raises(sheets.SheetProblem):
        rs.import_monitoring(s, ctx, path, now=NOW)


def test_a_roster_added_to_rooms_already_known_joins_their_households(db, ctx, tmp_path):
    first = tmp_path / "a.csv"
    first.write_text("房号,姓名\n3-2-501,王大明\n", encoding="utf-8")
    second = tmp_path / "b.csv"
    second.write_text("房号,姓名\n3-2-501,王小明\n3-2-502,李小红\n", encoding="utf-8")
    with db.session() as s:
        rs.import_roster(s, ctx, first, now=NOW)
        s.commit()
        assert rs.import_roster(s, ctx, second, now=NOW).added == 2
        s.commit()
        households = s.exec(__import__("sqlmodel").select(rs.Household)).all()
    assert sorted(h.label for h in households) == ["3-2-501", "3-2-502"]
