"""Why a bundle is refused: a stable code for scripts and the audit log, a sentence for people.

Every refusal of an outside file goes through BundleRejected, so any byte sequence ends in one of
these reasons (docs/SYNC_FORMAT.md lists them), never a traceback.
"""
from __future__ import annotations

from typing import Any

from models.store.i18n import QT_TRANSLATE_NOOP, Message


def _reasons() -> dict[str, str]:
    return {
        "not_a_bundle": QT_TRANSLATE_NOOP("Sync", "This file is not a GateDesk bundle."),
        "truncated": QT_TRANSLATE_NOOP("Sync", "The file is cut short (copy interrupted or USB stick pulled out too soon)."),
        "corrupt": QT_TRANSLATE_NOOP("Sync", "The file is damaged: {detail}"),
        "checksum_mismatch": QT_TRANSLATE_NOOP("Sync", "The contents of {member} do not match the checksum the gate recorded: the file was changed or damaged after export."),
        "bad_signature": QT_TRANSLATE_NOOP("Sync", "The station's signature does not match: the file was changed after export, or was not made by a GateDesk station."),
        "key_changed": QT_TRANSLATE_NOOP("Sync", "This bundle is signed with a new key ({key}) for a gate this office knows ({station}). Check the key with the gate by phone, then accept it (Import tab, or --trust-new-key on the command line)."),
        "format_too_new": QT_TRANSLATE_NOOP("Sync", "The bundle was written by a newer GateDesk (format {found}; this version reads up to {known}). Update GateDesk at the office."),
        "bad_manifest": QT_TRANSLATE_NOOP("Sync", "The bundle's table of contents is unreadable: {detail}"),
        "missing_member": QT_TRANSLATE_NOOP("Sync", "Part of the bundle is missing: {member}."),
        "unexpected_member": QT_TRANSLATE_NOOP("Sync", "The bundle holds a part that its table of contents does not list: {member}."),
        "unsafe_path": QT_TRANSLATE_NOOP("Sync", "The bundle holds a file name that points outside the bundle: {member}."),
        "too_large": QT_TRANSLATE_NOOP("Sync", "The bundle is implausibly large or compressed ({member}); it was not opened."),
        "invalid_record": QT_TRANSLATE_NOOP("Sync", "Record {record} in {member} is invalid: {detail}"),
        "future_record": QT_TRANSLATE_NOOP("Sync", "Record {record} in {member} is dated in the future ({when}). Check the gate computer's clock."),
        "encrypted_no_key": QT_TRANSLATE_NOOP("Sync", "The bundle is encrypted, and this computer holds no office key to open it."),
        "not_for_this_office": QT_TRANSLATE_NOOP("Sync", "The bundle is encrypted for another office's key ({key}); it cannot be opened here."),
        "unreadable": QT_TRANSLATE_NOOP("Sync", "The file could not be read: {detail}"),
        "not_owner": QT_TRANSLATE_NOOP("Sync", "Record {record} in {member} belongs to another station ({owner}); a "
                                       "bundle may only bring, change or delete its own station's records."),
        "still_referenced": QT_TRANSLATE_NOOP("Sync", "The bundle deletes record {record}, but other records still "
                                              "refer to it ({referrer}). Nothing was deleted."),
        "duplicate_record": QT_TRANSLATE_NOOP("Sync", "Record {record} appears twice in {member}."),
        "missing_reference": QT_TRANSLATE_NOOP("Sync", "Record {record} in {member} refers to {target}, which is "
                                               "neither in the bundle nor at this office."),
        "implausible_sequence": QT_TRANSLATE_NOOP("Sync", "The bundle says it is number {sequence} of its gate, but "
                                                  "the last this office received is {last}: a jump that large is "
                                                  "not a real series of exports."),
        "not_enrolled": QT_TRANSLATE_NOOP("Sync", "{station} is not enrolled at this office (key {key}). Check the "
                                          "fingerprint with the gate's set-up sheet or by phone, then enroll it; "
                                          "until then nothing from it is imported."),
        "not_in_scope": QT_TRANSLATE_NOOP("Sync", "{office} forwards the records of {station} ({where}), which is "
                                          "outside the unit it speaks for ({unit}). Nothing from this file was "
                                          "imported."),
        "unit_changed": QT_TRANSLATE_NOOP("Sync", "{office} now says it speaks for {unit}, but its first bundle "
                                          "here spoke for {before}. Nothing from this file was imported; ask the "
                                          "office what changed."),
        "closed_changed": QT_TRANSLATE_NOOP("Sync", "Record {record} in {member} changes a testing round, or a line "
                                            "of one, after it was closed, without a correction giving the reason. "
                                            "A closed round changes only through a correction. Nothing from this "
                                            "file was imported."),
        "wrong_station_kind": QT_TRANSLATE_NOOP("Sync", "{station} brings {member}, which only {kind} may send. "
                                                "Nothing from this file was imported."),
        "own_unit": QT_TRANSLATE_NOOP("Sync", "{station} inspected {compound}, which is in {unit}, the unit the team "
                                      "belongs to: a team does not judge its own unit. Nothing from this file "
                                      "was imported."),
        "station_kind_changed": QT_TRANSLATE_NOOP("Sync", "{station} says it is now {kind}, but this office knows it "
                                                  "as {before}. Nothing from this file was imported; ask who set "
                                                  "it up again."),
        "relay_unverified": QT_TRANSLATE_NOOP("Sync", "{office} forwarded its gates' records under its own "
                                              "signature only (a GateDesk older than this one). This office "
                                              "takes a gate's records only as the gate signed them: update "
                                              "GateDesk at {office} and forward again, or import the gates' own "
                                              "bundles. Nothing from this file was imported."),
        "unexpected": QT_TRANSLATE_NOOP("Sync", "GateDesk could not import this file ({detail}); a report without "
                                        "personal data was written to its logs folder. The other files are not "
                                        "affected."),
    }


REASONS = _reasons()
# not_enrolled, said of an office: its fingerprint is checked with that office, not on a gate's sheet.
OFFICE_NOT_ENROLLED = QT_TRANSLATE_NOOP("Sync", "The office {station} is not enrolled here (key {key}). Check the "
                                        "fingerprint with that office (its forward dialog shows it), then enroll "
                                        "it; until then nothing from it is imported.")


class BundleRejected(Exception):
    """A bundle that must not be imported; code is stable, the message is for people."""

    def __init__(self, code: str, record_id: str | None = None, **params: Any):
        self.code = code
        self.record_id = record_id
        self.params = {k: v if isinstance(v, Message) else str(v) for k, v in params.items()}
        if record_id is not None:
            self.params.setdefault("record", record_id)
        self.message = Message("Sync", REASONS[code], self.params)
        super().__init__(f"{code}: {self.params}")


class BundleHeld(BundleRejected):
    """A signed bundle from a station this office has not enrolled: kept out until someone checks
    its fingerprint and enrolls it."""

    def __init__(self, *, fingerprint: str, station: str, compound: str, gate: str, sequence: int,
                 office: bool = False):
        super().__init__("not_enrolled", station=station, key=fingerprint)
        if office:
            self.message = Message("Sync", OFFICE_NOT_ENROLLED, self.params)
        self.fingerprint, self.compound, self.gate, self.sequence = fingerprint, compound, gate, sequence
        self.office = office  # an office's bundle: its fingerprint is read out by that office, not on a gate's sheet
