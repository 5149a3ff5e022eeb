"""Residents: the roster, passes, home monitoring, pass scans at the gate."""
from __future__ import annotations

from datetime import timedelta

from models import residents
from models.app.actions import action
from models.app.work import Service
from models.kit.masking import Masked, mask_name
from models.kit.validation import FieldError, InvalidInput, parse_temperature
from models.trust.operators import Role


class ResidentService(Service, key="residents"):
    @action(audit="pass_scan", commit_on=(residents.PassRefused,))  # a refusal is on the record
    def scan_pass(self, text: str) -> residents.ScanResult:
        """A scanned pass: the resident and the direction, or PassRefused (the refusal is recorded).

        A resident under home isolation or monitoring who is on the way out is stopped here.
        """
        now = self.clock()
        today = residents.today_for(self.settings, now)
        found = direction = None
        s = self.unit
        try:
            found, resident, household = residents.verify_pass(s, text, today=today)
            direction = residents.next_direction(s, resident.id, now - timedelta(hours=24))
            monitoring = residents.active_monitoring(s, resident.id, today)
            if monitoring is not None and direction == residents.Direction.OUT:
                raise residents.PassRefused(
                    residents.STOPPED[residents.MonitoringKind(monitoring.kind)], name=mask_name(resident.name),
                    room=household.label, until=monitoring.until)
        except residents.PassRefused as refusal:
            residents.record_refusal(s, ctx=self.ctx, operator_id=self.desk.operator_id(), code=refusal.code,
                                     pass_id=found.id if found else None,
                                     resident_id=found.resident_id if found else None,
                                     direction=direction or residents.Direction.IN, now=now)
            self.desk.audit(s, record_id=found.id if found else None, detail=f"refused {refusal.code}")
            raise
        self.desk.audit(s, record_id=found.id)
        return residents.ScanResult(resident=Masked(resident, residents.PERSONAL), household=household, pass_=found,
                                    direction=direction,
                                    monitoring=monitoring)

    @action()
    def needs_temperature(self, scan: residents.ScanResult) -> bool:
        return self.settings.check_temperature and scan.direction == residents.Direction.IN

    @action(audit="passage", commit_on=(residents.PassRefused,))
    def record_passage(self, scan: residents.ScanResult, temperature: str = "") -> residents.Passage:
        """Raises InvalidInput for a missing or impossible reading, PassRefused for a fever."""
        reading = None
        if self.needs_temperature(scan):
            errors: list[FieldError] = []
            reading = parse_temperature("temperature", temperature, errors, required=True)
            if errors:
                raise InvalidInput(errors)
        now = self.clock()
        s = self.unit
        if reading is not None and reading >= self.settings.fever_threshold:
            residents.record_refusal(s, ctx=self.ctx, operator_id=self.desk.operator_id(), code="fever",
                                     pass_id=scan.pass_.id, resident_id=scan.resident.id,
                                     direction=scan.direction, now=now)
            self.desk.audit(s, record_id=scan.pass_.id, detail="refused fever")
            raise residents.PassRefused("fever", name=mask_name(scan.resident.name), temperature=reading,
                                        limit=self.settings.fever_threshold)
        row = residents.record_passage(s, ctx=self.ctx, operator_id=self.desk.operator_id(), scan=scan,
                                       temperature=reading, now=now)
        self.desk.audit(s, record_id=row.id)
        return row

    @action(Role.ADMIN)
    def residents_overview(self) -> list[tuple]:
        """(resident, household, valid pass or None, monitoring or None), by room."""
        today = residents.today_for(self.settings, self.clock())
        with self.db.engine.connect() as conn:  # a read: no write lock
            return [(Masked(r, residents.PERSONAL), *rest) for r, *rest in residents.roster_overview(conn, today)]

    @action(Role.ADMIN)
    def resident_for_edit(self, resident_id: str) -> residents.Resident | None:
        """One resident in full, to correct their name or phone (an administrator's)."""
        with self.db.reading() as s:
            return s.get(residents.Resident, resident_id)

    @action(Role.ADMIN, audit="roster_import")
    def import_roster(self, path, progress=None) -> residents.RosterImport:
        """All rows that can be read, in one unit of work (runs on a worker thread: its own session).
        Raises sheets.SheetProblem for a file that cannot be read at all."""
        admin = self.desk.actor
        s = self.unit
        result = residents.import_roster(s, self.ctx, path, now=self.clock(), progress=progress)
        self.desk.audit(s, "roster_import", detail=f"added={result.added} skipped={len(result.skipped)}",
                    operator_id=admin.id)
        return result

    @action(Role.ADMIN, audit="resident")
    def add_resident(self, *, room: str, name: str, phone: str) -> residents.Resident:
        """Raises residents.RosterProblem naming the field that is wrong."""
        admin = self.desk.actor
        parts, clean_name, clean_phone = residents.check_resident(room, name, phone)
        s = self.unit
        r = residents.add_resident(s, self.ctx, room="-".join(parts), name=clean_name, phone=clean_phone,
                                   now=self.clock())
        self.desk.audit(s, "resident", record_id=r.id, detail="added", operator_id=admin.id)
        return Masked(r, residents.PERSONAL)

    @action(Role.ADMIN, audit="resident")
    def edit_resident(self, resident_id: str, *, room: str, name: str, phone: str) -> None:
        admin = self.desk.actor
        s = self.unit
        residents.edit_resident(s, self.ctx, resident_id, room=room, name=name, phone=phone, now=self.clock(),
                                today=self.desk.today())
        self.desk.audit(s, "resident", record_id=resident_id, detail="edited", operator_id=admin.id)

    @action(Role.ADMIN, audit="resident")
    def move_out(self, resident_id: str) -> None:
        admin = self.desk.actor
        s = self.unit
        residents.move_out(s, resident_id, now=self.clock())
        self.desk.audit(s, "resident", record_id=resident_id, detail="moved out", operator_id=admin.id)

    @action(Role.ADMIN, audit="monitoring_import")
    def import_monitoring(self, path) -> residents.RosterImport:
        admin = self.desk.actor
        s = self.unit
        result = residents.import_monitoring(s, self.ctx, path, now=self.clock())
        self.desk.audit(s, "monitoring_import", detail=f"added={result.added} skipped={len(result.skipped)}",
                    operator_id=admin.id)
        return result

    @action(Role.ADMIN, audit="roster_file")
    def save_roster_file(self, path, passphrase: str) -> int:
        """Raises residents.RosterFileProblem (a short passphrase). The file carries the pass key."""
        admin = self.desk.actor
        s = self.unit
        count = residents.save_roster_file(s, self.ctx, path, passphrase, now=self.clock())
        self.desk.audit(s, "roster_file", detail=f"saved records={count}", operator_id=admin.id)
        return count

    @action(Role.ADMIN, audit="roster_file")
    def load_roster_file(self, path, passphrase: str) -> int:
        """Raises residents.RosterFileProblem saying why the file cannot be taken; takes all or nothing."""
        admin = self.desk.actor
        s = self.unit
        taken = residents.load_roster_file(s, self.ctx, path, passphrase)
        self.desk.audit(s, "roster_file", detail=f"loaded records={taken}", operator_id=admin.id)
        return taken

    @action(Role.ADMIN, audit="pass_issue", audit_if=bool)
    def issue_passes(self, resident_ids: list[str]) -> int:
        """A pass for each resident without a valid one; reissues replace lost cards."""
        admin = self.desk.actor
        today = residents.today_for(self.settings, self.clock())
        s = self.unit
        have = {p.resident_id for p, _, _ in residents.valid_passes(s, today=today)}
        made = 0
        for rid in resident_ids:
            if rid not in have:
                p = residents.issue_pass(s, self.ctx, resident_id=rid, today=today, now=self.clock())
                self.desk.audit(s, "pass_issue", record_id=p.id, operator_id=admin.id)
                made += 1
        return made

    @action(Role.ADMIN, audit="pass_reissue")
    def reissue_pass(self, pass_id: str, reason: str):
        admin = self.desk.actor
        s = self.unit
        new = residents.reissue_pass(s, self.ctx, pass_id, reason=reason,
                                     today=residents.today_for(self.settings, self.clock()), now=self.clock())
        self.desk.audit(s, "pass_reissue", record_id=new.id, detail=f"replaces={pass_id}", operator_id=admin.id)
        return new

    @action(Role.ADMIN, audit="pass_revoke")
    def revoke_pass(self, pass_id: str, reason: str) -> None:
        admin = self.desk.actor
        s = self.unit
        residents.revoke_pass(s, pass_id, reason=reason, now=self.clock())
        self.desk.audit(s, "pass_revoke", record_id=pass_id, operator_id=admin.id)

    @action(Role.ADMIN, audit="monitoring")
    def put_under_monitoring(self, resident_id: str, kind: str, days: int, reason: str) -> None:
        """From today for `days` (residents.MONITORING_DAYS bounds it)."""
        admin = self.desk.actor
        until = residents.monitoring_until(residents.today_for(self.settings, self.clock()), days)
        s = self.unit
        row = residents.put_under_monitoring(s, self.ctx, resident_id=resident_id, kind=kind, until=until,
                                             reason=reason, now=self.clock())
        self.desk.audit(s, "monitoring", record_id=row.id, detail=f"{kind} until {until}", operator_id=admin.id)

    @action(Role.ADMIN, audit="monitoring", audit_if=bool)
    def end_monitoring(self, monitoring_id: str) -> bool:
        """False when it had ended already (nothing written)."""
        admin = self.desk.actor
        s = self.unit
        row = s.get(residents.HomeMonitoring, monitoring_id)
        if row is not None and row.ended_at is None:
            row.ended_at = self.clock()
            row.touch(self.clock())
            s.add(row)
            self.desk.audit(s, "monitoring", record_id=monitoring_id, detail="ended", operator_id=admin.id)
            return True
        return False

    @action(Role.ADMIN, audit="pass_print", audit_if=bool)
    def pass_cards(self, *, building: str | None = None, household_id: str | None = None,
                   resident_ids: list[str] | None = None):
        admin = self.desk.actor  # whoever holds the cards can walk in: printing them is minting them
        today = residents.today_for(self.settings, self.clock())
        s = self.unit
        cards = residents.pass_cards(s, building=building, household_id=household_id, today=today)
        if resident_ids is not None:
            wanted = {p.id for p, r, _ in residents.valid_passes(s, today=today) if r.id in set(resident_ids)}
            cards = [c for c in cards if c.pass_id in wanted]
        if cards:
            self.desk.audit(s, "pass_print", detail=f"passes={len(cards)}", operator_id=admin.id)
        return cards
