"""The roster, signed passes, and every way a pass is refused."""
from __future__ import annotations

import json
from datetime import date, datetime, timedelta, timezone

import pytest
from openpyxl import Workbook

from models import residents as rs
from models.store.db import open_database
from models.trust.first_run import SetupForm, complete_setup

NOW = datetime(2026, 11, 29, 2, 0, tzinfo=timezone.utc)
TODAY = date(2026, 11, 29)


@pytest.fixture
def db(tmp_path):
    d = open_database(tmp_path / "gatedesk.sqlite3")
    yield d
    d.close()


@pytest.fixture
def ctx(db):
    with db.session() as s:
        c = complete_setup(s, SetupForm(compound_name="榕城花园", gate_name="东门", admin_name="林管理",
                                        admin_pin="1234", admin_pin_again="1234"))
        s.commit()
    return c


def a_pass(db, ctx, room="3-2-501", name="王大明", **kw):
    with db.session() as s:
        r = rs.add_resident(s, ctx, room=room, name=name, phone="13800138000", now=NOW)
        p = rs.issue_pass(s, ctx, resident_id=r.id, today=TODAY, now=NOW, **kw)
        h = s.get(rs.Household, r.household_id)
        payload = rs.pass_payload(p, h, rs.pass_key(s))
        s.commit()
        return p, r, payload


def refused(db, text, today=TODAY) -> str:
    with db.session() as s:
        with pytest.raises(rs.PassRefused) as info:
            rs.verify_pass(s, text, today=today)
    assert info.value.message.text  # a sentence for the guard
    return info.value.code


def test_a_genuine_pass_verifies_and_names_the_resident(db, ctx):
    p, r, payload = a_pass(db, ctx)
    assert payload.startswith("GDP1.") and len(payload) < 250
    with db.session() as s:
        got, resident, household = rs.verify_pass(s, payload, today=TODAY)
    assert (got.id, resident.name, household.label) == (p.id, "王大明", "3-2-501")


def test_forged_altered_unknown_expired_revoked(db, ctx, tmp_path):
    p, r, payload = a_pass(db, ctx)
    body, sig = payload[len("GDP1."):].split(".")
    claims = json.loads(rs.passes._unb64(body))
    claims["r"] = "9-9-999"  # altered room, old signature
    altered = "GDP1." + rs.passes._b64(json.dumps(claims, separators=(",", ":"), sort_keys=True).encode()) + "." + sig
    assert refused(db, altered) == "pass_forged"
    assert refused(db, payload[:-6] + "AAAAAA") == "pass_forged"
    assert refused(db, "GDP1.garbage") == "pass_unreadable"
    assert refused(db, "https://example.org") == "pass_unreadable"
    # Signed with another compound's key: not ours.
    other = open_database(tmp_path / "other.sqlite3")
    with other.session() as s:
        octx = complete_setup(s, SetupForm(compound_name="三坊小区", gate_name="北门", admin_name="甲",
                                           admin_pin="1234", admin_pin_again="1234"))
        op = rs.issue_pass(s, octx, resident_id=rs.add_resident(s, octx, room="1-1-101", name="李四", phone=None,
                                                               now=NOW).id, today=TODAY, now=NOW)
        foreign = rs.pass_payload(op, s.get(rs.Household, op.household_id), rs.pass_key(s))
        s.commit()
    other.close()
    assert refused(db, foreign) == "pass_forged"
    assert refused(db, payload, today=TODAY + timedelta(days=rs.DEFAULT_VALID_DAYS + 1)) == "pass_expired"
    with db.session() as s:
        new = rs.reissue_pass(s, ctx, p.id, reason="卡丢失", today=TODAY, now=NOW)
        new_payload = rs.pass_payload(new, s.get(rs.Household, new.household_id), rs.pass_key(s))
        s.commit()
    assert refused(db, payload) == "pass_revoked"
    with db.session() as s:
        assert rs.verify_pass(s, new_payload, today=TODAY)[0].replaces_id == p.id


