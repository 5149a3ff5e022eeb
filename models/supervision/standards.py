"""Standards as templates: items in sections, each passed, failed or not applicable, with optional
points, a pass mark and veto items (一票否决), and a severity that sets a failed item's deadline.

A standard is saved by name: saving one of a name already in use makes its next version and
retires the one before, so a visit always keeps the items it was answered against. Two shipped
defaults are installed on a new inspection station; a district replaces them with its own sheet
(`standard_sheet.py`).
"""
from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from enum import StrEnum

from sqlalchemy import func, select
from sqlmodel import Session

from models.store.records import stamp
from models.setup.site import StationContext
from models.store.i18n import QT_TRANSLATE_NOOP, Refused
from models.supervision.tables import (
    DEADLINE_DAYS,
    MAX_ITEMS,
    MAX_POINTS,
    Severity,
    Standard,
    StandardItem,
    StandardKind,
)

CTX = "Supervision"


class Answer(StrEnum):
    PASS = "pass"
    FAIL = "fail"
    NOT_APPLICABLE = "na"


@dataclass(frozen=True)
class ItemDraft:
    section: str
    code: str
    text: str
    points: int = 0
    veto: bool = False
    severity: Severity = Severity.MAJOR


@dataclass(frozen=True)
class StandardDraft:
    name: str
    items: tuple[ItemDraft, ...]
    pass_mark: int | None = None
    kind: StandardKind = StandardKind.INSPECTION


class StandardProblem(Refused):
    """A standard that cannot be used whole (its rows' own problems are named by the sheet reader)."""

    context = CTX


PROBLEMS = {
    "no_name": QT_TRANSLATE_NOOP("Supervision", "The standard has no name."),
    "no_items": QT_TRANSLATE_NOOP("Supervision", "The standard has no items that can be used."),
    "too_many": QT_TRANSLATE_NOOP("Supervision", "The standard has more than {limit} items."),
    "mark_without_points": QT_TRANSLATE_NOOP("Supervision", "The standard has a pass mark ({mark}) but none of its items "
                                                  "carries points."),
    "mark_too_high": QT_TRANSLATE_NOOP("Supervision", "The pass mark {mark} is more than {limit} (scores are out of {limit})."),
    "points_without_mark": QT_TRANSLATE_NOOP("Supervision", "Its items carry points but the standard has no pass mark."),
}


def problem(code: str, **params) -> StandardProblem:
    return StandardProblem(PROBLEMS[code], **params)


def check(draft: StandardDraft) -> None:
    """Raises StandardProblem when the standard as a whole cannot be used (items are checked when read)."""
    if not draft.name.strip():
        raise problem("no_name")
    if not draft.items:
        raise problem("no_items")
    if len(draft.items) > MAX_ITEMS:
        raise problem("too_many", limit=MAX_ITEMS)
    scored = any(i.points for i in draft.items)
    if draft.pass_mark is not None and not scored:
        raise problem("mark_without_points", mark=draft.pass_mark)
    if draft.pass_mark is not None and not 0 <= draft.pass_mark <= MAX_POINTS:
        raise problem("mark_too_high", mark=draft.pass_mark, limit=MAX_POINTS)
    if scored and draft.pass_mark is None:
        raise problem("points_without_mark")


# -- the shipped defaults -------------------------------------------------------------------------
# Fuzhou's own lists ("八个有", "五个一律") were never published: these follow the published forms
# (Beijing's 无疫社区: three parts, 14 items, 100 points, 85 to pass, a veto for a gate reprimanded
# or exposed; 24-hour gate duty a hard item) and the gate's five checks. A district loads its own.
_C, _M, _N = Severity.CRITICAL, Severity.MAJOR, Severity.MINOR
COMPOUND_STANDARD = StandardDraft(
    name="小区疫情防控检查标准（默认）", pass_mark=85, items=tuple(ItemDraft(*row) for row in (
        ("一、出入口管理", "1", "出入口24小时有人值守，每个出入口不少于2人", 10, True, _C),
        ("一、出入口管理", "2", "进入人员逐一测温", 8, False, _C),
        ("一、出入口管理", "3", "逐一查验健康码（亮码、扫码）", 8, False, _C),
        ("一、出入口管理", "4", "查验规定时限内核酸检测阴性证明", 8, False, _M),
        ("一、出入口管理", "5", "外来人员逐一登记（姓名、电话、来由、去向）", 6, False, _M),
        ("一、出入口管理", "6", "进入人员规范佩戴口罩", 5, False, _M),
        ("一、出入口管理", "7", "车辆内人员逐一测温、查码", 5, False, _M),
        ("二、场所设置", "8", "设置临时隔离点（留观点），物资齐备、定时消毒", 10, False, _M),
        ("二、场所设置", "9", "设置快递外卖寄存点，快递外卖人员不进小区", 8, False, _M),
        ("二、场所设置", "10", "出入口张贴场所码和防控告示", 6, False, _N),
        ("二、场所设置", "11", "防疫物资充足（体温计、口罩、消毒用品）", 6, False, _N),
        ("三、日常管理", "12", "公共区域按时消毒，消毒记录完整", 8, False, _M),
        ("三、日常管理", "13", "登记台账完整规范，按时上报", 7, False, _N),
        ("三、日常管理", "14", "门岗未被上级通报或媒体曝光", 5, True, _C),
    )))
