"""Testing rounds at the compound: opening, calling down, checking off, door-knocking, home
sampling, closing and corrections. People come back masked."""
from __future__ import annotations

from dataclasses import replace

from models import care, residents, rounds
from models.app.actions import action
from models.app.work import Service
from models.kit.masking import Masked, masked
from models.trust.operators import Role


class RoundService(Service, key="rounds"):
    @staticmethod
    def _shown(person):
        return Masked(person, rounds.PERSONAL)

    def _checked(self, done: rounds.CheckOff) -> rounds.CheckOff:
        return replace(done, person=self._shown(done.person))

    def _write(self, fn, **kw):
        s = self.unit
        result = fn(s, now=self.clock(), **kw)
        self.desk.audit(s, **_entry(result))
        return result

    # -- opening and closing (audited) -----------------------------------------------------------
    @action(Role.ADMIN, audit="round_open")
    def open_round(self, *, title: str, points: list[str], buildings: list[str] | None = None,
                   exemptions: list[rounds.Exemption] = ()) -> rounds.TestingRound:
        """An administrator opens a round for today: everyone on the roster, or some buildings;
        those the community excused (its notice's list) are exempt from the start."""
        admin = self.desk.actor
        s = self.unit
        r = rounds.open_round(s, ctx=self.ctx, operator_id=admin.id, now=self.clock(), day=self.desk.today(),
                              title=title, points=points, buildings_due=buildings, exemptions=exemptions)
        self.desk.audit(s, "round_open", record_id=r.id,
                        detail=f"buildings={len(buildings or [])} exempt={len(exemptions)}", operator_id=admin.id)
        return r

    @action(Role.SUPERVISOR, audit="round_close")
    def close_round(self, round_id: str) -> rounds.TestingRound:
        sup = self.desk.actor
        s = self.unit
        r = rounds.close_round(s, round_id=round_id, operator_id=sup.id, now=self.clock())
        self.desk.audit(s, "round_close", record_id=round_id, operator_id=sup.id)
        return r

    @action(Role.SUPERVISOR, audit="round_correct")
    def correct_round(self, person_id: str, field: str, value: str, reason: str) -> rounds.RoundCorrection:
        """A supervisor's correction of a closed round's line: the old value, the new one and why are kept."""
        sup = self.desk.actor
        s = self.unit
        fix = rounds.correct(s, person_id=person_id, field=field, value=value, reason=reason, ctx=self.ctx,
                             operator_id=sup.id, now=self.clock())
        self.desk.audit(s, "round_correct", record_id=person_id, detail=field, operator_id=sup.id)
        return fix

    @action(Role.ADMIN)
    def read_round_file(self, path) -> rounds.RoundNotice:
        """The community's notice of a round (a spreadsheet), to fill the form that opens it. Raises
        sheets.SheetProblem or rounds.RoundFileProblem with the reason. Those it excuses who are
        not due here (not on this gate's roster, or of a building not in the round) are left out
        and named; the others come with a masked line each for the screen."""
        from models.rounds.round_file import NOT_DUE_HERE, read_round_file
        from models.store.i18n import Message

        notice = read_round_file(path)
        with self.db.reading() as s:
            known = set(rounds.buildings(s))
            due = [b for b in notice.buildings if b in known] or None
            strangers = rounds.not_due(s, notice.exemptions, due)
        keep = [e for e in notice.exemptions if e not in strangers]
        return replace(notice, exemptions=keep,
                       left_out=notice.left_out + [Message("Rounds", NOT_DUE_HERE, {"who": rounds.shown(e)})
                                                   for e in strangers],
                       shown=[rounds.shown(e) for e in keep])

    # -- during the round -------------------------------------------------------------------------
    @action(audit="round_call")
    def call_batch(self, round_id: str, building: str, size: int = rounds.CALL_BATCH) -> list:
        return masked(self._write(rounds.call_batch, round_id=round_id, building=building, size=size),
                      rounds.PERSONAL)

    @action(audit="round_check")
    def scan_for_round(self, round_id: str, text: str, point: str) -> rounds.CheckOff:
        """A resident's pass scanned at a sampling point: checked off now, or told they were already.
        Raises residents.PassRefused for a pass that does not prove who it is."""
        now = self.clock()
        s = self.unit
        _pass, resident, _home = residents.verify_pass(s, text, today=residents.today_for(self.settings, now))
        done = rounds.check_off_resident(s, round_id=round_id, resident_id=resident.id, ctx=self.ctx,
                                         operator_id=self.desk.operator_id(), point=point, now=now)
        self.desk.audit(s, **_entry(done))
        return self._checked(done)

    @action(audit="round_check")
    def check_off(self, person_id: str, point: str) -> rounds.CheckOff:
        return self._checked(self._write(rounds.check_off, person_id=person_id, point=point))

    @action(audit="round_check")
    def add_on_spot(self, round_id: str, *, room: str, name: str, point: str) -> rounds.CheckOff:
        return self._checked(self._write(rounds.add_on_spot, round_id=round_id, ctx=self.ctx,
                                         operator_id=self.desk.operator_id(), room=room, name=name, point=point))

    @action(audit="round_reason")
    def set_reason(self, person_id: str, reason: str | None, note: str = ""):
        return self._shown(self._write(rounds.set_reason, person_id=person_id, reason=reason, note=note))

    @action(audit="round_reason")
    def to_home(self, person_id: str, at_home: bool = True):
        return self._shown(self._write(rounds.to_home, person_id=person_id, at_home=at_home))

    @action(audit="round_check")
    def sample_at_home(self, person_id: str, by: str) -> rounds.CheckOff:
        """Sampled at the door by the visiting team, and written in the home-service ledger in the
        same transaction (both or neither)."""
        s = self.unit
        done = rounds.sample_at_home(s, person_id=person_id, by=by, now=self.clock())
        if not done.already:
            r = s.get(rounds.TestingRound, done.person.round_id)
            care.record_round_sampling(s, ctx=self.ctx, operator_id=self.desk.operator_id(), person=done.person,
                                       title=r.title, today=self.desk.today())
        self.desk.audit(s, **_entry(done))
        return self._checked(done)

    # -- reading ----------------------------------------------------------------------------------
    @action()
    def current_round(self) -> rounds.TestingRound | None:
        with self.db.reading() as s:
            return rounds.open_round_of(s)

    @action()
    def recent_rounds(self) -> list[rounds.TestingRound]:
        with self.db.reading() as s:
            return rounds.recent_rounds(s)

    @action()
    def round_buildings(self) -> list[str]:
        with self.db.reading() as s:
            return rounds.buildings(s)

    @action()
    def round_progress(self, round_id: str) -> list[rounds.Progress]:
        with self.db.engine.connect() as conn:  # a read: no write lock
            return rounds.progress(conn, round_id)

    @action()
    def find_in_round(self, round_id: str, text: str) -> list:
        with self.db.reading() as s:
            return masked(rounds.find(s, round_id=round_id, text=text), rounds.PERSONAL)

    @action()
    def not_sampled(self, round_id: str, building: str | None = None) -> list:
        with self.db.reading() as s:
            return masked(rounds.not_sampled(s, round_id=round_id, building=building), rounds.PERSONAL)

    @action()
    def home_list(self, round_id: str) -> list:
        with self.db.reading() as s:
            return masked(rounds.home_list(s, round_id=round_id), rounds.PERSONAL)

    @action()
    def call_sheet_pages(self, round_id: str, building: str) -> list:
        """The building head's call sheet, drawn (names masked): print it or save it as PDF."""
        from models.rounds.call_sheet import call_sheet_pages

        with self.db.reading() as s:
            r = s.get(rounds.TestingRound, round_id)
            people = masked(rounds.people(s, round_id=round_id, building=building), rounds.PERSONAL)
        return call_sheet_pages(people, compound=self.ctx.compound_name, title=r.title, day=r.day, building=building,
                                language=self.settings.language)

    @action()
    def call_sheet(self, round_id: str, building: str) -> list:
        with self.db.reading() as s:
            return masked(rounds.people(s, round_id=round_id, building=building), rounds.PERSONAL)


def _entry(result) -> dict:
    """What a round's audit entry names: the person checked off or changed, or how many were called."""
    if isinstance(result, list):
        return {"detail": f"called {len(result)}"}
    person = getattr(result, "person", result)
    return {"record_id": getattr(person, "id", None)}
