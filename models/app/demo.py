"""A living demo station: compound, gate, operators, and every feature's records (each feature's
filler is named in its feature.py).

Used by `main.py demo` so a new user sees a working app at once, and by bench/ for large data.
Rows go in through SQLAlchemy Core in large batches (the ORM is ~10x slower for bulk work).
"""
from __future__ import annotations

import random
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime

from models.kit.demo_data import DemoRun
from models.setup.settings import load_settings, save_settings
from models.setup.site import StationContext, this_station
from models.store import registry
from models.store.clock import utcnow
from models.store.db import Database
from models.trust.first_run import SetupForm, complete_setup
from models.trust.operators import Role, create_operator

DEMO_PINS = {"admin": "1234", "supervisor": "2345", "guard1": "1111", "guard2": "2222"}


@dataclass(frozen=True)
class DemoResult:
    ctx: StationContext
    visits: int
    operators: dict[str, tuple[str, str]]  # name -> (role, pin)
    residents: int = 0


class AlreadySetUp(Exception):
    pass


def create_demo(db: Database, *, days: int = 7, visits_per_day: int = 200, seed: int = 1,
                parcels_per_day: int | None = None, now: datetime | None = None,
                compound: str = "榕城花园", gate: str = "东门",
                progress: Callable[[int, int], None] | None = None) -> DemoResult:
    now = now or utcnow()
    rng = random.Random(seed)
    with db.session() as session:
        if this_station(session) is not None:
            raise AlreadySetUp()
        ctx = complete_setup(session, SetupForm(
            compound_name=compound, address="福州市鼓楼区五四路 88 号", community="温泉社区",
            subdistrict="温泉街道", district="鼓楼区", gate_name=gate, admin_name="林管理",
            admin_pin=DEMO_PINS["admin"], admin_pin_again=DEMO_PINS["admin"]), now=now)
        people = {"林管理": (Role.ADMIN.value, DEMO_PINS["admin"])}
        ops = [create_operator(session, ctx=ctx, name="陈主管", role=Role.SUPERVISOR, pin=DEMO_PINS["supervisor"], now=now),
               create_operator(session, ctx=ctx, name="张保安", role=Role.GUARD, pin=DEMO_PINS["guard1"], now=now),
               create_operator(session, ctx=ctx, name="黄保安", role=Role.GUARD, pin=DEMO_PINS["guard2"], now=now)]
        for op, key in zip(ops, ("supervisor", "guard1", "guard2")):
            people[op.name] = (op.role, DEMO_PINS[key])
        settings = load_settings(session)
        save_settings(session, settings)
        session.commit()
        guard_ids = [op.id for op in ops]

    run = DemoRun(db=db, ctx=ctx, settings=settings, guard_ids=guard_ids, rng=rng, days=days,
                  visits_per_day=visits_per_day, now=now, progress=progress,
                  parcels_per_day=max(10, visits_per_day // 4) if parcels_per_day is None else parcels_per_day)
    for feature in registry.features():  # each fills its own records, in dependency order
        if feature.demo is not None:
            feature.demo(run)
    return DemoResult(ctx=ctx, visits=run.made.get("visits", 0), operators=people,
                      residents=run.made.get("residents", 0))
