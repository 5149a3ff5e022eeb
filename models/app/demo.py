"""A living demo station: compound, gate, operators and realistic registrations.

Used by `main.py demo` so a new user sees a working app at once, and by bench/ for large data.
Rows go in through SQLAlchemy Core in large batches (the ORM is ~10x slower for bulk work).
"""
from __future__ import annotations

import random
import uuid
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy import insert
from stdnum.cn import ric

from models.gate.rules import Checks, CodeColor, NatResult, Outcome, PersonKind, decide
from models.gate.visits import Visit
from models.setup.settings import Settings, load_settings, save_settings
from models.setup.site import StationContext, this_station
from models.store.clock import local_today, utcnow
from models.store.db import Database
from models.trust.first_run import SetupForm, complete_setup
from models.trust.operators import Role, create_operator

SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何林罗高郑梁谢宋唐许韩冯邓曹彭曾萧田董潘袁蔡蒋余于杜叶程魏苏吕丁任沈姚卢傅钟姜崔谭廖范汪陆金石戴贾韦夏邱方侯邹熊孟秦白江阎薛尹段雷黎史龙陶贺顾毛郝龚邵万钱严赖覃洪武莫孔欧阳"
GIVEN = "伟芳娜秀英敏静丽强磊军洋勇艳杰娟涛明超秀兰霞平刚桂英华玉萍红娥玲芬燕彬鑫斌宇浩凯健俊帆帅旭宁龙林欣晨阳佳怡子涵梓轩一诺雨桐欣怡浩然紫涵思远建国志强海燕丹丹晓东春梅秋菊冬梅国庆德华"
REGIONS = ("350102", "350103", "350104", "350105", "350111", "350121", "350122", "350181", "110105", "310104", "440106")
ORIGINS = ("鼓楼区", "台江区", "仓山区", "晋安区", "马尾区", "长乐区", "闽侯县", "连江县", "福清市", "厦门市", "泉州市", "莆田市")
PURPOSES = ("探亲", "访友", "送餐", "维修", "家政", "看房", "送货", "照护老人", "装修", "社区工作")
HOSTS = ("业主", "租户")

DEMO_PINS = {"admin": "1234", "supervisor": "2345", "guard1": "1111", "guard2": "2222"}


@dataclass(frozen=True)
class DemoResult:
    ctx: StationContext
    visits: int
    operators: dict[str, tuple[str, str]]  # name -> (role, pin)
    residents: int = 0


class AlreadySetUp(Exception):
    pass


def _name(rng: random.Random) -> str:
    s = rng.choice(SURNAMES)
    return s + "".join(rng.choice(GIVEN) for _ in range(rng.choice((1, 2, 2))))


def _id_number(rng: random.Random) -> str:
    birth = datetime(1950, 1, 1) + timedelta(days=rng.randrange(0, 365 * 55))
    body = rng.choice(REGIONS) + birth.strftime("%Y%m%d") + f"{rng.randrange(1000):03d}"
    return body + ric.calc_check_digit(body + "0")


def _phone(rng: random.Random) -> str:
    return "1" + rng.choice("3456789") + f"{rng.randrange(10**9):09d}"


