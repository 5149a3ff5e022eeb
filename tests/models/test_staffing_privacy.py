"""What staffing promises about people: a name and phone stay while the person is on the rota and are
blanked once they have been off it for the retention period, at the gate and at the office (an old
bundle cannot bring them back); hours stay counted; wrong PINs at check-in lock the person out as an
operator is locked out; a card of another compound is refused."""
from __future__ import annotations

from datetime import timedelta

import pytest
from sqlalchemy import select

from models import staffing
from models.app.desk import Desk
from models.trust.operators import Locked, Role
from tests.models.test_trust import PINS, op_id


def as_supervisor(desk):
    return desk.authorised(op_id(desk, "陈主管"), PINS["陈主管"], Role.SUPERVISOR)


@pytest.fixture
def people(desk, now):
    with as_supervisor(desk):
        post = desk.staffing.add_post(name="东门", kind="gate", critical=True)
        desk.staffing.plan_shifts(post_id=post.id, first_day=desk.today(), days=1, times="08:00-16:00",
                                  min_people=1, max_people=3)
        stays = desk.staffing.add_person(name="李法官", phone="13800000001", kind="cadre", sent_by="区法院",
                                         pin="2468")
        goes = desk.staffing.add_person(name="钱阿姨", phone="13800000004", kind="resident", sent_by="")
        [view] = desk.staffing.day_rota()
        for p in (stays, goes):
            desk.staffing.assign(view.shift.id, p.id)
        card = desk.staffing.card_text(goes.id)
    desk.staffing.check_card(card)
    later = desk.clock() + timedelta(hours=5)
    desk.clock = lambda: later
    desk.staffing.check_card(card)
    with as_supervisor(desk):
        desk.staffing.leave(goes.id)
    return stays, goes


def stored(db) -> dict[str, tuple[str, str]]:
    with db.reading() as s:
        return {p.id: (p.name, p.phone) for p in s.execute(select(staffing.Volunteer)).scalars()}


def test_names_go_once_a_person_has_been_off_the_rota_for_the_retention_period(desk, people, tmp_path, open_office):
    from models.sync import Importer, ensure_office, export_bundle
    from tests.sync_helpers import enroll

    stays, goes = people
    first = export_bundle(desk.db, tmp_path / "stick1", sheets=False, now=desk.clock()).path
    office = open_office(tmp_path / "office" / "gatedesk.sqlite3")
    ensure_office(office)
    enroll(office, desk.db)
    assert Importer(office, clock=desk.clock).run(first).status == "accepted"
    assert stored(office)[goes.id] == ("钱阿姨", "13800000004")
    # 27 days on: still kept. 29 days on: blanked at the gate, and the person who stays keeps theirs.
    start = desk.clock()
    for days, kept in ((27, True), (29, False)):
        when = start + timedelta(days=days)
        desk.clock = lambda when=when: when
        desk.records.erase_expired()
        assert (stored(desk.db)[goes.id] == ("钱阿姨", "13800000004")) is kept
        assert stored(desk.db)[stays.id] == ("李法官", "13800000001")
    assert stored(desk.db)[goes.id] == ("", "")
    assert [p.name for p in desk.staffing.people(left_too=True)] == ["李*官"]  # the blank is no one
    [hours] = desk.staffing.hours(start.astimezone(desk.settings.zone).date(), 1)
    assert hours.minutes == 300 and hours.name == ""  # the hours stay counted
    # The office erases on its own, and the first bundle brought again cannot restore the name.
    office_later = Desk(office, clock=lambda: start + timedelta(days=29))
    office_later.records.erase_expired()
    assert stored(office)[goes.id] == ("", "")
    again = tmp_path / "again" / first.name
    again.parent.mkdir()
    again.write_bytes(first.read_bytes())
    assert Importer(office, clock=lambda: start + timedelta(days=29)).run(again).status == "accepted"
    assert stored(office)[goes.id] == ("", "")
    second = export_bundle(desk.db, tmp_path / "stick2", sheets=False, now=start + timedelta(days=29)).path
    assert Importer(office, clock=lambda: start + timedelta(days=29)).run(second).status == "accepted"
    assert stored(office)[goes.id] == ("", "") and stored(office)[stays.id] == ("李法官", "13800000001")
    office.close()


def test_five_wrong_pins_lock_a_person_out_of_checking_in(desk, people):
    stays, _ = people
    for _ in range(5):
        with pytest.raises(staffing.DutyRefused):
            desk.staffing.check_pin(stays.id, "0000")
    with pytest.raises(Locked):  # even the right PIN, for a while
        desk.staffing.check_pin(stays.id, "2468")
    assert desk.staffing.here_now() == []


def test_a_card_of_another_compound_is_refused(desk, people, tmp_path):
    from models.store.db import open_database

    stays, _ = people
    other = open_database(tmp_path / "other" / "gatedesk.sqlite3")
    try:
        with other.session() as s:
            from models.trust.first_run import SetupForm, complete_setup

            ctx = complete_setup(s, SetupForm(compound_name="东街大院", gate_name="北门", admin_name="赵管理",
                                              admin_pin="1234", admin_pin_again="1234"), now=desk.clock())
            p = staffing.add_person(s, ctx=ctx, operator_id=None, now=desk.clock(), name="李法官",
                                    phone="13800000001", kind="cadre", sent_by="区法院")
            card = staffing.card_payload(s, p)
            s.commit()
    finally:
        other.close()
    with pytest.raises(staffing.DutyRefused) as refused:
        desk.staffing.check_card(card)
    assert refused.value.code == "card_forged"  # not signed with this compound's key
