"""The demo's home-service ledger: a few residents who need help, a week of services, and the rounds' home samplings."""
from __future__ import annotations

from datetime import date, timedelta

from sqlalchemy import select

from models.care import ledger
from models.care.tables import NeedKind, ServiceKind
from models.kit.demo_data import DemoRun
from models.residents.tables import Household, Resident
from models.rounds.rounds import HOME
from models.rounds.tables import RoundPerson, TestingRound
from models.store.clock import local_today

VOLUNTEERS = ("志愿者小林", "志愿者阿芳", "楼长老陈")


def fill(run: DemoRun) -> None:
    db, ctx, rng, now = run.db, run.ctx, run.rng, run.now
    today = local_today(now, run.settings.zone)
    with db.session() as s:
        people = s.execute(select(Resident.name, Household.building, Household.unit, Household.room)
                           .join(Household, Household.id == Resident.household_id)
                           .order_by(Household.building, Household.unit, Household.room, Resident.name)).all()
        if len(people) < 8:
            return
        chosen = rng.sample(people, 4)
        kinds = ((NeedKind.ELDERLY_ALONE, 1, "独居，行动不便"), (NeedKind.ELDERLY_ALONE, 2, "八十五岁"),
                 (NeedKind.DISABLED, 3, "轮椅"), (NeedKind.ILL, 0, "术后休养"))
        # Registered a week ago: times only before now, whatever the hour.
        week_ago = now - timedelta(days=7)
        made = []
        for (name, b, u, r), (kind, every, note) in zip(chosen, kinds):
            made.append(ledger.add_need(s, ctx=ctx, operator_id=run.guard(), now=week_ago, today=today - timedelta(7),
                                        room=f"{b}-{u}-{r}", name=name, kind=kind, note=note, every_days=every))
        s.flush()
        ledger.from_monitoring(s, ctx=ctx, operator_id=run.guard(), now=now - timedelta(hours=2), today=today)
        services = 0
        for days_ago in range(7, 0, -1):
            for need in made[:3]:
                if days_ago % max(1, need.every_days):
                    continue
                at = now - timedelta(days=days_ago, minutes=rng.randrange(0, 300))
                kind = rng.choice([ServiceKind.VISIT, ServiceKind.NECESSITIES, ServiceKind.MEDICINE])
                ledger.record(s, ctx=ctx, operator_id=run.guard(), now=at, need_id=need.id, kind=kind,
                              volunteer=rng.choice(VOLUNTEERS), note="米、油、蔬菜" if kind == ServiceKind.NECESSITIES else "")
                services += 1
        ledger.plan(s, ctx=ctx, operator_id=run.guard(), now=now - timedelta(hours=1), today=today,
                    need_id=made[3].id, kind=ServiceKind.MEDICINE, due_on=today, note="降压药")
        # The demo's rounds sampled some residents at their door: each is a line of the ledger.
        for person, title, day in s.execute(select(RoundPerson, TestingRound.title, TestingRound.day)
                                            .join(TestingRound, TestingRound.id == RoundPerson.round_id)
                                            .where(RoundPerson.point == HOME, RoundPerson.sampled_at.is_not(None))
                                            .order_by(RoundPerson.sampled_at)).all():
            ledger.record_round_sampling(s, ctx=ctx, operator_id=run.guard(), person=person, title=title,
                                         today=date.fromisoformat(day))
            services += 1
        s.commit()
    run.made["home_services"] = services + 1
