"""Supervision (督导): standards, the teams' visits and the findings to be put right. A visit's
`met` (whom the team met at the compound) and its photos, and who signed a compound's pledge, are
personal: blanked when they age out."""
from models.store.registry import Feature, Scrub
from models.supervision.census import by_kind
from models.supervision.tables import (
    CompoundCensus,
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
    tables=(Standard, StandardItem, Inspection, InspectionAnswer, Finding, InspectionPhoto, CompoundCensus),
    # A photo may show a face or a logbook's page: it goes with the visit's people.
    scrubs=(Scrub("inspection", Inspection, dict(met=""), "created_at"),
            Scrub("inspection_photo", InspectionPhoto, dict(data=b""), "created_at"),
            # who signed a pledge for the company (the pledge's day and the company stay)
            Scrub("compound_census", CompoundCensus, dict(pledge_by="", pledge_scan=None), "created_at")),
    counted={"inspections": Inspection, "findings": Finding,
             "findings_open": (Finding, Finding.status == FindingStatus.OPEN.value),
             "compounds_by_type": by_kind},
)
