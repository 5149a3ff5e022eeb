"""The application facade: one Desk per open database and window (or command), holding the unit
of work every service shares — the database, this station, the clock, the settings, the operator on
duty and a PIN's authority — and one service per feature. The GUI and the command line call the
same services (desk.gate.register, desk.residents.pass_cards, desk.sync.export_bundle, ...).

Each service method is one user action, declared in models/app/actions.py: the declaration checks
the lock and the role, opens its unit of work and writes its audit entry, whatever calls it.
"""
from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from datetime import datetime

from models import residents, sync
from models.app import actions
from models.app.gate_service import GateService
from models.app.isolation_service import IsolationService
from models.app.office_service import OfficeService
from models.app.parcels_service import ParcelService
from models.app.posters_service import PosterService
from models.app.records_service import RecordsService
from models.app.residents_service import ResidentService
from models.app.care_service import CareService
from models.app.rounds_service import RoundService
from models.app.staff_service import StaffService
from models.app.staffing_service import StaffingService
from models.app.supervision_service import SupervisionService
from models.app.sync_service import SyncService
from models.setup.settings import Settings, load_settings
from models.setup.site import StationContext, this_station
from models.store.clock import utcnow
from models.store.db import Database
from models.trust import audit, operators
from models.trust.operators import Operator, Role


class Grant:
    """A PIN checked for one task. Its authority holds inside one `with desk.authority_of(grant)`
    block, once, on the desk that checked it, on the thread (or worker started from it) that
    entered the block; it ends with the block however the block ends, and at once when the
    station locks or the operator on duty changes."""

    __slots__ = ("_desk", "operator", "_gives", "_epoch", "_live", "_spent")

    def __init__(self, desk: Desk, operator: Operator, gives: bool):
        self._desk, self.operator, self._gives = desk, operator, gives
        self._epoch, self._live, self._spent = desk._epoch, False, False


_held: ContextVar[tuple[Grant, ...]] = ContextVar("authority", default=())


class GrantSpent(RuntimeError):
    """A grant was entered twice, or on another desk: a screen bug, never a user's mistake."""


