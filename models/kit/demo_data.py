"""What the demo's fillers share: one run (the station, its guards, a seeded random source, the
days to fill, the clock) and plausible people made up from it. Each feature fills its own records
(its feature.py names the filler); models.app.demo runs them in the registry's order."""
from __future__ import annotations

import random
import uuid
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime, timedelta

from stdnum.cn import ric

SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何林罗高郑梁谢宋唐许韩冯邓曹彭曾萧田董潘袁蔡蒋余于杜叶程魏苏吕丁任沈姚卢傅钟姜崔谭廖范汪陆金石戴贾韦夏邱方侯邹熊孟秦白江阎薛尹段雷黎史龙陶贺顾毛郝龚邵万钱严赖覃洪武莫孔欧阳"
GIVEN = "伟芳娜秀英敏静丽强磊军洋勇艳杰娟涛明超秀兰霞平刚桂英华玉萍红娥玲芬燕彬鑫斌宇浩凯健俊帆帅旭宁龙林欣晨阳佳怡子涵梓轩一诺雨桐欣怡浩然紫涵思远建国志强海燕丹丹晓东春梅秋菊冬梅国庆德华"
REGIONS = ("350102", "350103", "350104", "350105", "350111", "350121", "350122", "350181", "110105", "310104", "440106")
ORIGINS = ("鼓楼区", "台江区", "仓山区", "晋安区", "马尾区", "长乐区", "闽侯县", "连江县", "福清市", "厦门市", "泉州市", "莆田市")


@dataclass
class DemoRun:
    db: object  # models.store.db.Database
    ctx: object  # models.setup.site.StationContext
    settings: object  # models.setup.settings.Settings
    guard_ids: list[str]
    rng: random.Random
    days: int
    visits_per_day: int
    parcels_per_day: int
    now: datetime
    progress: Callable[[int, int], None] | None = None
    made: dict[str, int] = field(default_factory=dict)  # what each filler made, for the summary

    def name(self) -> str:
        s = self.rng.choice(SURNAMES)
        return s + "".join(self.rng.choice(GIVEN) for _ in range(self.rng.choice((1, 2, 2))))

    def id_number(self) -> str:
        birth = datetime(1950, 1, 1) + timedelta(days=self.rng.randrange(0, 365 * 55))
        body = self.rng.choice(REGIONS) + birth.strftime("%Y%m%d") + f"{self.rng.randrange(1000):03d}"
        return body + ric.calc_check_digit(body + "0")

    def phone(self) -> str:
        return "1" + self.rng.choice("3456789") + f"{self.rng.randrange(10**9):09d}"

    def room(self) -> str:
        rng = self.rng
        return f"{rng.randint(1, 12)}-{rng.randint(1, 3)}-{rng.randint(1, 18)}{rng.randint(1, 4):02d}"

    def origin(self, operator_id: str, at: datetime) -> dict:
        """The columns every record row starts with, made by operator_id at this station at `at`."""
        return {"id": str(uuid.uuid4()), "station_id": self.ctx.station_id,
                "gate_id": self.ctx.gate_id, "operator_id": operator_id, "created_at": at, "updated_at": at, "rev": 1}

    def guard(self) -> str:
        return self.rng.choice(self.guard_ids)

    @property
    def local_now(self) -> datetime:
        return self.now.astimezone(self.settings.zone)


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


def window(midnight: datetime, hour: float, hours: float, local_now: datetime) -> tuple[datetime, int]:
    """The start of a day's activity and its length in seconds, ending a minute before now at latest."""
    start = midnight + timedelta(hours=hour)
    end = min(start + timedelta(hours=hours), local_now - timedelta(minutes=1))
    return start, max(60, int((end - start).total_seconds()))


