"""A week of a compound's rota through the desk's services: posts and shifts planned, people assigned
and signing up (no double booking, a reserve list), check-ins by scanned card and by PIN, a forged
and a replaced card, a walk-in, an automatic close, a no-show cut once confirmed, hours to the
minute, the sending unit's sheet, and the office's coverage of the compound from the gate's bundle."""
from __future__ import annotations

from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest

from models import staffing
from models.kit.validation import InvalidInput
from models.trust.operators import NotAllowed, Role
from tests.models.test_trust import PINS, op_id

CHINA = ZoneInfo("Asia/Shanghai")
MONDAY = date(2022, 11, 28)


def at(day: int, hhmm: str) -> datetime:
    """Monday + day, at a China time."""
    h, m = map(int, hhmm.split(":"))
    return datetime(2022, 11, 28, h, m, tzinfo=CHINA) + timedelta(days=day)


def as_supervisor(desk):
    return desk.authorised(op_id(desk, "陈主管"), PINS["陈主管"], Role.SUPERVISOR)


class Clock:
    def __init__(self, when: datetime):
        self.when = when

    def __call__(self) -> datetime:
        return self.when


def _closing_entry(desk):
    from sqlalchemy import select

    from models.trust.audit import AuditEvent

    with desk.db.reading() as s:
        [entry] = s.execute(select(AuditEvent).where(AuditEvent.action == "duty_close")).scalars().all()
    return entry


def shift_of(desk, day: int, post, hhmm: str):
    return next(v.shift for v in desk.staffing.day_rota(MONDAY + timedelta(days=day), post_id=post.id)
                if v.shift.starts_at == at(day, hhmm))


@pytest.fixture
def week(desk):
    """The rota planned on the Sunday before: the gate held 24 hours in three shifts, a sampling point
    in the morning; five people from four sending units."""
    clock = Clock(at(-1, "10:00"))
    desk.clock = clock
    with pytest.raises(NotAllowed):
        desk.staffing.add_post(name="东门", kind="gate", critical=True)
    with as_supervisor(desk):
        gate = desk.staffing.add_post(name="东门", kind="gate", critical=True)
        sampling = desk.staffing.add_post(name="采样点", kind="sampling")
        made = desk.staffing.plan_shifts(post_id=gate.id, first_day=MONDAY, days=7,
                                         times="08:00-16:00, 16:00-24:00, 00:00-08:00", min_people=1, max_people=2)
        assert len(made) == 21
        assert desk.staffing.plan_shifts(post_id=gate.id, first_day=MONDAY, days=7, times="08:00-16:00",
                                         min_people=1, max_people=2) == []  # planned twice: nothing new
        assert len(desk.staffing.plan_shifts(post_id=sampling.id, first_day=MONDAY, days=7, times="08:00-12:00",
                                             min_people=2, max_people=3)) == 7
        with pytest.raises(InvalidInput) as bad:
            desk.staffing.plan_shifts(post_id=gate.id, first_day=MONDAY, days=60, times="8点到4点", min_people=3,
                                      max_people=2)
        assert bad.value.fields() == {"days", "times", "max_people"}
        people = {
            "A": desk.staffing.add_person(name="李法官", phone="13800000001", kind="cadre", sent_by="区法院",
                                          posts=["gate", "sampling"], pin="2468"),
            "B": desk.staffing.add_person(name="王科员", phone="13800000002", kind="cadre", sent_by="区住建局",
                                          posts=["gate"]),
            "C": desk.staffing.add_person(name="赵志愿", phone="13800000003", kind="volunteer",
                                          sent_by="志愿者协会", posts=["sampling"]),
            "D": desk.staffing.add_person(name="钱阿姨", phone="13800000004", kind="resident", sent_by="",
                                          posts=["gate"]),
            "E": desk.staffing.add_person(name="孙大伯", phone="13800000005", kind="resident", sent_by="",
                                          posts=["gate"]),
        }
        with pytest.raises(staffing.RotaProblem):  # the same phone twice
            desk.staffing.add_person(name="李法官", phone="138 0000 0001", kind="cadre", sent_by="区法院")
        cards = {k: desk.staffing.card_text(p.id) for k, p in people.items()}
    assert people["A"].name == "李*官" and people["D"].sent_by == "榕城花园"  # masked; a resident's unit: here
    return clock, gate, sampling, people, cards


