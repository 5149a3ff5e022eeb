"""A supervision team's visits: answering a standard's items at a compound (announced or not; a
mystery check at one of its gates), signing the visit off, which turns each failed item into a
finding for a party with a deadline, and follow-up visits that review the compound's open findings
and close those put right.

A finding is the compound's, by the item's text: failed again while open, it counts once more
(`times_found`); failed again once closed, it re-opens with a new deadline. So a compound's
repeated problems are one finding found several times, as a reprimand's annex lists them.
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

from sqlalchemy import select
from sqlmodel import Session

from models.store.records import stamp
from models.kit.validation import InvalidInput, _err, clean_text
from models.setup.site import Compound, StationContext
from models.store.i18n import QT_TRANSLATE_NOOP, Refused
from models.supervision.compound_list import in_unit
from models.supervision.standards import Answer, Score, deadline, items_of, score
from models.supervision.tables import (
    CompoundListed,
    Finding,
    FindingStatus,
    Inspection,
    InspectionAnswer,
    Party,
    Standard,
    StandardItem,
    StandardKind,
)


class InspectionRefused(Refused):
    context = "Supervision"


def _refused(text: str, **params) -> InspectionRefused:
    return InspectionRefused(text, **params)


def _visit(session: Session, inspection_id: str, *, open_only: bool = True) -> Inspection:
    visit = session.get(Inspection, inspection_id)
    if visit is None:
        raise _refused(QT_TRANSLATE_NOOP("Supervision", "This visit is not on this station."))
    if open_only and visit.signed_at is not None:
        raise _refused(QT_TRANSLATE_NOOP("Supervision", "This visit was signed off: it can no longer be changed."))
    return visit


def open_visit(session: Session, *, ctx: StationContext, operator_id: str | None, now: datetime, day: date,
               compound_id: str, compound_name: str, standard_id: str, announced: bool = True, team: str = "",
               gate_name: str = "", follows_id: str | None = None) -> Inspection:
    """Raises InvalidInput (a field) or InspectionRefused (a retired standard, a mystery check
    without its gate, a follow-up of another compound's visit or of one not signed off)."""
    errors = []
    name = clean_text("compound", compound_name, errors, required=True, max_len=100)
    clean_team = clean_text("team", team, errors, max_len=200) or ""
    gate = clean_text("gate", gate_name, errors, max_len=100) or ""
    if not compound_id or len(compound_id) > 36:
        errors.append(_err("compound", QT_TRANSLATE_NOOP("Supervision", "Choose the compound from the list.")))
    if errors:
        raise InvalidInput(errors)
    listed = session.get(CompoundListed, compound_id)
    if listed is None and session.scalars(select(CompoundListed.compound_id).limit(1)).first() is not None:
        raise _refused(QT_TRANSLATE_NOOP("Supervision", "This compound is not on the office's list: load its "
                                                        "latest list, or ask the office."))
    if listed is not None:
        name = listed.name
        team = session.get(Compound, ctx.compound_id)
        unit = (team.district, team.subdistrict, team.community) if team is not None else ("", "", "")
        if in_unit(unit, (listed.district, listed.subdistrict, listed.community)):
            raise _refused(QT_TRANSLATE_NOOP("Supervision", "{compound} is in the unit this team belongs to: a team "
                                                            "does not judge its own unit."), compound=listed.name)
    standard = session.get(Standard, standard_id)
    if standard is None or standard.retired_at is not None:
        raise _refused(QT_TRANSLATE_NOOP("Supervision", "This standard has been replaced: choose the one in use."))
    if standard.kind == StandardKind.MYSTERY and not gate and follows_id is None:
        raise _refused(QT_TRANSLATE_NOOP("Supervision", "A mystery check is made at a gate: name the gate."))
    if follows_id is not None:
        earlier = session.get(Inspection, follows_id)
        if earlier is None or earlier.compound_id != compound_id or earlier.signed_at is None:
            raise _refused(QT_TRANSLATE_NOOP("Supervision", "A follow-up reviews a signed-off visit to the same "
                                                            "compound."))
    visit = Inspection(**stamp(ctx, operator_id, now), compound_id=compound_id, compound_name=name,
                       standard_id=standard.id, day=day.isoformat(),
                       announced=announced and standard.kind != StandardKind.MYSTERY,  # a mystery check never is
                       gate_name=gate, team=clean_team, follows_id=follows_id)
    session.add(visit)
    return visit


def answer(session: Session, *, inspection_id: str, item_id: str, result: Answer, note: str = "",
           ctx: StationContext, operator_id: str | None, now: datetime) -> InspectionAnswer:
    """An item answered, or answered again (the last answer counts until the visit is signed off)."""
    visit = _visit(session, inspection_id)
    if visit.follows_id is not None:
        raise _refused(QT_TRANSLATE_NOOP("Supervision", "A follow-up visit reviews findings, not the standard's "
                                                        "items."))
    item = session.get(StandardItem, item_id)
    if item is None or item.standard_id != visit.standard_id:
        raise _refused(QT_TRANSLATE_NOOP("Supervision", "This item is not in the visit's standard."))
    errors = []
    clean_note = clean_text("note", note, errors, max_len=200) or ""
    if errors:
        raise InvalidInput(errors)
    row = session.scalars(select(InspectionAnswer).where(InspectionAnswer.inspection_id == visit.id,
                                                         InspectionAnswer.item_id == item.id)).first()
    if row is None:
        row = InspectionAnswer(**stamp(ctx, operator_id, now), inspection_id=visit.id, item_id=item.id,
                               answer=Answer(result).value, note=clean_note)
    elif (row.answer, row.note) != (Answer(result).value, clean_note):
        row.answer, row.note = Answer(result).value, clean_note
        row.touch(now)
    session.add(row)
    return row


def answers_of(session: Session, inspection_id: str) -> dict[str, Answer]:
    return {a.item_id: Answer(a.answer) for a in session.scalars(
        select(InspectionAnswer).where(InspectionAnswer.inspection_id == inspection_id))}


def judged(session: Session, visit: Inspection) -> Score:
    standard = session.get(Standard, visit.standard_id)
    return score(standard, items_of(session, standard.id), answers_of(session, visit.id))


@dataclass(frozen=True)
class SignedOff:
    visit: Inspection
    score: Score | None  # None for a follow-up visit
    opened: list[Finding]  # new findings
    reopened: list[Finding]  # closed ones failed again
    repeated: list[Finding]  # open ones failed again
    closed: list[Finding]  # put right (a follow-up)


def sign_off(session: Session, *, inspection_id: str, now: datetime, party: Party, party_name: str = "",
             met: str = "", note: str = "", parties: dict[str, tuple[Party, str]] | None = None,
             ctx: StationContext, operator_id: str | None) -> SignedOff:
    """The visit signed off: its score kept, each failed item a finding for `party` (or, per item
    id, the party in `parties`), due by its severity from the visit's day. Raises InspectionRefused
    while an item is unanswered."""
    visit = _visit(session, inspection_id)
    errors = []
    clean_met = clean_text("met", met, errors, max_len=200) or ""
    clean_note = clean_text("note", note, errors, max_len=500) or ""
    clean_party = clean_text("party_name", party_name, errors, max_len=100) or ""
    if errors:
        raise InvalidInput(errors)
    visit.met, visit.note, visit.signed_at = clean_met, clean_note, now
    visit.touch(now)
    if visit.follows_id is not None:
        closed = [f for f in _reviewed(session, visit) if f.status == FindingStatus.CLOSED]
        session.add(visit)
        return SignedOff(visit, None, [], [], [], closed)
    result = judged(session, visit)
    if result.unanswered:
        raise _refused(QT_TRANSLATE_NOOP("Supervision", "{count} items are not answered yet."),
                       count=result.unanswered)
    visit.points, visit.passed = result.points, result.passed
    session.add(visit)
    day = date.fromisoformat(visit.day)
    opened, reopened, repeated = [], [], []
    failed = [i for i in items_of(session, visit.standard_id) if i.code in result.failed]
    for item in failed:
        who, who_name = (parties or {}).get(item.id, (party, clean_party))
        known = session.scalars(select(Finding).where(Finding.compound_id == visit.compound_id,
                                                      Finding.gate_name == visit.gate_name, Finding.text == item.text)
                                .order_by(Finding.created_at.desc()).limit(1)).first()
        if known is not None and known.status == FindingStatus.OPEN:
            known.times_found += 1
            known.touch(now)
            repeated.append(known)
            session.add(known)
            continue
        if known is not None:
            known.status, known.closed_at, known.closed_in = FindingStatus.OPEN.value, None, None
            known.times_found += 1
            known.due_on = deadline(item.severity, day).isoformat()
            known.inspection_id, known.party, known.party_name = visit.id, Party(who).value, who_name[:100]
            known.touch(now)
            reopened.append(known)
            session.add(known)
            continue
        finding = Finding(**stamp(ctx, operator_id, now), inspection_id=visit.id, compound_id=visit.compound_id,
                          compound_name=visit.compound_name, gate_name=visit.gate_name, item_id=item.id,
                          code=item.code, text=item.text, severity=item.severity, party=Party(who).value,
                          party_name=who_name[:100], due_on=deadline(item.severity, day).isoformat())
        session.add(finding)
        opened.append(finding)
    return SignedOff(visit, result, opened, reopened, repeated, [])


# -- follow-up visits ------------------------------------------------------------------------------
def open_findings(session: Session, compound_id: str | None = None) -> list[Finding]:
    """What a follow-up visit to the compound carries forward: its open findings, the most urgent
    first (None: every compound's)."""
    query = select(Finding).where(Finding.status == FindingStatus.OPEN.value)
    if compound_id is not None:
        query = query.where(Finding.compound_id == compound_id)
    return sorted(session.scalars(query), key=lambda f: (f.due_on, f.compound_name, _natural(f.code)))


def carried(session: Session, visit: Inspection) -> list[Finding]:
    """A follow-up's findings: those still open at its compound and those it closed."""
    found = {f.id: f for f in open_findings(session, visit.compound_id)}
    found.update((f.id, f) for f in _reviewed(session, visit))
    return sorted(found.values(), key=lambda f: (f.due_on, _natural(f.code)))


def last_signed(session: Session, compound_id: str) -> Inspection | None:
    """The compound's latest signed-off visit: what a follow-up follows."""
    return session.scalars(select(Inspection).where(Inspection.compound_id == compound_id,
                                                    Inspection.signed_at.is_not(None))
                           .order_by(Inspection.signed_at.desc()).limit(1)).first()


def visits(session: Session, limit: int = 500) -> list[Inspection]:
    """This station's visits, the open ones first, then the newest."""
    return list(session.scalars(select(Inspection).order_by(Inspection.signed_at.is_not(None),
                                                            Inspection.day.desc(), Inspection.created_at.desc())
                                .limit(limit)))


def _natural(code: str) -> tuple:
    """Item 2 before item 12, as a standard numbers them."""
    return (0, int(code), "") if code.isdigit() else (1, 0, code)


def review(session: Session, *, inspection_id: str, finding_id: str, put_right: bool, note: str = "",
           now: datetime) -> Finding:
    """A follow-up's verdict on one open finding: put right (closed by this visit), or not yet (it
    stays open, past its deadline if it is). Given again, the last verdict counts."""
    visit = _visit(session, inspection_id)
    finding = session.get(Finding, finding_id)
    if visit.follows_id is None or finding is None or finding.compound_id != visit.compound_id:
        raise _refused(QT_TRANSLATE_NOOP("Supervision", "A follow-up visit reviews its own compound's findings."))
    if finding.status == FindingStatus.CLOSED and finding.closed_in != visit.id:
        raise _refused(QT_TRANSLATE_NOOP("Supervision", "This finding was closed by an earlier visit."))
    errors = []
    clean_note = clean_text("note", note, errors, max_len=200) or ""
    if errors:
        raise InvalidInput(errors)
    if put_right:
        finding.status, finding.closed_at, finding.closed_in = FindingStatus.CLOSED.value, now, visit.id
    else:
        finding.status, finding.closed_at, finding.closed_in = FindingStatus.OPEN.value, None, None
    finding.note = clean_note or finding.note
    finding.touch(now)
    session.add(finding)
    return finding


def _reviewed(session: Session, visit: Inspection) -> list[Finding]:
    return list(session.scalars(select(Finding).where(Finding.closed_in == visit.id)))


def overdue(session: Session, today: date) -> list[Finding]:
    return list(session.scalars(select(Finding).where(Finding.status == FindingStatus.OPEN.value,
                                                      Finding.due_on < today.isoformat())
                                .order_by(Finding.due_on, Finding.compound_name)))


@dataclass(frozen=True)
class VisitView:
    visit: Inspection
    standard: Standard
    items: list[StandardItem]
    answers: dict[str, Answer]  # item id -> answer
    score: Score
    notes: dict[str, str]  # item id -> the note on its answer


def visit_view(session: Session, inspection_id: str) -> VisitView:
    visit = _visit(session, inspection_id, open_only=False)
    standard = session.get(Standard, visit.standard_id)
    items = items_of(session, standard.id)
    rows = list(session.scalars(select(InspectionAnswer).where(InspectionAnswer.inspection_id == visit.id)))
    answers = {a.item_id: Answer(a.answer) for a in rows}
    return VisitView(visit, standard, items, answers, score(standard, items, answers),
                     {a.item_id: a.note for a in rows if a.note})
