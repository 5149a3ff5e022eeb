"""Check-in posters and the venue codes printed on them."""
from __future__ import annotations

from models import residents
from models.app.actions import ANYONE, action
from models.app.work import Service
from models.gate import posters
from models.setup.site import Gate
from models.trust.operators import Role


class PosterService(Service, key="posters"):
    @action(ANYONE)
    def poster_gates(self) -> list[tuple]:
        """(compound, gate) this desk prints posters for: its own gate, or every gate at an office."""
        with self.db.reading() as s:
            gates = posters.all_gates(s)
        if self.ctx is not None and not self.desk.is_office:
            gates = [(c, g) for c, g in gates if g.id == self.ctx.gate_id]
        return gates

    @action(ANYONE)
    def venue_code(self, gate_id: str):
        with self.db.reading() as s:
            return posters.venue_code(s, gate_id)

    @action(Role.ADMIN, audit="venue_code")
    def save_venue_code(self, *, gate_id: str, kind: str, content: str, hotline: str) -> None:
        """Raises posters.PosterProblem for content that cannot go on a poster."""
        admin = self.desk.actor  # it changes what every printed poster says
        s = self.unit
        posters.save_venue_code(s, gate_id=gate_id, kind=kind, content=content, hotline=hotline, now=self.clock())
        self.desk.audit(s, "venue_code", record_id=gate_id, detail=kind, operator_id=admin.id)

    @action(ANYONE)
    def find_gate(self, name_or_id: str) -> Gate | None:
        """A gate by id or name ("东门", or "榕城花园 东门" where several compounds have one)."""
        with self.db.reading() as s:
            return posters.find_gate(s, name_or_id)

    @action(ANYONE)
    def poster_spec(self, gate_id: str, *, size: str = "A4", language: str | None = None):
        with self.db.reading() as s:
            return posters.poster_spec(s, s.get(Gate, gate_id), self.settings, size=size,
                                       language=language or self.settings.language,
                                       today=residents.today_for(self.settings, self.clock()))
