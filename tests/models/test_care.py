"""The home-service ledger through the desk's services with a guard on duty (a supervisor keeps the
register): who needs help, services planned and done by named volunteers, the day's list, a
drop-off item taken to the door, masking, ageing out, and the bundle to the office."""
from __future__ import annotations

import subprocess
from datetime import timedelta

import pytest
from sqlalchemy import select

from models import care
from models.store.i18n import plain_translator
from models.kit.validation import InvalidInput
from models.station.parcels import IntakeForm, ParcelStatus
from models.trust.operators import NotAllowed, Role
from tests.models.test_trust import PINS, op_id
from tests.conftest import OFFICE_NOW


def as_supervisor(desk):
    return desk.authorised(op_id(desk, "陈主管"), PINS["陈主管"], Role.SUPERVISOR)


@pytest.fixture
def register(desk):
    """Two residents on the roster; one elderly and alone (a visit every 2 days) on the register."""
    with desk.authorised(op_id(desk, "林管理"), PINS["林管理"], Role.ADMIN):
        desk.residents.add_resident(room="3-2-501", name="王大明", phone="")
        other = desk.residents.add_resident(room="3-2-502", name="李小红", phone="")
    with pytest.raises(NotAllowed):
        desk.care.add_need(room="3-2-501", name="王大明", kind="elderly_alone", every_days=2)
    with as_supervisor(desk):
        need = desk.care.add_need(room="3-2-501", name="王大明", kind="elderly_alone", note="独居", every_days=2)
    return need, other


def test_the_register_links_the_roster_and_refuses_what_is_wrong(desk, register):
    need, _ = register
    assert need.name == "王*明" and need.place == "3-2-501" and need.resident_id is not None
    with as_supervisor(desk):
        with pytest.raises(care.CareProblem):
            desk.care.add_need(room="3-2-501", name="王大明", kind="ill")  # already on the register
        with pytest.raises(InvalidInput) as bad:
            desk.care.add_need(room="三楼", name="", kind="bored", every_days=99)
        assert bad.value.fields() == {"room", "name", "kind", "every_days"}
        stranger = desk.care.add_need(room="9-9-909", name="赵六", kind="ill")  # not on the roster: still helped
        assert stranger.resident_id is None
        assert [n.place for n in desk.care.care_needs()] == ["3-2-501", "9-9-909"]


def test_a_period_at_home_is_bounded_by_the_core_whatever_the_screen_allows(desk, register):
    from models.residents import MONITORING_DAYS
    from models.residents.tables import HomeMonitoring

    _, other = register
    low, high = MONITORING_DAYS
    with desk.authorised(op_id(desk, "林管理"), PINS["林管理"], Role.ADMIN):
        for days in (low - 1, high + 1, 3650):
            with pytest.raises(InvalidInput) as bad:
                desk.residents.put_under_monitoring(other.id, "isolation", days, "密接")
            assert bad.value.fields() == {"days"}
            assert "1 到 60 天" in bad.value.errors[0].message.render(plain_translator("zh_CN"))
        desk.residents.put_under_monitoring(other.id, "isolation", high, "密接")
    with desk.db.session() as s:
        [row] = s.execute(select(HomeMonitoring)).scalars().all()
    assert row.until == (desk.today() + timedelta(days=high)).isoformat()


def test_home_monitoring_feeds_the_register_once(desk, register):
    _, other = register
    with desk.authorised(op_id(desk, "林管理"), PINS["林管理"], Role.ADMIN):
        desk.residents.put_under_monitoring(other.id, "isolation", 5, "密接")
    with as_supervisor(desk):
        assert desk.care.needs_from_monitoring() == 1
        assert desk.care.needs_from_monitoring() == 0
        added = [n for n in desk.care.care_needs() if n.place == "3-2-502"]
        assert [(n.kind, n.every_days) for n in added] == [("home_isolation", 1)]


