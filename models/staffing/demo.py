"""The demo's rota: the gate held around the clock, a sampling point in the morning and door-knocking in
the afternoon, a week back and through tomorrow; cadres sent by three departments, volunteers and two
residents; check-ins for the shifts that have begun (a few late, one forgotten, one absent), and some of
tomorrow's shifts still short."""
from __future__ import annotations

from datetime import timedelta

from models.kit.demo_data import DemoRun
from models.staffing import duty, rota
from models.staffing.tables import CheckInSource, How
from models.store.clock import local_today

PEOPLE = (  # name, phone, kind, sent by, posts
    ("林志明", "13905910001", "cadre", "鼓楼区人民法院", "gate,doors"),
    ("陈晓燕", "13905910002", "cadre", "鼓楼区人民法院", "gate,sampling"),
    ("黄建国", "13905910003", "cadre", "鼓楼区住建局", "gate,doors"),
    ("吴丽华", "13905910004", "cadre", "鼓楼区税务局", "sampling,doors"),
    ("郑海波", "13905910005", "volunteer", "鼓楼区志愿者协会", "sampling,doors"),
    ("刘思琪", "13905910006", "volunteer", "鼓楼区志愿者协会", "gate,sampling"),
    ("张秀英", "13905910007", "resident", "", "gate"),
    ("王德福", "13905910008", "resident", "", "gate"),
)
POSTS = (("东门", "gate", True, "08:00-16:00,16:00-24:00,00:00-08:00", 1, 2),
         ("核酸采样点", "sampling", False, "08:00-12:00", 2, 3),
         ("敲门排查", "doors", False, "14:00-18:00", 1, 2))
DAYS_BACK = 6
DEMO_PIN = "2468"  # every demo person's PIN, to check in by name


def _back_to_back(theirs, shift) -> bool:
    """A shift starting within two hours of another of theirs ending (or the reverse): people rest."""
    rest = timedelta(hours=2)
    return any(shift.starts_at < other.ends_at + rest and other.starts_at < shift.ends_at + rest for other in theirs)


def fill(run: DemoRun) -> None:
    db, ctx, rng, now, zone = run.db, run.ctx, run.rng, run.now, run.settings.zone
    today = local_today(now, zone)
    first = today - timedelta(days=DAYS_BACK)
    planned_at = now - timedelta(days=DAYS_BACK + 1)
    with db.session() as s:
        people = [rota.add_person(s, ctx=ctx, operator_id=run.guard(), now=planned_at, name=n, phone=ph, kind=k,
                                  sent_by=unit, posts=posts.split(","), pin=DEMO_PIN if k == "resident" else "")
                  for n, ph, k, unit, posts in PEOPLE]
        shifts = []
        for name, kind, critical, times, least, most in POSTS:
            post = rota.add_post(s, ctx=ctx, operator_id=run.guard(), now=planned_at, name=name, kind=kind,
                                 critical=critical)
            for shift in rota.plan_shifts(s, ctx=ctx, operator_id=run.guard(), now=planned_at, zone=zone,
                                          post_id=post.id, first_day=first, days=DAYS_BACK + 2, times=times,
                                          min_people=least, max_people=most):
                shifts.append((shift, post))
        shifts.sort(key=lambda sp: sp[0].starts_at)
        tomorrow = (today + timedelta(days=1)).isoformat()
        placed: dict[str, list] = {}
        held: dict[str, list] = {}  # each person's shifts so far
        for shift, post in shifts:
            want = shift.min_people + (rng.random() < 0.3)
            if shift.day == tomorrow and rng.random() < 0.5:
                want = max(0, shift.min_people - 1)  # still being filled: tomorrow's at-risk shifts
            for person in rng.sample(people, len(people)):
                if len(placed.get(shift.id, [])) >= want:
                    break
                if not person.takes(post.kind) or _back_to_back(held.get(person.id, ()), shift):
                    continue
                try:
                    rota.assign(s, ctx=ctx, operator_id=run.guard(), now=planned_at, zone=zone, shift_id=shift.id,
                                person_id=person.id, how=How.SIGNED_UP if rng.random() < 0.3 else How.ASSIGNED)
                except rota.RotaProblem:
                    continue  # on another shift then
                placed.setdefault(shift.id, []).append(person)
                held.setdefault(person.id, []).append(shift)
        s.flush()
        checkins = 0
        for shift, post in shifts:
            if shift.starts_at >= now - timedelta(minutes=20):
                continue
            for person in placed.get(shift.id, []):
                if rng.random() < 0.06:
                    continue  # did not come
                came = shift.starts_at + timedelta(minutes=rng.choice((-12, -8, -5, -2, 0, 3, 6, 9, 24, 35)))
                if came >= now:
                    continue
                # what the gate's housekeeping would have closed by then (a check-out forgotten earlier)
                duty.close_forgotten(s, now=came, after_hours=run.settings.duty_close_hours)
                if duty.open_checkin(s, person.id) is not None:
                    continue
                done = duty.check(s, ctx=ctx, operator_id=run.guard(), now=came, zone=zone, person=person,
                                  source=CheckInSource.CARD if rng.random() < 0.85 else CheckInSource.PIN,
                                  late_minutes=run.settings.duty_late_minutes)
                checkins += 1
                left = shift.ends_at + timedelta(minutes=rng.randrange(-6, 18))
                if left < now and rng.random() > 0.05:  # a few forget: closed on their own below
                    done.checkin.out_at = left
                    done.checkin.updated_at = left
                    s.add(done.checkin)
                s.flush()
        duty.close_forgotten(s, now=now, after_hours=run.settings.duty_close_hours)
        s.commit()
    run.made["volunteers"] = len(people)
    run.made["shifts"] = len(shifts)
    run.made["shift_checkins"] = checkins

