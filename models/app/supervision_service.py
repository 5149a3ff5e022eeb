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
