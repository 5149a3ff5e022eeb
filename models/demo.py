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

from models.clock import utcnow
from models.db import Database
from models.operators import Role, create_operator
from models.rules import CodeColor, Checks, NatResult, Outcome, PersonKind, decide
from models.settings import Settings, load_settings, save_settings
from models.site import SetupForm, StationContext, complete_setup, this_station
from models.visits import Visit

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
                now: datetime | None = None, progress: Callable[[int, int], None] | None = None) -> DemoResult:
    now = now or utcnow()
    rng = random.Random(seed)
    with db.session() as session:
        if this_station(session) is not None:
            raise AlreadySetUp()
        ctx = complete_setup(session, SetupForm(
            compound_name="榕城花园", address="福州市鼓楼区五四路 88 号", community="温泉社区",
            subdistrict="温泉街道", district="鼓楼区", gate_name="东门", admin_name="林管理",
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
    return DemoResult(ctx=ctx, visits=total, operators=people)


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
        for d in range(days - 1, -1, -1):
            day_start = (local_now - timedelta(days=d)).replace(hour=6, minute=0, second=0, microsecond=0)
            span = 16 * 3600
            if d == 0:
                span = max(60, min(span, int((local_now - day_start).total_seconds()) - 60))
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
