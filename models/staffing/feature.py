"""Staffing: the rota and its check-ins travel to the office in a gate's bundles (format 6). A
person's name and phone are personal: blanked once they have left the rota for the retention
period; their PIN never leaves the station."""
from models.staffing import demo
from models.staffing.tables import PERSONAL, DutyPost, RotaShift, ShiftAssignment, ShiftCheckIn, Volunteer
from models.store.registry import Feature, RecordType, Scrub

FEATURE = Feature(
    name="staffing",
    tables=(Volunteer, DutyPost, RotaShift, ShiftAssignment, ShiftCheckIn),
    records=(RecordType("volunteer", Volunteer, whole=True, personal=PERSONAL, withheld={"pin_hash": ""},
                        since_format=6),
             RecordType("duty_post", DutyPost, whole=True, since_format=6),
             RecordType("rota_shift", RotaShift, parent=("duty_post", "post_id"), since_format=6),
             RecordType("shift_assignment", ShiftAssignment, parent=("rota_shift", "shift_id"), since_format=6),
             RecordType("shift_checkin", ShiftCheckIn, parent=("rota_shift", "shift_id"), since_format=6)),
    scrubs=(Scrub("volunteer", Volunteer, dict(name="", phone=""), "left_at"),),
    counted={"volunteers": (Volunteer, Volunteer.left_at.is_(None)), "shifts": RotaShift,
             "shift_checkins": ShiftCheckIn},
    demo=demo.fill,
)
