from datetime import timedelta

import pytest
from sqlmodel import select

from models.gate.visits import VisitForm, parse_form, register_visit
from models.kit.validation import InvalidInput
from models.station import isolation as iso
from models.station.isolation import CaseClosed, IsolationCase, Outcome, Party


@pytest.fixture
def fever_visit(db, station, settings, now):
    ctx, _, _, guard = station
    form = VisitForm(kind="visitor", name="王小明", phone="13812345678", destination="3-2-501", host="王大明",
                     temperature="37.9", temperature_first="38.1", code_color="green", nat_result="negative",
                     risk_flag=False, mask=True, nat_sampled_at="20h")
    with db.session() as s:
        visit, decision = register_visit(session=s, visit_in=parse_form(form, settings, now), ctx=ctx,
                                         operator_id=guard.id, settings=settings, now=now)
        s.commit()
    assert visit.decision == "isolate"
    return visit


def test_placing_from_the_gate_carries_everything_over(db, station, fever_visit, now):
    ctx, _, _, guard = station
    with db.session() as s:
        case = iso.place_from_visit(session=s, visit_id=fever_visit.id, ctx=ctx, operator_id=guard.id, now=now)
        s.commit()
        again = iso.place_from_visit(session=s, visit_id=fever_visit.id, ctx=ctx, operator_id=guard.id, now=now)
        assert again.id == case.id  # placing twice opens no second case
        assert (case.name, case.phone, case.temperature, case.reason_codes) == ("王小明", "13812345678", 37.9, "fever")
        assert case.station_id == ctx.station_id and case.operator_id == guard.id and case.is_open


def test_a_full_case(db, station, settings, fever_visit, now):
    ctx, _, _, guard = station
    with db.session() as s:
        case = iso.place_from_visit(session=s, visit_id=fever_visit.id, ctx=ctx, operator_id=guard.id, now=now)
        s.commit()
        [oc] = iso.open_cases(s, settings, now + timedelta(minutes=45))
        assert oc.overdue and oc.minutes_open == 45  # nobody notified after 45 minutes
        iso.add_recheck(session=s, case_id=case.id, temperature="37.8", ctx=ctx, operator_id=guard.id,
                        now=now + timedelta(minutes=10))
        iso.notify(session=s, case_id=case.id, party=Party.COMMUNITY, note="王书记", ctx=ctx, operator_id=guard.id,
                   now=now + timedelta(minutes=12))
        s.commit()
        [oc] = iso.open_cases(s, settings, now + timedelta(minutes=45))
        assert not oc.overdue and oc.rechecks == 1 and oc.last_temperature == 37.8 and oc.notified == ("community",)
        with pytest.raises(InvalidInput):  # still feverish: cannot be released
            iso.close_case(session=s, case_id=case.id, outcome=Outcome.RELEASED, settings=settings, ctx=ctx,
                           operator_id=guard.id, now=now)
        iso.hand_over(session=s, case_id=case.id, to_whom="社区卫生服务中心 李医生", ctx=ctx, operator_id=guard.id,
                      now=now + timedelta(minutes=50))
        closed = iso.close_case(session=s, case_id=case.id, outcome=Outcome.HEALTH_STAFF, settings=settings,
                                ctx=ctx, operator_id=guard.id, now=now + timedelta(minutes=51))
        s.commit()
        assert closed.outcome == "health_staff" and not closed.is_open and iso.open_cases(s, settings, now) == []
        assert iso.count_cases(s) == (0, 1)


def test_release_after_a_normal_recheck(db, station, settings, fever_visit, now):
    ctx, _, _, guard = station
    with db.session() as s:
        case = iso.place_from_visit(session=s, visit_id=fever_visit.id, ctx=ctx, operator_id=guard.id, now=now)
        iso.add_recheck(session=s, case_id=case.id, temperature="36.6", ctx=ctx, operator_id=guard.id, now=now)
        assert iso.close_case(session=s, case_id=case.id, outcome=Outcome.RELEASED, settings=settings, ctx=ctx,
                              operator_id=guard.id, now=now).outcome == "released"


