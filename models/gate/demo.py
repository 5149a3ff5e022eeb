"""The demo's registrations: realistic visitors, residents, workers and couriers over the demo's days."""
from __future__ import annotations

import uuid
from datetime import datetime, timedelta

from sqlalchemy import insert

from models.gate.rules import Checks, CodeColor, NatResult, Outcome, PersonKind, decide
from models.gate.visits import Visit
from models.kit.demo_data import FIRST_HOUR, DemoRun, demo_days, window

ORIGINS = ("鼓楼区", "台江区", "仓山区", "晋安区", "马尾区", "长乐区", "闽侯县", "连江县", "福清市", "厦门市", "泉州市", "莆田市")
PURPOSES = ("探亲", "访友", "送餐", "维修", "家政", "看房", "送货", "照护老人", "装修", "社区工作")
HOSTS = ("业主", "租户")


def fill(run: DemoRun) -> None:
    """Registrations over the demo's days, from 06:00 for sixteen hours, a third of them returning visitors."""
    db, settings, rng, now = run.db, run.settings, run.rng, run.now
    days, per_day, progress = run.days, run.visits_per_day, run.progress
    zone = settings.zone
    local_now = now.astimezone(zone)
    # Returning visitors: a pool of people who come back, so phone recall has something to find.
    regulars = [(run.name(), run.phone(), run.id_number(), rng.choice(ORIGINS), run.room(), run.name(),
                 rng.choice(PURPOSES)) for _ in range(max(20, per_day // 4))]
    table = Visit.__table__
    total = days * per_day
    batch: list[dict] = []
    written = 0
    # A commit per batch lets SQLite checkpoint, so the WAL stays small however many rows go in.
    with db.engine.connect() as conn:
        for midnight in demo_days(local_now, days):
            day_start, span = window(midnight, FIRST_HOUR, 16, local_now)
            offsets = sorted(rng.randrange(span) for _ in range(per_day))
            for off in offsets:
                batch.append(_visit_row(run, regulars, day_start + timedelta(seconds=off), local_now))
                if len(batch) >= 20000:
                    conn.execute(insert(table), batch)
                    conn.commit()
                    written += len(batch)
                    batch.clear()
                    if progress:
                        progress(written, total)
        if batch:
            conn.execute(insert(table), batch)
            conn.commit()
            written += len(batch)
    if progress:
        progress(written, total)
    run.made["visits"] = written


def _visit_row(run: DemoRun, regulars, at_local: datetime, local_now: datetime) -> dict:
    rng, ctx, settings, guard_ids = run.rng, run.ctx, run.settings, run.guard_ids
    r = rng.random()
    kind = (PersonKind.VISITOR if r < 0.55 else PersonKind.RESIDENT if r < 0.75 else
            PersonKind.WORKER if r < 0.88 else PersonKind.COURIER if r < 0.96 else PersonKind.OTHER)
    if rng.random() < 0.3:
        name, phone, idn, origin, room, host, purpose = rng.choice(regulars)
    else:
        name, phone, idn, origin, room, host, purpose = (run.name(), run.phone(), run.id_number(),
                                                         rng.choice(ORIGINS), run.room(), run.name(),
                                                         rng.choice(PURPOSES))
    t = round(rng.gauss(36.5, 0.3), 1)
    first = None
    if rng.random() < 0.01:
        first = round(rng.uniform(37.3, 38.0), 1)
        t = first if rng.random() < 0.4 else round(rng.uniform(36.2, 37.0), 1)
    t = min(max(t, 35.5), 39.5)
    cr = rng.random()
    code = CodeColor.GREEN if cr < 0.985 else CodeColor.YELLOW if cr < 0.997 else CodeColor.RED
    hours = rng.choices((5, 12, 20, 30, 44, 60, 70, 80), weights=(10, 15, 20, 15, 15, 10, 12, 3))[0]
    sampled = at_local - timedelta(hours=hours, minutes=rng.randrange(60))
    nat = NatResult.NEGATIVE if rng.random() < 0.98 else NatResult.NONE
    risk = rng.random() < 0.005
    mask = rng.random() > 0.01
    checks = Checks(kind=kind, temperature=t, temperature_first=first, code_color=code, nat_result=nat,
                    nat_sampled_at=sampled if nat is NatResult.NEGATIVE else None, risk_flag=risk, mask=mask)
    decision = decide(checks, settings, at_local)
    outcome = decision.outcome or Outcome.ADMIT
    time_out = None
    signout_kind = None
    if outcome is Outcome.ADMIT and kind is not PersonKind.RESIDENT:
        leave, how = at_local + timedelta(minutes=rng.randint(5, 180)), "manual"
        # Whoever is still inside at the daily automatic sign-out is signed out by it, as the gate does.
        auto = at_local.replace(hour=settings.auto_signout_time.hour, minute=settings.auto_signout_time.minute,
                                second=0, microsecond=0)
        if auto <= at_local:
            auto += timedelta(days=1)
        if leave >= auto:
            leave, how = auto, "auto"
        if leave < local_now:
            time_out, signout_kind = leave, how
    row_phone = phone if kind is not PersonKind.RESIDENT or rng.random() < 0.5 else None
    row_id = idn if kind in (PersonKind.VISITOR, PersonKind.WORKER) and rng.random() < 0.6 else None
    return {
        "id": str(uuid.UUID(int=rng.getrandbits(128), version=4)),
        "station_id": ctx.station_id, "gate_id": ctx.gate_id, "operator_id": rng.choice(guard_ids),
        "created_at": at_local, "updated_at": time_out or at_local, "rev": 2 if time_out else 1,
        "kind": kind.value, "name": name,
        "phone": row_phone, "phone_tail": row_phone[-4:] if row_phone else None,
        "id_number": row_id, "id_tail": row_id[-4:] if row_id else None,
        "origin": origin if kind is not PersonKind.RESIDENT else None,
        "destination": room, "host": host if kind is PersonKind.VISITOR else None,
        "purpose": purpose if kind is not PersonKind.RESIDENT else None,
        "temperature": t, "temperature_first": first,
        "code_color": code.value, "nat_result": nat.value,
        "nat_sampled_at": sampled if nat is NatResult.NEGATIVE else None,
        "risk_flag": risk, "mask": mask,
        "auto_decision": outcome.value, "decision": outcome.value, "reasons": ",".join(decision.reasons),
        "override_by": None, "override_reason": None, "overridden_at": None,
        "time_out": time_out, "signout_kind": signout_kind, "signout_by": None,
    }


