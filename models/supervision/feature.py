"""Supervision (督导): standards, the teams' visits and the findings to be put right. A visit's
`met` (whom the team met at the compound) and its photos, and who signed a compound's pledge, are
personal: blanked when they age out."""
from models.kit.masking import mask_name
from models.store.registry import Feature, RecordType, Scrub
from models.supervision.census import by_kind
from models.supervision.photos import arrived_problem
from models.supervision.tables import (
    CompoundCensus,
    CompoundListed,
    Finding,
    FindingStatus,
    Inspection,
    InspectionAnswer,
    InspectionPhoto,
    Standard,
    StandardItem,
)

FEATURE = Feature(
    name="supervision",
    tables=(Standard, StandardItem, Inspection, InspectionAnswer, Finding, InspectionPhoto, CompoundCensus,
            CompoundListed),
    # What an inspection station's bundles carry (format 5; its photos from format 7); only such a
    # station may send them. The census stays where it was made.
    records=(RecordType("standard", Standard, since_format=5),
             RecordType("standard_item", StandardItem, parent=("standard", "standard_id"), since_format=5),
             RecordType("inspection", Inspection, personal={"met": mask_name}, since_format=5),
             RecordType("inspection_answer", InspectionAnswer, parent=("inspection", "inspection_id"),
                        since_format=5),
             RecordType("finding", Finding, parent=("inspection", "inspection_id"), since_format=5),
             RecordType("inspection_photo", InspectionPhoto, parent=("inspection", "inspection_id"), since_format=7,
                        content=arrived_problem)),
    # A photo may show a face or a logbook's page: it goes with the visit's people.
    scrubs=(Scrub("inspection", Inspection, dict(met=""), "created_at"),
            Scrub("inspection_photo", InspectionPhoto, dict(data=b""), "created_at"),
            # who signed a pledge for the company (the pledge's day and the company stay)
            Scrub("compound_census", CompoundCensus, dict(pledge_by="", pledge_scan=None), "created_at")),
    counted={"inspections": Inspection, "findings": Finding,
             "findings_open": (Finding, Finding.status == FindingStatus.OPEN.value),
             "compounds_by_type": by_kind},
)
