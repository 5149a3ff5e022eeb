"""The isolation point: placing people, re-checks, notices, hand-over, closing, corrections."""
from __future__ import annotations

from dataclasses import replace
from datetime import timedelta

from models.app.actions import action
from models.app.work import Service
from models.kit.masking import Masked, masked
from models.station import isolation
from models.trust.operators import Role


class IsolationService(Service, key="isolation"):
    """Cases come back masked: the person's name, phone and ID number never reach a screen whole."""

    @staticmethod
    def _shown(case):
        return Masked(case, isolation.PERSONAL)

    @action(audit="case_open")
    def place_in_isolation(self, visit_id: str) -> isolation.IsolationCase:
        return self._shown(self.desk.write(isolation.place_from_visit, visit_id=visit_id))

    @action(audit="case_open")
    def open_isolation_case(self, form: isolation.CaseForm) -> isolation.IsolationCase:
        return self._shown(self.desk.write(isolation.open_case, form=form))

    @action()
    def open_case_count(self) -> int:
        with self.db.reading() as s:
            return isolation.count_cases(s)[0]

    @action()
    def isolation_cases(self) -> list[isolation.OpenCase]:
        with self.db.reading() as s:
            return [replace(oc, case=self._shown(oc.case)) for oc in isolation.open_cases(s, self.settings, self.clock())]

    @action()
    def closed_cases(self, days: int = 7) -> list[isolation.IsolationCase]:
        with self.db.reading() as s:
            return masked(isolation.closed_cases(s, since=self.clock() - timedelta(days=days)), isolation.PERSONAL)

    @action(audit="case_recheck")
    def recheck(self, case_id: str, temperature: str) -> isolation.IsolationRecheck:
        return self.desk.write(isolation.add_recheck, case_id=case_id, temperature=temperature)

    @action(audit="case_notice")
    def notify(self, case_id: str, party: isolation.Party, note: str = "") -> isolation.IsolationNotice:
        return self.desk.write(isolation.notify, case_id=case_id, party=party, note=note)

    @action(audit="case_hand_over")
    def hand_over_case(self, case_id: str, to_whom: str) -> isolation.IsolationCase:
        return self._shown(self.desk.write(isolation.hand_over, case_id=case_id, to_whom=to_whom))

    @action(audit="case_close")
    def close_case(self, case_id: str, outcome: isolation.Outcome) -> isolation.IsolationCase:
        return self._shown(self.desk.write(isolation.close_case, case_id=case_id, outcome=outcome,
                                           settings=self.settings))

    @action(Role.SUPERVISOR, audit="correct")
    def correct_case(self, case_id: str, field: str, value: str, reason: str) -> isolation.CaseCorrection:
        """A supervisor's correction of a closed case: a new revision, the old value and the reason kept."""
        sup = self.desk.actor
        s = self.unit
        row = isolation.correct_case(session=s, ctx=self.ctx, operator_id=sup.id, now=self.clock(),
                                     case_id=case_id, field=field, value=value, reason=reason)
        self.desk.audit(s, "correct", record_id=case_id, detail=field, operator_id=sup.id)
        return row
