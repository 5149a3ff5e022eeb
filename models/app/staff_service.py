"""Operators and shifts: the first run, signing in and off, the station's lock, settings."""
from __future__ import annotations

from datetime import datetime, timedelta

from models import sync
from models.app.actions import ANYONE, action
from models.app.work import Service
from models.setup.settings import Settings, save_settings
from models.setup.site import StationContext
from models.trust import operators
from models.trust.first_run import SetupForm, complete_setup
from models.trust.operators import Operator, Role, WrongPin


class StaffService(Service, key="staff"):
    @action(ANYONE, audit="setup")
    def complete_setup(self, form: SetupForm) -> StationContext:
        """First run; raises InvalidInput and stores nothing when the form is incomplete. The new
        administrator, who has just typed their PIN twice, is then on duty (not asked again)."""
        s = self.unit
        self.desk.ctx = complete_setup(s, form, now=self.clock())
        sync.ensure_signing_key(s)
        self.desk.audit(s, detail="gate")
        self.sign_in_first_administrator(form.admin_pin)
        return self.ctx

    @action(ANYONE, audit="sign_in")
    def sign_in_first_administrator(self, pin: str) -> None:
        """Right after a first run: the one operator there is, with the PIN just set (audited)."""
        [admin] = operators.list_operators(self.unit)  # in the set-up's unit: not committed yet
        self.sign_in(admin.id, pin)

    @action(ANYONE, when_locked=True)
    def operators(self) -> list[Operator]:
        with self.db.reading() as s:
            return operators.list_operators(s)

    @action(ANYONE, when_locked=True)
    def last_on_duty(self) -> str | None:
        with self.db.reading() as s:
            return operators.last_on_duty(s, station_id=self.ctx.station_id)

    @action(ANYONE, audit="sign_in", when_locked=True, commit_on=(WrongPin,))
    def sign_in(self, operator_id: str, pin: str) -> Operator:
        """Start a shift; whoever was on duty is handed over (once the shift is saved)."""
        op, _ = operators.start_shift(self.unit, ctx=self.ctx, operator_id=operator_id, pin=pin, now=self.clock())
        self.after_commit(lambda: self.desk.set_on_duty(op))
        return op

    @action(audit="sign_out", when_locked=True)
    def sign_off(self) -> None:
        operators.end_shift(self.unit, ctx=self.ctx, now=self.clock())
        self.after_commit(lambda: self.desk.set_on_duty(None))  # the next signs in

    @action()
    def lock_due(self, *, last_activity: datetime, last_check: datetime) -> str | None:
        """'shift' when a shift change passed since last_check, 'idle' when untouched for
        idle_lock_minutes, else None. The GUI asks every few seconds."""
        now = self.clock()
        zone = self.settings.zone
        local_now, local_last = now.astimezone(zone), last_check.astimezone(zone)
        day = local_last.date()
        while day <= local_now.date():
            for t in self.settings.shift_changes:
                moment = datetime.combine(day, t, tzinfo=zone)
                if local_last < moment <= local_now:
                    return "shift"
            day += timedelta(days=1)
        minutes = self.settings.idle_lock_minutes
        if minutes and now - last_activity >= timedelta(minutes=minutes):
            return "idle"
        return None

    @action(audit="locked", when_locked=True)
    def lock(self, reason: str) -> None:
        """Nothing but signing in can be done until someone gives their PIN (the core refuses every
        other action while locked); any PIN's authority ends."""
        self.desk.revoke_authority()
        self.desk.locked = reason  # locked even when the entry cannot be written (a full disk)
        self.desk.audit(self.unit, detail=reason)

    @action(ANYONE, audit="unlocked", when_locked=True, commit_on=(WrongPin,))
    def unlock(self, operator_id: str, pin: str, *, reason: str) -> Operator:
        """The operator on duty comes back after an idle lock; anyone else, or anyone at a shift
        change, starts a shift (the one on duty is handed over). Raises WrongPin or Locked."""
        if reason == "idle" and self.operator is not None and operator_id == self.operator.id:
            op = operators.verify(self.unit, operator_id=operator_id, pin=pin, station_id=self.ctx.station_id,
                                  now=self.clock())
            self.desk.audit(self.unit, operator_id=op.id)
            self.after_commit(lambda: setattr(self.desk, "locked", None))
            return op
        return self.sign_in(operator_id, pin)

    @action(Role.ADMIN, audit="add_operator")
    def add_operator(self, *, name: str, role: Role, pin: str) -> Operator:
        admin = self.desk.actor
        s = self.unit
        op = operators.create_operator(s, ctx=self.ctx, name=name, role=role, pin=pin, now=self.clock(),
                                       created_by=admin.id)
        self.desk.audit(s, "add_operator", record_id=op.id, detail=Role(role).value, operator_id=admin.id)
        return op

    @action(Role.ADMIN, audit="settings", audit_if=bool)
    def update_settings(self, new: Settings) -> list[str]:
        admin = self.desk.actor
        s = self.unit
        changed = save_settings(s, new)
        if changed:
            self.desk.audit(s, "settings", detail=",".join(changed), operator_id=admin.id)
        self.after_commit(lambda: setattr(self.desk, "settings", new))
        return changed

    @action(ANYONE, when_locked=True)
    def operator_names(self) -> dict[str, str]:
        with self.db.reading() as s:
            return {o.id: o.name for o in operators.list_operators(s, active_only=False, rota_too=True)}
