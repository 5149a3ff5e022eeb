"""Registrations at the gate, and the venue codes printed on its posters."""
from models.gate import demo
from models.gate.posters import VenueCode
from models.gate.visits import PERSONAL, Visit
from models.store.registry import Feature, RecordType, Scrub

FEATURE = Feature(
    name="gate",
    tables=(Visit, VenueCode),
    records=(RecordType("visit", Visit, personal=PERSONAL),),
    scrubs=(Scrub("visit", Visit, dict(name=None, phone=None, id_number=None, phone_tail=None, id_tail=None,
                                       origin=None, destination=None, host=None, purpose=None, override_reason=None),
                  "created_at"),),
    counted={"visits": Visit},
    demo=demo.fill,
    # The log's searches and the on-site list. The office reads visits by day (ix_visit_created)
    # and by id; tests/models/test_office_plans.py checks every office query still seeks.
    gate_only_indexes=("ix_visit_name", "ix_visit_phone_tail", "ix_visit_id_tail", "ix_visit_kind",
                       "ix_visit_decision", "ix_visit_onsite"),
)
