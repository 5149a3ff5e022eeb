"""The demo's residents: a roster with passes, a few at home under monitoring."""
from __future__ import annotations

from datetime import timedelta

from models.kit.demo_data import DemoRun
from models.residents import monitoring, passes, roster
from models.residents.tables import MonitoringKind
from models.store.clock import local_today


def fill(run: DemoRun) -> None:
    """Three buildings of two units, six floors, two flats a floor, one to four people each, all with
    passes; a few under home monitoring, so posters and pass sheets print straight away."""
    db, ctx, settings, rng, now = run.db, run.ctx, run.settings, run.rng, run.now
    today = local_today(now, settings.zone)
    made = 0
    with db.session() as session:
        people = []
        for building in range(1, 4):
            for unit in range(1, 3):
                for floor in range(1, 7):
                    for flat in range(1, 3):
                        room = f"{building}-{unit}-{floor}0{flat}"
                        for _ in range(rng.randint(1, 4)):
                            r = roster.add_resident(session, ctx, room=room, name=run.name(), phone=run.phone(), now=now)
                            passes.issue_pass(session, ctx, resident_id=r.id, today=today, now=now)
                            people.append(r)
                            made += 1
        for r, kind in zip(rng.sample(people, 4), (MonitoringKind.ISOLATION, MonitoringKind.ISOLATION,
                                                   MonitoringKind.MONITORING, MonitoringKind.MONITORING)):
            monitoring.put_under_monitoring(session, ctx, resident_id=r.id, kind=kind,
                                    until=today + timedelta(days=rng.randint(2, 10)), reason="密接", now=now)
        session.commit()
    run.made["residents"] = made


