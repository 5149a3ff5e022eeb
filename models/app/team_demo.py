"""A supervision team's demo station: a week of visits across a district's compounds, as the team's
laptop would hold it. Each day two or three compounds are checked against the district's standard
(some unannounced), one gate gets a mystery check, compounds with open findings are followed up two
days on and most of their problems are found put right; today's last visit is still open.

Made through the team's own actions (the Desk), so every record is stamped, audited and signed as
a real visit's would be."""
from __future__ import annotations

import random
import uuid
from dataclasses import dataclass
from datetime import datetime, time, timedelta
from zoneinfo import ZoneInfo

from models import supervision
from models.app.demo import DEMO_PINS, AlreadySetUp, DemoResult
from models.app.desk import Desk
from models.store.clock import utcnow
from models.store.db import Database
from models.supervision import Answer, StandardKind
from models.trust.operators import Role

# A district's compounds (Fuzhou's Gulou): community, sub-district, kind, property company.
COMPOUNDS = [
    ("榕城花园", "温泉社区", "温泉街道", "property", "榕城物业"),
    ("温泉新村", "温泉社区", "温泉街道", "none", ""),
    ("五四北公寓", "温泉社区", "温泉街道", "owners", ""),
    ("东街小区", "东街社区", "东街街道", "property", "闽都物业"),
    ("三坊小区", "东街社区", "东街街道", "none", ""),
    ("七巷新苑", "东街社区", "东街街道", "property", "闽都物业"),
    ("金山小区", "南街社区", "南街街道", "property", "金山物业"),
    ("乌山公寓", "南街社区", "南街街道", "none", ""),
]
GATES = ("东门", "南门", "西门", "北门")
FAIL_RATE = 0.08  # an item failed at a visit: about one problem a visit, as published notices read


@dataclass(frozen=True)
class TeamDemo(DemoResult):
    findings: int = 0
    findings_open: int = 0


def demo_list(seed: int) -> supervision.CompoundList:
    """The district's list the demo team visits; ids fixed by the seed, as the gates' would be."""
    return supervision.CompoundList([
        supervision.Listed(str(uuid.uuid5(uuid.NAMESPACE_URL, f"gatedesk-demo/{seed}/{name}")), name, community,
                           subdistrict, "鼓楼区", supervision.CompoundKind(kind), company)
        for name, community, subdistrict, kind, company in COMPOUNDS])


def create_team_demo(db: Database, *, days: int = 7, seed: int = 1, now: datetime | None = None,
                     team: str = "督导一组", listed: supervision.CompoundList | None = None) -> TeamDemo:
    """listed: the office's list of compounds (as `gatedesk compounds` writes it) to visit instead of
    the demo district's."""
    now = now or utcnow()
    rng = random.Random(seed)
    at = [now]
    desk = Desk(db, clock=lambda: at[0])
    if desk.ctx is not None:
        raise AlreadySetUp()
    desk.sync.complete_inspection_setup(team_name=team, admin_name="王科长", pin=DEMO_PINS["admin"],
                                        pin_again=DEMO_PINS["admin"], district="仓山区",
                                        label="督导组")  # lent by the next district: it judges no unit of its own
    people = {"王科长": (Role.ADMIN.value, DEMO_PINS["admin"])}
    desk.staff.add_operator(name="李干部", role=Role.GUARD, pin=DEMO_PINS["guard1"])
    people["李干部"] = (Role.GUARD.value, DEMO_PINS["guard1"])
    desk.supervision.load_compound_list(listed or demo_list(seed))
    compounds = desk.supervision.listed_compounds()
    [standard] = desk.supervision.standards(StandardKind.INSPECTION)
    [mystery] = desk.supervision.standards(StandardKind.MYSTERY)
    zone = ZoneInfo(desk.settings.timezone)
    today = now.astimezone(zone).date()
    follow_ups: dict[str, object] = {}  # compound id -> the day its follow-up is due
    made = 0
    for back in range(days - 1, -1, -1):
        day = today - timedelta(days=back)
        due = [c for c in compounds if follow_ups.get(c.compound_id) == day]
        rest = [c for c in compounds if c not in due]
        plan = [*rng.sample(rest, k=min(len(rest), rng.choice((2, 3)))), *due]  # follow-ups after the day's visits
        times, hour = [], 9
        for i in range(len(plan)):
            times.append(datetime.combine(day, time(hour, rng.randrange(0, 50)), zone).astimezone(now.tzinfo))
            hour += 1 + (i % 2)
        made_today = [(c, t) for c, t in zip(plan, times) if t <= now]  # nothing lies in the future
        for i, (c, when) in enumerate(made_today):
            at[0] = when
            last = back == 0 and i == len(made_today) - 1
            if c in due:
                earlier = desk.supervision.last_signed(c.compound_id)
                visit = desk.supervision.open_visit(compound_id=c.compound_id, compound_name=c.name,
                                                    standard_id=earlier.standard_id, team="王科长 李干部",
                                                    follows_id=earlier.id)
                for f in desk.supervision.open_findings(c.compound_id):
                    desk.supervision.review_finding(visit.id, f.id, put_right=rng.random() < 0.7)
                follow_ups.pop(c.compound_id)
            else:
                visit = desk.supervision.open_visit(compound_id=c.compound_id, compound_name=c.name,
                                                    standard_id=standard.standard.id, team="王科长 李干部",
                                                    announced=rng.random() < 0.7)
                for item in standard.items:
                    if last and item.position >= len(standard.items) // 2:
                        break  # the team is still at it
                    failed = rng.random() < (FAIL_RATE / 4 if item.veto else FAIL_RATE)
                    desk.supervision.answer_item(visit.id, item.id, Answer.FAIL if failed else Answer.PASS,
                                                 "现场未整改" if failed and rng.random() < 0.5 else "")
            made += 1
            if last:
                break
            signed = desk.supervision.sign_off_visit(visit.id, met="物业经理" if rng.random() < 0.6 else "")
            if signed.opened or signed.reopened or signed.repeated:
                follow_ups.setdefault(c.compound_id, day + timedelta(days=2))
        at[0] = datetime.combine(day, time(15, 30), zone).astimezone(now.tzinfo)
        if at[0] <= now:  # the afternoon's mystery check at one compound's gate
            c = rng.choice(compounds)
            visit = desk.supervision.open_visit(compound_id=c.compound_id, compound_name=c.name,
                                                standard_id=mystery.standard.id, gate_name=rng.choice(GATES))
            for item in mystery.items:
                desk.supervision.answer_item(visit.id, item.id, Answer.FAIL if rng.random() < 0.1 else Answer.PASS)
            desk.supervision.sign_off_visit(visit.id)
            made += 1
    at[0] = now  # the team signs off now, not at the afternoon's hour asked about above
    findings = desk.supervision.open_findings()
    desk.staff.sign_off()
    with db.reading() as s:
        from sqlalchemy import func, select

        total = s.scalar(select(func.count()).select_from(supervision.Finding))
    return TeamDemo(ctx=desk.ctx, visits=made, operators=people, findings=total, findings_open=len(findings))
