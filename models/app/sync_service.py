"""Sync: the gate's keys and exports, the office's set-up, imports, enrollment and conflicts."""
from __future__ import annotations

from models import sync
from models.app.actions import ANYONE, action
from models.app.work import Service
from models.setup.site import Compound, StationContext, compound_grid
from models.sync import units
from models.sync.setup_sheet import SetupInfo
from models.trust.first_run import SetupForm, complete_setup
from models.trust.operators import NotAllowed, Role


class SyncService(Service, key="sync"):
    @action()
    def last_export(self):
        with self.db.reading() as s:
            return sync.last_export(s)

    @action(ANYONE, unit=True)  # the key is made on first use
    def station_key_id(self) -> str:
        """The fingerprint of this gate's signing key, for the office to check by phone."""
        return sync.station_fingerprint(self.unit)

    @action(ANYONE, unit=True)
    def setup_info(self):
        """What the gate's set-up sheet shows (the office enrolls the gate by its fingerprint)."""
        s = self.unit
        fingerprint = sync.station_fingerprint(s)
        compound = s.get(Compound, self.ctx.compound_id)
        grid = compound_grid(s)
        return SetupInfo(compound=self.ctx.compound_name, gate=self.ctx.gate_name, community=compound.community,
                         grid=grid, subdistrict=compound.subdistrict, district=compound.district,
                         station_id=self.ctx.station_id, fingerprint=fingerprint, printed=self.desk.today())

    @action(Role.ADMIN, audit="enroll")
    def enroll_station(self, fingerprint: str) -> bool:
        """An administrator accepts a station whose fingerprint they checked with the gate; its
        bundles are imported from now on. False when it was enrolled already."""
        admin = self.desk.actor
        clean = sync.normalise_fingerprint(fingerprint)
        if clean is None:
            raise ValueError(fingerprint)
        s = self.unit
        done = sync.enroll(s, clean, now=self.clock(), operator_id=admin.id, station_id=self.ctx.station_id)
        return done

    @action(ANYONE)
    def office_key(self) -> sync.OfficeKeyFile | None:
        """The office key bundles are encrypted to, if one was loaded (at an office: the office above's)."""
        with self.db.reading() as s:
            return sync.loaded_office_key(s)

    @action(Role.ADMIN, audit="office_key", scheduled=True)
    def load_office_key(self, text: str, *, scheduled: bool = False) -> sync.OfficeKeyFile:
        """Raises sync.BadKeyFile for anything but an office key file."""
        admin = self.desk.actor
        key = sync.OfficeKeyFile.loads(text)
        s = self.unit
        sync.load_office_key(s, key)
        self.desk.audit(s, "office_key", detail=key.key_id + (" command line" if scheduled else ""),
                        operator_id=admin.id if admin else None)
        return key

    @action(Role.SUPERVISOR, audit="export", scheduled=True, admin_if="full_data", unit=False)
    def export_bundle(self, out, *, day_from=None, day_to=None, full_data: bool = False, progress=None,
                      scheduled: bool = False, language: str | None = None):
        """A supervisor's export (unmasked spreadsheets: an administrator's, never scheduled). Runs
        on a worker thread: it opens its own connections."""
        who = self.desk.actor
        return sync.export_bundle(self.db, out, day_from=day_from, day_to=day_to, full_data=full_data,
                                  language=language or self.settings.language, now=self.clock(), progress=progress,
                                  operator_id=who.id if who else None)

    @action(ANYONE, audit="setup")
    def complete_office_setup(self, *, office_name: str, community: str, admin_name: str, pin: str,
                              pin_again: str, office_label: str, subdistrict: str = "",
                              district: str = "") -> StationContext:
        """First run at an office: its name, the unit it speaks for, and its first administrator."""
        form = SetupForm(compound_name=office_name, community=community, subdistrict=subdistrict, district=district,
                         gate_name=office_label, admin_name=admin_name, admin_pin=pin, admin_pin_again=pin_again)
        s = self.unit
        self.desk.ctx = complete_setup(s, form, now=self.clock())
        sync.mark_office(s, name=office_name.strip())
        self.desk.audit(s, detail="office")
        self.desk.staff.sign_in_first_administrator(pin)
        return self.ctx

    @action(ANYONE, audit="setup")
    def complete_inspection_setup(self, *, team_name: str, admin_name: str, pin: str, pin_again: str,
                                  community: str = "", subdistrict: str = "", district: str = "",
                                  label: str = "督导组") -> StationContext:
        """First run of a supervision team's station: the team, the unit it belongs to (it inspects no
        compound of that unit), its first administrator; the shipped standards are installed."""
        from models import supervision

        form = SetupForm(compound_name=team_name, community=community, subdistrict=subdistrict, district=district,
                         gate_name=label, admin_name=admin_name, admin_pin=pin, admin_pin_again=pin_again)
        s = self.unit
        self.desk.ctx = complete_setup(s, form, now=self.clock())
        sync.mark_inspection(s)
        sync.ensure_signing_key(s)
        supervision.install_shipped(s, ctx=self.ctx, now=self.clock())
        self.desk.audit(s, detail="inspection")
        self.desk.staff.sign_in_first_administrator(pin)
        return self.ctx

    @action(Role.SUPERVISOR, audit="forward", scheduled=True, unit=False)
    def forward_bundle(self, out, *, progress=None, scheduled: bool = False) -> sync.ExportResult:
        """A supervisor's bundle of the gates' records for the office above (a sub-district's or
        district's); the command line's is scheduled. Raises sync.NoUnit when this office names no
        unit to speak for. Runs on a worker thread: it opens its own connections."""
        who = self.desk.actor
        return sync.forward_bundle(self.db, out, now=self.clock(), progress=progress,
                                   operator_id=who.id if who else None)

    @action(ANYONE)
    def office_unit(self) -> sync.OfficeUnit:
        """The unit this office speaks for when it forwards (district / sub-district / community)."""
        with self.db.reading() as s:
            return sync.office_unit(s)

    @action(ANYONE)
    def office_name(self) -> str:
        with self.db.reading() as s:
            return sync.office_name(s)

    @action(Role.ADMIN, audit="office_key", scheduled=True)
    def office_key_file(self, *, name: str = "", scheduled: bool = False) -> sync.OfficeKeyFile:
        """The key file gates load to encrypt their bundles for this office (its public key);
        name renames the office first."""
        admin = self.desk.actor
        s = self.unit
        if name.strip():
            sync.set_office_name(s, name.strip()[:100])
        key = sync.office_key_file(s, sync.office_name(s))
        self.desk.audit(s, "office_key", detail=f"written {key.key_id}", operator_id=admin.id if admin else None)
        return key

    @action(scheduled=True)
    def importer(self, *, trusted_files=None, trust_new_key: bool = False, enroll=(),
                 scheduled: bool = False) -> sync.Importer:
        """trusted_files: files whose gate's new signing key an administrator accepts; trust_new_key
        accepts every new key; enroll: fingerprints of new stations an administrator checked (all
        audited on import)."""
        who = None
        if trusted_files or trust_new_key or enroll:
            who = self.desk.acting_or_scheduled(Role.ADMIN, scheduled)
        actor = who or self.desk.authority or self.operator
        return sync.Importer(self.db, clock=self.clock, trusted_files=trusted_files, trust_new_key=trust_new_key,
                             enroll=set(enroll), operator_id=actor.id if actor else None)

    def _stations(self, s) -> set[str] | None:
        """The gates this account may see (an account limited to a unit: that unit's)."""
        return units.visible_stations(s, self.desk.operator.id if self.desk.operator else None)

    @action()
    def completeness(self):
        with self.db.reading() as s:
            stations = self._stations(s)
            return [r for r in sync.completeness(s) if stations is None or r.station_id in stations]

    @action()
    def open_conflicts(self) -> list[sync.ConflictView]:
        """What differs in each undecided conflict, personal data masked (of this account's gates)."""
        with self.db.reading() as s:
            stations = self._stations(s)
            return sync.conflict_views(s, stations)

    @action(Role.SUPERVISOR, audit="conflict", unit=False)  # the office's import lock, as an import
    def resolve_conflict(self, conflict_id: str, *, take_incoming: bool) -> None:
        who = self.desk.actor  # it decides which copy of a gate's record the office keeps
        with self.db.reading() as s:
            stations = self._stations(s)
            if stations is not None and sync.conflict_station(s, conflict_id) not in stations:
                raise NotAllowed(Role.ADMIN)  # another unit's record
        sync.resolve_conflict(self.db, conflict_id, take_incoming=take_incoming, operator_id=who.id,
                              now=self.clock(), station_id=self.ctx.station_id if self.ctx else "office")
