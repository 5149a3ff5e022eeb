"""Personal data is kept only while it serves epidemic control (PIPL: delete it once the purpose
is achieved), and at the end of the campaign none is kept at all.

Erasing blanks the personal fields of a record; the record stays, so reports still count it.
At a gate each erased record gets a new revision, so the next bundle carries the erasure to
the office and the office's copy is blanked too. An office erases on its own schedule as well;
there a copy is blanked without a new revision and marked erased, so that an older bundle
bringing the personal data back is ignored on import.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime, timedelta

from sqlalchemy import func, or_, select, update
from sqlmodel import Session

from models.store import registry
from models.store.registry import Scrub


ARRIVED_CHUNK = 500  # ids in one statement (SQLite's and the drivers' limits on bound values)


@dataclass
class Erased:
    counts: dict[str, int] = field(default_factory=dict)
    complete: bool = True  # False: a chunk was full, more may be due

    def add(self, other: Erased) -> None:
        for k, v in other.counts.items():
            self.counts[k] = self.counts.get(k, 0) + v

    @property
    def total(self) -> int:
        return sum(self.counts.values())

    def detail(self) -> str:
        """For the audit log: how many of each kind, never whose."""
        return " ".join(f"{k}={v}" for k, v in self.counts.items() if v)


def _still_personal(scrub: Scrub):
    columns = scrub.model.__table__.c
    return or_(*[columns[name].is_not(None) if blank is None else columns[name] != blank
                 for name, blank in scrub.blank.items()])


def _erase(session: Session, scrub: Scrub, terms: list, *, office: bool, now: datetime,
           limit: int | None = None) -> tuple[int, datetime | None]:
    """Blank one table's matching records; with limit, the oldest `limit` of them (a chunk).
    Returns how many, and the age of the last one (where the next chunk starts)."""
    model = scrub.model
    which = [*terms, _still_personal(scrub)]
    last = None
    if limit is not None:  # short transactions, so saves at the gate never wait long
        aged = getattr(model, scrub.aged_by)
        rows = session.execute(select(model.id, aged).where(*which).order_by(aged).limit(limit)).all()
        if not rows:
            return 0, None
        last = rows[-1][1]
        which = [model.id.in_([r[0] for r in rows])]
    values = dict(scrub.blank)
    if office:
        for mark in registry.office_erasure_marks():
            mark(session, select(model.id).where(*which))
    else:
        values.update(rev=model.rev + 1, updated_at=now)
    result = session.execute(update(model).where(*which).values(**values)
                             .execution_options(synchronize_session=False))
    return result.rowcount or 0, last


def _lower_bound(scrub: Scrub, done_before: datetime | None) -> datetime | None:
    """Where this table's unerased, aged records can start: where the last complete pass ended.
    Tables whose records must first be finished (cases, parcels) are read whole each time: a
    case opened long ago may close today; they are small next to the registrations."""
    return done_before if scrub.settled is None else None


def erase_expired(session: Session, *, retention_days: int, today: date, cutoff: datetime, now: datetime,
                  office: bool, done_before: datetime | None = None, limit: int | None = None,
                  reached: dict | None = None) -> Erased:
    """Blank personal fields of finished records aged past `cutoff` (now − retention_days).

    done_before: the cutoff of the last complete pass (records aged before it are erased
    already), so a daily pass reads one day of records, not the whole history. limit: at most
    this many records per table (a chunk); Erased.complete says whether the pass is done.
    reached: per table, the age the previous chunk of this pass got to (updated here), so each
    chunk reads on from there instead of from the start.
    """
    reached = {} if reached is None else reached
    out = Erased()
    for scrub in registry.scrubs():
        aged = getattr(scrub.model, scrub.aged_by)
        terms = [aged < cutoff]
        lower = _lower_bound(scrub, done_before)
        if reached.get(scrub.record_type) is not None:
            lower = max(lower, reached[scrub.record_type]) if lower is not None else reached[scrub.record_type]
        if lower is not None:
            terms.append(aged >= lower)
        if scrub.settled is not None:
            terms.append(scrub.settled)
        n, last = _erase(session, scrub, terms, office=office, now=now, limit=limit)
        out.counts[scrub.record_type] = n
        if last is not None:
            reached[scrub.record_type] = last
        if limit is not None and n >= limit:
            out.complete = False
    last_day = (today - timedelta(days=retention_days)).isoformat()
    for purge in registry.purges():
        out.counts.update(purge.aged(session, cutoff=cutoff, last_day=last_day))
    return out


def erase_arrived(session, arrived: dict[str, list[str]], *, cutoff: datetime, now: datetime) -> Erased:
    """At an office, in an import's transaction: the records a bundle just wrote that were past
    retention when they came (a gate's late bundle, a record changed long after it was made, one
    older than the office's last pass) are blanked at once, so none waits for a pass that will
    never read back that far."""
    out = Erased()
    for scrub in registry.scrubs():
        ids = arrived.get(scrub.record_type)
        if not ids:
            continue
        terms = [getattr(scrub.model, scrub.aged_by) < cutoff]
        if scrub.settled is not None:
            terms.append(scrub.settled)
        n = 0
        for start in range(0, len(ids), ARRIVED_CHUNK):
            n += _erase(session, scrub, [scrub.model.id.in_(ids[start:start + ARRIVED_CHUNK]), *terms],
                        office=True, now=now)[0]
        out.counts[scrub.record_type] = n
    return out


def erase_all(session: Session, *, now: datetime, office: bool) -> Erased:
    """The end of the campaign: every personal field of every record, whatever its age or state,
    and the residents' roster. Counts stay."""
    out = Erased()
    for scrub in registry.scrubs():
        out.counts[scrub.record_type] = _erase(session, scrub, [], office=office, now=now)[0]
    for purge in registry.purges():
        out.counts.update(purge.everything(session))
    return out


def personal_left(session: Session) -> int:
    """How many records still hold personal data (0 after the end of the campaign)."""
    counts = [session.scalar(select(func.count()).select_from(scrub.model).where(_still_personal(scrub)))
              for scrub in registry.scrubs()]
    return sum(counts) + sum(purge.left(session) for purge in registry.purges())