def test_a_week_of_the_rota_from_planning_to_the_office(desk, week, tmp_path, open_office):
    clock, gate, sampling, p, cards = week
    mon_day, mon_eve, mon_night = (shift_of(desk, 0, gate, t) for t in ("08:00", "16:00", "00:00"))
    mon_sampling = shift_of(desk, 0, sampling, "08:00")
    tue_day = shift_of(desk, 1, gate, "08:00")
    wed_day, wed_eve = shift_of(desk, 2, gate, "08:00"), shift_of(desk, 2, gate, "16:00")
    assert mon_eve.ends_at == at(1, "00:00") and mon_night.starts_at == at(0, "00:00")

    # -- people on shifts ----------------------------------------------------------------------
    with as_supervisor(desk):
        desk.staffing.assign(mon_day.id, p["A"].id)
        with pytest.raises(staffing.RotaProblem) as clash:  # the sampling point overlaps the gate's day
            desk.staffing.assign(mon_sampling.id, p["A"].id)
        assert "东门" in clash.value.message.text.format(**clash.value.message.params)
        with pytest.raises(staffing.RotaProblem):  # B takes gate posts only
            desk.staffing.assign(mon_sampling.id, p["B"].id)
        desk.staffing.assign(mon_sampling.id, p["C"].id)
        desk.staffing.assign(mon_eve.id, p["B"].id)
        desk.staffing.assign(tue_day.id, p["D"].id)
        desk.staffing.assign(wed_day.id, p["A"].id)
        desk.staffing.assign(wed_eve.id, p["B"].id)
    with pytest.raises(NotAllowed):  # a guard does not assign
        desk.staffing.assign(mon_day.id, p["D"].id)
    assert not desk.staffing.sign_up(mon_day.id, p["D"].id).reserve  # residents sign up themselves
    assert desk.staffing.sign_up(mon_day.id, p["E"].id).reserve  # full (2): on the reserve list
    with pytest.raises(staffing.RotaProblem):
        desk.staffing.sign_up(mon_day.id, p["E"].id)  # on it already

    # Tomorrow's shifts short of people, the critical gate first: found on the Sunday.
    risky = desk.staffing.at_risk(MONDAY)
    assert [(v.post.name, v.shift.starts_at.astimezone(CHINA).hour, v.short) for v in risky] == [
        ("东门", 0, 1), ("采样点", 8, 1)]

    # -- Monday at the gate ----------------------------------------------------------------------
    clock.when = at(0, "07:50")
    a_in = desk.staffing.check_card(cards["A"])
    assert not a_in.went_out and a_in.shift.id == mon_day.id and a_in.late_minutes == 0
    assert a_in.person.name == "李*官"
    clock.when = at(0, "08:03")
    desk.staffing.check_card(cards["C"])
    clock.when = at(0, "08:20")
    assert desk.staffing.check_card(cards["D"]).late_minutes == 20  # beyond the 15 minutes' grace
    clock.when = at(0, "08:30")
    with pytest.raises(staffing.DutyRefused) as full:  # E is on the reserve list of a full shift
        desk.staffing.check_card(cards["E"])
    assert full.value.code == "shift_full"
    a_body, b_signature = cards["A"].rsplit(".", 1)[0], cards["B"].rsplit(".", 1)[1]
    for text, code in ((f"{a_body}.{b_signature}", "card_forged"), ("GDP1.x.y", "card_unreadable"),
                       (cards["A"].replace("GDV1.", "GDV2."), "card_unreadable"), (cards["A"] + "=", "card_unreadable")):
        with pytest.raises(staffing.DutyRefused) as bad:
            desk.staffing.check_card(text)
        assert bad.value.code == code
    view = next(v for v in desk.staffing.day_rota(MONDAY) if v.shift.id == mon_day.id)
    assert (view.placed, view.present, [o.person.name for o in view.reserve]) == (2, 2, ["孙*伯"])
    clock.when = at(0, "12:10")
    out = desk.staffing.check_card(cards["C"])
    assert out.went_out and out.minutes == 247
    clock.when = at(0, "16:00")
    desk.staffing.check_card(cards["B"])
    clock.when = at(0, "16:05")
    assert desk.staffing.check_card(cards["A"]).minutes == 495
    # D forgot to check out: two hours after the shift's end it is closed at the end, for review.
    clock.when = at(0, "17:59")
    assert desk.records.housekeeping(backup=False).duty_closed == 0
    clock.when = at(0, "18:30")
    assert desk.records.housekeeping(backup=False).duty_closed == 1
    entry = _closing_entry(desk)
    assert entry.detail == "1"  # the station's own housekeeping, on record
    [(ci, person, _, _)] = desk.staffing.to_review()
    assert person.name == "钱*姨" and ci.out_at == at(0, "16:00") and ci.auto_closed
    clock.when = at(1, "00:10")
    assert desk.staffing.check_card(cards["B"]).minutes == 490

    # -- Tuesday: D does not come; cut once confirmed, E walks in -------------------------------
    [d_on_tue] = [o.assignment for v in desk.staffing.day_rota(MONDAY + timedelta(days=1), post_id=gate.id)
                  if v.shift.id == tue_day.id for o in v.people]
    clock.when = at(1, "08:10")
    with as_supervisor(desk), pytest.raises(staffing.RotaProblem):  # within the grace: not absent yet
        desk.staffing.cut_no_show(d_on_tue.id)
    clock.when = at(1, "08:40")
    view = next(v for v in desk.staffing.day_rota(MONDAY + timedelta(days=1)) if v.shift.id == tue_day.id)
    assert [o.person.name for o in view.absent(clock.when, 15)] == ["钱*姨"]
    with as_supervisor(desk):
        desk.staffing.cut_no_show(d_on_tue.id)
    clock.when = at(1, "08:45")
    with pytest.raises(staffing.DutyRefused) as none:
        desk.staffing.check_card(cards["E"])
    assert none.value.code == "not_on_rota"
    walk_in = desk.staffing.check_card(cards["E"], shift_id=tue_day.id)
    assert walk_in.shift.id == tue_day.id and walk_in.late_minutes == 45
    clock.when = at(1, "16:00")
    assert desk.staffing.check_card(cards["E"]).minutes == 435

    # -- Wednesday: A by name and PIN; a lost card replaced ----------------------------------------
    clock.when = at(2, "08:00")
    with pytest.raises(staffing.DutyRefused) as wrong:
        desk.staffing.check_pin(p["A"].id, "0000")
    assert wrong.value.code == "wrong_pin"
    with pytest.raises(staffing.DutyRefused) as no_pin:
        desk.staffing.check_pin(p["B"].id, "1234")
    assert no_pin.value.code == "no_pin"
    assert desk.staffing.check_pin(p["A"].id, "2468").checkin.source == "pin"
    clock.when = at(2, "16:00")
    assert desk.staffing.check_pin(p["A"].id, "2468").minutes == 480
    with as_supervisor(desk):
        new_c = desk.staffing.card_text(p["C"].id, new=True)
    with pytest.raises(staffing.DutyRefused) as old:
        desk.staffing.check_card(cards["C"])
    assert old.value.code == "card_replaced" and new_c != cards["C"]
    # B never comes to Wednesday's evening shift.

    # -- the accounts, Thursday morning ------------------------------------------------------------
    clock.when = at(3, "10:00")
    hours = {h.name: h for h in desk.staffing.hours(MONDAY)}
    assert {n: (h.minutes, h.night, h.to_review) for n, h in hours.items()} == {
        "李*官": (975, 0, 0), "王*员": (490, 130, 0), "赵*愿": (247, 0, 0), "钱*姨": (460, 0, 1),
        "孙*伯": (435, 0, 0)}
    assert hours["李*官"].credited == 16.0 and hours["赵*愿"].credited == 4.0  # whole half hours
    units = {u.sent_by: (u.people, u.minutes, u.weighted) for u in desk.staffing.units_hours(MONDAY)}
    assert units == {"区法院": (1, 975, 975), "榕城花园": (2, 895, 895), "区住建局": (1, 490, 490),
                     "志愿者协会": (1, 247, 247)}

    with pytest.raises(NotAllowed):  # an export: a supervisor's
        desk.staffing.write_week_sheet("榕城花园", MONDAY, tmp_path / "week.csv")
    with as_supervisor(desk):
        sheet = desk.staffing.write_week_sheet("榕城花园", MONDAY, tmp_path / "week.csv")
    import csv
    rows = list(csv.reader(sheet.read_text(encoding="utf-8-sig").splitlines()))
    assert rows[1][:4] == ["日期", "小区", "姓名", "岗位"]
    body = [r for r in rows[2:] if r[0] != "合计"]
    assert [(r[0], r[1], r[2], r[5], r[7], r[9]) for r in body] == [
        ("2022-11-28", "榕城花园", "钱*姨", "11-28 08:20", "460", "迟到 20 分钟；自动关闭"),
        ("2022-11-29", "榕城花园", "孙*伯", "11-29 08:45", "435", "迟到 45 分钟"),
        ("2022-11-29", "榕城花园", "钱*姨", "", "0", "未到岗"),
    ]
    assert rows[-1][0] == "合计" and rows[-1][7] == "895"
    assert "钱阿姨" not in sheet.read_text(encoding="utf-8-sig")  # a routine export: names masked
    from openpyxl import load_workbook

    with as_supervisor(desk):
        book = desk.staffing.write_week_sheet("榕城花园", MONDAY, tmp_path / "week.xlsx")
    ws = load_workbook(book).active
    assert ws.freeze_panes == "A3" and ws["C3"].value == "钱*姨" and ws["F3"].value == "11-28 08:20"

    # -- the office, from the gate's bundle ----------------------------------------------------------
    from models.app.desk import Desk
    from models.sync import Importer, export_bundle
    from tests.sync_helpers import enroll

    office = open_office(tmp_path / "office" / "gatedesk.sqlite3")
    odesk = Desk(office, clock=lambda: at(3, "10:00"))
    odesk.sync.complete_office_setup(office_name="温泉社区居委会", community="温泉社区", admin_name="林管理",
                                     pin="1234", pin_again="1234", office_label="办公室")
    odesk.staff.sign_in(odesk.staff.operators()[0].id, "1234")
    enroll(office, desk.db)
    bundle = export_bundle(desk.db, tmp_path / "usb", sheets=False, now=at(3, "10:00")).path
    summary = Importer(office, clock=lambda: at(3, "10:00")).run(bundle)
    assert summary.status == "accepted", summary.problem
    assert summary.created["shift_checkin"] == 6 and summary.created["volunteer"] == 5
    [cover] = odesk.office.staffing_coverage(MONDAY)
    assert (cover.compound, cover.shifts, cover.short, cover.critical_short, cover.held, cover.no_shows,
            cover.checkins, cover.minutes) == ("榕城花园", 28, 23, 16, 4, 2, 6, 2607)
    assert {u.sent_by: u.minutes for u in odesk.office.staffing_units(MONDAY)} == {
        "区法院": 975, "榕城花园": 895, "区住建局": 490, "志愿者协会": 247}
    with office.reading() as s:
        from sqlalchemy import select
        assert set(s.execute(select(staffing.Volunteer.pin_hash)).scalars()) == {""}  # a PIN stays at the gate
    office.close()
