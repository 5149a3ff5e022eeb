"""The demo's isolation point, parcel station and readiness checks."""
from __future__ import annotations

import json
from datetime import timedelta

from sqlalchemy import insert
from sqlmodel import col, select

from models.gate.rules import Outcome
from models.gate.visits import Visit
from models.kit.demo_data import DemoRun, demo_days, window
from models.station.isolation import (
    NOT_CLEARED_BY_A_RECHECK,
    IsolationCase,
    IsolationNotice,
    IsolationRecheck,
    Party,
)
from models.station.isolation import Outcome as CaseOutcome
from models.station.parcels import DisinfectionRound, Parcel, ParcelKind, ParcelStatus
from models.station.readiness import ReadinessCheck


def fill(run: DemoRun) -> None:
    _fill_isolation(run)
    _fill_parcels(run)
    _fill_rounds_and_checks(run)


def _fill_isolation(run: DemoRun) -> None:
    """A case for each person the demo gate sent to isolation; all but the last few are closed."""
    db, guard_ids, rng, now = run.db, run.guard_ids, run.rng, run.now
    with db.session() as s:
        sent = list(s.exec(select(Visit).where(Visit.decision == Outcome.ISOLATE.value)
                           .order_by(col(Visit.created_at))))
    cases, checks, notices = [], [], []
    for i, v in enumerate(sent):
        op = rng.choice(guard_ids)
        case = run.origin(op, v.created_at) | {
            "visit_id": v.id, "name": v.name or "", "phone": v.phone, "id_number": v.id_number,
            "reason_codes": v.reasons, "reason": "", "temperature": v.temperature, "placed_at": v.created_at,
            "handed_to": None, "handed_at": None, "outcome": None, "closed_at": None, "closed_by": None}
        recent = now - v.created_at < timedelta(hours=2) or i >= len(sent) - 2
        # A person placed a few minutes ago has not been re-checked in the future.
        checked = min(v.created_at + timedelta(minutes=10), now - timedelta(seconds=30))
        noticed = min(v.created_at + timedelta(minutes=8), now - timedelta(seconds=40))
        fever = "fever" in v.reasons.split(",")
        reading = rng.uniform(36.4, 38.2) if fever else (v.temperature or 36.5) + rng.uniform(-0.2, 0.2)
        checks.append(run.origin(op, checked) | {"case_id": case["id"], "at": checked, "temperature": round(reading, 1)})
        if not recent or rng.random() < 0.5:
            notices.append(run.origin(op, noticed) | {
                "case_id": case["id"], "party": rng.choice([Party.COMMUNITY, Party.ISOLATION_TEAM]).value,
                "at": noticed, "note": ""})
        if not recent:
            # A normal re-check releases a fever only; a red code or a positive test is handed over.
            cleared = not set(v.reasons.split(",")) & NOT_CLEARED_BY_A_RECHECK
            outcome = CaseOutcome.RELEASED if cleared and checks[-1]["temperature"] < run.settings.fever_threshold \
                else rng.choice([CaseOutcome.AMBULANCE, CaseOutcome.HEALTH_STAFF, CaseOutcome.HOME_MONITORING])
            closed = v.created_at + timedelta(minutes=rng.randint(30, 120))
            case.update(outcome=outcome.value, closed_at=closed, closed_by=op, updated_at=closed, rev=2,
                        handed_to=None if outcome is CaseOutcome.RELEASED else "社区卫生服务中心",
                        handed_at=None if outcome is CaseOutcome.RELEASED else closed)
        cases.append(case)
    with db.engine.begin() as conn:
        for table, rows in ((IsolationCase, cases), (IsolationRecheck, checks), (IsolationNotice, notices)):
            if rows:
                conn.execute(insert(table.__table__), rows)


CARRIERS = ("顺丰", "京东", "中通", "圆通", "韵达", "邮政", "美团", "饿了么", "叮咚买菜", "盒马")


