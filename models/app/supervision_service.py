"""Supervision (督导): the standards compounds are checked against, loaded and versioned."""
from __future__ import annotations

from pathlib import Path

from dataclasses import dataclass
from datetime import date

from sqlalchemy import select

from models import supervision, sync
from models.app.actions import ANYONE, action
from models.setup.site import Compound
from models.sync import units
from models.app.work import Service
from models.trust.operators import NotAllowed, Role


@dataclass(frozen=True)
class CensusLoaded:
    counted: int  # lines made or changed
    unchanged: int
    added: list[str]  # compounds the office had not heard of, added: "community compound"


class SupervisionService(Service, key="supervision"):
    @action(ANYONE)
    def standards(self, kind: supervision.StandardKind | None = None) -> list[supervision.StandardView]:
        """The standards in use, each with its items."""
        with self.db.reading() as s:
            return [supervision.StandardView(st, supervision.items_of(s, st.id)) for st in supervision.current(s, kind)]

    @action(Role.ADMIN)
    def read_standard_sheet(self, path: Path) -> supervision.StandardSheet:
        """What a district's sheet holds, and the rows that cannot be used, each said why: shown
        before anything is loaded. Raises sheets.SheetProblem or supervision.StandardProblem."""
        return supervision.read_standard_sheet(Path(path))

    @action(Role.ADMIN, audit="standard")
    def load_standard(self, draft: supervision.StandardDraft, *, source: str) -> supervision.Standard:
        """The next version of the standard of that name (the one before is retired; visits made
        with it keep it). Raises supervision.StandardProblem."""
        standard = supervision.save(self.unit, draft, ctx=self.ctx, operator_id=self.desk.actor.id, now=self.clock(),
                                    source=source)
        self.desk.audit(self.unit, record_id=standard.id, detail=f"{standard.name} v{standard.version} "
                                                                  f"items={len(draft.items)}")
        return standard

    @action(Role.ADMIN, audit="standard", audit_if=bool)
    def install_shipped(self) -> int:
        """The shipped standards, where none of their names is loaded yet; how many were added."""
        added = supervision.install_shipped(self.unit, ctx=self.ctx, now=self.clock())
        if added:
            self.desk.audit(self.unit, detail=f"shipped {added}")
        return added

    # -- visits ---------------------------------------------------------------------------------------
    @action(audit="inspection")
    def open_visit(self, *, compound_id: str, compound_name: str, standard_id: str, announced: bool = True,
                   team: str = "", gate_name: str = "", follows_id: str | None = None) -> supervision.Inspection:
        """A visit to a compound today (a follow-up: of its signed-off visit `follows_id`)."""
        return supervision.open_visit(self.unit, ctx=self.ctx, operator_id=self.desk.actor.id, now=self.clock(),
                                      day=self.desk.today(), compound_id=compound_id, compound_name=compound_name,
                                      standard_id=standard_id, announced=announced, team=team, gate_name=gate_name,
                                      follows_id=follows_id)

    @action(audit="inspection_answer")
    def answer_item(self, inspection_id: str, item_id: str, result: supervision.Answer,
                    note: str = "") -> supervision.InspectionAnswer:
        row = supervision.answer(self.unit, inspection_id=inspection_id, item_id=item_id, result=result, note=note,
                                 ctx=self.ctx, operator_id=self.desk.actor.id, now=self.clock())
        self.desk.audit(self.unit, record_id=inspection_id, detail=f"{item_id} {row.answer}")
        return row

    @action(audit="inspection_signed")
    def sign_off_visit(self, inspection_id: str, *, party: supervision.Party | None = None, party_name: str = "",
                       met: str = "", note: str = "", parties: dict | None = None) -> supervision.SignedOff:
        """Each failed item a finding for `party` (None: as the compound's census says, else its
        community), or per item id the party in `parties`."""
        if party is None:
            visit = self.unit.get(supervision.Inspection, inspection_id)
            if visit is not None:
                party, party_name = supervision.responsible(self.unit, visit.compound_id)
        done = supervision.sign_off(self.unit, inspection_id=inspection_id, now=self.clock(), party=party,
                                    party_name=party_name, met=met, note=note, parties=parties, ctx=self.ctx,
                                    operator_id=self.desk.actor.id)
        self.desk.audit(self.unit, record_id=inspection_id,
                        detail=f"points={done.score.points if done.score else '-'} opened={len(done.opened)} "
                               f"reopened={len(done.reopened)} closed={len(done.closed)}")
        return done

    @action(audit="finding_review")
    def review_finding(self, inspection_id: str, finding_id: str, *, put_right: bool,
                       note: str = "") -> supervision.Finding:
        return supervision.review(self.unit, inspection_id=inspection_id, finding_id=finding_id, put_right=put_right,
                                  note=note, now=self.clock())

    @action(audit="inspection_photo")
    def attach_photo(self, inspection_id: str, path: Path, item_id: str | None = None) -> supervision.InspectionPhoto:
        """A photo from a file, re-encoded small (decoded before the write begins). Raises
        supervision.PhotoProblem with a reason code."""
        prepared = supervision.prepare(Path(path))
        photo = supervision.attach(self.unit, inspection_id=inspection_id, item_id=item_id, prepared=prepared,
                                   ctx=self.ctx, operator_id=self.desk.actor.id, now=self.clock())
        self.desk.audit(self.unit, record_id=photo.id, detail=f"{prepared.width}x{prepared.height} "
                                                              f"{len(prepared.data)} bytes")
        return photo

    @action()
    def photos(self, inspection_id: str) -> list[supervision.InspectionPhoto]:
        with self.db.reading() as s:
            return supervision.photos_of(s, inspection_id)

    @action()
    def visit_view(self, inspection_id: str) -> supervision.VisitView:
        """A visit with its standard's items and the answers given so far, and its score."""
        with self.db.reading() as s:
            return supervision.visit_view(s, inspection_id)

    @action()
    def open_findings(self, compound_id: str | None = None) -> list[supervision.Finding]:
        """A compound's open findings (None: every compound's), the most urgent first."""
        with self.db.reading() as s:
            return supervision.open_findings(s, compound_id)

    @action()
    def carried(self, inspection_id: str) -> list[supervision.Finding]:
        """What a follow-up visit reviews: its compound's open findings and those it closed."""
        with self.db.reading() as s:
            return supervision.carried(s, supervision.visit_view(s, inspection_id).visit)

    @action()
    def last_signed(self, compound_id: str) -> supervision.Inspection | None:
        with self.db.reading() as s:
            return supervision.last_signed(s, compound_id)

    @action()
    def visits(self) -> list[supervision.Inspection]:
        """This station's visits, those not signed off first."""
        with self.db.reading() as s:
            return supervision.visits(s)

    @action()
    def overdue_findings(self) -> list[supervision.Finding]:
        with self.db.reading() as s:
            return supervision.overdue(s, self.desk.today())

    # -- the compounds' census ------------------------------------------------------------------------
    @action()
    def census_rows(self) -> list[supervision.CensusRow]:
        """Every compound with its census line, as a screen shows it (the pledge's signer masked)."""
        with self.db.reading() as s:
            return supervision.census_rows(s)

    @action(Role.SUPERVISOR, audit="census")
    def set_census(self, compound_id: str, kind: str, *, property_company: str = "", pledge_day: date | None = None,
                   pledge_by: str | None = "", plan: str = "") -> supervision.CompoundCensus:
        """pledge_by None: the signer already recorded is kept (a screen shows it masked, so cannot
        give it back)."""
        if pledge_by is None:
            before = supervision.census_of(self.unit, compound_id)
            pledge_by = before.pledge_by if before is not None else ""
        return supervision.set_census(self.unit, compound_id=compound_id, kind=kind, property_company=property_company,
                                      pledge_day=pledge_day, pledge_by=pledge_by, plan=plan, ctx=self.ctx,
                                      operator_id=self.desk.actor.id, now=self.clock())

    @action(Role.SUPERVISOR)
    def read_census_sheet(self, path: Path) -> supervision.CensusSheet:
        """What the community's sheet holds and the rows it cannot use, each said why, before loading.
        Raises sheets.SheetProblem or supervision.CensusSheetProblem."""
        return supervision.read_census_sheet(Path(path))

    @action(Role.SUPERVISOR, audit="census")
    def load_census(self, sheet: supervision.CensusSheet) -> CensusLoaded:
        """Each line on its compound (by community and name); a compound not heard of is added in
        its community, under this office's unit."""
        s, now, who = self.unit, self.clock(), self.desk.actor
        known = {(c.community, c.name): c.id for c in s.scalars(select(Compound))}
        unit = sync.office_unit(s)
        counted = unchanged = 0
        added = []
        for line in sheet.lines:
            cid = known.get((line.community, line.compound))
            if cid is None:
                compound = Compound(station_id=self.ctx.station_id, gate_id=self.ctx.gate_id, operator_id=who.id,
                                    created_at=now, updated_at=now, name=line.compound, community=line.community,
                                    subdistrict=unit.subdistrict, district=unit.district)
                s.add(compound)
                s.flush()
                units.place_compounds(s.connection(), [(compound.id, unit.district, unit.subdistrict,
                                                        line.community or unit.community)])
                known[(line.community, line.compound)] = cid = compound.id
                added.append(f"{line.community} {line.compound}".strip())
            before = supervision.census_of(s, cid)
            rev = before.rev if before is not None else 0
            row = supervision.set_census(s, compound_id=cid, kind=line.kind, property_company=line.property_company,
                                         pledge_day=line.pledge_day, pledge_by=line.pledge_by, plan=line.plan,
                                         ctx=self.ctx, operator_id=who.id, now=now)
            if row.rev == rev:
                unchanged += 1
            else:
                counted += 1
        self.desk.audit(s, detail=f"sheet counted={counted} unchanged={unchanged} added={len(added)}")
        return CensusLoaded(counted, unchanged, added)

    @action(Role.SUPERVISOR, audit="census")
    def attach_pledge(self, compound_id: str, path: Path) -> supervision.CompoundCensus:
        """The signed pledge, photographed or scanned: re-encoded as a photo is (decoded before the
        write begins). Raises supervision.PhotoProblem."""
        scan = supervision.prepare(Path(path))
        return supervision.attach_pledge(self.unit, compound_id=compound_id, scan=scan, now=self.clock())

    @action()
    def compounds_by_kind(self) -> dict[str, int]:
        with self.db.reading() as s:
            return supervision.by_kind(s)

    @action()
    def responsible(self, compound_id: str) -> tuple[supervision.Party, str]:
        """The party a compound's findings go to by default, from its census."""
        with self.db.reading() as s:
            return supervision.responsible(s, compound_id)

    # -- the office's list of compounds, for its teams ----------------------------------------------
    @action(Role.SUPERVISOR, audit="compound_list", scheduled=True)
    def write_compound_list(self, path: Path, unit_id: str | None = None, *, scheduled: bool = False) -> int:
        """The compounds of the unit (this account's, when None) with the ids their gates use, their
        place and census, as a workbook a team loads: how many."""
        from models.office import supervision as board

        with self.db.reading() as s:
            try:
                compounds = units.reachable_compounds(s, self.desk.operator.id if self.desk.operator else None,
                                                      unit_id)
            except units.OutOfReach:
                raise NotAllowed(Role.ADMIN) from None
            counted = {c.compound_id: c for c in s.scalars(select(supervision.CompoundCensus))}
        with self.db.engine.connect() as conn:
            places = board.places(conn, compounds)
        rows = [supervision.Listed(p.compound_id, p.compound, p.community, p.subdistrict, p.district,
                                   supervision.CompoundKind(counted[cid].kind) if cid in counted else None,
                                   counted[cid].property_company if cid in counted else "")
                for cid, p in sorted(places.items(), key=lambda kv: (kv[1].subdistrict, kv[1].community,
                                                                     kv[1].compound))]
        supervision.write_compound_list(rows, Path(path))
        self.desk.audit(self.unit, detail=f"written compounds={len(rows)}" + (" command line" if scheduled else ""))
        return len(rows)

    @action(Role.ADMIN)
    def read_compound_list(self, path: Path) -> supervision.CompoundList:
        """What the office's list holds, and the rows it cannot use, before loading. Raises
        sheets.SheetProblem or supervision.CompoundListProblem."""
        return supervision.read_compound_list(Path(path))

    @action(Role.ADMIN, audit="compound_list")
    def load_compound_list(self, listed: supervision.CompoundList) -> int:
        """The office's latest list replaces the one before: the team visits only these compounds."""
        n = supervision.load_list(self.unit, listed, self.clock())
        self.desk.audit(self.unit, detail=f"loaded compounds={n}")
        return n

    @action()
    def listed_compounds(self) -> list[supervision.CompoundListed]:
        with self.db.reading() as s:
            return supervision.listed(s)
