"""The office's dashboard, drill-down and daily report."""
from __future__ import annotations

from zoneinfo import ZoneInfo

from models import sync
from models.app.work import Service
from models.office import dashboard as office
from models.office import reports
from models.trust.operators import Role


class OfficeService(Service):
    def day_summary(self, day):
        with self.db.reading() as s:
            return office.day_summary(s, day, ZoneInfo(self.settings.timezone),
                                      overdue_hours=self.settings.parcel_overdue_hours)

    def visit_series(self, last_day, days: int):
        with self.db.reading() as s:
            return office.series(s, last_day, days, ZoneInfo(self.settings.timezone))

    def drill_visits(self, *, compound_ids: list[str], day, decision: str | None = None):
        with self.db.reading() as s:
            return office.drill_visits(s, compound_ids=compound_ids, day=day, zone=ZoneInfo(self.settings.timezone),
                                       decision=decision)

    def write_report(self, day, path, *, scheduled: bool = False, language: str | None = None):
        """The daily report (.xlsx or .pdf): figures per compound and the gates that did not report."""
        who = self.desk.acting_or_scheduled(Role.SUPERVISOR, scheduled)  # an export, as at a gate
        summary = self.day_summary(day)
        with self.db.session() as s:
            missing = sync.not_reported(s, day, ZoneInfo(self.settings.timezone), now=self.clock())
            name = sync.office_name(s)
        written = reports.write_report(summary, path, language=language or self.settings.language, office=name,
                                       missing=missing)
        with self.db.session() as s:
            self.desk.audit(s, "report", detail=day.isoformat() + (" command line" if scheduled else ""),
                            operator_id=who.id if who else None)
            s.commit()
        return written
