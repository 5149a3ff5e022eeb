from datetime import time, timedelta

import pytest
from sqlmodel import select

from models.gate.rules import Outcome
from models.gate.visit_log import VisitQuery, count_visits, page_visits, today_counts
from models.gate.visits import (
    AlreadyInside,
    RemeasureNeeded,
    SignOutKind,
    Visit,
    VisitForm,
    auto_sign_out,
    on_site,
    override_decision,
    parse_form,
    recall_by_phone,
    register_visit,
    reveal,
    sign_out,
)
from models.kit.validation import InvalidInput
from models.store.db import open_database
from models.trust.audit import AuditEvent


def form(**kw):
    base = dict(kind="visitor", name="王小明", phone="13812345678", origin="仓山区", destination="3-2-501",
                host="王大明", purpose="探亲", temperature="36.5", code_color="green", nat_result="negative",
                nat_sampled_at="20h", risk_flag=False, mask=True)
    base.update(kw)
    return VisitForm(**base)


def register(db, station, settings, now, *, sign_out_earlier=False, **kw):
    ctx, admin, sup, guard = station
    with db.session() as s:
        visit, decision = register_visit(session=s, visit_in=parse_form(form(**kw), settings, now), ctx=ctx,
                                         operator_id=guard.id, settings=settings, now=now,
                                         sign_out_earlier=sign_out_earlier)
        s.commit()
        return visit, decision


def test_registration_is_stored_with_origin_operator_and_decision(db, station, settings, now):
    ctx, _, _, guard = station
    visit, decision = register(db, station, settings, now)
    assert decision.outcome is Outcome.ADMIT
    with db.session() as s:
        stored = s.get(Visit, visit.id)
    assert stored.station_id == ctx.station_id and stored.gate_id == ctx.gate_id
    assert stored.operator_id == guard.id and stored.rev == 1
    assert stored.created_at == now and stored.created_at.tzinfo is not None
    assert stored.phone_tail == "5678" and stored.decision == "admit"


def test_saved_registration_survives_restart(tmp_path, station, settings, now, db):
    visit, _ = register(db, station, settings, now, name="欧阳娜娜")
    path = db.path
    db.close()
    again = open_database(path)
    with again.session() as s:
        assert s.get(Visit, visit.id).name == "欧阳娜娜"
    again.close()


def test_high_reading_is_not_saved_until_remeasured(db, station, settings, now):
    with pytest.raises(RemeasureNeeded):
        register(db, station, settings, now, temperature="37.9")
    with db.session() as s:
        assert s.exec(select(Visit)).first() is None
    visit, decision = register(db, station, settings, now, temperature_first="37.9", temperature="37.8")
    assert decision.outcome is Outcome.ISOLATE and visit.temperature_first == 37.9


def test_refusal_is_logged_with_reasons(db, station, settings, now):
    visit, decision = register(db, station, settings, now, code_color="yellow", mask=False)
    assert visit.decision == "refuse" and visit.reason_codes == ["code_yellow", "no_mask"]


def test_phone_recalls_the_last_visit(db, station, settings, now):
    register(db, station, settings, now - timedelta(days=2), destination="1-1-101", host="甲")
    register(db, station, settings, now - timedelta(days=1), destination="9-9-909", host="乙", sign_out_earlier=True)
    with db.session() as s:
        r = recall_by_phone(s, "13812345678", settings, now)
        assert (r.name, r.destination, r.host) == ("王小明", "9-9-909", "乙")
        assert recall_by_phone(s, "13900000000", settings, now) is None


def test_a_valid_test_result_carries_over_the_mask_never(db, station, settings, now):
    """A fact (a negative sample still inside the window) carries over, said to come from that
    visit; a sample that has run out does not, nor does anything checked on the spot."""
    register(db, station, settings, now - timedelta(hours=30), nat_sampled_at="20h")  # sampled 50 h ago
    with db.session() as s:
        r = recall_by_phone(s, "13812345678", settings, now)
    assert (r.nat_result, r.nat_sampled_at) == ("negative", "11-26 08:00")  # 10:00 on 11-28, 50 h back
    assert r.carried_from == "11-27 04:00" and not hasattr(r, "mask")
    later = now + timedelta(hours=settings.nat_window_hours - 50)  # the 72 h window has run out
    with db.session() as s:
        r = recall_by_phone(s, "13812345678", settings, later)
    assert (r.nat_result, r.nat_sampled_at, r.carried_from) == ("", "", "")


def test_on_site_and_sign_out(db, station, settings, now):
    _, _, _, guard = station
    inside, _ = register(db, station, settings, now)
    register(db, station, settings, now, kind="resident", destination="1-1-101", phone="")
    register(db, station, settings, now, code_color="red", phone="13900000002")
    with db.session() as s:
        assert [v.id for v in on_site(s)] == [inside.id]
        sign_out(session=s, visit_id=inside.id, operator_id=guard.id, now=now + timedelta(hours=1))
        s.commit()
        out = s.get(Visit, inside.id)
        assert out.signout_kind == SignOutKind.MANUAL and out.rev == 2 and on_site(s) == []
        counts = today_counts(s, settings, now)
    assert (counts.admitted, counts.refused, counts.isolated, counts.inside) == (2, 0, 1, 0)


