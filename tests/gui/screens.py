"""Every dialog the gate and the office open, built as the app builds them, and the room the small
screens gates have (1366×768, 1280×720) leave for them. Shared by the fit and close tests and by
bench/screenshots.py, so what is checked is what is looked at."""
from __future__ import annotations

from PySide6.QtCore import QSize, Qt
from PySide6.QtWidgets import QApplication, QDialog, QWidget

SCREENS = [QSize(1366, 768), QSize(1280, 720)]
TASKBAR = 40


def room(screen: QSize) -> QSize:
    """What a screen leaves for a window beside the taskbar."""
    return QSize(screen.width(), screen.height() - TASKBAR)


def settle() -> None:
    for _ in range(3):
        QApplication.processEvents()


def lay_out(widget: QWidget, size: QSize) -> None:
    widget.resize(size)
    widget.show()
    settle()


def own_size(dialog: QDialog, screen: QSize) -> QSize:
    """The size a dialog opens at: its own, no larger than the screen's room."""
    own = QWidget.size(dialog) if dialog.testAttribute(Qt.WA_Resized) else dialog.sizeHint()
    return own.boundedTo(room(screen))


def gate_dialogs(desk, parent) -> list[QDialog]:
    from gui.dialogs import (
        audit_dialog,
        campaign_dialog,
        care_dialog,
        case_dialog,
        correction_dialog,
        delete_dialog,
        export_dialog,
        operators_dialog,
        open_round_dialog,
        override_dialog,
        parcel_days_dialog,
        poster_dialog,
        readiness_dialog,
        residents_dialog,
        reveal_dialog,
        round_correction_dialog,
        round_dialog,
        server_dialog,
        settings_dialog,
        setup_sheet_dialog,
        sign_in_dialog,
        units_dialog,
    )
    from models.gate.visit_log import VisitQuery

    visit = desk.gate.page_visits(VisitQuery(), offset=0, limit=1)[0]
    return [
        audit_dialog.AuditDialog(desk, parent),
        case_dialog.CaseDialog(desk, parent),
        care_dialog.CareDialog(desk, parent),
        correction_dialog.CorrectionDialog(desk, _a_case(desk), parent),
        open_round_dialog.OpenRoundDialog(desk, parent),
        round_correction_dialog.RoundCorrectionDialog(desk, parent),
        server_dialog.ServerDialog(None, "", parent),
        export_dialog.ExportDialog(desk, parent),
        operators_dialog.OperatorsDialog(desk, parent),
        override_dialog.OverrideDialog(desk, visit, parent),
        parcel_days_dialog.ParcelDaysDialog(desk.parcels.parcel_counts_by_day(14), parent),
        poster_dialog.PosterDialog(desk, parent),
        readiness_dialog.ReadinessDialog(desk, parent),
        residents_dialog.ResidentsDialog(desk, parent),
        settings_dialog.SettingsDialog(desk, parent),
        sign_in_dialog.SignInDialog(desk, parent),
        sign_in_dialog.SignInDialog(desk, parent, hand_over=True),
        campaign_dialog.CampaignDialog(desk, parent),
        delete_dialog.DeleteDialog(desk, visit, parent),
        reveal_dialog.RevealDialog(desk.gate.reveal(visit_id=visit.id, supervisor_id=desk.authority.id),
                                   desk.settings.zone, parent),
        round_dialog.RoundDialog(desk, parent),
        setup_sheet_dialog.SetupSheetDialog(desk, parent),
        units_dialog.UnitsDialog(desk, parent),
        *duty_dialogs_of(desk, parent),
    ]


def duty_dialogs_of(desk, parent) -> list[QDialog]:
    """The duty tab's dialogs, on the demo's rota."""
    from gui.dialogs import duty_dialogs

    views = desk.staffing.day_rota()
    return [
        duty_dialogs.PinCheckDialog(desk.staffing.people(), parent),
        duty_dialogs.ShiftChoiceDialog("钱*姨 现在没有班次。请选一个缺人的班次，或找主管。", views[:3], desk.settings.zone, parent),
        duty_dialogs.ReviewDialog(desk, parent),
        duty_dialogs.RotaDialog(desk, parent),
        duty_dialogs.PostDialog(parent),
    ]


def office_dialogs(desk, window) -> list[QDialog]:
    """What the office window opens from its menus and its dashboard (a compound's day drilled into)."""
    from gui.dialogs import (
        census_dialog,
        drill_dialog,
        forward_dialog,
        photos_dialog,
        poster_dialog,
        settings_dialog,
        sign_in_dialog,
        units_dialog,
    )

    window.dashboard.refresh()
    compound = window.dashboard.model.rows[0]
    return [
        drill_dialog.DrillDialog(desk, compound.compound_ids, window.dashboard.current_day(), window),
        census_dialog.CensusDialog(desk, window),
        census_dialog.CensusLineDialog(desk, desk.supervision.census_rows()[0], window),
        forward_dialog.ForwardDialog(desk, window),
        photos_dialog.CompoundPhotosDialog("榕城花园", [], window),  # no team's visit there: said so
        poster_dialog.PosterDialog(desk, window),
        settings_dialog.SettingsDialog(desk, window),
        sign_in_dialog.SignInDialog(desk, window),
        units_dialog.UnitsDialog(desk, window),
    ]


def team_dialogs(desk, window) -> list[QDialog]:
    """What a supervision team's window opens: a visit started and signed off, a sheet's preview
    with rows left out, and the station's own dialogs."""
    from gui.dialogs import (
        export_dialog,
        new_visit_dialog,
        operators_dialog,
        photos_dialog,
        settings_dialog,
        setup_sheet_dialog,
        sheet_preview_dialog,
        sign_in_dialog,
        sign_off_dialog,
    )
    from models.store.i18n import Message

    open_visit = next(v for v in desk.supervision.visits() if v.signed_at is None)
    left_out = [Message("Supervision", "Row {row}: the item has no text.", {"row": n}) for n in (4, 9)]
    followed = next(v for v in desk.supervision.visits() if v.signed_at is not None and v.follows_id is None)
    return [
        new_visit_dialog.NewVisitDialog(desk, window),
        new_visit_dialog.NewVisitDialog(desk, window, compound_id=followed.compound_id, follow_up=True),
        sign_off_dialog.SignOffDialog(desk, open_visit.id, window),
        photos_dialog.PhotosDialog(desk, open_visit.id, window),
        sheet_preview_dialog.SheetPreviewDialog(
            "区里的检查标准", "鼓楼区小区疫情防控检查标准.xlsx：《鼓楼区小区疫情防控检查标准》，共 14 项，合格分 85。",
            left_out, window),
        export_dialog.ExportDialog(desk, window),
        operators_dialog.OperatorsDialog(desk, window),
        settings_dialog.SettingsDialog(desk, window),
        setup_sheet_dialog.SetupSheetDialog(desk, window),
        sign_in_dialog.SignInDialog(desk, window),
    ]


def first_run_dialog(blank_desk) -> QDialog:
    """What a new installation opens with, before there is any window behind it."""
    from gui.dialogs.setup_dialog import SetupDialog

    return SetupDialog(blank_desk)


def _a_case(desk):
    from models.station.isolation import CaseForm

    return desk.isolation.open_isolation_case(CaseForm(name="王五", phone="13800138000", reason="发热，复测仍高",
                                                       temperature="38.2"))
