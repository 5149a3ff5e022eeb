"""Files for people: the logs beside each bundle (.xlsx, CSV with BOM) and the office's daily report.

Personal data is masked unless full data is asked for (an administrator's choice). Workbooks
are written in openpyxl's write-only mode, so a large log streams instead of filling memory.
"""
from __future__ import annotations

import csv
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

from models.files import written_whole
from models.spreadsheets import csv_value, xlsx_row
from models.i18n import QT_TRANSLATE_NOOP, plain_translator, short_reason
from models.isolation import OUTCOME_LABELS as CASE_OUTCOMES
from models.masking import mask_id_number, mask_name, mask_phone
from models.office import FIGURE_NAMES, DaySummary
from models.parcels import KIND_LABELS as PARCEL_KINDS, STATUS_LABELS as PARCEL_STATUS
from models.rules import CODE_LABELS, KIND_LABELS, NAT_LABELS, OUTCOME_LABELS, REASONS

CTX = "Reports"


@dataclass
class Column:
    header: str
    value: Callable[[Any, "_Fmt"], Any]


class _Fmt:
    def __init__(self, zone: ZoneInfo, full: bool, tr):
        self.zone, self.full, self.translate = zone, full, tr

    def time(self, value: datetime | None) -> str:
        return value.astimezone(self.zone).strftime("%Y-%m-%d %H:%M") if value else ""

    def name(self, v):
        return v or "" if self.full else mask_name(v)

    def phone(self, v):
        return v or "" if self.full else mask_phone(v)

    def id_number(self, v):
        return v or "" if self.full else mask_id_number(v)

    def label(self, table: dict, context: str, value):
        for key, text in table.items():
            if key == value or getattr(key, "value", None) == value:
                return self.translate(context, text)
        return value or ""

    def reasons(self, codes: str) -> str:
        return "; ".join(short_reason(self.translate("Reasons", REASONS[c][1])) if c in REASONS else c
                         for c in (codes or "").split(",") if c)

    def yes(self, v) -> str:
        return self.translate(CTX, QT_TRANSLATE_NOOP("Reports", "Yes") if v else QT_TRANSLATE_NOOP("Reports", "No"))


VISIT_COLUMNS = [
    Column(QT_TRANSLATE_NOOP("Reports", "Time in"), lambda r, f: f.time(r["created_at"])),
    Column(QT_TRANSLATE_NOOP("Reports", "Type"), lambda r, f: f.label(KIND_LABELS, "Kinds", r["kind"])),
    Column(QT_TRANSLATE_NOOP("Reports", "Name"), lambda r, f: f.name(r["name"])),
    Column(QT_TRANSLATE_NOOP("Reports", "Phone"), lambda r, f: f.phone(r["phone"])),
    Column(QT_TRANSLATE_NOOP("Reports", "ID number"), lambda r, f: f.id_number(r["id_number"])),
    Column(QT_TRANSLATE_NOOP("Reports", "Coming from"), lambda r, f: r["origin"] or ""),
    Column(QT_TRANSLATE_NOOP("Reports", "Going to"), lambda r, f: r["destination"] or ""),
    Column(QT_TRANSLATE_NOOP("Reports", "Temperature °C"), lambda r, f: r["temperature"]),
    Column(QT_TRANSLATE_NOOP("Reports", "Health code"), lambda r, f: f.label(CODE_LABELS, "Kinds", r["code_color"])),
    Column(QT_TRANSLATE_NOOP("Reports", "Nucleic-acid test"), lambda r, f: f.label(NAT_LABELS, "Kinds", r["nat_result"])),
    Column(QT_TRANSLATE_NOOP("Reports", "Mask"), lambda r, f: f.yes(r["mask"])),
    Column(QT_TRANSLATE_NOOP("Reports", "Decision"), lambda r, f: f.label(OUTCOME_LABELS, "Reasons", r["decision"])),
    Column(QT_TRANSLATE_NOOP("Reports", "Reasons"), lambda r, f: f.reasons(r["reasons"])),
    Column(QT_TRANSLATE_NOOP("Reports", "Time out"), lambda r, f: f.time(r["time_out"])),
]
CASE_COLUMNS = [
    Column(QT_TRANSLATE_NOOP("Reports", "Placed"), lambda r, f: f.time(r["placed_at"])),
    Column(QT_TRANSLATE_NOOP("Reports", "Name"), lambda r, f: f.name(r["name"])),
    Column(QT_TRANSLATE_NOOP("Reports", "Phone"), lambda r, f: f.phone(r["phone"])),
    Column(QT_TRANSLATE_NOOP("Reports", "ID number"), lambda r, f: f.id_number(r["id_number"])),
    Column(QT_TRANSLATE_NOOP("Reports", "Reasons"), lambda r, f: f.reasons(r["reason_codes"]) or r["reason"]),
    Column(QT_TRANSLATE_NOOP("Reports", "Temperature °C"), lambda r, f: r["temperature"]),
    Column(QT_TRANSLATE_NOOP("Reports", "Handed to"), lambda r, f: r["handed_to"] or ""),
    Column(QT_TRANSLATE_NOOP("Reports", "Outcome"), lambda r, f: f.label(CASE_OUTCOMES, "Isolation", r["outcome"])),
    Column(QT_TRANSLATE_NOOP("Reports", "Closed"), lambda r, f: f.time(r["closed_at"])),
]
PARCEL_COLUMNS = [
    Column(QT_TRANSLATE_NOOP("Reports", "Received"), lambda r, f: f.time(r["received_at"])),
    Column(QT_TRANSLATE_NOOP("Reports", "Type"), lambda r, f: f.label(PARCEL_KINDS, "Parcels", r["kind"])),
    Column(QT_TRANSLATE_NOOP("Reports", "Carrier"), lambda r, f: r["carrier"] or ""),
    Column(QT_TRANSLATE_NOOP("Reports", "Tracking number"), lambda r, f: r["tracking_no"] or ""),
    Column(QT_TRANSLATE_NOOP("Reports", "Room"), lambda r, f: r["room"] or ""),
    Column(QT_TRANSLATE_NOOP("Reports", "Recipient"), lambda r, f: f.name(r["recipient_name"])),
    Column(QT_TRANSLATE_NOOP("Reports", "Status"), lambda r, f: f.label(PARCEL_STATUS, "Parcels", r["status"])),
    Column(QT_TRANSLATE_NOOP("Reports", "Disinfected"), lambda r, f: f.time(r["disinfected_at"])),
    Column(QT_TRANSLATE_NOOP("Reports", "Handed out"),
           lambda r, f: f.time(r["collected_at"] or r["delivered_at"])),
]
LOGS = (
    ("visit", QT_TRANSLATE_NOOP("Reports", "Visits"), "visits", VISIT_COLUMNS),
    ("isolation_case", QT_TRANSLATE_NOOP("Reports", "Isolation"), "isolation", CASE_COLUMNS),
    ("parcel", QT_TRANSLATE_NOOP("Reports", "Parcels"), "parcels", PARCEL_COLUMNS),
)