def _fill_parcels(run: DemoRun) -> None:
    db, settings, guard_ids, rng, now = run.db, run.settings, run.guard_ids, run.rng, run.now
    days, per_day = run.days, run.parcels_per_day
    local_now = now.astimezone(settings.zone)
    waiting_codes: set[str] = set()
    batch: list[dict] = []
    rounds: list[dict] = []
    with db.engine.connect() as conn:
        for midnight in demo_days(local_now, days):
            day_start, span = window(midnight, 7, 14, local_now)
            rnd_at = {h: day_start + timedelta(hours=h) for h in (3, 8, 13)}
            for h, at in rnd_at.items():
                if at < local_now:
                    rounds.append(run.origin(rng.choice(guard_ids), at) | {
                        "area": "drop_off", "at": at, "agent": "含氯消毒液 500 mg/L", "items": 0, "note": ""})
            for off in sorted(rng.randrange(span) for _ in range(per_day)):
                at = day_start + timedelta(seconds=off)
                kind = rng.choices(list(ParcelKind), weights=(6, 3, 2, 1))[0]
                carrier = rng.choice(CARRIERS[6:] if kind is ParcelKind.TAKEOUT else CARRIERS[:6])
                age = local_now - at
                r = rng.random()
                if age > timedelta(hours=30) and r < 0.995 or age > timedelta(hours=2) and r < 0.85:
                    status = ParcelStatus.DELIVERED if r < 0.05 else ParcelStatus.COLLECTED
                else:
                    status = ParcelStatus.WAITING
                code = f"{rng.randrange(10**6):06d}"
                if status is ParcelStatus.WAITING:
                    while code in waiting_codes:
                        code = f"{rng.randrange(10**6):06d}"
                    waiting_codes.add(code)
                out = at + timedelta(minutes=rng.randint(20, 600))
                if out > local_now:
                    out = local_now
                handed_out = status is not ParcelStatus.WAITING
                disinfected = next((t for t in sorted(rnd_at.values()) if at <= t < (out if handed_out else local_now)),
                                   None)
                if disinfected is None and handed_out:
                    # Handed out before the next round: disinfected on its own first, never after.
                    disinfected = at + (out - at) * rng.uniform(0.1, 0.6)
                row = run.origin(rng.choice(guard_ids), at) | {
                    "kind": kind.value, "carrier": carrier,
                    "tracking_no": f"{'SF' if carrier == '顺丰' else 'JD' if carrier == '京东' else 'YT'}{rng.randrange(10**12):012d}",
                    "room": run.room(), "recipient_name": run.name(), "phone_tail": f"{rng.randrange(10**4):04d}",
                    "shelf": f"{rng.choice('ABCD')}-{rng.randint(1, 12)}", "pickup_code": code, "status": status.value,
                    "received_at": at, "disinfected_at": disinfected, "disinfection_round_id": None,
                    "collected_at": out if status is ParcelStatus.COLLECTED else None,
                    "collected_by": "本人" if status is ParcelStatus.COLLECTED else None,
                    "delivered_by": "志愿者 小林" if status is ParcelStatus.DELIVERED else None,
                    "delivered_at": out if status is ParcelStatus.DELIVERED else None}
                if status is not ParcelStatus.WAITING:
                    row.update(updated_at=out, rev=2)
                batch.append(row)
                if len(batch) >= 20000:
                    conn.execute(insert(Parcel.__table__), batch)
                    conn.commit()
                    batch.clear()
        if batch:
            conn.execute(insert(Parcel.__table__), batch)
        if rounds:
            conn.execute(insert(DisinfectionRound.__table__), rounds)
        conn.commit()


def _fill_rounds_and_checks(run: DemoRun) -> None:
    db, settings, guard_ids, rng, now = run.db, run.settings, run.guard_ids, run.rng, run.now
    days = run.days
    local_now = now.astimezone(settings.zone)
    rounds, checks = [], []
    for midnight in demo_days(local_now, days):
        morning = midnight.replace(hour=6, minute=30)
        items = {k: (rng.random() > 0.05) for k in settings.readiness_items}
        checks.append(run.origin(rng.choice(guard_ids), morning) | {
            "day": morning.date().isoformat(), "items": json.dumps(items, ensure_ascii=False),
            "remarks": "" if all(items.values()) else "已报物业补充"})
        for area, hour in (("门岗", 7), ("临时隔离点", 12), ("电梯和楼梯", 18)):
            at = morning.replace(hour=hour)
            if at < local_now:
                rounds.append(run.origin(rng.choice(guard_ids), at) | {
                    "area": area, "at": at, "agent": "含氯消毒液 500 mg/L", "items": 0, "note": ""})
    with db.engine.begin() as conn:
        if checks:
            conn.execute(insert(ReadinessCheck.__table__), checks)
        if rounds:
            conn.execute(insert(DisinfectionRound.__table__), rounds)
