"""Testing rounds (全员核酸): a round, its people due, corrections once closed; they travel to the office."""
from models.rounds import demo
from models.rounds.tables import PERSONAL, RoundCorrection, RoundPerson, TestingRound
from models.store.registry import Closing, Feature, RecordType, Scrub

FEATURE = Feature(
    name="rounds",
    tables=(TestingRound, RoundPerson, RoundCorrection),
    # A closed round changes only through a correction with its reason (and by retention's blanks).
    records=(RecordType("testing_round", TestingRound, since_format=3, closing=Closing("closed_at")),
             RecordType("round_person", RoundPerson, parent=("testing_round", "round_id"), personal=PERSONAL,
                        since_format=3, closing=Closing("closed_at", parent=("round_id", "testing_round"),
                                                        free=("name", "sampled_by", "note"),
                                                        correction=("round_correction", "person_id"))),
             RecordType("round_correction", RoundCorrection, parent=("round_person", "person_id"), since_format=3)),
    scrubs=(Scrub("round_person", RoundPerson, dict(name="", sampled_by=None, note=""), "created_at"),
            Scrub("round_correction", RoundCorrection, dict(reason=""), "created_at")),
    counted={"testing_rounds": TestingRound, "samplings": (RoundPerson, RoundPerson.sampled_at.is_not(None))},
    demo=demo.fill,
    # The scan path's lookup of a resident's line; the office counts a round by building.
    gate_only_indexes=("ix_round_person_resident",),
)