def people_log_headers() -> set[str]:
    """The first line of each CSV GateDesk writes beside a bundle, in every language."""
    from models.i18n import LANGUAGES

    out = set()
    for language in LANGUAGES:
        tr = plain_translator(language)
        for _type, _title, _suffix, columns in LOGS:
            out.add(",".join(tr(CTX, c.header) for c in columns))
    return out


def write_people_logs(db, stem: Path, *, queries: dict, zone: ZoneInfo, full_data: bool,
                      language: str) -> list[Path]:
    """stem.xlsx (a sheet per log) and stem_visits.csv etc., of the records in the bundle."""
    from openpyxl import Workbook

    tr = plain_translator(language)
    fmt = _Fmt(zone, full_data, tr)
    book = Workbook(write_only=True)
    book.properties.creator = "GateDesk"  # so the office's import knows this file for what it is
    written = []
    with db.engine.connect() as conn:
        for record_type, title, suffix, columns in LOGS:
            sheet = book.create_sheet(tr(CTX, title))
            headers = [tr(CTX, c.header) for c in columns]
            sheet.append(xlsx_row(sheet, headers))
            csv_path = stem.with_name(f"{stem.name}_{suffix}.csv")
            # utf-8-sig writes the BOM that makes Excel read the file as UTF-8, not as GBK.
            with written_whole(csv_path) as partial, open(partial, "w", encoding="utf-8-sig", newline="") as f:
                out = csv.writer(f)
                out.writerow([csv_value(h) for h in headers])
                result = conn.execution_options(yield_per=2000).execute(queries[record_type])
                for row in result.mappings():
                    values = [c.value(row, fmt) for c in columns]
                    sheet.append(xlsx_row(sheet, values))
                    out.writerow([csv_value(v) for v in values])
            written.append(csv_path)
    xlsx = stem.with_name(stem.name + ".xlsx")
    with written_whole(xlsx) as partial:
        book.save(partial)
    return [xlsx] + written


# -- the office's daily report ----------------------------------------------------------------
FIGURE_LABELS = {
    "visits": QT_TRANSLATE_NOOP("Reports", "Registrations"),
    "refused": QT_TRANSLATE_NOOP("Reports", "Refused"),
    "isolated": QT_TRANSLATE_NOOP("Reports", "Sent to isolation"),
    "fevers": QT_TRANSLATE_NOOP("Reports", "Fevers"),
    "cases_opened": QT_TRANSLATE_NOOP("Reports", "Isolation cases opened"),
    "cases_open": QT_TRANSLATE_NOOP("Reports", "Isolation cases open"),
    "cases_closed": QT_TRANSLATE_NOOP("Reports", "Isolation cases closed"),
    "parcels_received": QT_TRANSLATE_NOOP("Reports", "Parcels received"),
    "parcels_waiting": QT_TRANSLATE_NOOP("Reports", "Parcels waiting"),
    "parcels_overdue": QT_TRANSLATE_NOOP("Reports", "Parcels overdue"),
    "readiness_done": QT_TRANSLATE_NOOP("Reports", "Daily checks done"),
}
assert list(FIGURE_LABELS) == FIGURE_NAMES


