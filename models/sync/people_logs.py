"""The people's logs GateDesk writes beside each bundle (.xlsx, CSV with BOM), for staff who live in Excel.

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

from models.formats.spreadsheets import csv_value, xlsx_row
from models.gate.rules import CODE_LABELS, KIND_LABELS, NAT_LABELS, OUTCOME_LABELS, reason_name
from models.kit.masking import mask_id_number, mask_name, mask_phone
from models.station.isolation import OUTCOME_LABELS as CASE_OUTCOMES
from models.station.parcels import KIND_LABELS as PARCEL_KINDS
from models.station.parcels import STATUS_LABELS as PARCEL_STATUS
from models.store.files import written_whole
from models.store.i18n import LANGUAGES, QT_TRANSLATE_NOOP, plain_translator

# openpyxl is imported where a log is written: start-up never needs it.

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
        return "; ".join(reason_name(c, self.translate) for c in (codes or "").split(",") if c)

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