MYSTERY_STANDARD = StandardDraft(
    name="门岗“五个一律”暗访", kind=StandardKind.MYSTERY, items=tuple(ItemDraft(*row) for row in (
        ("", "1", "测温", 0, False, _C),
        ("", "2", "亮码、查码", 0, False, _C),
        ("", "3", "登记", 0, False, _C),
        ("", "4", "戴口罩", 0, False, _C),
        ("", "5", "核酸查验", 0, False, _C),
    )))
SHIPPED = (COMPOUND_STANDARD, MYSTERY_STANDARD)


# -- storing ------------------------------------------------------------------------------------
def save(session: Session, draft: StandardDraft, *, ctx: StationContext, operator_id: str | None, now: datetime,
         source: str) -> Standard:
    """The draft as the next version of its name (the current one retired). Raises StandardProblem."""
    check(draft)
    name = " ".join(draft.name.split())[:100]
    current = current_of(session, name)
    if current is not None:
        current.retired_at = now
        current.touch(now)
        session.add(current)
    origin = stamp(ctx, operator_id, now)
    standard = Standard(name=name, version=(current.version + 1) if current else 1, kind=draft.kind.value,
                        pass_mark=draft.pass_mark, source=source[:100], **origin)
    session.add(standard)
    session.flush()
    session.add_all(StandardItem(standard_id=standard.id, position=n, section=i.section[:60], code=i.code[:20],
                                 text=i.text[:200], points=i.points, veto=i.veto, severity=Severity(i.severity).value,
                                 **origin)
                    for n, i in enumerate(draft.items, start=1))
    return standard


def install_shipped(session: Session, *, ctx: StationContext, now: datetime) -> int:
    """The shipped standards, on a station that has none of their names yet; how many were added."""
    added = 0
    for draft in SHIPPED:
        if current_of(session, draft.name) is None:
            save(session, draft, ctx=ctx, operator_id=None, now=now, source="shipped")
            added += 1
    return added


def current_of(session: Session, name: str) -> Standard | None:
    return session.scalars(select(Standard).where(Standard.name == name, Standard.retired_at.is_(None))
                           .order_by(Standard.version.desc()).limit(1)).first()


def current(session: Session, kind: StandardKind | None = None) -> list[Standard]:
    """The standards in use (not retired), by name."""
    q = select(Standard).where(Standard.retired_at.is_(None))
    if kind is not None:
        q = q.where(Standard.kind == kind.value)
    return list(session.scalars(q.order_by(Standard.name, Standard.version)))


def items_of(session: Session, standard_id: str) -> list[StandardItem]:
    return list(session.scalars(select(StandardItem).where(StandardItem.standard_id == standard_id)
                                .order_by(StandardItem.position)))


def count(session: Session) -> int:
    return session.scalar(select(func.count()).select_from(Standard).where(Standard.retired_at.is_(None)))


# -- judging --------------------------------------------------------------------------------------
@dataclass(frozen=True)
class Score:
    """A visit's result against its standard."""

    points: int | None  # out of 100, over the items that apply (None: a checklist)
    failed: tuple[str, ...]  # the failed items' codes
    vetoed: tuple[str, ...]  # the failed veto items' codes
    unanswered: int
    passed: bool
    applicable: int = 0  # the points of the items that apply, before scaling
    got: int = 0


def score(standard: Standard, items: list[StandardItem], answers: dict[str, Answer]) -> Score:
    """answers: item id -> Answer. Points are scaled to 100 over the items that apply (rounded half
    up), so an item not applicable at a compound neither costs nor gives. A failed veto item fails
    the visit whatever its points; a checklist passes with no item failed; an unanswered item means
    the visit has no result yet."""
    failed, vetoed, unanswered, applicable, got = [], [], 0, 0, 0
    for item in items:
        answer = answers.get(item.id)
        if answer is None:
            unanswered += 1
            continue
        if answer == Answer.NOT_APPLICABLE:
            continue
        applicable += item.points
        if answer == Answer.PASS:
            got += item.points
        else:
            failed.append(item.code)
            if item.veto:
                vetoed.append(item.code)
    points = None
    if standard.pass_mark is not None:
        points = (got * 2 * MAX_POINTS + applicable) // (2 * applicable) if applicable else MAX_POINTS
    passed = not unanswered and not vetoed and (not failed if points is None else points >= standard.pass_mark)
    return Score(points, tuple(failed), tuple(vetoed), unanswered, passed, applicable, got)


def deadline(severity: str, day: date) -> date:
    """The day a failed item's finding is due to be put right, counted from the visit's day."""
    return day + timedelta(days=DEADLINE_DAYS[Severity(severity)])


@dataclass(frozen=True)
class StandardView:
    """A standard with its items, as a screen or a sheet shows it."""

    standard: Standard
    items: list[StandardItem] = field(default_factory=list)

    @property
    def total_points(self) -> int:
        return sum(i.points for i in self.items)
