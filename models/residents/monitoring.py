"""Home isolation and home monitoring: who is under it until when, from the community's sheet or typed at the desk."""
from __future__ import annotations

from datetime import date, datetime, timedelta
from pathlib import Path

from sqlmodel import Session, select

from models.formats import sheets
from models.residents.roster import NAME_HEADERS, ROOM_HEADERS, RosterImport, column_of, parse_room
from models.residents.tables import HomeMonitoring, Household, MonitoringKind, Resident
from models.kit.validation import InvalidInput, _err
from models.setup.site import StationContext
from models.store.i18n import QT_TRANSLATE_NOOP

MONITORING_LABELS = {
    MonitoringKind.ISOLATION: QT_TRANSLATE_NOOP("Residents", "home isolation"),
    MonitoringKind.MONITORING: QT_TRANSLATE_NOOP("Residents", "home health monitoring"),
}


# Typed at the desk: a period in days from today. Home isolation and monitoring ran 7 days in 2022;
# a longer stay is entered again when it is extended, so a mistyped year cannot keep a door shut.
MONITORING_DAYS = (1, 60)
DEFAULT_MONITORING_DAYS = 7
MONITORING_PERIOD = QT_TRANSLATE_NOOP("Residents", "Home isolation or monitoring runs {low} to {high} days from today.")


def monitoring_until(today: date, days: int) -> date:
    """The last day of a period typed at the desk; refused outside MONITORING_DAYS."""
    low, high = MONITORING_DAYS
    if not low <= days <= high:
        raise InvalidInput([_err("days", MONITORING_PERIOD, context="Residents", low=low, high=high)])
    return today + timedelta(days=days)


def active_monitoring(session: Session, resident_id: str, today: date) -> HomeMonitoring | None:
    return session.execute(select(HomeMonitoring).where(
        HomeMonitoring.resident_id == resident_id, HomeMonitoring.ended_at.is_(None),
        HomeMonitoring.until >= today.isoformat()).limit(1)).scalars().first()


def put_under_monitoring(session: Session, ctx: StationContext, *, resident_id: str, kind: MonitoringKind,
                         until: date, reason: str, now: datetime) -> HomeMonitoring:
    row = HomeMonitoring(station_id=ctx.station_id, gate_id=ctx.gate_id, created_at=now, updated_at=now,
                         resident_id=resident_id, kind=MonitoringKind(kind).value, until=until.isoformat(),
                         reason=reason.strip()[:100])
    session.add(row)
    return row


def monitoring_list(session: Session, today: date) -> list[tuple[HomeMonitoring, Resident, Household]]:
    q = (select(HomeMonitoring, Resident, Household)
         .join(Resident, Resident.id == HomeMonitoring.resident_id)
         .join(Household, Household.id == Resident.household_id)
         .where(HomeMonitoring.ended_at.is_(None), HomeMonitoring.until >= today.isoformat())
         .order_by(HomeMonitoring.until))
    return list(session.execute(q).all())


# -- the office's home monitoring list ------------------------------------------------------------
KIND_WORDS = {MonitoringKind.ISOLATION: ("居家隔离", "隔离", "isolation", "home isolation"),
              MonitoringKind.MONITORING: ("居家健康监测", "健康监测", "监测", "monitoring", "home monitoring")}
KIND_HEADERS = ("类型", "管控类型", "措施", "kind", "type")
UNTIL_HEADERS = ("截止日期", "截止", "解除日期", "至", "until", "end")


def _kind(text: str) -> MonitoringKind | None:
    t = text.strip().lower()
    for kind, words in KIND_WORDS.items():
        if t in words:
            return kind
    return None


def _day(text: str) -> date | None:
    t = text.strip().split(" ")[0].replace("/", "-").replace(".", "-")
    try:
        return date.fromisoformat("-".join(p.zfill(2) if i else p for i, p in enumerate(t.split("-"))))
    except ValueError:
        return None


def import_monitoring(session: Session, ctx: StationContext, path: Path, *, now: datetime) -> RosterImport:
    """The community office's list of residents under home isolation or monitoring (.xlsx or .csv).

    Columns: room, name, kind (居家隔离 / 居家健康监测), until (a day). Each row is matched to a
    resident on this gate's roster by room and name; rows that match nobody are reported.
    """
    numbered = sheets.read_rows(path)
    result = RosterImport()
    if not numbered:
        return result
    header = numbered[0][1] or []
    cols = {"room": column_of(header, ROOM_HEADERS), "name": column_of(header, NAME_HEADERS),
            "kind": column_of(header, KIND_HEADERS), "until": column_of(header, UNTIL_HEADERS)}
    if None in cols.values():
        result.skipped.append((1, "header"))
        return result
    for number, row in numbered[1:]:
        if row is None:
            result.skipped.append((number, "encoding"))
            continue
        if not any(row):
            continue
        cell = {k: (row[i] if i < len(row) else "") for k, i in cols.items()}
        parts = parse_room(cell["room"])
        kind, until = _kind(cell["kind"]), _day(cell["until"])
        if parts is None:
            result.skipped.append((number, "room"))
            continue
        if kind is None:
            result.skipped.append((number, "kind"))
            continue
        if until is None:
            result.skipped.append((number, "until"))
            continue
        resident = session.execute(
            select(Resident).join(Household, Household.id == Resident.household_id).where(
                Household.building == parts[0], Household.unit == parts[1], Household.room == parts[2],
                Resident.name == cell["name"].strip(), Resident.active)).scalars().first()
        if resident is None:
            result.skipped.append((number, "resident"))
            continue
        put_under_monitoring(session, ctx, resident_id=resident.id, kind=kind, until=until, reason="office",
                             now=now)
        result.added += 1
    return result
