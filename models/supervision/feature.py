"""Supervision (督导): the standards compounds are checked against. Standards hold no personal data."""
from models.store.registry import Feature
from models.supervision.tables import Standard, StandardItem

FEATURE = Feature(
    name="supervision",
    tables=(Standard, StandardItem),
)