def test_a_resident_under_home_monitoring_is_known_and_directions_alternate(db, ctx):
    p, r, payload = a_pass(db, ctx)
    with db.session() as s:
        assert rs.next_direction(s, r.id, NOW - timedelta(hours=12)) == rs.Direction.IN
        rs.put_under_monitoring(s, ctx, resident_id=r.id, kind=rs.MonitoringKind.ISOLATION,
                                until=TODAY + timedelta(days=7), reason="密接", now=NOW)
        s.commit()
        assert rs.active_monitoring(s, r.id, TODAY).kind == "isolation"
        assert rs.active_monitoring(s, r.id, TODAY + timedelta(days=8)) is None
        [(m, resident, household)] = rs.monitoring_list(s, TODAY)
        assert resident.name == "王大明" and household.label == "3-2-501"


def test_roster_from_a_gbk_csv_with_a_report_of_unreadable_rows(db, ctx, tmp_path):
    sheet = tmp_path / "roster.csv"
    sheet.write_bytes("房号,姓名,联系电话\n3-2-501,王大明,13800138000\n3栋2单元502,李小红,\n,无名氏,13800138001\n"
                      "楼顶,张三,13800138002\n1-1-101,赵六,12345\n1-1-102,,13800138003\n".encode("gb18030"))
    with db.session() as s:
        result = rs.import_roster(s, ctx, sheet, now=NOW)
        s.commit()
        assert result.added == 2
        assert result.skipped == [(4, "room"), (5, "room"), (6, "phone"), (7, "name")]
        assert rs.count_residents(s) == 2
        rooms = {h.label for h in s.exec(__import__("sqlmodel").select(rs.Household))}
    assert rooms == {"3-2-501", "3-2-502"}


def test_roster_from_xlsx_with_building_unit_room_columns(db, ctx, tmp_path):
    book = Workbook()
    book.active.append(["楼栋", "单元", "房间号", "姓名", "手机"])
    book.active.append([5, 1, 1201, "萧帅国", "15582163149"])
    book.active.append(["5", "1", "1202", "宋秋菊", None])
    path = tmp_path / "roster.xlsx"
    book.save(path)
    with db.session() as s:
        result = rs.import_roster(s, ctx, path, now=NOW)
        s.commit()
        assert (result.added, result.skipped) == (2, [])
        passes = [rs.issue_pass(s, ctx, resident_id=r.id, today=TODAY, now=NOW)
                  for r in s.exec(__import__("sqlmodel").select(rs.Resident))]
        s.commit()
        assert len(rs.valid_passes(s, building="5", today=TODAY)) == len(passes) == 2
        assert rs.valid_passes(s, building="6", today=TODAY) == []


def test_the_roster_reports_its_progress_through_reading_and_writing(db, ctx, tmp_path):
    """The bar a guard watches is not full while residents are still being written."""
    sheet = tmp_path / "big.csv"
    sheet.write_text("房号,姓名\n" + "".join(f"1-{u}-{r:04d},住户{u}{r}\n" for u in range(1, 6) for r in range(1, 1001)),
                     encoding="utf-8")
    with db.session() as s:
        seen = []
        result = rs.import_roster(s, ctx, sheet, now=NOW,
                                  progress=lambda done, total: seen.append((done, total, rs.count_residents(s))))
        assert result.added == 5000
    totals = {total for _, total, _ in seen}
    assert totals == {10_000}  # one scale from start to end: the bar never jumps back
    assert [done for done, _, _ in seen] == sorted(done for done, _, _ in seen)
    half = [written for done, _, written in seen if done <= 5000]
    assert half and max(half) == 0  # the first half is reading the sheet
    writing = [(done, written) for done, _, written in seen if 5000 < done < 10_000]
    assert len(writing) >= 2 and all(0 < written < 5000 for _, written in writing)
    assert seen[-1] == (10_000, 10_000, 5000)  # full only once every resident is in


def test_a_sheet_without_the_needed_columns_is_explained(db, ctx, tmp_path):
    sheet = tmp_path / "bad.csv"
    sheet.write_text("foo,bar\n1,2\n", encoding="utf-8")
    with db.session() as s:
        result = rs.import_roster(s, ctx, sheet, now=NOW)
    assert result.added == 0 and result.skipped == [(1, "header")]