def _room(rng: random.Random) -> str:
    return f"{rng.randint(1, 12)}-{rng.randint(1, 3)}-{rng.randint(1, 18)}{rng.randint(1, 4):02d}"


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

    total = _fill_visits(db, ctx, settings, guard_ids, rng, days=days, per_day=visits_per_day, now=now,
                         progress=progress)
    _fill_isolation(db, ctx, guard_ids, rng, now=now)
    per_day = max(10, visits_per_day // 4) if parcels_per_day is None else parcels_per_day
    _fill_parcels(db, ctx, settings, guard_ids, rng, days=days, per_day=per_day, now=now)
    _fill_rounds_and_checks(db, ctx, settings, guard_ids, rng, days=days, now=now)
    residents = _fill_residents(db, ctx, settings, rng, now=now)
    return DemoResult(ctx=ctx, visits=total, operators=people, residents=residents)


def _fill_residents(db: Database, ctx: StationContext, settings: Settings, rng: random.Random, *,
                    now: datetime) -> int:
    """Three buildings of two units, six floors, two flats a floor, one to four people each, all with
    passes; a few under home monitoring, so posters and pass sheets print straight away."""
    from models import residents as rs

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
                            r = rs.add_resident(session, ctx, room=room, name=_name(rng), phone=_phone(rng), now=now)
                            rs.issue_pass(session, ctx, resident_id=r.id, today=today, now=now)
                            people.append(r)
                            made += 1
        for r, kind in zip(rng.sample(people, 4), (rs.MonitoringKind.ISOLATION, rs.MonitoringKind.ISOLATION,
                                                   rs.MonitoringKind.MONITORING, rs.MonitoringKind.MONITORING)):
            rs.put_under_monitoring(session, ctx, resident_id=r.id, kind=kind,
                                    until=today + timedelta(days=rng.randint(2, 10)), reason="密接", now=now)
        session.commit()
    return made


# The demo's days are the last `days` local days whose working hours have begun: at 02:30 the
# newest is yesterday, so nothing the demo makes ever lies in the future of `now`.
FIRST_HOUR = 6
LAST_DAY_FROM = 8  # o'clock: from then on today is a demo day (parcels start at 7)


def demo_days(local_now: datetime, days: int) -> list[datetime]:
    """Midnight (local) of each demo day, oldest first."""
    last = local_now.replace(hour=0, minute=0, second=0, microsecond=0)
    if local_now.hour < LAST_DAY_FROM:
        last -= timedelta(days=1)
    return [last - timedelta(days=d) for d in range(days - 1, -1, -1)]


def _window(midnight: datetime, hour: float, hours: float, local_now: datetime) -> tuple[datetime, int]:
    """The start of a day's activity and its length in seconds, ending a minute before now at latest."""
    start = midnight + timedelta(hours=hour)
    end = min(start + timedelta(hours=hours), local_now - timedelta(minutes=1))
    return start, max(60, int((end - start).total_seconds()))


def _fill_visits(db: Database, ctx: StationContext, settings: Settings, guard_ids: list[str], rng: random.Random,
                 *, days: int, per_day: int, now: datetime, progress) -> int:
    zone = settings.zone
    local_now = now.astimezone(zone)
    # Returning visitors: a pool of people who come back, so phone recall has something to find.
    regulars = [(_name(rng), _phone(rng), _id_number(rng), rng.choice(ORIGINS), _room(rng), _name(rng),
                 rng.choice(PURPOSES)) for _ in range(max(20, per_day // 4))]
    table = Visit.__table__
    total = days * per_day
    batch: list[dict] = []
    written = 0
    # A commit per batch lets SQLite checkpoint, so the WAL stays small however many rows go in.
    with db.engine.connect() as conn:
        for midnight in demo_days(local_now, days):
            day_start, span = _window(midnight, FIRST_HOUR, 16, local_now)
            offsets = sorted(rng.randrange(span) for _ in range(per_day))
            for off in offsets:
                batch.append(_visit_row(rng, ctx, settings, guard_ids, regulars, day_start + timedelta(seconds=off),
                                        local_now))
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
    return written


def _visit_row(rng, ctx, settings, guard_ids, regulars, at_local: datetime, local_now: datetime) -> dict:
    r = rng.random()
    kind = (PersonKind.VISITOR if r < 0.55 else PersonKind.RESIDENT if r < 0.75 else
            PersonKind.WORKER if r < 0.88 else PersonKind.COURIER if r < 0.96 else PersonKind.OTHER)
    if rng.random() < 0.3:
        name, phone, idn, origin, room, host, purpose = rng.choice(regulars)
    else:
        name, phone, idn, origin, room, host, purpose = (_name(rng), _phone(rng), _id_number(rng),
                                                         rng.choice(ORIGINS), _room(rng), _name(rng),
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
        leave = at_local + timedelta(minutes=rng.randint(5, 180))
        if leave < local_now:
            time_out, signout_kind = leave, "manual"
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


def _origin(ctx: StationContext, operator_id: str, at: datetime) -> dict:
    return {"id": str(uuid.uuid4()), "station_id": ctx.station_id, "gate_id": ctx.gate_id, "operator_id": operator_id,
            "created_at": at, "updated_at": at, "rev": 1}


def _fill_isolation(db: Database, ctx: StationContext, guard_ids: list[str], rng: random.Random, *,
                    now: datetime) -> None:
    """A case for each person the demo gate sent to isolation; all but the last few are closed."""
    from sqlmodel import col, select

    from models.station.isolation import IsolationCase, IsolationNotice, IsolationRecheck, Party
    from models.station.isolation import Outcome as CaseOutcome

    with db.session() as s:
        sent = list(s.exec(select(Visit).where(Visit.decision == Outcome.ISOLATE.value)
                           .order_by(col(Visit.created_at))))
    cases, checks, notices = [], [], []
    for i, v in enumerate(sent):
        op = rng.choice(guard_ids)
        case = _origin(ctx, op, v.created_at) | {
            "visit_id": v.id, "name": v.name or "", "phone": v.phone, "id_number": v.id_number,
            "reason_codes": v.reasons, "reason": "", "temperature": v.temperature, "placed_at": v.created_at,
            "handed_to": None, "handed_at": None, "outcome": None, "closed_at": None, "closed_by": None}
        recent = now - v.created_at < timedelta(hours=2) or i >= len(sent) - 2
        # A person placed a few minutes ago has not been re-checked in the future.
        checked = min(v.created_at + timedelta(minutes=10), now - timedelta(seconds=30))
        noticed = min(v.created_at + timedelta(minutes=8), now - timedelta(seconds=40))
        checks.append(_origin(ctx, op, checked) | {
            "case_id": case["id"], "at": checked, "temperature": round(rng.uniform(36.4, 38.2), 1)})
        if not recent or rng.random() < 0.5:
            notices.append(_origin(ctx, op, noticed) | {
                "case_id": case["id"], "party": rng.choice([Party.COMMUNITY, Party.ISOLATION_TEAM]).value,
                "at": noticed, "note": ""})
        if not recent:
            outcome = CaseOutcome.RELEASED if checks[-1]["temperature"] < 37.3 else rng.choice(
                [CaseOutcome.AMBULANCE, CaseOutcome.HEALTH_STAFF, CaseOutcome.HOME_MONITORING])
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


def _fill_parcels(db: Database, ctx: StationContext, settings: Settings, guard_ids: list[str], rng: random.Random,
                  *, days: int, per_day: int, now: datetime) -> None:
    from models.station.parcels import DisinfectionRound, Parcel, ParcelKind, ParcelStatus

    local_now = now.astimezone(settings.zone)
    waiting_codes: set[str] = set()
    batch: list[dict] = []
    rounds: list[dict] = []
    with db.engine.connect() as conn:
        for midnight in demo_days(local_now, days):
            day_start, span = _window(midnight, 7, 14, local_now)
            rnd_at = {h: day_start + timedelta(hours=h) for h in (3, 8, 13)}
            for h, at in rnd_at.items():
                if at < local_now:
                    rounds.append(_origin(ctx, rng.choice(guard_ids), at) | {
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
                disinfected = next((t for t in sorted(rnd_at.values()) if at <= t < local_now), None)
                row = _origin(ctx, rng.choice(guard_ids), at) | {
                    "kind": kind.value, "carrier": carrier,
                    "tracking_no": f"{'SF' if carrier == '顺丰' else 'JD' if carrier == '京东' else 'YT'}{rng.randrange(10**12):012d}",
                    "room": _room(rng), "recipient_name": _name(rng), "phone_tail": f"{rng.randrange(10**4):04d}",
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


def _fill_rounds_and_checks(db: Database, ctx: StationContext, settings: Settings, guard_ids: list[str],
                            rng: random.Random, *, days: int, now: datetime) -> None:
    import json

    from models.station.parcels import DisinfectionRound
    from models.station.readiness import ReadinessCheck

    local_now = now.astimezone(settings.zone)
    rounds, checks = [], []
    for midnight in demo_days(local_now, days):
        morning = midnight.replace(hour=6, minute=30)
        items = {k: (rng.random() > 0.05) for k in settings.readiness_items}
        checks.append(_origin(ctx, rng.choice(guard_ids), morning) | {
            "day": morning.date().isoformat(), "items": json.dumps(items, ensure_ascii=False),
            "remarks": "" if all(items.values()) else "已报物业补充"})
        for area, hour in (("门岗", 7), ("临时隔离点", 12), ("电梯和楼梯", 18)):
            at = morning.replace(hour=hour)
            if at < local_now:
                rounds.append(_origin(ctx, rng.choice(guard_ids), at) | {
                    "area": area, "at": at, "agent": "含氯消毒液 500 mg/L", "items": 0, "note": ""})
    with db.engine.begin() as conn:
        if checks:
            conn.execute(insert(ReadinessCheck.__table__), checks)
        if rounds:
            conn.execute(insert(DisinfectionRound.__table__), rounds)
