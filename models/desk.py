"""The gate desk as the GUI sees it: one method per user action, each its own unit of work.

Qt-free, so every action a guard can take is testable without a screen, and the GUI only
presents what these methods return.
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlmodel import select

from models import audit, isolation, operators, parcels, readiness, residents, retention, sync, visits
from models.clock import local_today, utcnow
from models.db import Database, saving
from models.i18n import QT_TRANSLATE_NOOP, Message
from models.masking import mask_name
from models.operators import Operator, Role
from models.rules import Decision, Outcome
from models.settings import Settings, load_settings, save_settings
from models.site import SetupForm, StationContext, complete_setup, this_station
from models.visits import Visit, VisitForm, VisitQuery


RETENTION_DAY = "retention_last_day"
RETENTION_DONE_BEFORE = "retention_done_before"
ERASE_CHUNK = 500
TOMBSTONE_REASON_MAX = 40


class NotConfirmed(Exception):
    message = Message("Desk", QT_TRANSLATE_NOOP(
        "Desk", "The name typed is not this station's name. Nothing was erased."))


@dataclass(frozen=True)
class CampaignEnded:
    erased: retention.Erased
    backups_removed: int


@dataclass(frozen=True)
class Saved:
    visit: Visit
    decision: Decision


class Desk:
    def __init__(self, db: Database, *, clock=utcnow):
        self.db = db
        self.clock = clock
        with db.reading() as s:
            self.ctx: StationContext | None = this_station(s)
            self.settings: Settings = load_settings(s)
        self.operator: Operator | None = None
        self._erasure_failures: set[tuple[str, str]] = set()  # (day, kind) already reported
        # A supervisor's or administrator's PIN given for one task (a dialog); dropped after it.
        self.authority: Operator | None = None

    # -- who may do what ---------------------------------------------------------------------
    def acting(self, role: Role) -> Operator:
        """Who does an action that needs `role`: the one who gave a PIN for it, else the operator
        on duty. Raises NotAllowed: the GUI asks for a PIN first, but the rule lives here."""
        for op in (self.authority, self.operator):
            if op is not None and op.at_least(role):
                return op
        raise operators.NotAllowed(role)

    def may(self, role: Role) -> bool:
        return any(op is not None and op.at_least(role) for op in (self.authority, self.operator))

    def drop_authority(self) -> None:
        self.authority = None

    def _audit(self, session, action: str, *, record_id: str | None = None, detail: str = "",
               operator_id: str | None = None) -> None:
        if operator_id is None:
            operator_id = self.operator.id if self.operator else None
        audit.record(session, at=self.clock(), station_id=self.ctx.station_id if self.ctx else "-",
                     operator_id=operator_id, action=action, record_id=record_id, detail=detail)

    def _supervisor(self, operator_id: str) -> Operator:
        """The supervisor named must be the one acting: a supervisor's id alone, without their PIN, is
        not their authority."""
        op = self.acting(Role.SUPERVISOR)
        if op.id != operator_id:
            raise operators.NotAllowed(Role.SUPERVISOR)
        return op

    # -- station and operators ------------------------------------------------------------
    def complete_setup(self, form: SetupForm) -> StationContext:
        """First run; raises InvalidInput and stores nothing when the form is incomplete."""
        with self.db.session() as s:
            self.ctx = complete_setup(s, form, now=self.clock())
            sync.ensure_signing_key(s)
            s.commit()
        return self.ctx

    def operators(self) -> list[Operator]:
        with self.db.reading() as s:
            return operators.list_operators(s)

    def last_on_duty(self) -> str | None:
        with self.db.reading() as s:
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
        self.authority = None

    # -- the station's lock -------------------------------------------------------------------
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

    def lock(self, reason: str) -> None:
        """Nothing can be done until someone signs in; any PIN's authority ends."""
        self.authority = None
        with self.db.session() as s:
            self._audit(s, "locked", detail=reason)
            s.commit()

    def unlock(self, operator_id: str, pin: str, *, reason: str) -> Operator:
        """The operator on duty comes back after an idle lock; anyone else, or anyone at a shift
        change, starts a shift (the one on duty is handed over). Raises WrongPin or Locked."""
        if reason == "idle" and self.operator is not None and operator_id == self.operator.id:
            with self.db.session() as s:
                try:
                    op = operators.verify(s, operator_id=operator_id, pin=pin, station_id=self.ctx.station_id,
                                          now=self.clock())
                    self._audit(s, "unlocked", operator_id=op.id)
                finally:
                    s.commit()
            return op
        return self.sign_in(operator_id, pin)

    def authorise(self, operator_id: str, pin: str, role: Role) -> Operator:
        """A supervisor's or administrator's PIN for one action; wrong PINs count toward the lock."""
        with self.db.session() as s:
            try:
                op = operators.verify(s, operator_id=operator_id, pin=pin, at_least=role,
                                      station_id=self.ctx.station_id if self.ctx else None, now=self.clock())
            finally:
                s.commit()
        if op.at_least(Role.SUPERVISOR) and role is not Role.GUARD:
            self.authority = op
        return op

    def add_operator(self, *, name: str, role: Role, pin: str) -> Operator:
        admin = self.acting(Role.ADMIN)
        with self.db.session() as s:
            op = operators.create_operator(s, ctx=self.ctx, name=name, role=role, pin=pin, now=self.clock(),
                                           created_by=admin.id)
            self._audit(s, "add_operator", record_id=op.id, detail=Role(role).value, operator_id=admin.id)
            s.commit()
            return op

    def update_settings(self, new: Settings) -> list[str]:
        admin = self.acting(Role.ADMIN)
        with self.db.session() as s:
            changed = save_settings(s, new)
            if changed:
                self._audit(s, "settings", detail=",".join(changed), operator_id=admin.id)
            s.commit()
        self.settings = new
        return changed

    # -- the gate -----------------------------------------------------------------------
    def register(self, form: VisitForm) -> Saved:
        """Validate, decide, store and commit. Raises InvalidInput or RemeasureNeeded, saving nothing."""
        now = self.clock()
        visit_in = visits.parse_form(form, self.settings, now)
        with saving(), self.db.session() as s:
            visit, decision = visits.register_visit(session=s, visit_in=visit_in, ctx=self.ctx,
                                                    operator_id=self.operator.id, settings=self.settings, now=now)
            self._audit(s, "register", record_id=visit.id, detail=decision.outcome.value)
            s.commit()
        return Saved(visit, decision)

    def recall(self, phone: str) -> visits.Recall | None:
        with self.db.reading() as s:
            return visits.recall_by_phone(s, phone)

    def search_parcels(self, text: str) -> list[parcels.Parcel]:
        """By pick-up code when the text is one, else by room."""
        text = text.strip()
        return self.find_parcels(code=text) if parcels.is_pickup_code(text) else self.find_parcels(room=text)

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
        """By the supervisor who gave their PIN for it (authorise), or one on duty."""
        self._supervisor(supervisor_id)
        with self.db.session() as s:
            v = visits.override_decision(session=s, visit_id=visit_id, supervisor_id=supervisor_id, outcome=outcome,
                                         reason=reason, ctx=self.ctx, now=self.clock())
            s.commit()
            return v

    def reveal(self, *, visit_id: str, supervisor_id: str) -> Visit:
        """One row in full, for the supervisor who gave their PIN for it (audited)."""
        self._supervisor(supervisor_id)
        with self.db.session() as s:
            v = visits.reveal(session=s, visit_id=visit_id, supervisor_id=supervisor_id, ctx=self.ctx, now=self.clock())
            s.commit()
            return v

    def on_site(self) -> list[Visit]:
        with self.db.reading() as s:
            return visits.on_site(s)

    def today_counts(self) -> visits.DayCounts:
        with self.db.reading() as s:
            return visits.today_counts(s, self.settings, self.clock())

    # -- the log ---------------------------------------------------------------------------
    def count_visits(self, q: VisitQuery) -> int:
        with self.db.reading() as s:
            return visits.count_visits(s, q, self.settings)

    def page_visits(self, q: VisitQuery, *, offset: int, limit: int, reverse: bool = False) -> list:
        with self.db.reading() as s:
            return visits.page_visits(s, q, self.settings, offset=offset, limit=limit, reverse=reverse)

    def operator_names(self) -> dict[str, str]:
        with self.db.reading() as s:
            return {o.id: o.name for o in operators.list_operators(s, active_only=False)}

    def now(self) -> datetime:
        return self.clock()

    # -- the isolation point -------------------------------------------------------------------
    def _write(self, fn, **kw):
        """Run one core service as its own unit of work, stamped with this station and operator."""
        with saving(), self.db.session() as s:
            result = fn(session=s, ctx=self.ctx, operator_id=self.operator.id, now=self.clock(), **kw)
            s.commit()
            return result

    def place_in_isolation(self, visit_id: str) -> isolation.IsolationCase:
        return self._write(isolation.place_from_visit, visit_id=visit_id)

    def open_isolation_case(self, form: isolation.CaseForm) -> isolation.IsolationCase:
        return self._write(isolation.open_case, form=form)

    def open_case_count(self) -> int:
        with self.db.reading() as s:
            return isolation.count_cases(s)[0]

    def isolation_cases(self) -> list[isolation.OpenCase]:
        with self.db.reading() as s:
            return isolation.open_cases(s, self.settings, self.clock())

    def closed_cases(self, days: int = 7) -> list[isolation.IsolationCase]:
        with self.db.reading() as s:
            return isolation.closed_cases(s, since=self.clock() - timedelta(days=days))

    def recheck(self, case_id: str, temperature: str) -> isolation.IsolationRecheck:
        return self._write(isolation.add_recheck, case_id=case_id, temperature=temperature)

    def notify(self, case_id: str, party: isolation.Party, note: str = "") -> isolation.IsolationNotice:
        return self._write(isolation.notify, case_id=case_id, party=party, note=note)

    def hand_over_case(self, case_id: str, to_whom: str) -> isolation.IsolationCase:
        return self._write(isolation.hand_over, case_id=case_id, to_whom=to_whom)

    def close_case(self, case_id: str, outcome: isolation.Outcome) -> isolation.IsolationCase:
        return self._write(isolation.close_case, case_id=case_id, outcome=outcome, settings=self.settings)

    def correct_case(self, case_id: str, field: str, value: str, reason: str) -> isolation.CaseCorrection:
        """A supervisor's correction of a closed case: a new revision, the old value and the reason kept."""
        sup = self.acting(Role.SUPERVISOR)
        with self.db.session() as s:
            row = isolation.correct_case(session=s, ctx=self.ctx, operator_id=sup.id, now=self.clock(),
                                         case_id=case_id, field=field, value=value, reason=reason)
            self._audit(s, "correct", record_id=case_id, detail=field, operator_id=sup.id)
            s.commit()
            return row

    # -- the drop-off station ----------------------------------------------------------------------
    def take_in(self, form: parcels.IntakeForm) -> parcels.Parcel:
        return self._write(parcels.intake, form=form)

    def disinfect_waiting(self, agent: str) -> parcels.DisinfectionRound:
        return self._write(parcels.disinfect_waiting, agent=agent)

    def record_round(self, *, area: str, agent: str, note: str = "") -> parcels.DisinfectionRound:
        return self._write(parcels.record_round, area=area, agent=agent, note=note)

    def find_parcels(self, *, code: str = "", room: str = "") -> list[parcels.Parcel]:
        with self.db.reading() as s:
            return parcels.find_waiting(s, code=code, room=room)

    def collect(self, parcel_id: str, collected_by: str) -> parcels.Parcel:
        with self.db.session() as s:
            p = parcels.collect(session=s, parcel_id=parcel_id, collected_by=collected_by, now=self.clock())
            s.commit()
            return p

    def deliver(self, parcel_id: str, volunteer: str) -> parcels.Parcel:
        with self.db.session() as s:
            p = parcels.deliver(session=s, parcel_id=parcel_id, volunteer=volunteer, now=self.clock())
            s.commit()
            return p

    def waiting_parcels(self) -> list[parcels.Parcel]:
        with self.db.reading() as s:
            return parcels.waiting(s)

    def overdue_parcels(self) -> list[parcels.Parcel]:
        with self.db.reading() as s:
            return parcels.overdue(s, self.settings, self.clock())

    def handed_out_today(self) -> list[parcels.Parcel]:
        with self.db.reading() as s:
            return parcels.handed_out_on(s, local_today(self.clock(), self.settings.zone), self.settings)

    def parcel_counts_by_day(self, days: int = 7) -> list[tuple]:
        with self.db.reading() as s:
            return parcels.counts_by_day(s, self.settings, days=days, now=self.clock())

    def disinfect_items(self, parcel_ids: list[str], agent: str) -> parcels.DisinfectionRound:
        return self._write(parcels.disinfect_waiting, agent=agent, parcel_ids=parcel_ids)

    def waiting_count(self) -> int:
        with self.db.reading() as s:
            return parcels.count_waiting(s)

    def parcel_counts(self) -> parcels.ParcelDay:
        with self.db.reading() as s:
            return parcels.day_counts(s, self.settings, self.clock())

    def known_rooms(self, prefix: str) -> list[str]:
        with self.db.reading() as s:
            return parcels.known_rooms(s, prefix)

    # -- the daily readiness check ---------------------------------------------------------------
    def readiness_today(self) -> readiness.Today:
        with self.db.reading() as s:
            return readiness.today(s, ctx=self.ctx, settings=self.settings, now=self.clock())

    def record_readiness(self, ticked: dict[str, bool], remarks: str) -> readiness.ReadinessCheck:
        return self._write(readiness.record_check, ticked=ticked, remarks=remarks, settings=self.settings)

    # -- residents' passes at the gate --------------------------------------------------------
    def scan_pass(self, text: str) -> residents.ScanResult:
        """A scanned pass: the resident and the direction, or PassRefused (the refusal is recorded).

        A resident under home isolation or monitoring who is on the way out is stopped here.
        """
        now = self.clock()
        today = residents.today_for(self.settings, now)
        found = direction = None
        with self.db.session() as s:
            try:
                found, resident, household = residents.verify_pass(s, text, today=today)
                direction = residents.next_direction(s, resident.id, now - timedelta(hours=24))
                monitoring = residents.active_monitoring(s, resident.id, today)
                if monitoring is not None and direction == residents.Direction.OUT:
                    raise residents.PassRefused(
                        residents.STOPPED[residents.MonitoringKind(monitoring.kind)], name=mask_name(resident.name),
                        room=household.label, until=monitoring.until)
            except residents.PassRefused as refusal:
                residents.record_refusal(s, ctx=self.ctx, operator_id=self._operator_id(), code=refusal.code,
                                         pass_id=found.id if found else None,
                                         resident_id=found.resident_id if found else None,
                                         direction=direction or residents.Direction.IN, now=now)
                s.commit()
                raise
            s.commit()
        return residents.ScanResult(resident=resident, household=household, pass_=found, direction=direction,
                                    monitoring=monitoring)

    def needs_temperature(self, scan: residents.ScanResult) -> bool:
        return self.settings.check_temperature and scan.direction == residents.Direction.IN

    def record_passage(self, scan: residents.ScanResult, temperature: str = "") -> residents.Passage:
        """Raises InvalidInput for a missing or impossible reading, PassRefused for a fever."""
        from models.validation import FieldError, InvalidInput, parse_temperature

        reading = None
        if self.needs_temperature(scan):
            errors: list[FieldError] = []
            reading = parse_temperature("temperature", temperature, errors, required=True)
            if errors:
                raise InvalidInput(errors)
        now = self.clock()
        with self.db.session() as s:
            if reading is not None and reading >= self.settings.fever_threshold:
                residents.record_refusal(s, ctx=self.ctx, operator_id=self._operator_id(), code="fever",
                                         pass_id=scan.pass_.id, resident_id=scan.resident.id,
                                         direction=scan.direction, now=now)
                s.commit()
                raise residents.PassRefused("fever", name=mask_name(scan.resident.name), temperature=reading,
                                            limit=self.settings.fever_threshold)
            row = residents.record_passage(s, ctx=self.ctx, operator_id=self._operator_id(), scan=scan,
                                           temperature=reading, now=now)
            s.commit()
        return row

    def _operator_id(self) -> str | None:
        return self.operator.id if self.operator else None

    # -- sync: the gate's side ------------------------------------------------------------
    @property
    def is_office(self) -> bool:
        return sync.is_office(self.db)

    def last_export(self):
        with self.db.reading() as s:
            return sync.last_export(s)

    def station_key_id(self) -> str:
        """The fingerprint of this gate's signing key, for the office to check by phone."""
        with self.db.session() as s:
            fingerprint = sync.station_fingerprint(s)
            s.commit()
        return fingerprint

    def setup_info(self):
        """What the gate's set-up sheet shows (the office enrolls the gate by its fingerprint)."""
        from models.setup_sheet import SetupInfo
        from models.site import Compound

        with self.db.session() as s:
            fingerprint = sync.station_fingerprint(s)
            compound = s.get(Compound, self.ctx.compound_id)
            s.commit()
        return SetupInfo(compound=self.ctx.compound_name, gate=self.ctx.gate_name, community=compound.community,
                         subdistrict=compound.subdistrict, district=compound.district,
                         station_id=self.ctx.station_id, fingerprint=fingerprint, printed=self.today())

    def enroll_station(self, fingerprint: str) -> bool:
        """An administrator accepts a station whose fingerprint they checked with the gate; its
        bundles are imported from now on. False when it was enrolled already."""
        admin = self.acting(Role.ADMIN)
        clean = sync.normalise_fingerprint(fingerprint)
        if clean is None:
            raise ValueError(fingerprint)
        with self.db.session() as s:
            done = sync.enroll(s, clean, now=self.clock(), operator_id=admin.id, station_id=self.ctx.station_id)
            s.commit()
        return done

    def office_key(self) -> sync.OfficeKeyFile | None:
        """At a gate: the office key bundles are encrypted to, if one was loaded."""
        with self.db.reading() as s:
            return sync.loaded_office_key(s)

    def load_office_key(self, text: str) -> sync.OfficeKeyFile:
        """Raises sync.BadKeyFile for anything but an office key file."""
        admin = self.acting(Role.ADMIN)
        key = sync.OfficeKeyFile.loads(text)
        with self.db.session() as s:
            sync.load_office_key(s, key)
            self._audit(s, "office_key", detail=key.key_id, operator_id=admin.id)
            s.commit()
        return key

    def export_bundle(self, out, *, day_from=None, day_to=None, full_data: bool = False, progress=None):
        """A supervisor's export (unmasked spreadsheets: an administrator's). Runs on a worker
        thread: it opens its own connections."""
        who = self.acting(Role.ADMIN if full_data else Role.SUPERVISOR)
        return sync.export_bundle(self.db, out, day_from=day_from, day_to=day_to, full_data=full_data,
                                  language=self.settings.language, now=self.clock(), progress=progress,
                                  operator_id=who.id)

    # -- sync: the office's side ----------------------------------------------------------
    def complete_office_setup(self, *, office_name: str, community: str, admin_name: str, pin: str,
                              pin_again: str, office_label: str) -> StationContext:
        """First run at a community office: its name, and its first administrator."""
        form = SetupForm(compound_name=office_name, community=community, gate_name=office_label,
                         admin_name=admin_name, admin_pin=pin, admin_pin_again=pin_again)
        with self.db.session() as s:
            self.ctx = complete_setup(s, form, now=self.clock())
            sync.mark_office(s, name=office_name.strip())
            s.commit()
        return self.ctx

    def office_name(self) -> str:
        with self.db.reading() as s:
            return sync.office_name(s)

    def office_key_file(self) -> sync.OfficeKeyFile:
        admin = self.acting(Role.ADMIN)
        with self.db.session() as s:
            key = sync.office_key_file(s, sync.office_name(s))
            self._audit(s, "office_key", detail=f"written {key.key_id}", operator_id=admin.id)
            s.commit()
        return key

    def importer(self, *, trusted_files=None) -> sync.Importer:
        """trusted_files: files whose gate's new signing key an administrator accepts (audited on import)."""
        if trusted_files:
            self.acting(Role.ADMIN)
        return sync.Importer(self.db, clock=self.clock, trusted_files=trusted_files,
                             operator_id=self.operator.id if self.operator else None)

    def day_summary(self, day):
        from zoneinfo import ZoneInfo

        from models import office

        with self.db.reading() as s:
            return office.day_summary(s, day, ZoneInfo(self.settings.timezone),
                                      overdue_hours=self.settings.parcel_overdue_hours)

    def visit_series(self, last_day, days: int):
        from zoneinfo import ZoneInfo

        from models import office

        with self.db.reading() as s:
            return office.series(s, last_day, days, ZoneInfo(self.settings.timezone))

    def drill_visits(self, *, compound_ids: list[str], day, decision: str | None = None):
        from zoneinfo import ZoneInfo

        from models import office

        with self.db.reading() as s:
            return office.drill_visits(s, compound_ids=compound_ids, day=day, zone=ZoneInfo(self.settings.timezone),
                                       decision=decision)

    def completeness(self):
        with self.db.reading() as s:
            return sync.completeness(s)

    def open_conflicts(self):
        with self.db.reading() as s:
            return sync.open_conflicts(s)

    def resolve_conflict(self, conflict_id: str, *, take_incoming: bool) -> None:
        who = self.acting(Role.SUPERVISOR)  # it decides which copy of a gate's record the office keeps
        sync.resolve_conflict(self.db, conflict_id, take_incoming=take_incoming, operator_id=who.id,
                              now=self.clock(), station_id=self.ctx.station_id if self.ctx else "office")

    def write_report(self, day, path):
        from zoneinfo import ZoneInfo

        from models import reports

        who = self.acting(Role.SUPERVISOR)  # an export, as at a gate
        summary = self.day_summary(day)
        with self.db.session() as s:
            missing = sync.not_reported(s, day, ZoneInfo(self.settings.timezone))
            name = sync.office_name(s)
        written = reports.write_report(summary, path, language=self.settings.language, office=name, missing=missing)
        with self.db.session() as s:
            self._audit(s, "report", detail=day.isoformat(), operator_id=who.id)
            s.commit()
        return written

    # -- deletion, retention and the end of the campaign ----------------------------------------
    def delete_visit(self, visit_id: str, reason: str) -> None:
        """A supervisor removes a registration made in error. A tombstone with the reason stays and
        travels in the next bundle, so the office deletes its copy too. Raises InvalidInput."""
        from models.sync_tables import Tombstone
        from models.validation import InvalidInput, _err, clean_text

        sup = self.acting(Role.SUPERVISOR)
        errors = []
        why = clean_text("reason", reason, errors, required=True, max_len=TOMBSTONE_REASON_MAX)
        now = self.clock()
        with self.db.session() as s:
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
            self._audit(s, "delete", record_id=visit_id, detail="visit", operator_id=sup.id)
            s.commit()

    def erase_expired(self, *, once_a_day: bool = False, chunk: int = ERASE_CHUNK,
                      stopping=lambda: False) -> retention.Erased | None:
        """Personal data past the retention period (at start-up, and daily while running).

        Works in chunks, each its own short transaction with its own audit entry, so it can run
        on a worker thread while the gate saves; stopping() between chunks ends it early (the
        next run carries on). None when it already ran today (once_a_day)."""
        from models.bundle import parse_wire_time, wire_time
        from models.db import Meta, scrub

        now, today = self.clock(), self.today()
        cutoff = now - timedelta(days=self.settings.retention_days)
        office = self.is_office
        with self.db.session() as s:
            done = s.get(Meta, RETENTION_DAY)
            if once_a_day and done is not None and done.value == today.isoformat():
                return None
            mark = s.get(Meta, RETENTION_DONE_BEFORE)
            done_before = parse_wire_time(mark.value) if mark is not None else None
        total = retention.Erased(complete=False)  # until a chunk finds nothing more
        reached: dict = {}
        while not stopping():
            with self.db.session() as s:
                part = retention.erase_expired(s, retention_days=self.settings.retention_days, today=today,
                                               cutoff=cutoff, now=now, office=office, done_before=done_before,
                                               limit=chunk, reached=reached)
                if part.total:
                    self._audit(s, "purge", detail=part.detail(), operator_id=None)
                if part.complete:
                    s.merge(Meta(key=RETENTION_DAY, value=today.isoformat()))
                    if done_before is None or cutoff > done_before:
                        s.merge(Meta(key=RETENTION_DONE_BEFORE, value=wire_time(cutoff)))
                s.commit()
            total.add(part)
            if part.complete:
                total.complete = True
                break
        if total.total:
            scrub(self.db)
        return total

    def erasure_failed(self, exc: Exception) -> None:
        """The retention erasure failed: a crash report (code locations only) and an audit entry,
        once a day per kind of failure, however often the minute timer meets it again."""
        from models import crash

        key = (self.today().isoformat(), type(exc).__name__)
        if key in self._erasure_failures:
            return
        self._erasure_failures.add(key)
        if self.db.path is not None:
            crash.report_quietly(self.db.path.parent / "logs", exc, self.clock())
        try:
            with self.db.session() as s:
                self._audit(s, "purge_failed", detail=type(exc).__name__, operator_id=None)
                s.commit()
        except Exception:  # noqa: BLE001 - the database itself may be what fails; the report is written
            pass

    def personal_left(self) -> int:
        with self.db.engine.connect() as conn:  # a read: no write lock
            return retention.personal_left(conn)

    def audit_page(self, *, before_seq: int | None = None, limit: int = 200) -> list[audit.AuditEvent]:
        """The newest entries first; administrators only."""
        self.acting(Role.ADMIN)
        with self.db.reading() as s:
            return audit.entries(s, limit=limit, before_seq=before_seq)

    def audit_verdict(self, progress=None, stopping=lambda: False) -> audit.Verdict | None:
        """Seconds on a year's log: run it off the GUI thread. A plain read, so it never holds
        the write lock a save needs. Entries cut off the end since the last anchor are reported."""
        with self.db.engine.connect() as conn:
            return audit.verify(conn, progress, stopping, anchor=audit.load_anchor(self.db.path))

    def anchor_audit(self) -> None:
        """Note the audit chain's head beside the database (at close, and with the housekeeping)."""
        with self.db.engine.connect() as conn:
            audit.save_anchor(self.db.path, conn)

    def campaign_phrase(self) -> str:
        """What an administrator types to confirm the end of the campaign: this station's name."""
        return self.ctx.compound_name

    def campaign_confirmed(self, typed: str) -> bool:
        return typed.strip() == self.campaign_phrase()

    def end_campaign(self, confirmation: str) -> CampaignEnded:
        """Erase all personal data on this station, and the backups that hold it. Raises
        NotConfirmed unless `confirmation` is campaign_phrase() exactly."""
        from pathlib import Path

        from models import paths
        from models.db import DAILY_PREFIX, scrub

        admin = self.acting(Role.ADMIN)
        if not self.campaign_confirmed(confirmation):
            raise NotConfirmed()
        with self.db.session() as s:
            result = retention.erase_all(s, now=self.clock(), office=self.is_office)
            self._audit(s, "erase_all", detail=result.detail(), operator_id=admin.id)
            s.commit()
        scrub(self.db, vacuum=True)
        removed = 0
        if self.db.path is not None:
            folders = {paths.backups_dir(self.db.path.parent)}
            if self.settings.backup_folder:
                folders.add(Path(self.settings.backup_folder))
            for folder in folders:
                for old in folder.glob("*.sqlite3") if folder.is_dir() else ():
                    if old.name.startswith(DAILY_PREFIX) or folder == paths.backups_dir(self.db.path.parent):
                        old.unlink()
                        removed += 1
        return CampaignEnded(result, removed)

    # -- posters and passes ------------------------------------------------------------------
    def daily_backup(self):
        """Today's backup (once a day, while the app runs), keeping the last settings.backup_keep."""
        from pathlib import Path

        from models import paths
        from models.db import daily_backup

        if self.db.path is None:
            return None
        folder = Path(self.settings.backup_folder) if self.settings.backup_folder else \
            paths.backups_dir(self.db.path.parent)
        return daily_backup(self.db.path, folder, self.today().isoformat(), self.settings.backup_keep)

    def today(self):
        """Today in the compound's time zone."""
        return residents.today_for(self.settings, self.clock())

    def poster_gates(self) -> list[tuple]:
        """(compound, gate) this desk prints posters for: its own gate, or every gate at an office."""
        from models import posters

        with self.db.reading() as s:
            gates = posters.all_gates(s)
        if self.ctx is not None and not self.is_office:
            gates = [(c, g) for c, g in gates if g.id == self.ctx.gate_id]
        return gates

    def venue_code(self, gate_id: str):
        from models import posters

        with self.db.reading() as s:
            return posters.venue_code(s, gate_id)

    def save_venue_code(self, *, gate_id: str, kind: str, content: str, hotline: str) -> None:
        """Raises posters.PosterProblem for content that cannot go on a poster."""
        from models import posters

        admin = self.acting(Role.ADMIN)  # it changes what every printed poster says
        with self.db.session() as s:
            posters.save_venue_code(s, gate_id=gate_id, kind=kind, content=content, hotline=hotline, now=self.clock())
            self._audit(s, "venue_code", record_id=gate_id, detail=kind, operator_id=admin.id)
            s.commit()

    def poster_spec(self, gate_id: str, *, size: str = "A4"):
        from models import posters
        from models.site import Gate

        with self.db.reading() as s:
            return posters.poster_spec(s, s.get(Gate, gate_id), self.settings, size=size,
                                       language=self.settings.language,
                                       today=residents.today_for(self.settings, self.clock()))

    def residents_overview(self) -> list[tuple]:
        """(resident, household, valid pass or None, monitoring or None), by room."""
        self.acting(Role.ADMIN)
        today = residents.today_for(self.settings, self.clock())
        with self.db.engine.connect() as conn:  # a read: no write lock
            return residents.roster_overview(conn, today)

    def import_roster(self, path, progress=None) -> residents.RosterImport:
        """All rows that can be read, in one unit of work (runs on a worker thread: its own session).
        Raises sheets.SheetProblem for a file that cannot be read at all."""
        admin = self.acting(Role.ADMIN)
        with self.db.session() as s:
            result = residents.import_roster(s, self.ctx, path, now=self.clock(), progress=progress)
            self._audit(s, "roster_import", detail=f"added={result.added} skipped={len(result.skipped)}",
                        operator_id=admin.id)
            s.commit()
        return result

    def add_resident(self, *, room: str, name: str, phone: str) -> residents.Resident:
        """Raises residents.RosterProblem naming the field that is wrong."""
        admin = self.acting(Role.ADMIN)
        parts, clean_name, clean_phone = residents.check_resident(room, name, phone)
        with self.db.session() as s:
            r = residents.add_resident(s, self.ctx, room="-".join(parts), name=clean_name, phone=clean_phone,
                                       now=self.clock())
            self._audit(s, "resident", record_id=r.id, detail="added", operator_id=admin.id)
            s.commit()
            return r

    def edit_resident(self, resident_id: str, *, room: str, name: str, phone: str) -> None:
        admin = self.acting(Role.ADMIN)
        with self.db.session() as s:
            residents.edit_resident(s, self.ctx, resident_id, room=room, name=name, phone=phone, now=self.clock(),
                                    today=self.today())
            self._audit(s, "resident", record_id=resident_id, detail="edited", operator_id=admin.id)
            s.commit()

    def move_out(self, resident_id: str) -> None:
        admin = self.acting(Role.ADMIN)
        with self.db.session() as s:
            residents.move_out(s, resident_id, now=self.clock())
            self._audit(s, "resident", record_id=resident_id, detail="moved out", operator_id=admin.id)
            s.commit()

    def import_monitoring(self, path) -> residents.RosterImport:
        admin = self.acting(Role.ADMIN)
        with self.db.session() as s:
            result = residents.import_monitoring(s, self.ctx, path, now=self.clock())
            self._audit(s, "monitoring_import", detail=f"added={result.added} skipped={len(result.skipped)}",
                        operator_id=admin.id)
            s.commit()
        return result

    def save_roster_file(self, path, passphrase: str) -> int:
        """Raises residents.RosterFileProblem (a short passphrase). The file carries the pass key."""
        admin = self.acting(Role.ADMIN)
        with self.db.session() as s:
            count = residents.save_roster_file(s, self.ctx, path, passphrase, now=self.clock())
            self._audit(s, "roster_file", detail=f"saved records={count}", operator_id=admin.id)
            s.commit()
        return count

    def load_roster_file(self, path, passphrase: str) -> int:
        """Raises residents.RosterFileProblem saying why the file cannot be taken; takes all or nothing."""
        admin = self.acting(Role.ADMIN)
        with self.db.session() as s:
            taken = residents.load_roster_file(s, self.ctx, path, passphrase)
            self._audit(s, "roster_file", detail=f"loaded records={taken}", operator_id=admin.id)
            s.commit()
        return taken

    def issue_passes(self, resident_ids: list[str]) -> int:
        """A pass for each resident without a valid one; reissues replace lost cards."""
        admin = self.acting(Role.ADMIN)
        today = residents.today_for(self.settings, self.clock())
        with self.db.session() as s:
            have = {p.resident_id for p, _, _ in residents.valid_passes(s, today=today)}
            made = 0
            for rid in resident_ids:
                if rid not in have:
                    p = residents.issue_pass(s, self.ctx, resident_id=rid, today=today, now=self.clock())
                    self._audit(s, "pass_issue", record_id=p.id, operator_id=admin.id)
                    made += 1
            s.commit()
        return made

    def reissue_pass(self, pass_id: str, reason: str):
        admin = self.acting(Role.ADMIN)
        with self.db.session() as s:
            new = residents.reissue_pass(s, self.ctx, pass_id, reason=reason,
                                         today=residents.today_for(self.settings, self.clock()), now=self.clock())
            self._audit(s, "pass_reissue", record_id=new.id, detail=f"replaces={pass_id}", operator_id=admin.id)
            s.commit()
            return new

    def revoke_pass(self, pass_id: str, reason: str) -> None:
        admin = self.acting(Role.ADMIN)
        with self.db.session() as s:
            residents.revoke_pass(s, pass_id, reason=reason, now=self.clock())
            self._audit(s, "pass_revoke", record_id=pass_id, operator_id=admin.id)
            s.commit()

    def put_under_monitoring(self, resident_id: str, kind: str, until, reason: str) -> None:
        admin = self.acting(Role.ADMIN)
        with self.db.session() as s:
            row = residents.put_under_monitoring(s, self.ctx, resident_id=resident_id, kind=kind, until=until,
                                                 reason=reason, now=self.clock())
            self._audit(s, "monitoring", record_id=row.id, detail=f"{kind} until {until}", operator_id=admin.id)
            s.commit()

    def end_monitoring(self, monitoring_id: str) -> None:
        admin = self.acting(Role.ADMIN)
        with self.db.session() as s:
            row = s.get(residents.HomeMonitoring, monitoring_id)
            if row is not None and row.ended_at is None:
                row.ended_at = self.clock()
                row.touch(self.clock())
                s.add(row)
                self._audit(s, "monitoring", record_id=monitoring_id, detail="ended", operator_id=admin.id)
                s.commit()

    def pass_cards(self, *, building: str | None = None, household_id: str | None = None,
                   resident_ids: list[str] | None = None):
        admin = self.acting(Role.ADMIN)  # whoever holds the cards can walk in: printing them is minting them
        today = residents.today_for(self.settings, self.clock())
        with self.db.session() as s:
            cards = residents.pass_cards(s, building=building, household_id=household_id, today=today)
            if resident_ids is not None:
                wanted = {p.id for p, r, _ in residents.valid_passes(s, today=today) if r.id in set(resident_ids)}
                cards = [c for c in cards if c.pass_id in wanted]
            if cards:
                self._audit(s, "pass_print", detail=f"passes={len(cards)}", operator_id=admin.id)
            s.commit()
        return cards
