"""The office's dashboard, drill-down and daily report, and its organisation units.

An office account limited to a unit (a community office on a district's server) sees that unit's
compounds only: every read here asks the core which compounds those are, whatever a screen asks."""
from __future__ import annotations

from pathlib import Path
from zoneinfo import ZoneInfo

from models import sync
from models.app.actions import action
from models.app.work import Service
from models.office import dashboard as office
from models.office import reports
from models.office import care as office_care
from models.office import rounds as office_rounds
from models.office import notice as office_notice
from models.office import supervision as office_supervision
from models.office import staffing as office_staffing
from models.sync import day_figures, units
from models.trust.operators import NotAllowed, Role


class OfficeService(Service, key="office"):
    def _visible(self, s) -> tuple[units.Tree, str | None, set[str] | None]:
        """The units, the unit this account is limited to, and its compounds (None: all of them)."""
        return units.visible(s, self.desk.operator.id if self.desk.operator else None)

    def _unit_compounds(self, s, unit_id: str | None) -> set[str] | None:
        """The compounds under unit_id (this account's, when None); another account's unit is refused."""
        try:
            return units.reachable_compounds(s, self.desk.operator.id if self.desk.operator else None, unit_id)
        except units.OutOfReach:
            raise NotAllowed(Role.ADMIN) from None

    def _counted(self) -> None:
        """The office's figures per gate and day, counted once in its zone (an office from before
        them, or a changed zone: one pass over the visits) before the dashboard reads them."""
        zone = ZoneInfo(self.settings.timezone)
        with self.db.reading() as s:
            if day_figures.counted_in(s) == zone.key or sync.read_meta(s, sync.MODE) != "office":
                return
        with self.db.writing() as conn:
            day_figures.ensure(conn, zone)

    def _summary(self, s, day, compounds: set[str] | None, tree: units.Tree | None = None) -> office.DaySummary:
        return office.day_summary(s, day, ZoneInfo(self.settings.timezone), tree=tree,
                                  overdue_hours=self.settings.parcel_overdue_hours, compounds=compounds)

    @action()
    def units(self) -> units.Tree:
        """The organisation units this account may look at (its own subtree)."""
        with self.db.reading() as s:
            tree, scope, _ = self._visible(s)
        return tree if scope is None else tree.pruned(scope)

    @action()
    def day_summary(self, day):
        self._counted()
        with self.db.reading() as s:
            tree, _, compounds = self._visible(s)
            return self._summary(s, day, compounds, tree)

    @action()
    def rollup(self, day, unit_id: str | None = None) -> list[office.UnitDay]:
        """The day one level below unit_id (below this account's own unit when None)."""
        self._counted()
        with self.db.reading() as s:
            tree, scope, compounds = self._visible(s)
            if unit_id is not None and not tree.reaches(scope, unit_id):
                raise NotAllowed(Role.ADMIN)
            summary = self._summary(s, day, compounds, tree)
        return office.rollup(summary, tree, unit_id if unit_id is not None else scope)

    @action()
    def dashboard(self, day, unit_id: str | None = None, *, descend: bool = True) -> office.DashboardView:
        """What the dashboard (and the daily report) shows, from one reading of the day: the rows one
        level below unit_id (this account's own unit when None) and the way back up. descend: a
        single unit below is opened at once (an office with one community sees its compounds)."""
        self._counted()
        with self.db.reading() as s:
            tree, scope, compounds = self._visible(s)
            if unit_id is not None and (unit_id not in tree.units or not tree.reaches(scope, unit_id)):
                unit_id = None  # merged meanwhile, or not this account's
            summary = self._summary(s, day, compounds, tree)
        unit_id = unit_id if unit_id is not None else scope
        rows = office.rollup(summary, tree, unit_id)
        while descend and len(rows) == 1 and rows[0].unit_id is not None:
            unit_id = rows[0].unit_id
            rows = office.rollup(summary, tree, unit_id)
        return office.DashboardView(unit_id=unit_id, rows=rows,
                                    path=[(u.id, u.name) for u in tree.path(unit_id, below=scope)] if unit_id else [],
                                    top=tree.units[scope].name if scope in tree.units else None, summary=summary)

    @action()
    def visit_series(self, last_day, days: int, unit_id: str | None = None):
        """Registrations per day, of the unit's compounds (this account's, when None)."""
        self._counted()
        with self.db.reading() as s:
            return office.series(s, last_day, days, ZoneInfo(self.settings.timezone),
                                 compounds=self._unit_compounds(s, unit_id))

    @action()
    def drill_visits(self, *, compound_ids: list[str], day, decision: str | None = None):
        with self.db.reading() as s:
            _, _, compounds = self._visible(s)
            if compounds is not None and not set(compound_ids) <= compounds:
                raise NotAllowed(Role.ADMIN)  # another unit's rows, whatever the screen asked
            return office.drill_visits(s, compound_ids=compound_ids, day=day, zone=ZoneInfo(self.settings.timezone),
                                       decision=decision)

    @action()
    def not_reported(self, day) -> list[str]:
        with self.db.reading() as s:
            _, _, compounds = self._visible(s)
            return sync.not_reported(s, day, ZoneInfo(self.settings.timezone), now=self.clock(), compounds=compounds)

    @action()
    def round_summary(self, day, unit_id: str | None = None) -> office_rounds.RoundsDay:
        """The day's testing rounds per compound and building, of the unit's compounds (this
        account's, when None)."""
        with self.db.reading() as s:
            compounds = self._unit_compounds(s, unit_id)
        with self.db.engine.connect() as conn:  # a read: no write lock
            return office_rounds.rounds_of_day(conn, day, compounds=compounds)

    @action()
    def care_summary(self, day, unit_id: str | None = None) -> office_care.CareDay:
        """The day's home-service ledgers per compound (on the register, services done by kind,
        still open), of the unit's compounds (this account's, when None)."""
        with self.db.reading() as s:
            compounds = self._unit_compounds(s, unit_id)
        with self.db.engine.connect() as conn:  # a read: no write lock
            return office_care.care_of_day(conn, day, self.settings.zone, compounds=compounds)

    def _period(self, first_day, days: int):
        from datetime import datetime, time, timedelta

        start = datetime.combine(first_day, time.min, tzinfo=self.settings.zone)
        return start, start + timedelta(days=days)

    @action()
    def staffing_coverage(self, first_day, days: int = 7, unit_id: str | None = None) -> list[office_staffing.Cover]:
        """Per compound of the unit (this account's, when None): the rota's shifts from first_day for
        `days` days, short, held, no-shows, check-ins and minutes on duty."""
        with self.db.reading() as s:
            compounds = self._unit_compounds(s, unit_id)
        start, end = self._period(first_day, days)
        with self.db.engine.connect() as conn:  # a read: no write lock
            return office_staffing.coverage(conn, start, end, now=self.clock(), compounds=compounds)

    @action()
    def staffing_units(self, first_day, days: int = 7, unit_id: str | None = None) -> list:
        """Hours per sending unit across the unit's compounds (this account's, when None)."""
        with self.db.reading() as s:
            compounds = self._unit_compounds(s, unit_id)
        start, end = self._period(first_day, days)
        with self.db.engine.connect() as conn:
            return office_staffing.unit_hours(conn, start, end, self.settings.zone, self.settings.night_weight,
                                              compounds=compounds)

    @action(Role.SUPERVISOR, audit="report", scheduled=True)
    def write_report(self, day, path, *, scheduled: bool = False, language: str | None = None):
        """The daily report (.xlsx or .pdf): figures per compound, the gates that did not report,
        the day's testing rounds per compound and building, and the home services per compound."""
        who = self.desk.actor  # an export, as at a gate
        view = self.dashboard(day)  # a district's report opens with its first level of several units
        missing = self.not_reported(day)
        testing = self.round_summary(day)
        care = self.care_summary(day)
        with self.db.reading() as s:
            name = sync.office_name(s)
        by_unit = view.rows if any(r.unit_id is not None for r in view.rows) else None
        written = reports.write_report(view.summary, path, language=language or self.settings.language, office=name,
                                       missing=missing, by_unit=by_unit, rounds=testing if testing.rows else None,
                                       care=care if care.rows else None)
        s = self.unit
        self.desk.audit(s, "report", detail=day.isoformat() + (" command line" if scheduled else ""),
                        operator_id=who.id if who else None)
        return written

    # -- supervision --------------------------------------------------------------------------------
    @action()
    def supervision_coverage(self, days: int = 7, unit_id: str | None = None) -> list[office_supervision.Coverage]:
        """The unit's compounds, those not visited in `days` days first."""
        with self.db.reading() as s:
            compounds = self._unit_compounds(s, unit_id)
        with self.db.engine.connect() as conn:
            return office_supervision.coverage(conn, self.desk.today(), days=days, compounds=compounds)

    @action()
    def findings_by_party(self, unit_id: str | None = None) -> list[office_supervision.PartyLine]:
        with self.db.reading() as s:
            compounds = self._unit_compounds(s, unit_id)
        with self.db.engine.connect() as conn:
            return office_supervision.findings_by_party(conn, self.desk.today(), compounds=compounds)

    @action()
    def repeated_findings(self, unit_id: str | None = None) -> list[office_supervision.Repeat]:
        with self.db.reading() as s:
            compounds = self._unit_compounds(s, unit_id)
        with self.db.engine.connect() as conn:
            return office_supervision.repeats(conn, compounds=compounds)

    @action(Role.SUPERVISOR, audit="photos_viewed")
    def compound_photos(self, compound_id: str) -> office_supervision.CompoundPhotos:
        """A compound's signed visits with their photos, the newest first (as many as one look
        shows): a supervisor's, within their account's unit, and audited (a photo may show a face
        or a logbook's page)."""
        with self.db.reading() as s:
            reach = self._unit_compounds(s, None)
            if reach is not None and compound_id not in reach:
                raise NotAllowed(Role.ADMIN)
            found = office_supervision.compound_photos(s, compound_id)
        self.desk.audit(self.unit, record_id=compound_id, detail=f"{sum(len(v.photos) for v in found.visits)} photos")
        return found

    @action()
    def league_table(self, day_from, day_to, level: str, unit_id: str | None = None) -> list:
        """Per community, sub-district or property company (office_supervision.LEVELS), best first."""
        with self.db.reading() as s:
            compounds = self._unit_compounds(s, unit_id)
        with self.db.engine.connect() as conn:
            return office_supervision.league(conn, day_from, day_to, self.desk.today(), level=level,
                                             compounds=compounds)

    @action(Role.SUPERVISOR, audit="notice", scheduled=True)
    def write_notice(self, day_from, day_to, path, *, language: str | None = None, unit_id: str | None = None,
                     scheduled: bool = False):
        """The supervision notice (通报) of the period, as a .pdf or .xlsx: praise, criticism, what must
        be put right, and the annex of problems per compound."""
        with self.db.reading() as s:
            compounds = self._unit_compounds(s, unit_id)
            name = sync.office_name(s)
        with self.db.engine.connect() as conn:
            gathered = office_notice.gather(conn, day_from, day_to, self.desk.today(), office=name,
                                            compounds=compounds)
        written = office_notice.write_notice(gathered, Path(path), language=language or self.settings.language)
        self.desk.audit(self.unit, detail=f"{day_from.isoformat()}..{day_to.isoformat()} visits={gathered.visits}"
                        + (" command line" if scheduled else ""))
        return written

    # -- corrections, by an administrator --------------------------------------------------------
    def _correct(self, fn, *args, detail: str = ""):
        admin = self.desk.actor
        s = self.unit
        if units.scope_of(s, admin.id) is not None:
            raise NotAllowed(Role.ADMIN)  # the district's units are the district's to change
        result = fn(s, *args)
        self.desk.audit(s, detail=detail)
        return result

    @action(Role.ADMIN, audit="unit_rename")
    def rename_unit(self, unit_id: str, name: str) -> str:
        """Raises units.UnitRefused; returns the unit that holds the name now."""
        return self._correct(units.rename, unit_id, name, detail=unit_id)

    @action(Role.ADMIN, audit="unit_merge")
    def merge_units(self, source_id: str, target_id: str) -> None:
        self._correct(units.merge, source_id, target_id, detail=f"{source_id} -> {target_id}")

    @action(Role.ADMIN, audit="unit_add")
    def add_grid(self, community_id: str, name: str) -> str:
        return self._correct(units.add_grid, community_id, name, detail=community_id)

    @action(Role.ADMIN, audit="unit_place")
    def move_compound(self, compound_id: str, unit_id: str) -> None:
        self._correct(units.move_compound, compound_id, unit_id, detail=f"{compound_id} -> {unit_id}")

    @action(Role.ADMIN, audit="operator_scope")
    def limit_account(self, operator_id: str, unit_id: str | None) -> None:
        """An office account that sees one unit's subtree only (None: everything)."""
        self._correct(units.set_scope, operator_id, unit_id, detail=f"{operator_id} -> {unit_id}")
