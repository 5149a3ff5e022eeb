"""Record counts per kind, for `main.py stats` and for the office's checks."""
from __future__ import annotations

from sqlalchemy import func
from sqlmodel import Session, select

from models.audit import AuditEvent
from models.isolation import IsolationCase
from models.parcels import DisinfectionRound, Parcel
from models.readiness import ReadinessCheck
from models.residents import HomeMonitoring, Passage, Resident, ResidentPass
from models.operators import Operator, Shift
from models.site import Compound, Gate, Station
from models.visits import Visit

COUNTED = {
    "compounds": Compound,
    "gates": Gate,
    "stations": Station,
    "operators": Operator,
    "shifts": Shift,
    "visits": Visit,
    "audit_events": AuditEvent,
    "isolation_cases": IsolationCase,
    "parcels": Parcel,
    "disinfection_rounds": DisinfectionRound,
    "readiness_checks": ReadinessCheck,
    "residents": Resident,
    "passes": ResidentPass,
    "home_monitoring": HomeMonitoring,
    "passages": Passage,
}


def record_counts(session: Session) -> dict[str, int]:
    return {key: session.exec(select(func.count()).select_from(table)).one() for key, table in COUNTED.items()}