def test_the_desk_records_passages_and_refusals(tmp_path):
    from models.app.demo import create_demo
    from models.app.desk import Desk
    from models.kit.validation import InvalidInput

    db = open_database(tmp_path / "g" / "gatedesk.sqlite3")
    create_demo(db, days=1, visits_per_day=5)
    desk = Desk(db)
    desk.staff.sign_in(next(o.id for o in desk.staff.operators() if o.name == "张保安"), "1111")
    with db.session() as s:
        watched = {m.resident_id for m, _, _ in rs.monitoring_list(s, rs.today_for(desk.settings, desk.clock()))}
        cards = rs.pass_cards(s, today=rs.today_for(desk.settings, desk.clock()))
        by_resident = {p.resident_id: c for (p, _, _), c in zip(rs.valid_passes(
            s, today=rs.today_for(desk.settings, desk.clock())), cards)}
    free = next(c for rid, c in by_resident.items() if rid not in watched)
    isolated = next(c for rid, c in by_resident.items() if rid in watched)

    scan = desk.residents.scan_pass(free.payload)
    assert scan.direction == rs.Direction.IN and desk.residents.needs_temperature(scan)
    with pytest.raises(InvalidInput):
        desk.residents.record_passage(scan, "")
    passage = desk.residents.record_passage(scan, "36.5")
    assert passage.decision == "admit" and passage.temperature == 36.5
    out = desk.residents.scan_pass(free.payload)
    assert out.direction == rs.Direction.OUT and not desk.residents.needs_temperature(out)
    desk.residents.record_passage(out)
    # A fever at the gate is not a passage.
    again = desk.residents.scan_pass(free.payload)
    with pytest.raises(rs.PassRefused) as fever:
        desk.residents.record_passage(again, "38.2")
    assert fever.value.code == "fever"
    # Home isolation: in is fine (coming home), out is stopped.
    inside = desk.residents.scan_pass(isolated.payload)
    desk.residents.record_passage(inside, "36.6")
    with pytest.raises(rs.PassRefused) as stop:
        desk.residents.scan_pass(isolated.payload)
    assert stop.value.code in ("home_isolation", "home_monitoring") and "居家" in stop.value.message.render(
        __import__("models.store.i18n", fromlist=["plain_translator"]).plain_translator("zh_CN"))
    with pytest.raises(rs.PassRefused):
        desk.residents.scan_pass(free.payload[:-4] + "AAAA")
    with db.session() as s:
        rows = s.exec(__import__("sqlmodel").select(rs.Passage)).all()
    assert sorted((r.decision, r.reason) for r in rows) == sorted([
        ("admit", ""), ("admit", ""), ("refuse", "fever"), ("admit", ""), ("refuse", stop.value.code),
        ("refuse", "pass_forged")])
    db.close()


def test_editing_the_roster_by_hand(db, ctx):
    p, r, payload = a_pass(db, ctx)
    with db.session() as s:
        with pytest.raises(rs.RosterProblem) as bad:
            rs.edit_resident(s, ctx, r.id, room="roof", name="王大明", phone="", now=NOW)
        assert bad.value.field == "room"
        with pytest.raises(rs.RosterProblem) as bad:
            rs.edit_resident(s, ctx, r.id, room="3-2-501", name="王大明", phone="12345", now=NOW)
        assert bad.value.field == "phone"
        rs.edit_resident(s, ctx, r.id, room="3-2-502", name="王大明", phone="13900139000", now=NOW)
        s.commit()
    # The card names the old room: it no longer works, a new one was issued for the new room.
    assert refused(db, payload) == "pass_revoked"
    with db.session() as s:
        [(new, resident, household)] = rs.valid_passes(s, today=TODAY)
        assert household.label == "3-2-502" and new.replaces_id == p.id
        rs.move_out(s, r.id, now=NOW)
        s.commit()
        assert rs.valid_passes(s, today=TODAY) == [] and rs.count_residents(s) == 0