def test_visits_fall_due_by_their_rhythm_and_planned_services_on_their_day(desk, register):
    need, _ = register
    today = desk.today()
    [due] = desk.care.due_today()
    assert due.need.id == need.id and due.service is None and due.last_done is None  # never visited
    with pytest.raises(InvalidInput):
        desk.care.record_service(need.id, "visit", " ")  # who did it is asked
    done = desk.care.record_service(need.id, "necessities", "志愿者小林", "米、油")
    assert done.volunteer == "志***林" and done.done_at == desk.now()
    assert desk.care.due_today() == []  # seen to today
    assert desk.care.due_today(today + timedelta(days=1)) == []  # every 2 days: not tomorrow
    assert [d.need.id for d in desk.care.due_today(today + timedelta(days=2))] == [need.id]
    planned = desk.care.plan_service(need.id, "medicine", today + timedelta(days=1), "降压药")
    with pytest.raises(InvalidInput):
        desk.care.plan_service(need.id, "medicine", today - timedelta(days=1))
    [tomorrow] = desk.care.due_today(today + timedelta(days=1))
    assert tomorrow.service.id == planned.id and tomorrow.last_done == done.done_at
    desk.care.record_service(need.id, "medicine", "志愿者阿芳", service_id=planned.id)
    with pytest.raises(care.CareProblem):
        desk.care.record_service(need.id, "medicine", "志愿者阿芳", service_id=planned.id)  # done already
    assert [s.kind for s in desk.care.service_history(need.id)] == ["medicine", "necessities"]


def test_a_drop_off_item_taken_to_the_door_is_delivered_with_the_service(desk, register):
    need, _ = register
    item = desk.parcels.take_in(IntakeForm(room="3-2-501", kind="groceries"))
    assert [p.id for p in desk.care.waiting_items(need.id)] == [item.id]
    done = desk.care.record_service(need.id, "necessities", "楼长老陈", parcel_id=item.id)
    assert done.parcel_id == item.id
    with desk.db.reading() as s:
        from models.station.parcels import Parcel

        held = s.get(Parcel, item.id)
        assert held.status == ParcelStatus.DELIVERED and held.delivered_by == "楼长老陈"
    with pytest.raises(care.CareProblem):  # not waiting any more
        desk.care.record_service(need.id, "necessities", "楼长老陈", parcel_id=item.id)
    assert desk.care.waiting_items(need.id) == []


def test_ended_help_is_no_longer_due_and_takes_no_service(desk, register):
    need, _ = register
    with pytest.raises(NotAllowed):
        desk.care.end_need(need.id)
    with as_supervisor(desk):
        desk.care.end_need(need.id)
    assert desk.care.due_today() == [] and desk.care.care_needs() == []
    with pytest.raises(care.CareProblem):
        desk.care.record_service(need.id, "visit", "志愿者小林")


def test_the_daily_list_prints_names_masked(desk, register, tmp_path):
    from models.kit.drawing import save_pdf

    need, _ = register
    pdf = save_pdf(desk.care.daily_list_pages(), tmp_path / "list.pdf")
    text = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True, check=True).stdout
    assert "3-2-501" in text and "王*明" in text and "王大明" not in text


def test_names_age_out_once_help_has_ended_and_the_office_gets_the_ledger(tmp_path, now, open_office):
    from models.app.stats import record_counts
    from models.sync import Importer, ensure_office, export_bundle
    from tests.models.test_retention import demo_desk
    from tests.sync_helpers import enroll

    desk = demo_desk(tmp_path, now, days=1)
    with desk.db.session() as s:
        counts = record_counts(s)
    assert counts["home_services"] >= 5
    office = open_office(tmp_path / "office" / "gatedesk.sqlite3")
    ensure_office(office)
    enroll(office, desk.db)
    summary = Importer(office, clock=lambda: OFFICE_NOW).run(export_bundle(desk.db, tmp_path / "usb", sheets=False, now=now).path)
    assert summary.status == "accepted", summary.problem
    with office.session() as s:
        assert (record_counts(s)["home_services"], s.scalar(select(care.HomeNeed.id).limit(1)) is not None) == \
            (counts["home_services"], True)
    office.close()
    with desk.db.reading() as s:
        ended = s.execute(select(care.HomeNeed.id)).scalars().first()
    with desk.authorised(op_id(desk, "陈主管"), "2345", Role.SUPERVISOR):
        desk.care.end_need(ended)
    desk.clock = lambda: now + timedelta(days=40)
    desk.records.erase_expired()
    with desk.db.reading() as s:
        names = dict(s.execute(select(care.HomeNeed.id, care.HomeNeed.name)).all())
        volunteers = set(s.execute(select(care.HomeService.volunteer)).scalars())
    assert names[ended] == "" and all(n for i, n in names.items() if i != ended)  # still helped: kept
    assert volunteers == {None}