class Desk:
    def __init__(self, db: Database, *, clock=utcnow):
        self.db = db
        self.clock = clock
        with db.reading() as s:
            self.ctx: StationContext | None = this_station(s)
            self.settings: Settings = load_settings(s)
        self.operator: Operator | None = None
        # Bumped when the station locks or the operator on duty changes: every grant given before
        # it lapses, even inside its block.
        self._epoch = 0
        # Why the station is locked ("idle", "shift"), or None: while locked, only the actions
        # declared `when_locked` run (signing in, the night's housekeeping).
        self.locked: str | None = None
        self.staff = StaffService(self)
        self.gate = GateService(self)
        self.isolation = IsolationService(self)
        self.parcels = ParcelService(self)
        self.residents = ResidentService(self)
        self.rounds = RoundService(self)
        self.care = CareService(self)
        self.supervision = SupervisionService(self)
        self.staffing = StaffingService(self)
        self.sync = SyncService(self)
        self.office = OfficeService(self)
        self.records = RecordsService(self)
        self.posters = PosterService(self)

    def acting(self, role: Role) -> Operator:
        """Who does an action that needs `role`: the one who gave a PIN for it, else the operator
        on duty. Raises NotAllowed: the GUI asks for a PIN first, but the rule lives here."""
        for op in (self.authority, self.operator):
            if op is not None and op.at_least(role):
                return op
        raise operators.NotAllowed(role)

    def acting_or_scheduled(self, role: Role, scheduled: bool) -> Operator | None:
        """The few actions a station runs from its own scheduled command line (a masked export,
        the office's daily report, an import, the office's key) act as no one when `scheduled`,
        and are audited so; anything that shows personal data or mints a credential never is."""
        return None if scheduled else self.acting(role)

    @property
    def actor(self) -> Operator | None:
        """Who the declared action running now acts as: the holder of the role it needs, or None
        when it runs as no one (scheduled, or an action anyone may run)."""
        now = actions.current()
        return now.who if now is not None else None

    def may(self, role: Role) -> bool:
        return any(op is not None and op.at_least(role) for op in (self.authority, self.operator))

    @property
    def authority(self) -> Operator | None:
        """The supervisor or administrator whose PIN holds for the task running now, if any."""
        for grant in reversed(_held.get()):
            if grant._desk is self and grant._live and grant._gives and grant._epoch == self._epoch:
                return grant.operator
        return None

    def set_on_duty(self, op: Operator | None, *, locked: str | None = None) -> None:
        """Once a change of hands is saved: `op` is on duty (any PIN's authority ends). Nobody on duty
        and `locked`: the station waits, locked, for the next to sign in or check in."""
        self.revoke_authority()
        self.operator = op
        self.locked = locked

    def revoke_authority(self) -> None:
        """Every PIN given so far stops counting (the station locks, the operator on duty changes)."""
        self._epoch += 1

    def grant(self, operator_id: str, pin: str, role: Role) -> Grant:
        """Check a PIN for one task (wrong PINs count toward the lock); its authority is used by
        `authority_of`. Only a supervisor's or an administrator's PIN gives authority beyond the
        operator on duty's."""
        with self.db.session() as s:
            try:
                op = operators.verify(s, operator_id=operator_id, pin=pin, at_least=role,
                                      station_id=self.ctx.station_id if self.ctx else None, now=self.clock())
            finally:
                s.commit()
        return Grant(self, op, op.at_least(Role.SUPERVISOR) and role is not Role.GUARD)

    @contextmanager
    def authority_of(self, grant: Grant) -> Iterator[Operator]:
        """The grant's authority for the block, and for nothing after it."""
        if grant._desk is not self or grant._spent:
            raise GrantSpent("a PIN's grant is good for one task on its own desk")
        grant._spent = grant._live = True
        token = _held.set((*_held.get(), grant))
        try:
            yield grant.operator
        finally:
            grant._live = False
            _held.reset(token)

    @contextmanager
    def authorised(self, operator_id: str, pin: str, role: Role) -> Iterator[Operator]:
        """A supervisor's or administrator's PIN for the actions inside the block."""
        with self.authority_of(self.grant(operator_id, pin, role)) as op:
            yield op

    def audit(self, session, action: str | None = None, *, record_id: str | None = None, detail: str = "",
              operator_id: str | None = None) -> None:
        """An entry in the audit chain, in the caller's transaction: by default the running action's
        declared entry, by whoever it acts as (else the operator on duty)."""
        running = actions.current()
        if action is None:
            action = running.action.audit
        if operator_id is None:
            who = running.who if running is not None and running.who is not None else self.operator
            operator_id = who.id if who else None
        audit.record(session, at=self.clock(), station_id=self.ctx.station_id if self.ctx else "-",
                     operator_id=operator_id, action=action, record_id=record_id, detail=detail)

    def supervisor(self, operator_id: str) -> Operator:
        """The supervisor named must be the one acting: a supervisor's id alone, without their PIN, is
        not their authority."""
        op = self.acting(Role.SUPERVISOR)
        if op.id != operator_id:
            raise operators.NotAllowed(Role.SUPERVISOR)
        return op

    def write(self, fn, **kw):
        """Call a core function in the running action's unit of work, stamped with this station and
        the operator on duty (the declaration adds its audit entry and commits)."""
        return fn(session=actions.unit_of_work(), ctx=self.ctx, operator_id=self.operator.id, now=self.clock(), **kw)

    def operator_id(self) -> str | None:
        return self.operator.id if self.operator else None

    def now(self) -> datetime:
        return self.clock()

    def today(self):
        """Today in the compound's time zone."""
        return residents.today_for(self.settings, self.clock())

    @property
    def is_office(self) -> bool:
        return sync.is_office(self.db)

    @property
    def is_inspection(self) -> bool:
        """A supervision team's station: it opens the team's window, not a gate's."""
        with self.db.reading() as s:
            return sync.station_kind(s) == sync.INSPECTION
