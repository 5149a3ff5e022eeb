"""The isolation point's cases, the parcel station's parcels and rounds, the daily readiness check."""
from models.station import demo, isolation, parcels
from models.station.isolation import CaseCorrection, IsolationCase, IsolationNotice, IsolationRecheck
from models.station.parcels import DisinfectionRound, Parcel, ParcelStatus
from models.station.readiness import ReadinessCheck
from models.store.registry import Feature, RecordType, Scrub

FEATURE = Feature(
    name="station",
    tables=(IsolationCase, IsolationRecheck, IsolationNotice, CaseCorrection, Parcel, DisinfectionRound,
            ReadinessCheck),
    records=(RecordType("isolation_case", IsolationCase, parent=("visit", "visit_id"), personal=isolation.PERSONAL),
             RecordType("isolation_recheck", IsolationRecheck, parent=("isolation_case", "case_id")),
             RecordType("isolation_notice", IsolationNotice, parent=("isolation_case", "case_id")),
             RecordType("isolation_correction", CaseCorrection, parent=("isolation_case", "case_id")),
             RecordType("parcel", Parcel, personal=parcels.PERSONAL),
             RecordType("disinfection_round", DisinfectionRound),
             RecordType("readiness_check", ReadinessCheck)),
    scrubs=(Scrub("isolation_case", IsolationCase, dict(name="", phone=None, id_number=None, reason="", handed_to=None),
                  "placed_at", settled=IsolationCase.closed_at.is_not(None)),
            Scrub("isolation_notice", IsolationNotice, dict(note=""), "at"),
            Scrub("isolation_correction", CaseCorrection, dict(old_value="", new_value="", reason=""), "created_at"),
            Scrub("parcel", Parcel, dict(tracking_no=None, room="", recipient_name=None, phone_tail=None,
                                         collected_by=None, delivered_by=None),
                  "received_at", settled=Parcel.status != ParcelStatus.WAITING.value)),
    counted={"isolation_cases": IsolationCase, "parcels": Parcel, "disinfection_rounds": DisinfectionRound,
             "readiness_checks": ReadinessCheck},
    demo=demo.fill,
    # The counter's searches (pick-up code, room, tracking number). The office counts parcels by
    # status and by their times; tests/models/test_office_plans.py checks those still seek.
    gate_only_indexes=("ix_parcel_code", "ix_parcel_room", "ix_parcel_tracking"),
)
