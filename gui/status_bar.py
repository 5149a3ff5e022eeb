"""Gate, operator on duty, today's counts and people inside — always in view."""
from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QSizePolicy, QStatusBar

from models.app.desk import Desk


class GateStatusBar(QStatusBar):
    def __init__(self, desk: Desk, parent=None):
        super().__init__(parent)
        self.desk = desk
        self.gate = QLabel()
        self.gate.setObjectName("statusGate")
        self.operator = QLabel()
        self.operator.setObjectName("statusOperator")
        self.counts = QLabel()
        self.counts.setObjectName("statusCounts")
        # Never wider than the window; the wording is kept short enough to show whole at 1280 px.
        self.counts.setSizePolicy(QSizePolicy.Ignored, QSizePolicy.Preferred)
        self.counts.setAlignment(Qt.AlignRight | Qt.AlignVCenter)
        self.export = QLabel()
        self.export.setObjectName("statusExport")
        for w in (self.gate, self.operator, self.export):
            self.addWidget(w)
        self.addWidget(self.counts, 1)
        self.setSizeGripEnabled(False)

    def refresh(self) -> None:
        ctx = self.desk.ctx
        self.gate.setText(f"{ctx.compound_name} · {ctx.gate_name}" if ctx else "")
        self.refresh_operator()
        self.refresh_export()
        c = self.desk.gate.today_counts()
        cases = self.desk.isolation.open_case_count()
        waiting = self.desk.parcels.waiting_count()
        self.counts.setText(self.tr("Today {0} in · {1} refused · {2} isolated · {3} inside").format(
            c.admitted, c.refused, c.isolated, c.inside)
            + "   " + self.tr("Isolation {0} · parcels {1}").format(cases, waiting))

    def refresh_operator(self) -> None:
        """Who is on duty (a check-in at a gate the rota holds changes it; the counts do not change)."""
        op = self.desk.operator
        self.operator.setText(self.tr("On duty: {0}").format(op.name) if op else self.tr("Nobody signed in"))

    def refresh_export(self) -> None:
        from zoneinfo import ZoneInfo

        from gui import texts
        from models.sync import export_due

        last = self.desk.sync.last_export()
        due = export_due(last, self.desk.clock())
        if last is None:
            text = self.tr("Not yet exported for the office")
        else:
            text = self.tr("Exported: no. {0}, {1}").format(
                last.seq, texts.local_time(last.created_at, ZoneInfo(self.desk.settings.timezone)))
        self.export.setText(text)
        self.export.setProperty("due", due)
        self.export.setToolTip(self.tr("Export (toolbar) writes today's bundle for the community office.") if due
                               else "")
        self.export.style().unpolish(self.export)
        self.export.style().polish(self.export)
