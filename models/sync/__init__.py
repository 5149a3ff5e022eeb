"""Gates export their records as bundles; an office imports bundles from many gates.

The package's public face: callers use `models.sync.<name>`. The container is models/formats/bundle.py, the
record checks models/formats/wire.py; here: keys (who is who), records (what travels), export (gate),
inbox and importer (office), forward (an office's bundle upward), reporting (who has reported), people_logs (spreadsheets beside a bundle)."""
from __future__ import annotations

from models.sync.export import OVERLAP, ExportResult, NotAStation, day_range_problem, export_bundle  # noqa: F401
from models.sync.forward import NoUnit, OfficeUnit, forward_bundle, name_office, office_unit, set_office_unit  # noqa: F401
from models.sync.batches import FUTURE_TOLERANCE  # noqa: F401
from models.sync.gate_bundle import MAX_SEQUENCE_STEP  # noqa: F401
from models.sync.importer import Importer  # noqa: F401
from models.sync.inbox import PEOPLE_LOG, Cancelled, FileSummary, Problem, bundle_files, is_people_log, reports_header  # noqa: F401
from models.sync.keys import (  # noqa: F401
    FINGERPRINT_RE,
    MODE,
    OFFICE_KEY,
    OFFICE_NAME,
    OFFICE_PRIVATE_KEY,
    SIGNING_KEY,
    UPPER_OFFICE_KEY,
    BadKeyFile,
    NotAnOffice,
    OfficeKeyFile,
    enroll,
    enrolled,
    ensure_office,
    ensure_signing_key,
    is_office,
    load_office_key,
    loaded_office_key,
    mark_office,
    normalise_fingerprint,
    office_key_file,
    office_name,
    read_meta,
    set_office_name,
    station_fingerprint,
    write_meta,
    INSPECTION,
    mark_inspection,
    station_kind,
)
from models.sync.records import (  # noqa: F401
    BATCH,
    DELETED,
    codecs,
    held_line,
    office_made,
    record_types,
    schema_for,
    schemas,
    table_types,
    withheld,
)
from models.sync.reporting import (  # noqa: F401
    EXPORT_DUE,
    ConflictView,
    StationReport,
    completeness,
    conflict_station,
    conflict_views,
    differences,
    export_due,
    gaps,
    last_export,
    not_reported,
    open_conflicts,
    resolve_conflict,
)
