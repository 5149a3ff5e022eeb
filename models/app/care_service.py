"""The home-service ledger: the register (a supervisor's, audited: it says who is ill or isolated at
home) and the services volunteers do (anyone on duty records them). People come back masked."""
from __future__ import annotations

from dataclasses import replace
from datetime import date, timedelta

from models import care
from models.app.actions import action
from models.app.work import Service
from models.kit.masking import Masked, masked
from models.trust.operators import Role


class CareService(Service, key="care"):
    @staticmethod
    def _need(need):
        return Masked(need, care.NEED_PERSONAL)

    @staticmethod
    def _service(service):
        return Masked(service, care.SERVICE_PERSONAL)

    # -- the register (audited) -------------------------------------------------------------------
    @action(Role.SUPERVISOR, audit="care_need")
    def add_need(self, *, room: str, name: str, kind: str, note: str = "", every_days: int = 0) -> care.HomeNeed:
        sup = self.desk.actor
        s = self.unit
        need = care.add_need(s, ctx=self.ctx, operator_id=sup.id, now=self.clock(), today=self.desk.today(),
                             room=room, name=name, kind=kind, note=note, every_days=every_days)
        s.flush()
        self.desk.audit(s, "care_need", record_id=need.id, detail=f"added {kind}", operator_id=sup.id)
        return self._need(need)

    @action(Role.SUPERVISOR, audit="care_need")
    def needs_from_monitoring(self) -> int:
        """Residents under home isolation or monitoring, put on the register (a daily visit)."""
        sup = self.desk.actor
        s = self.unit
        added = care.from_monitoring(s, ctx=self.ctx, operator_id=sup.id, now=self.clock(),
                                     today=self.desk.today())
        self.desk.audit(s, "care_need", detail=f"from monitoring: {added}", operator_id=sup.id)
        return added

    @action(Role.SUPERVISOR, audit="care_need")
    def end_need(self, need_id: str) -> care.HomeNeed:
        sup = self.desk.actor
        s = self.unit
        need = care.end_need(s, need_id=need_id, now=self.clock())
        self.desk.audit(s, "care_need", record_id=need_id, detail="ended", operator_id=sup.id)
        return self._need(need)

    # -- services ---------------------------------------------------------------------------------
    @action(audit="care_plan")
    def plan_service(self, need_id: str, kind: str, due_on: date, note: str = "") -> care.HomeService:
        s = self.unit
        service = care.plan(s, ctx=self.ctx, operator_id=self.desk.operator_id(), now=self.clock(),
                            today=self.desk.today(), need_id=need_id, kind=kind, due_on=due_on, note=note)
        self.desk.audit(s, record_id=service.id)
        return self._service(service)

    @action(audit="care_done")
    def record_service(self, need_id: str, kind: str, volunteer: str, note: str = "", *,
                       service_id: str | None = None, parcel_id: str | None = None) -> care.HomeService:
        s = self.unit
        service = care.record(s, ctx=self.ctx, operator_id=self.desk.operator_id(), now=self.clock(),
                              need_id=need_id, kind=kind, volunteer=volunteer, note=note, service_id=service_id,
                              parcel_id=parcel_id)
        self.desk.audit(s, record_id=service.id)
        return self._service(service)

    # -- reading ----------------------------------------------------------------------------------
    @action()
    def care_needs(self, *, ended_too: bool = False) -> list:
        with self.db.reading() as s:
            return masked(care.needs(s, ended_too=ended_too), care.NEED_PERSONAL)

    @action()
    def due_today(self, day: date | None = None) -> list[care.Due]:
        with self.db.reading() as s:
            return [replace(d, need=self._need(d.need), service=self._service(d.service) if d.service else None)
                    for d in care.due_on(s, day=day or self.desk.today(), zone=self.settings.zone)]

    @action()
    def service_history(self, need_id: str | None = None, days: int = 7) -> list:
        with self.db.reading() as s:
            return masked(care.history(s, need_id=need_id, since=self.clock() - timedelta(days=days)),
                          care.SERVICE_PERSONAL)

    @action()
    def waiting_items(self, need_id: str) -> list:
        from models.station.parcels import PERSONAL

        with self.db.reading() as s:
            return masked(care.waiting_items(s, need_id=need_id), PERSONAL)

    @action()
    def daily_list_pages(self, day: date | None = None) -> list:
        """The volunteers' list for the day, drawn (names masked): print it or save it as PDF."""
        from models.care.daily_list import daily_pages

        day = day or self.desk.today()
        return daily_pages(self.due_today(day), compound=self.ctx.compound_name, day=day.isoformat(),
                           zone=self.settings.zone, language=self.settings.language)
