"""Supervision (督导): standards, the teams' visits and the findings to be put right. Only a
visit's `met` (whom the team met at the compound) is personal: blanked when it ages out."""
from models.store.registry import Feature, Scrub
from models.supervision.tables import Finding, Inspection, InspectionAnswer, Standard, StandardItem

FEATURE = Feature(
    name="supervision",
    tables=(Standard, StandardItem, Inspection, InspectionAnswer, Finding),
    scrubs=(Scrub("inspection", Inspection, dict(met=""), "created_at"),),
)
