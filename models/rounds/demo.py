"""The demo's testing rounds: one closed two days ago, and one under way now (most sampled, some
excused, some missing, a few on the home-service list)."""
from __future__ import annotations

from datetime import timedelta

from sqlalchemy import select

from models.kit.demo_data import DemoRun
from models.rounds.rounds import EXEMPTING, HOME, Reason, buildings, close_round, open_round
from models.rounds.tables import RoundPerson
from models.store.clock import local_today

POINTS = ["1#楼下", "篮球场"]
ROUND_START, ROUND_HOURS = 8, 3  # a round runs in the morning, 08:00 to 11:00 local


def _morning(now, zone, days_back: int):
    """The morning a round ran (days_back before the latest one that has begun by now), and when its
    sampling ended: at 11:00, or now for a round still in its morning."""
    local = now.astimezone(zone)
    start = local.replace(hour=ROUND_START, minute=0, second=0, microsecond=0)
    if start >= local:
        start -= timedelta(days=1)
    start -= timedelta(days=days_back)
    return start, min(start + timedelta(hours=ROUND_HOURS), local)


def fill(run: DemoRun) -> None:
    db, ctx, rng, now = run.db, run.ctx, run.rng, run.now
    zone = run.settings.zone
    made = sampled = 0
    with db.session() as s:
        if not buildings(s):
            return
        # Rounds run in the morning and nothing lies after now, whatever the hour the demo is made at:
        # the latest morning's round is under way (door-knocking after its sampling), one two days
        # before it was closed.
        for (opened, ended), close in ((_morning(now, zone, 2), True), (_morning(now, zone, 0), False)):
            r = open_round(s, ctx=ctx, operator_id=run.guard(), now=opened,
                                  day=local_today(opened, zone), title="全员核酸检测", points=POINTS)
            s.flush()
            people = s.execute(select(RoundPerson).where(RoundPerson.round_id == r.id)).scalars().all()
            for p in people:
                at = opened + timedelta(seconds=rng.randrange(1, max(2, int((ended - opened).total_seconds()))))
                roll = rng.random()
                if roll < (0.97 if close else 0.82):
                    p.called_at, p.sampled_at, p.point = at - timedelta(minutes=10), at, rng.choice(POINTS)
                    sampled += 1
                elif roll < (0.99 if close else 0.89):
                    p.reason = rng.choice(sorted(EXEMPTING))
                    p.note = "外地出差" if p.reason == Reason.AWAY else \
                        "市一医院住院" if p.reason == Reason.HOSPITAL else "单位检测,已看报告"
                elif roll < 0.93:
                    p.at_home = True
                    if close or rng.random() < 0.5:
                        p.sampled_at, p.point, p.sampled_by = at, HOME, "社区医生" + run.name()[0]
                        sampled += 1
                p.updated_at = max(p.updated_at, p.sampled_at or p.updated_at)
                made += 1
            if close:
                close_round(s, round_id=r.id, operator_id=run.guard(), now=ended)
        s.commit()
    run.made["testing_rounds"] = 2
    run.made["samplings"] = sampled