def test_a_normal_recheck_does_not_release_a_red_code(db, station, settings, now):
    """A red code is not a fever: 36.5 °C at the isolation point does not clear it."""
    ctx, _, _, guard = station
    form = VisitForm(kind="visitor", name="李红", phone="13812345679", destination="3-2-501", host="王大明",
                     temperature="36.5", code_color="red", nat_result="negative", risk_flag=False, mask=True,
                     nat_sampled_at="20h")
    with db.session() as s:
        visit, _ = register_visit(session=s, visit_in=parse_form(form, settings, now), ctx=ctx, operator_id=guard.id,
                                  settings=settings, now=now)
        case = iso.place_from_visit(session=s, visit_id=visit.id, ctx=ctx, operator_id=guard.id, now=now)
        iso.add_recheck(session=s, case_id=case.id, temperature="36.5", ctx=ctx, operator_id=guard.id, now=now)
        with pytest.raises(InvalidInput) as refused:
            iso.close_case(session=s, case_id=case.id, outcome=Outcome.RELEASED, settings=settings, ctx=ctx,
                           operator_id=guard.id, now=now)
        assert "red code" in refused.value.errors[0].message.text and case.is_open
        assert iso.close_case(session=s, case_id=case.id, outcome=Outcome.HEALTH_STAFF, settings=settings, ctx=ctx,
                              operator_id=guard.id, now=now).outcome == "health_staff"


def test_closed_case_changes_only_through_a_correction(db, station, settings, now):
    ctx, _, _, guard = station
    with db.session() as s:
        case = iso.open_case(session=s, form=iso.CaseForm(name="李四", reason="咳嗽发热", temperature="37.6"),
                             ctx=ctx, operator_id=guard.id, now=now)
        iso.close_case(session=s, case_id=case.id, outcome=Outcome.AMBULANCE, settings=settings, ctx=ctx,
                       operator_id=guard.id, now=now)
        s.commit()
        with pytest.raises(CaseClosed):
            iso.add_recheck(session=s, case_id=case.id, temperature="36.5", ctx=ctx, operator_id=guard.id, now=now)
        with pytest.raises(InvalidInput):
            iso.correct_case(session=s, case_id=case.id, field="name", value="李四光", reason=" ", ctx=ctx,
                             operator_id=guard.id, now=now)
        rev = s.get(IsolationCase, case.id).rev
        fix = iso.correct_case(session=s, case_id=case.id, field="name", value="李四光", reason="登记时写错",
                               ctx=ctx, operator_id=guard.id, now=now)
        s.commit()
        stored = s.get(IsolationCase, case.id)
        assert stored.name == "李四光" and stored.rev == rev + 1
        assert (fix.old_value, fix.new_value, fix.reason) == ("李四", "李四光", "登记时写错")
        _, _, corrections = iso.case_history(s, case.id)
        assert [c.id for c in corrections] == [fix.id]


def test_a_case_by_hand_is_validated(db, station, now):
    ctx, _, _, guard = station
    with db.session() as s:
        with pytest.raises(InvalidInput) as exc:
            iso.open_case(session=s, form=iso.CaseForm(name="", phone="123", temperature="50"), ctx=ctx,
                          operator_id=guard.id, now=now)
        assert {"name", "phone", "temperature", "reason"} <= exc.value.fields()


def test_demo_opens_a_case_for_everyone_its_gate_isolated(tmp_path, now):
    from sqlalchemy import func

    from models.app.demo import create_demo
    from models.gate.visits import Visit
    from models.store.db import open_database

    d = open_database(tmp_path / "demo.sqlite3")
    create_demo(d, days=5, visits_per_day=400, seed=3, now=now)
    with d.session() as s:
        isolated = s.exec(select(func.count()).select_from(Visit).where(Visit.decision == "isolate")).one()
        cases = list(s.exec(select(IsolationCase)))
        assert isolated > 0 and len(cases) == isolated
        assert any(c.is_open for c in cases) and any(c.outcome for c in cases)
    d.close()


def test_closed_cases_list(db, station, settings, now):
    ctx, _, _, guard = station
    with db.session() as s:
        a = iso.open_case(session=s, form=iso.CaseForm(name="甲", reason="发热"), ctx=ctx, operator_id=guard.id, now=now)
        iso.open_case(session=s, form=iso.CaseForm(name="乙", reason="黄码"), ctx=ctx, operator_id=guard.id, now=now)
        iso.close_case(session=s, case_id=a.id, outcome=Outcome.OTHER, settings=settings, ctx=ctx,
                       operator_id=guard.id, now=now)
        s.commit()
        assert [c.name for c in iso.closed_cases(s, since=now - timedelta(days=1))] == ["甲"]
        assert iso.closed_cases(s, since=now + timedelta(minutes=1)) == []