def _report_rows(summary: DaySummary, tr) -> tuple[list[str], list[list]]:
    headers = [tr(CTX, QT_TRANSLATE_NOOP("Reports", "Community")), tr(CTX, QT_TRANSLATE_NOOP("Reports", "Compound")), tr(CTX, QT_TRANSLATE_NOOP("Reports", "Gates"))] + \
        [tr(CTX, FIGURE_LABELS[n]) for n in FIGURE_NAMES]
    rows = []
    for c in summary.rows():
        if c.compound_ids:
            first, second = c.community, c.compound
        elif c.community:
            first, second = c.community, tr(CTX, QT_TRANSLATE_NOOP("Reports", "Subtotal"))
        else:
            first, second = tr(CTX, QT_TRANSLATE_NOOP("Reports", "Total")), ""
        rows.append([first, second, c.gates] + [getattr(c.figures, n) for n in FIGURE_NAMES])
    return headers, rows


def report_title(summary: DaySummary, tr, office: str) -> str:
    return tr(CTX, QT_TRANSLATE_NOOP("Reports", "{office} daily epidemic-control summary, {day}")).format(
        office=office or tr(CTX, QT_TRANSLATE_NOOP("Reports", "Community office")), day=summary.day.isoformat())


def write_report_xlsx(summary: DaySummary, path: Path, *, language: str, office: str = "",
                      missing: list[str] | None = None) -> Path:
    from openpyxl import Workbook
    from openpyxl.styles import Font

    tr = plain_translator(language)
    book = Workbook()
    sheet = book.active
    sheet.title = tr(CTX, QT_TRANSLATE_NOOP("Reports", "Summary"))
    # Compound and gate names come from the gates' bundles: text, never formulas.
    sheet.append(xlsx_row(sheet, [report_title(summary, tr, office)]))
    sheet["A1"].font = Font(bold=True, size=14)
    sheet.append(xlsx_row(sheet, [tr(CTX, QT_TRANSLATE_NOOP("Reports", "Gates reporting: {n} of {total}")).format(
        n=summary.gates_reporting, total=summary.gates_known)]))
    sheet.append([])
    headers, rows = _report_rows(summary, tr)
    sheet.append(xlsx_row(sheet, headers))
    for cell in sheet[4]:
        cell.font = Font(bold=True)
    for row in rows:
        sheet.append(xlsx_row(sheet, row))
    if missing:
        sheet.append([])
        sheet.append(xlsx_row(sheet, [tr(CTX, QT_TRANSLATE_NOOP("Reports", "Not reported"))]))
        for line in missing:
            sheet.append(xlsx_row(sheet, [line]))
    sheet.column_dimensions["A"].width = 16
    sheet.column_dimensions["B"].width = 22
    with written_whole(path) as partial:
        book.save(partial)
    return path


def write_report_pdf(summary: DaySummary, path: Path, *, language: str, office: str = "",
                     missing: list[str] | None = None) -> Path:
    """A landscape A4 page with real (searchable) Chinese text."""
    from fpdf import FPDF, FontFace

    from models.drawing import add_fonts

    tr = plain_translator(language)
    pdf = FPDF(orientation="L", format="A4")
    pdf.set_auto_page_break(True, margin=12)
    add_fonts(pdf)
    pdf.add_page()
    pdf.set_font("cjk", size=15)
    pdf.cell(0, 10, report_title(summary, tr, office), new_x="LMARGIN", new_y="NEXT")
    pdf.set_font("cjk", size=10)
    pdf.cell(0, 7, tr(CTX, QT_TRANSLATE_NOOP("Reports", "Gates reporting: {n} of {total}")).format(
        n=summary.gates_reporting, total=summary.gates_known), new_x="LMARGIN", new_y="NEXT")
    pdf.ln(2)
    headers, rows = _report_rows(summary, tr)
    pdf.set_font("cjk", size=8)
    widths = (24, 34, 12) + (19.5,) * len(FIGURE_NAMES)
    heading = FontFace(emphasis="", fill_color=(225, 232, 240))
    with pdf.table(col_widths=widths, text_align="CENTER", line_height=5, headings_style=heading) as table:
        table.row(headers)
        for row in rows:
            table.row(["" if v is None else str(v) for v in row])
    if missing:
        pdf.ln(4)
        pdf.set_font("cjk", size=10)
        pdf.cell(0, 7, tr(CTX, QT_TRANSLATE_NOOP("Reports", "Not reported")), new_x="LMARGIN", new_y="NEXT")
        for line in missing:
            pdf.cell(0, 6, line, new_x="LMARGIN", new_y="NEXT")
    with written_whole(path) as partial:
        pdf.output(str(partial))
    return path


def write_report(summary: DaySummary, path: Path, *, language: str, office: str = "",
                 missing: list[str] | None = None) -> Path:
    writer = write_report_pdf if path.suffix.lower() == ".pdf" else write_report_xlsx
    return writer(summary, path, language=language, office=office, missing=missing)

