"""The drop-off station: intake, disinfection, pick-up and door delivery, the daily readiness check."""
from __future__ import annotations

from models.app.actions import action
from models.app.work import Service
from models.kit.masking import Masked, masked
from models.station import parcels, readiness
from models.store.clock import local_today


class ParcelService(Service, key="parcels"):
    @action()
    def search_parcels(self, text: str) -> list[parcels.Parcel]:
        """By pick-up code when the text is one, else by room."""
        text = text.strip()
        return self.find_parcels(code=text) if parcels.is_pickup_code(text) else self.find_parcels(room=text)

    @action(audit="parcel_in")
    def take_in(self, form: parcels.IntakeForm) -> parcels.Parcel:
        return Masked(self.desk.write(parcels.intake, form=form), parcels.PERSONAL)

    @action(audit="disinfection")
    def disinfect_waiting(self, agent: str) -> parcels.DisinfectionRound:
        return self.desk.write(parcels.disinfect_waiting, agent=agent)

    @action(audit="disinfection")
    def record_round(self, *, area: str, agent: str, note: str = "") -> parcels.DisinfectionRound:
        return self.desk.write(parcels.record_round, area=area, agent=agent, note=note)

    @action()
    def find_parcels(self, *, code: str = "", room: str = "") -> list[parcels.Parcel]:
        with self.db.reading() as s:
            return masked(parcels.find_waiting(s, code=code, room=room), parcels.PERSONAL)

    @action(audit="parcel_out")
    def collect(self, parcel_id: str, collected_by: str) -> parcels.Parcel:
        s = self.unit
        p = parcels.collect(session=s, parcel_id=parcel_id, collected_by=collected_by, now=self.clock())
        self.desk.audit(s, record_id=parcel_id, detail="collected")
        return Masked(p, parcels.PERSONAL)

    @action(audit="parcel_out")
    def deliver(self, parcel_id: str, volunteer: str) -> parcels.Parcel:
        s = self.unit
        p = parcels.deliver(session=s, parcel_id=parcel_id, volunteer=volunteer, now=self.clock())
        self.desk.audit(s, record_id=parcel_id, detail="delivered")
        return Masked(p, parcels.PERSONAL)

    @action()
    def waiting_parcels(self) -> list[parcels.Parcel]:
        with self.db.reading() as s:
            return masked(parcels.waiting(s), parcels.PERSONAL)

    @action()
    def overdue_parcels(self) -> list[parcels.Parcel]:
        with self.db.reading() as s:
            return masked(parcels.overdue(s, self.settings, self.clock()), parcels.PERSONAL)

    @action()
    def handed_out_today(self) -> list[parcels.Parcel]:
        with self.db.reading() as s:
            return masked(parcels.handed_out_on(s, local_today(self.clock(), self.settings.zone), self.settings),
                          parcels.PERSONAL)

    @action()
    def parcel_counts_by_day(self, days: int = 7) -> list[tuple]:
        with self.db.reading() as s:
            return parcels.counts_by_day(s, self.settings, days=days, now=self.clock())

    @action(audit="disinfection")
    def disinfect_items(self, parcel_ids: list[str], agent: str) -> parcels.DisinfectionRound:
        return self.desk.write(parcels.disinfect_waiting, agent=agent, parcel_ids=parcel_ids)

    @action()
    def waiting_count(self) -> int:
        with self.db.reading() as s:
            return parcels.count_waiting(s)

    @action()
    def parcel_counts(self) -> parcels.ParcelDay:
        with self.db.reading() as s:
            return parcels.day_counts(s, self.settings, self.clock())

    @action()
    def known_rooms(self, prefix: str) -> list[str]:
        with self.db.reading() as s:
            return parcels.known_rooms(s, prefix)

    @action()
    def readiness_today(self) -> readiness.Today:
        with self.db.reading() as s:
            return readiness.today(s, ctx=self.ctx, settings=self.settings, now=self.clock())

    @action(audit="readiness")
    def record_readiness(self, ticked: dict[str, bool], remarks: str) -> readiness.ReadinessCheck:
        return self.desk.write(readiness.record_check, ticked=ticked, remarks=remarks, settings=self.settings)
