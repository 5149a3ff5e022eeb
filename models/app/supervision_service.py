"""Supervision (督导): the standards compounds are checked against, loaded and versioned."""
from __future__ import annotations

from pathlib import Path

from models import supervision
from models.app.actions import ANYONE, action
from models.app.work import Service
from models.trust.operators import Role


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
    def sign_off_visit(self, inspection_id: str, *, party: supervision.Party, party_name: str = "", met: str = "",
                       note: str = "", parties: dict | None = None) -> supervision.SignedOff:
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
    def open_findings(self, compound_id: str) -> list[supervision.Finding]:
        with self.db.reading() as s:
            return supervision.open_findings(s, compound_id)

    @action()
    def overdue_findings(self) -> list[supervision.Finding]:
        with self.db.reading() as s:
            return supervision.overdue(s, self.desk.today())
