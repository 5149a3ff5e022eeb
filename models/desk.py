"""The gate desk as the GUI sees it: one method per user action, each its own unit of work.

Qt-free, so every action a guard can take is testable without a screen, and the GUI only
presents what these methods return.
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from models import operators, visits
from models.clock import utcnow
from models.db import Database
from models.operators import Operator, Role
from models.rules import Decision, Outcome
from models.settings import Settings, load_settings, save_settings
from models.site import SetupForm, StationContext, complete_setup, this_station
from models.visits import Visit, VisitForm, VisitQuery


@dataclass(frozen=True)
class Saved:
    visit: Visit
    decision: Decision


class Desk:
    def __init__(self, db: Database, *, clock=utcnow):
        self.db = db
        self.clock = clock
        with db.session() as s:
            self.ctx: StationContext | None = this_station(s)
            self.settings: Settings = load_settings(s)
        self.operator: Operator | None = None

    # -- station and operators ------------------------------------------------------------
    def reload_station(self) -> StationContext | None:
        with self.db.session() as s:
            self.ctx = this_station(s)
        return self.ctx

    def complete_setup(self, form: SetupForm) -> StationContext:
        """First run; raises InvalidInput and stores nothing when the form is incomplete."""
        with self.db.session() as s:
            self.ctx = complete_setup(s, form, now=self.clock())
            s.commit()
        return self.ctx

    def operators(self) -> list[Operator]:
        with self.db.session() as s:
            return operators.list_operators(s)

    def last_on_duty(self) -> str | None:
        with self.db.session() as s:
            return operators.last_on_duty(s, station_id=self.ctx.station_id)

    def sign_in(self, operator_id: str, pin: str) -> Operator:
        """Start a shift; whoever was on duty is handed over."""
        with self.db.session() as s:
            op, _ = operators.start_shift(s, ctx=self.ctx, operator_id=operator_id, pin=pin, now=self.clock())
            s.commit()
        self.operator = op
        return op

    def sign_off(self) -> None:
        with self.db.session() as s:
            operators.end_shift(s, ctx=self.ctx, now=self.clock())
            s.commit()
        self.operator = None

    def authorise(self, operator_id: str, pin: str, role: Role) -> Operator:
        with self.db.session() as s:
            return operators.verify(s, operator_id=operator_id, pin=pin, at_least=role)

    def add_operator(self, *, name: str, role: Role, pin: str) -> Operator:
        with self.db.session() as s:
            op = operators.create_operator(s, ctx=self.ctx, name=name, role=role, pin=pin, now=self.clock(),
                                           created_by=self.operator.id if self.operator else None)
            s.commit()
            return op

    def update_settings(self, new: Settings) -> list[str]:
        with self.db.session() as s:
            changed = save_settings(s, new)
            s.commit()
        self.settings = new
        return changed

    # -- the gate -----------------------------------------------------------------------
    def validate(self, form: VisitForm) -> visits.VisitCreate:
        return visits.parse_form(form, self.settings, self.clock())

    def register(self, form: VisitForm) -> Saved:
        """Validate, decide, store and commit. Raises InvalidInput or RemeasureNeeded, saving nothing."""
        now = self.clock()
        visit_in = visits.parse_form(form, self.settings, now)
        with self.db.session() as s:
            visit, decision = visits.register_visit(session=s, visit_in=visit_in, ctx=self.ctx,
                                                    operator_id=self.operator.id, settings=self.settings, now=now)
            s.commit()
        return Saved(visit, decision)

    def recall(self, phone: str) -> visits.Recall | None:
        with self.db.session() as s:
            return visits.recall_by_phone(s, phone)

    def sign_out(self, visit_id: str) -> Visit:
        with self.db.session() as s:
            v = visits.sign_out(session=s, visit_id=visit_id, operator_id=self.operator.id, now=self.clock())
            s.commit()
            return v

    def auto_sign_out(self) -> int:
        with self.db.session() as s:
            n = visits.auto_sign_out(session=s, settings=self.settings, now=self.clock())
            s.commit()
            return n

    def override(self, *, visit_id: str, supervisor_id: str, outcome: Outcome, reason: str) -> Visit:
        with self.db.session() as s:
            v = visits.override_decision(session=s, visit_id=visit_id, supervisor_id=supervisor_id, outcome=outcome,
                                         reason=reason, ctx=self.ctx, now=self.clock())
            s.commit()
            return v

    def reveal(self, *, visit_id: str, supervisor_id: str) -> Visit:
        with self.db.session() as s:
            v = visits.reveal(session=s, visit_id=visit_id, supervisor_id=supervisor_id, ctx=self.ctx, now=self.clock())
            s.commit()
            return v

    def on_site(self) -> list[Visit]:
        with self.db.session() as s:
            return visits.on_site(s)

    def today_counts(self) -> visits.DayCounts:
        with self.db.session() as s:
            return visits.today_counts(s, self.settings, self.clock())

    # -- the log ---------------------------------------------------------------------------
    def count_visits(self, q: VisitQuery) -> int:
        with self.db.session() as s:
            return visits.count_visits(s, q, self.settings)

    def page_visits(self, q: VisitQuery, *, offset: int, limit: int, reverse: bool = False) -> list:
        with self.db.session() as s:
            return visits.page_visits(s, q, self.settings, offset=offset, limit=limit, reverse=reverse)

    def operator_names(self) -> dict[str, str]:
        with self.db.session() as s:
            return {o.id: o.name for o in operators.list_operators(s, active_only=False)}

    def now(self) -> datetime:
        return self.clock()
