from datetime import timedelta

import pytest

from models.kit.validation import InvalidInput
from models.station import parcels as pc
from models.station.parcels import IntakeForm, NotWaiting, Parcel, ParcelStatus


def take(db, station, now, **kw):
    ctx, _, _, guard = station
    form = IntakeForm(**{"kind": "parcel", "carrier": "顺丰", "tracking_no": "SF1234567890", "room": "3-2-501",
                         "recipient_name": "王大明", "phone_tail": "5678", "shelf": "A-3", **kw})
    with db.session() as s:
        p = pc.intake(session=s, form=form, ctx=ctx, operator_id=guard.id, now=now)
        s.commit()
        return p


def test_intake_issues_a_unique_pickup_code(db, station, now):
    codes = {take(db, station, now, tracking_no=f"SF{i:010d}").pickup_code for i in range(50)}
    assert len(codes) == 50 and all(len(c) == 6 and c.isdigit() for c in codes)


def test_intake_validation(db, station, now):
    with pytest.raises(InvalidInput) as exc:
        take(db, station, now, kind="pizza", room="楼下", tracking_no="x", phone_tail="12")
    assert exc.value.fields() == {"kind", "room", "tracking_no", "phone_tail"}
    assert take(db, station, now, room=" 12 - 1 - 1801 ", tracking_no="").room == "12-1-1801"


def test_one_round_disinfects_everything_received_since_the_last(db, station, now):
    ctx, _, _, guard = station
    a, _ = take(db, station, now), take(db, station, now, tracking_no="YT0001")
    with db.session() as s:
        rnd = pc.disinfect_waiting(session=s, agent="含氯消毒液", ctx=ctx, operator_id=guard.id, now=now)
        s.commit()
        assert rnd.items == 2
    c = take(db, station, now + timedelta(minutes=5), tracking_no="JD0001")
    with db.session() as s:
        rnd2 = pc.disinfect_waiting(session=s, agent="75%酒精", ctx=ctx, operator_id=guard.id,
                                    now=now + timedelta(minutes=6))
        s.commit()
        assert rnd2.items == 1
        assert s.get(Parcel, c.id).disinfection_round_id == rnd2.id
        assert s.get(Parcel, a.id).disinfection_round_id == rnd.id and s.get(Parcel, a.id).rev == 2
        with pytest.raises(InvalidInput):
            pc.disinfect_waiting(session=s, agent="", ctx=ctx, operator_id=guard.id, now=now)


def test_pick_up_by_code_or_room_and_door_delivery(db, station, settings, now):
    p1 = take(db, station, now)
    p2 = take(db, station, now, tracking_no="YT0002")
    p3 = take(db, station, now, room="9-1-101", tracking_no="JD0002")
    with db.session() as s:
        assert [p.id for p in pc.find_waiting(s, code=p1.pickup_code)] == [p1.id]
        assert {p.id for p in pc.find_waiting(s, room="3-2-501")} == {p1.id, p2.id}
        pc.collect(session=s, parcel_id=p1.id, collected_by="王大明", now=now + timedelta(hours=1))
        pc.deliver(session=s, parcel_id=p3.id, volunteer="志愿者 小林", now=now + timedelta(hours=2))
        s.commit()
        with pytest.raises(NotWaiting):
            pc.collect(session=s, parcel_id=p1.id, collected_by="别人", now=now)
        assert pc.find_waiting(s, code=p1.pickup_code) == []
        assert s.get(Parcel, p3.id).status == ParcelStatus.DELIVERED and s.get(Parcel, p3.id).delivered_by == "志愿者 小林"
        later = now + timedelta(hours=30)
        assert [p.id for p in pc.overdue(s, settings, later)] == [p2.id]
        counts = pc.day_counts(s, settings, now + timedelta(hours=3))
        assert (counts.received, counts.handed_out, counts.waiting) == (3, 2, 1)
        assert pc.known_rooms(s, "3-") == ["3-2-501"] and pc.known_rooms(s, "") == []


def test_readiness_check_once_a_day(db, station, settings, now):
    from models.station import readiness

    ctx, _, _, guard = station
    with db.session() as s:
        t = readiness.today(s, ctx=ctx, settings=settings, now=now)
        assert t.check is None and "thermometer" in t.items
        first = readiness.record_check(session=s, ticked={"staffed": True, "thermometer": True}, remarks="海报褪色",
                                       ctx=ctx, operator_id=guard.id, settings=settings, now=now)
        s.commit()
        assert not first.complete and first.ticked["posters"] is False
        again = readiness.record_check(session=s, ticked={k: True for k in t.items}, remarks="已补贴海报",
                                       ctx=ctx, operator_id=guard.id, settings=settings, now=now + timedelta(hours=1))
        s.commit()
        assert again.id == first.id and again.complete and again.rev == 2
        tomorrow = readiness.today(s, ctx=ctx, settings=settings, now=now + timedelta(days=1))
        assert tomorrow.check is None


def test_counts_per_day(db, station, settings, now):
    ctx, _, _, guard = station
    take(db, station, now - timedelta(days=1))
    p = take(db, station, now, tracking_no="YT0003")
    take(db, station, now, tracking_no="YT0004")
    with db.session() as s:
        pc.collect(session=s, parcel_id=p.id, collected_by="本人", now=now)
        s.commit()
        days = pc.counts_by_day(s, settings, days=3, now=now)
    today = now.astimezone(settings.zone).date()
    assert days[0] == (today, 2, 1) and days[1] == (today - timedelta(days=1), 1, 0) and days[2][1:] == (0, 0)
