"""The rota at a compound's gate PC: people, posts and shifts are a supervisor's (audited); checking
in and out at the post is whoever is on duty's, with the person's card or their PIN. People come back
masked; a card's text (a credential) only to a supervisor."""
from __future__ import annotations

from dataclasses import replace
from datetime import date, datetime, time, timedelta
from pathlib import Path

from models import staffing
from models.app.actions import ANYONE, action
from models.app.work import Service
from models.kit.masking import Masked, mask_name, masked
from models.store.i18n import QT_TRANSLATE_NOOP
from models.trust.operators import Locked, Role


def _person(p):
    return Masked(p, staffing.PERSONAL)


def _masked_view(v: staffing.ShiftView) -> staffing.ShiftView:
    def on(o):
        return replace(o, person=_person(o.person))

    return replace(v, people=[on(o) for o in v.people], reserve=[on(o) for o in v.reserve])


class StaffingService(Service, key="staffing"):
    # -- people, posts, shifts (a supervisor's) ----------------------------------------------------
    @action(Role.SUPERVISOR, audit="rota_person")
    def add_person(self, *, name: str, phone: str, kind: str, sent_by: str, posts=(), pin: str = ""):
        s = self.unit
        p = staffing.add_person(s, ctx=self.ctx, operator_id=self.desk.actor.id, now=self.clock(), name=name,
                                phone=phone, kind=kind, sent_by=sent_by, posts=posts, pin=pin)
        self.desk.audit(s, record_id=p.id, detail=f"added {p.kind}")
        return _person(p)

    @action(Role.SUPERVISOR, audit="rota_person")
    def leave(self, person_id: str):
        s = self.unit
        p = staffing.leave(s, person_id, now=self.clock())
        self.desk.audit(s, record_id=person_id, detail="left")
        self._hands(staffing.settle(s, ctx=self.ctx, now=self.clock()) if self._rota_holds() else None)
        return _person(p)

    @action(Role.SUPERVISOR, audit="rota_person")
    def card_text(self, person_id: str, *, new: bool = False) -> str:
        """The text of their card's QR (a new card makes the old one useless)."""
        s = self.unit
        p = staffing.new_card(s, person_id, now=self.clock()) if new else staffing.active_person(s, person_id)
        self.desk.audit(s, record_id=person_id, detail=f"card {p.card_no}")
        return staffing.card_payload(s, p)

    @action(Role.SUPERVISOR, audit="rota_plan")
    def add_post(self, *, name: str, kind: str, critical: bool = False) -> staffing.DutyPost:
        s = self.unit
        post = staffing.add_post(s, ctx=self.ctx, operator_id=self.desk.actor.id, now=self.clock(), name=name,
                                 kind=kind, critical=critical)
        self.desk.audit(s, record_id=post.id, detail=f"post {post.kind}")
        return post

    @action(Role.SUPERVISOR, audit="rota_plan")
    def plan_shifts(self, *, post_id: str, first_day: date, days: int, times: str, min_people: int,
                    max_people: int) -> list[staffing.RotaShift]:
        s = self.unit
        made = staffing.plan_shifts(s, ctx=self.ctx, operator_id=self.desk.actor.id, now=self.clock(),
                                    zone=self.settings.zone, post_id=post_id, first_day=first_day, days=days,
                                    times=times, min_people=min_people, max_people=max_people)
        self.desk.audit(s, record_id=post_id, detail=f"{len(made)} shifts from {first_day}")
        return made

    @action(Role.SUPERVISOR, audit="rota_assign")
    def assign(self, shift_id: str, person_id: str) -> staffing.ShiftAssignment:
        s = self.unit
        a = staffing.assign(s, ctx=self.ctx, operator_id=self.desk.actor.id, now=self.clock(),
                            zone=self.settings.zone, shift_id=shift_id, person_id=person_id)
        self.desk.audit(s, record_id=a.id, detail="reserve" if a.reserve else "placed")
        return a

    @action(audit="rota_assign")
    def sign_up(self, shift_id: str, person_id: str) -> staffing.ShiftAssignment:
        """The person asks for the shift themselves (at the desk, whoever is on duty writes it)."""
        s = self.unit
        a = staffing.assign(s, ctx=self.ctx, operator_id=self.desk.operator_id(), now=self.clock(),
                            zone=self.settings.zone, shift_id=shift_id, person_id=person_id,
                            how=staffing.How.SIGNED_UP)
        self.desk.audit(s, record_id=a.id, detail="signed up, reserve" if a.reserve else "signed up")
        return a

    @action(audit="rota_assign")
    def withdraw(self, assignment_id: str):
        """Returns who moved up from the reserve list (None: nobody)."""
        s = self.unit
        moved = staffing.withdraw(s, assignment_id, now=self.clock())
        self.desk.audit(s, record_id=assignment_id, detail="withdrew")
        return moved

    @action(Role.SUPERVISOR, audit="rota_assign")
    def cut_no_show(self, assignment_id: str):
        """Off a shift they did not come to (the screen has asked to confirm). Returns who moved up."""
        s = self.unit
        moved = staffing.cut_no_show(s, assignment_id, now=self.clock(),
                                     late_minutes=self.settings.duty_late_minutes)
        self.desk.audit(s, record_id=assignment_id, detail="no-show cut")
        return moved

    # -- at the post ------------------------------------------------------------------------------
    def _rota_holds(self) -> bool:
        return self.settings.gate_on_rota and not self.desk.is_office

    def _hands(self, hand: staffing.Hand | None) -> None:
        """The gate changed hands: the desk follows once it is saved (nobody: locked for the next)."""
        if hand is not None:
            self.after_commit(lambda: self.desk.set_on_duty(hand.guard, locked=None if hand.guard else "shift"))

    def _checked(self, s, person, source: str, shift_id: str | None) -> staffing.Checked:
        done = staffing.check(s, ctx=self.ctx, operator_id=self.desk.operator_id(), now=self.clock(),
                              zone=self.settings.zone, person=person, source=source,
                              late_minutes=self.settings.duty_late_minutes, shift_id=shift_id)
        self.desk.audit(s, record_id=done.checkin.id, detail="out" if done.went_out else "in")
        if self._rota_holds():
            self._hands(staffing.after_check(s, ctx=self.ctx, now=self.clock(), done=done))
        return replace(done, person=_person(done.person))

    def _rota_or_refuse(self) -> None:
        if not self._rota_holds():  # before anything is read: a gate with its own guards opens to no card
            raise staffing.DutyRefused("gate_not_rota")

    def _held(self, s, person, source: str) -> staffing.Held:
        held = staffing.hold(s, ctx=self.ctx, now=self.clock(), zone=self.settings.zone, person=person,
                             source=source, late_minutes=self.settings.duty_late_minutes)
        self.desk.audit(s, record_id=held.checked.checkin.id if held.checked else person.id,
                        detail="in, on duty" if held.checked else "back on duty", operator_id=held.hand.guard.id)
        self._hands(held.hand)
        return replace(held, person=_person(held.person))

    @action(ANYONE, audit="duty_check", when_locked=True)
    def hold_gate_card(self, text: str) -> staffing.Held:
        """At a gate the rota holds, the locked PC (or its sign-in): a card scanned checks them in at
        their gate shift, or brings back one checked in there, as the guard on duty."""
        self._rota_or_refuse()
        s = self.unit
        return self._held(s, staffing.read_card(s, text), staffing.CheckInSource.CARD)

    @action(ANYONE, audit="duty_check", when_locked=True, commit_on=(staffing.DutyRefused, Locked))
    def hold_gate_pin(self, person_id: str, pin: str) -> staffing.Held:
        self._rota_or_refuse()
        s = self.unit
        return self._held(s, staffing.check_pin(s, person_id, pin, now=self.clock()), staffing.CheckInSource.PIN)

    @action(ANYONE, when_locked=True)
    def holds_gate(self) -> bool:
        """Whether the residents' rota holds this gate (the lock page and the sign-in take a card)."""
        return self._rota_holds()

    @action(ANYONE, when_locked=True)
    def gate_people(self) -> list:
        """Who may hold the gate by name and PIN (masked), at a gate the rota holds; else nobody."""
        if not self._rota_holds():
            return []
        with self.db.reading() as s:
            return masked([p for p in staffing.people(s) if p.pin_hash and p.takes(staffing.PostKind.GATE)],
                          staffing.PERSONAL)

    @action(audit="duty_check")
    def check_card(self, text: str, shift_id: str | None = None) -> staffing.Checked:
        """A duty card scanned: in if out, out if in. Raises DutyRefused saying why not."""
        s = self.unit
        return self._checked(s, staffing.read_card(s, text), staffing.CheckInSource.CARD, shift_id)

    @action(audit="duty_check", commit_on=(staffing.DutyRefused, Locked))  # a wrong PIN counts
    def check_pin(self, person_id: str, pin: str, shift_id: str | None = None) -> staffing.Checked:
        s = self.unit
        person = staffing.check_pin(s, person_id, pin, now=self.clock())
        return self._checked(s, person, staffing.CheckInSource.PIN, shift_id)

    @action(ANYONE, audit="duty_close", when_locked=True, audit_if=bool)  # asked every minute
    def close_forgotten(self) -> int:
        """Check-ins left open past their shift: closed, marked for review (a gate's own only)."""
        if self.desk.is_office:
            return 0
        n = len(staffing.close_forgotten(self.unit, now=self.clock(), after_hours=self.settings.duty_close_hours))
        if n:
            self.desk.audit(self.unit, detail=str(n))
            if self._rota_holds():
                self._hands(staffing.settle(self.unit, ctx=self.ctx, now=self.clock()))
        return n

    @action(Role.SUPERVISOR, audit="duty_review")
    def review(self, checkin_id: str, out_at: datetime | None = None) -> staffing.ShiftCheckIn:
        s = self.unit
        ci = staffing.review(s, checkin_id, out_at=out_at, now=self.clock())
        self.desk.audit(s, record_id=checkin_id, detail="time set" if out_at else "confirmed")
        return ci

    # -- reading ----------------------------------------------------------------------------------
    @action()
    def people(self, *, left_too: bool = False) -> list:
        with self.db.reading() as s:
            return masked(staffing.people(s, left_too=left_too), staffing.PERSONAL)

    @action()
    def posts(self) -> list[staffing.DutyPost]:
        with self.db.reading() as s:
            return staffing.posts(s)

    @action()
    def day_rota(self, day: date | None = None, *, post_id: str | None = None) -> list[staffing.ShiftView]:
        """The day's shifts with their people (masked), critical posts first."""
        with self.db.reading() as s:
            return [_masked_view(v) for v in staffing.day_shifts(s, day or self.desk.today(), self.settings.zone,
                                                                 post_id=post_id)]

    @action()
    def week_rota(self, first_day: date) -> list[staffing.ShiftView]:
        zone = self.settings.zone
        start = datetime.combine(first_day, time.min, tzinfo=zone)
        with self.db.reading() as s:
            views = staffing.shifts_between(s, start, start + timedelta(days=7))
        views.sort(key=lambda v: (v.shift.starts_at, not v.post.critical, v.post.name))
        return [_masked_view(v) for v in views]

    @action()
    def with_room_now(self) -> list[staffing.ShiftView]:
        """Shifts under way that take more people (a walk-in's choice)."""
        with self.db.reading() as s:
            return [_masked_view(v) for v in staffing.with_room_now(s, self.clock(), self.settings.zone)]

    @action()
    def at_risk(self, day: date | None = None) -> list[staffing.ShiftView]:
        """Shifts short of people (tomorrow's, by default), critical posts first."""
        with self.db.reading() as s:
            return [_masked_view(v) for v in staffing.at_risk(s, day or self.desk.today() + timedelta(days=1),
                                                             self.settings.zone)]

    @action()
    def here_now(self) -> list:
        with self.db.reading() as s:
            return [(ci, _person(p), shift, post) for ci, p, shift, post in staffing.here_now(s)]

    @action()
    def to_review(self) -> list:
        with self.db.reading() as s:
            return [(ci, _person(p), shift, post) for ci, p, shift, post in staffing.to_review(s)]

    @action()
    def hours(self, first_day: date, days: int = 7, *, sent_by: str | None = None) -> list[staffing.Hours]:
        zone = self.settings.zone
        start = datetime.combine(first_day, time.min, tzinfo=zone)
        with self.db.reading() as s:
            lines = staffing.hours(s, start, start + timedelta(days=days), zone, sent_by=sent_by)
        return [replace(h, name=mask_name(h.name)) for h in lines]

    @action()
    def units_hours(self, first_day: date, days: int = 7) -> list[staffing.UnitHours]:
        return staffing.by_unit(self.hours(first_day, days), self.settings.night_weight)

    @action()
    def sending_units(self) -> list[str]:
        with self.db.reading() as s:
            return sorted({p.sent_by for p in staffing.people(s, left_too=True)})

    @action()
    def rota_pages(self, first_day: date) -> list:
        """The week's rota on paper (names masked): print it or save it as PDF."""
        from models.staffing.rota_sheet import rota_pages

        return rota_pages(self.week_rota(first_day), compound=self.ctx.compound_name,
                          first_day=first_day.isoformat(), zone=self.settings.zone, language=self.settings.language)

    @action(Role.SUPERVISOR, audit="duty_sheet", scheduled=True)
    def write_week_sheet(self, sent_by: str, first_day: date, path: Path, *, scheduled: bool = False) -> Path:
        """The unit's week (who came, when, how long; who did not come), names masked: .xlsx or .csv.
        At an office, across the compounds whose rotas it holds."""
        with self.db.reading() as s:
            units = sorted({p.sent_by for p in staffing.people(s, left_too=True)})
            if sent_by not in units:
                raise staffing.RotaProblem(QT_TRANSLATE_NOOP(
                    "Staffing", "Nobody sent by {unit} is on the rota here. The units here: {units}"),
                    unit=sent_by, units="、".join(units) or "—")
            lines = staffing.week_lines(s, sent_by, first_day, self.settings.zone, now=self.clock(),
                                        grace_minutes=self.settings.duty_late_minutes, mask=mask_name,
                                        language=self.settings.language)
        place = self.ctx.compound_name if self.ctx and not self.desk.is_office else ""
        title = " · ".join(x for x in (place, sent_by, f"{first_day.isoformat()} – {first_day + timedelta(days=6)}") if x)
        written = staffing.write_week_sheet(path, lines, title=title, language=self.settings.language)
        self.desk.audit(self.unit, detail=f"{len(lines)} lines")
        return written