def test_the_roster_travels_to_another_gate_of_the_compound(db, ctx, tmp_path):
    """A pass printed at the east gate works at the west gate once the roster file is loaded there."""
    p, r, payload = a_pass(db, ctx)
    with db.session() as s:
        rs.put_under_monitoring(s, ctx, resident_id=r.id, kind=rs.MonitoringKind.MONITORING,
                                until=TODAY + timedelta(days=3), reason="", now=NOW)
        s.commit()
    west = open_database(tmp_path / "west.sqlite3")
    with west.session() as s:
        wctx = complete_setup(s, SetupForm(compound_name="榕城花园", gate_name="西门", admin_name="甲",
                                           admin_pin="1234", admin_pin_again="1234"))
        s.commit()
    with west.session() as s:
        with pytest.raises(rs.PassRefused):
            rs.verify_pass(s, payload, today=TODAY)  # not yet: another key, an unknown pass
    path = tmp_path / "east.gdroster"
    with db.session() as s:
        with pytest.raises(rs.RosterFileProblem):
            rs.save_roster_file(s, ctx, path, "short", now=NOW)
        assert rs.save_roster_file(s, ctx, path, "长城长城长城长城", now=NOW) == 4  # household, resident, pass, watch
        s.commit()
    assert "王大明".encode() not in path.read_bytes()  # sealed: a lost stick shows no names
    with west.session() as s:
        with pytest.raises(rs.RosterFileProblem) as wrong:
            rs.load_roster_file(s, wctx, path, "not the passphrase")
        assert wrong.value.code == "passphrase"
        assert rs.load_roster_file(s, wctx, path, "长城长城长城长城") == 4
        s.commit()
    with west.session() as s:
        got, resident, household = rs.verify_pass(s, payload, today=TODAY)
        assert resident.name == "王大明" and household.label == "3-2-501"
        assert rs.active_monitoring(s, resident.id, TODAY) is not None
        assert rs.load_roster_file(s, wctx, path, "长城长城长城长城") == 0  # again: nothing newer
    # A gate of another compound, or one that already printed its own passes, is refused.
    other = open_database(tmp_path / "other.sqlite3")
    with other.session() as s:
        octx = complete_setup(s, SetupForm(compound_name="三坊小区", gate_name="北门", admin_name="乙",
                                           admin_pin="1234", admin_pin_again="1234"))
        with pytest.raises(rs.RosterFileProblem) as wrong_place:
            rs.load_roster_file(s, octx, path, "长城长城长城长城")
        assert wrong_place.value.code == "other_compound"
    south = open_database(tmp_path / "south.sqlite3")
    with south.session() as s:
        sctx = complete_setup(s, SetupForm(compound_name="榕城花园", gate_name="南门", admin_name="丙",
                                           admin_pin="1234", admin_pin_again="1234"))
        rs.issue_pass(s, sctx, resident_id=rs.add_resident(s, sctx, room="1-1-101", name="李四", phone=None,
                                                           now=NOW).id, today=TODAY, now=NOW)
        with pytest.raises(rs.RosterFileProblem) as own:
            rs.load_roster_file(s, sctx, path, "长城长城长城长城")
        assert own.value.code == "own_passes"
    for d in (west, other, south):
        d.close()


def test_the_offices_home_monitoring_list(db, ctx, tmp_path):
    a_pass(db, ctx, room="3-2-501", name="王大明")
    a_pass(db, ctx, room="1-1-101", name="李小红")
    book = Workbook()
    book.active.append(["房号", "姓名", "类型", "截止日期"])
    book.active.append(["3-2-501", "王大明", "居家隔离", "2026-12-05"])
    book.active.append(["1栋1单元101", "李小红", "居家健康监测", "2026/12/3"])
    book.active.append(["1-1-101", "张三", "居家隔离", "2026-12-05"])
    book.active.append(["1-1-101", "李小红", "出差", "2026-12-05"])
    book.active.append(["1-1-101", "李小红", "居家隔离", "下周"])
    path = tmp_path / "office.xlsx"
    book.save(path)
    with db.session() as s:
        result = rs.import_monitoring(s, ctx, path, now=NOW)
        s.commit()
        assert result.added == 2
        assert result.skipped == [(4, "resident"), (5, "kind"), (6, "until")]
        watched = {(r.name, m.kind, m.until) for m, r, _ in rs.monitoring_list(s, TODAY)}
    assert watched == {("王大明", "isolation", "2026-12-05"), ("李小红", "monitoring", "2026-12-03")}
