"""Operators and their shifts (PIN hashes never leave the station), the audit chain, PIN lockouts."""
from models.store.registry import Feature, RecordType
from models.trust.audit import AuditEvent
from models.trust.operators import Operator, PinGuard, Shift

FEATURE = Feature(
    name="trust",
    tables=(Operator, Shift, PinGuard, AuditEvent),
    records=(RecordType("operator", Operator, whole=True, office_made=True, withheld={"pin_hash": ""}),
             RecordType("shift", Shift, office_made=True)),
    counted={"operators": Operator, "duty_shifts": Shift, "audit_events": AuditEvent},
)