def test_automatic_sign_out_at_the_set_time(db, station, settings, now):
    settings.auto_signout_time = time(23, 0)
    early, _ = register(db, station, settings, now - timedelta(days=1))  # yesterday 10:00 local
    late, _ = register(db, station, settings, now, phone="13900000003")
    with db.session() as s:
        assert auto_sign_out(session=s, settings=settings, now=now) == 1
        s.commit()
        first = s.get(Visit, early.id)
        assert first.signout_kind == SignOutKind.AUTO
        assert first.time_out.astimezone(settings.zone).time() == time(23, 0)
        assert s.get(Visit, late.id).on_site
        assert auto_sign_out(session=s, settings=settings, now=now) == 0


def test_override_keeps_the_automatic_decision_and_is_audited(db, station, settings, now):
    ctx, _, sup, _ = station
    visit, _ = register(db, station, settings, now, code_color="yellow")
    with db.session() as s:
        with pytest.raises(InvalidInput):
            override_decision(session=s, visit_id=visit.id, supervisor_id=sup.id, outcome=Outcome.ADMIT,
                              reason="  ", ctx=ctx, now=now)
        v = override_decision(session=s, visit_id=visit.id, supervisor_id=sup.id, outcome=Outcome.ADMIT,
                              reason="社区确认已解除", ctx=ctx, now=now)
        s.commit()
        assert (v.auto_decision, v.decision, v.override_by, v.rev) == ("refuse", "admit", sup.id, 2)
        assert v.on_site
        assert s.exec(select(AuditEvent).where(AuditEvent.action == "override")).one().record_id == visit.id


def test_reveal_is_recorded(db, station, settings, now):
    ctx, _, sup, _ = station
    visit, _ = register(db, station, settings, now)
    with db.session() as s:
        assert reveal(session=s, visit_id=visit.id, supervisor_id=sup.id, ctx=ctx, now=now).phone == "13812345678"
        s.commit()
        ev = s.exec(select(AuditEvent).where(AuditEvent.action == "reveal")).one()
        assert ev.operator_id == sup.id and "1381234" not in ev.detail


def test_search_by_name_phone_tails_and_dates(db, station, settings, now):
    register(db, station, settings, now, name="张三", phone="13800001111")
    register(db, station, settings, now - timedelta(days=3), name="张三丰", phone="13900002222",
             id_number="11010519491231002X")
    register(db, station, settings, now, name="李四", phone="13700003333", kind="worker", code_color="yellow")

    def names(**kw):
        with db.session() as s:
            q = VisitQuery(**kw)
            rows = page_visits(s, q, settings, offset=0, limit=50)
            assert count_visits(s, q, settings) == len(rows)
            return sorted(v.name for v in rows)

    assert names(text="张") == ["张三", "张三丰"]
    assert names(text="张三丰") == ["张三丰"]
    assert names(text="1111") == ["张三"]
    assert names(text="002X") == ["张三丰"] and names(text="002x") == ["张三丰"]
    assert names(text="13700003333") == ["李四"]
    assert names(text="11010519491231002X") == ["张三丰"]
    today = now.astimezone(settings.zone).date()
    assert names(day_from=today, day_to=today) == ["张三", "李四"]
    assert names(kind="worker") == ["李四"] and names(decision="refuse") == ["李四"]


def test_pages_from_either_end_agree(db, station, settings, now):
    for i in range(25):
        register(db, station, settings, now + timedelta(minutes=i), name=f"访客{i:02d}", phone=f"1380000{i:04d}")
    with db.session() as s:
        q = VisitQuery()
        forward = [v.name for v in page_visits(s, q, settings, offset=0, limit=25)]
        tail = [v.name for v in page_visits(s, q, settings, offset=0, limit=5, reverse=True)]
    assert forward[0] == "访客24" and forward[-5:] == list(reversed(tail))


def test_someone_already_inside_is_said_and_signed_out_first_on_request(db, station, settings, now):
    """The same person could be inside three times; now a second entry while the first is open is
    refused with who and since when, and saved only with the earlier one signed out first."""
    ctx, _, _, guard = station
    first, _ = register(db, station, settings, now - timedelta(hours=1))
    with db.session() as s, pytest.raises(AlreadyInside) as exc:
        register_visit(session=s, visit_in=parse_form(form(), settings, now), ctx=ctx, operator_id=guard.id,
                       settings=settings, now=now)
    assert (exc.value.visit_id, exc.value.name, exc.value.since) == (first.id, "王*明", "11-28 09:00")
    with db.session() as s:
        assert len(on_site(s)) == 1  # nothing was saved
        second, _ = register_visit(session=s, visit_in=parse_form(form(), settings, now), ctx=ctx,
                                   operator_id=guard.id, settings=settings, now=now, sign_out_earlier=True)
        s.commit()
    with db.session() as s:
        assert [v.id for v in on_site(s)] == [second.id]
        assert s.get(Visit, first.id).time_out == now
    # Someone else with another phone is not held up; residents never sign out, so never "inside".
    register(db, station, settings, now, phone="13900000001", id_number="")


def test_an_id_number_is_not_a_destination_and_a_phone_is_judged_as_typed(settings, now):
    from models.gate.visits import typing_problem

    with pytest.raises(InvalidInput) as refused:
        parse_form(form(destination="11010519491231002X"), settings, now)
    assert refused.value.fields() == {"destination"}
    assert parse_form(form(destination="11-2-1201"), settings, now).destination == "11-2-1201"
    assert [typing_problem("phone", t) is None for t in ("", "1", "138 1234", "+86 138", "13812345678")] == [True] * 5
    assert [typing_problem("phone", t) is None for t in ("138a", "2", "138123456789", "一")] == [False] * 4
    assert typing_problem("destination", "11010519491231002X") is not None
    assert typing_problem("destination", "110105194912310021") is None  # fails its check digit: not a card
