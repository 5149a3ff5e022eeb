"""The gate desk: registering, recalling, signing out, overriding, revealing, the log."""
from __future__ import annotations

from dataclasses import dataclass

from sqlmodel import select

from models.app.actions import ANYONE, action
from models.app.work import Service
from models.gate import id_card, visit_log, visits
from models.gate.rules import Decision, Outcome
from models.gate.visit_log import VisitQuery
from models.gate.visits import Visit, VisitForm
from models.kit.masking import Masked, masked
from models.kit.validation import InvalidInput, _err, clean_text
from models.station import isolation
from models.store.i18n import QT_TRANSLATE_NOOP
from models.sync.tables import Tombstone
from models.trust.operators import Role

TOMBSTONE_REASON_MAX = 40


@dataclass(frozen=True)
class Saved:
    visit: Visit
    decision: Decision


class GateService(Service, key="gate"):
    @action(audit="register")
    def register(self, form: VisitForm, *, sign_out_earlier: bool = False) -> Saved:
        """Validate, decide, store and commit. Raises InvalidInput, RemeasureNeeded or AlreadyInside
        (the same person is on site: sign_out_earlier signs that entry out first), saving nothing."""
        now = self.clock()
        visit_in = visits.parse_form(form, self.settings, now)
        s = self.unit
        visit, decision = visits.register_visit(session=s, visit_in=visit_in, ctx=self.ctx,
                                                operator_id=self.operator.id, settings=self.settings, now=now,
                                                sign_out_earlier=sign_out_earlier)
        self.desk.audit(s, "register", record_id=visit.id, detail=decision.outcome.value)
        return Saved(Masked(visit, visits.PERSONAL), decision)

    @action()
    def unanswered(self, form: VisitForm) -> set[str]:
        """The fields a save would name as missing or wrong now: the form moves the cursor to the
        next of them, so the rules of what must be asked stay here."""
        try:
            visits.parse_form(form, self.settings, self.clock())
        except InvalidInput as exc:
            return exc.fields()
        return set()

    @action()
    def typing_problem(self, field: str, text: str):
        """What is already wrong with a field being typed (a FieldError, or None): the form marks it
        at once instead of at Save."""
        return visits.typing_problem(field, text)

    @action()
    def read_id_card(self, burst: str):
        """What a keyboard-mode ID card reader typed, read in the station's reader layout: an
        IdSwipe, None when the burst is not a card at all (a fast typist, a scanner), or
        InvalidInput when it is one that fails its check."""
        layout = self.settings.id_reader_layout
        if not id_card.looks_like_a_swipe(burst, layout):
            return None
        return id_card.read_swipe(burst, layout)

    @action()
    def recall(self, phone: str) -> visits.Recall | None:
        """Unmasked: it fills the form being typed for the same person, who stands at the desk."""
        with self.db.reading() as s:
            return visits.recall_by_phone(s, phone, self.settings, self.clock())

    @action(audit="visit_out")
    def sign_out(self, visit_id: str) -> Visit:
        s = self.unit
        v = visits.sign_out(session=s, visit_id=visit_id, operator_id=self.operator.id, now=self.clock())
        self.desk.audit(s, record_id=visit_id)
        return Masked(v, visits.PERSONAL)

    @action(ANYONE, audit="auto_out", when_locked=True, audit_if=bool)  # asked every minute
    def auto_sign_out(self) -> int:
        n = visits.auto_sign_out(session=self.unit, settings=self.settings, now=self.clock())
        if n:
            self.desk.audit(self.unit, detail=str(n))
        return n

    @action(Role.SUPERVISOR, audit="override")
    def override(self, *, visit_id: str, supervisor_id: str, outcome: Outcome, reason: str) -> Visit:
        """By the supervisor who gave their PIN for it (authorise), or one on duty."""
        self.desk.supervisor(supervisor_id)
        s = self.unit
        v = visits.override_decision(session=s, visit_id=visit_id, supervisor_id=supervisor_id, outcome=outcome,
                                     reason=reason, ctx=self.ctx, now=self.clock())
        return Masked(v, visits.PERSONAL)

    @action(Role.SUPERVISOR, audit="reveal")
    def reveal(self, *, visit_id: str, supervisor_id: str) -> Visit:
        """One row in full, for the supervisor who gave their PIN for it (audited)."""
        self.desk.supervisor(supervisor_id)
        return visits.reveal(session=self.unit, visit_id=visit_id, supervisor_id=supervisor_id, ctx=self.ctx,
                             now=self.clock())

    @action()
    def on_site(self) -> list[Visit]:
        with self.db.reading() as s:
            return masked(visits.on_site(s), visits.PERSONAL)

    @action()
    def today_counts(self) -> visit_log.DayCounts:
        with self.db.reading() as s:
            return visit_log.today_counts(s, self.settings, self.clock())

    @action()
    def count_visits(self, q: VisitQuery) -> int:
        with self.db.reading() as s:
            return visit_log.count_visits(s, q, self.settings)

    @action()
    def page_visits(self, q: VisitQuery, *, offset: int, limit: int, reverse: bool = False) -> list:
        with self.db.reading() as s:
            return masked(visit_log.page_visits(s, q, self.settings, offset=offset, limit=limit, reverse=reverse),
                          visits.PERSONAL)

    @action(Role.SUPERVISOR, audit="delete")
    def delete_visit(self, visit_id: str, reason: str) -> None:
        """A supervisor removes a registration made in error. A tombstone with the reason stays and
        travels in the next bundle, so the office deletes its copy too. Raises InvalidInput."""
        sup = self.desk.actor
        errors = []
        why = clean_text("reason", reason, errors, required=True, max_len=TOMBSTONE_REASON_MAX)
        now = self.clock()
        s = self.unit
        visit = s.get(Visit, visit_id)
        if visit is None:
            raise visits.NotFound(visit_id)
        if s.exec(select(isolation.IsolationCase.id).where(isolation.IsolationCase.visit_id == visit_id)).first():
            errors.append(_err("reason", QT_TRANSLATE_NOOP(
                "Validation", "This person was sent to the isolation point; the case keeps the registration.")))
        if errors:
            raise InvalidInput(errors)
        s.add(Tombstone(station_id=self.ctx.station_id, gate_id=self.ctx.gate_id, operator_id=sup.id,
                        created_at=now, updated_at=now, record_type="visit", record_id=visit_id, reason=why))
        s.delete(visit)
        self.desk.audit(s, "delete", record_id=visit_id, detail="visit", operator_id=sup.id)
