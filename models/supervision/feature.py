"""Supervision (督导): standards, the teams' visits and the findings to be put right. A visit's
`met` (whom the team met at the compound) and its photos are personal: blanked when they age out."""
from models.store.registry import Feature, Scrub
from models.supervision.tables import Finding, Inspection, InspectionAnswer, InspectionPhoto, Standard, StandardItem

FEATURE = Feature(
    name="supervision",
    tables=(Standard, StandardItem, Inspection, InspectionAnswer, Finding, InspectionPhoto),
    # A photo may show a face or a logbook's page: it goes with the visit's people.
    scrubs=(Scrub("inspection", Inspection, dict(met=""), "created_at"),
            Scrub("inspection_photo", InspectionPhoto, dict(data=b""), "created_at")),
)
