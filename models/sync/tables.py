"""What a gate remembers of its exports and an office of its imports (schema v3, owners and anchors v7)."""
from __future__ import annotations

from datetime import datetime

from sqlalchemy import Column, Index, LargeBinary, Text
from sqlmodel import Field, SQLModel

from models.store.records import Record, when_field


class SyncExport(SQLModel, table=True):
    """One bundle written by this station; seq numbers them without gaps."""

    __tablename__ = "sync_export"
    seq: int = Field(primary_key=True)
    station_id: str = Field(max_length=36)
    created_at: datetime = when_field()
    since: datetime | None = when_field(default=None)  # changes after this were included (None: all)
    upto: datetime = when_field()  # ... up to this moment
    day_from: str | None = Field(default=None, max_length=10)  # a day-range export instead
    day_to: str | None = Field(default=None, max_length=10)
    file_name: str = Field(max_length=255)
    records: int = 0
    # The audit chain's head when this bundle was written (schema v7): the next bundle names it
    # again with its hash as it then stands, so the office sees a chain that was cut or rewritten.
    audit_seq: int | None = None
    audit_hash: str | None = Field(default=None, max_length=64)


class SyncStation(SQLModel, table=True):
    """A station an office has received bundles from, and the key it signs with."""

    __tablename__ = "sync_station"
    station_id: str = Field(primary_key=True, max_length=36)
    public_key: str = Field(max_length=64)
    compound_id: str = Field(max_length=36)
    compound_name: str = Field(max_length=100)
    community: str = Field(default="", max_length=100)
    gate_id: str = Field(max_length=36)
    gate_name: str = Field(max_length=100)
    first_seen: datetime = when_field()
    last_imported_at: datetime = when_field()
    last_seq: int = 0
    last_bundle_at: datetime = when_field()
    # Set when the gate's audit chain went backwards or was replaced between two bundles (v7).
    audit_alarm: str | None = Field(default=None, max_length=16)  # backwards | replaced
    audit_alarm_seq: int | None = None  # the bundle that showed it
    # "gate", or "inspection": a supervision team's station (v16), fixed by its first bundle.
    kind: str = Field(default="gate", max_length=12, sa_column_kwargs={"server_default": "gate"})


class SyncForwarder(SQLModel, table=True):
    """An office whose bundles forward its gates' records here (v10), and the unit it speaks for:
    fixed by its first bundle, so a later one cannot widen its reach."""

    __tablename__ = "sync_forwarder"
    station_id: str = Field(primary_key=True, max_length=36)
    public_key: str = Field(max_length=64)
    name: str = Field(max_length=100)
    district: str = Field(default="", max_length=100)
    subdistrict: str = Field(default="", max_length=100)
    community: str = Field(default="", max_length=100)
    first_seen: datetime = when_field()
    last_imported_at: datetime = when_field()
    last_seq: int = 0


class RelayedBundle(SQLModel, table=True):
    """A gate's bundle exactly as the gate signed it, kept by an office that relays it to the office
    above (v15): received from the gate, or relayed by the office below. It holds personal data:
    retention deletes it with the rest."""

    __tablename__ = "sync_relayed"
    __table_args__ = (Index("ix_sync_relayed_pending", "forwarded_seq", "received_at"),)
    receipt_id: str = Field(primary_key=True, max_length=64)  # SHA-256 of the gate's signed manifest
    station_id: str = Field(max_length=36)
    seq: int
    received_at: datetime = when_field()
    content_key: str | None = Field(default=None, max_length=44)  # base64; None: not encrypted
    size: int = 0
    data: bytes = Field(sa_column=Column(LargeBinary, nullable=False))
    forwarded_seq: int | None = None  # the office bundle that relayed it upward (None: not yet)


class SyncReceipt(SQLModel, table=True):
    """One bundle an office accepted: the sequence numbers received show the gaps."""

    __tablename__ = "sync_receipt"
    __table_args__ = (Index("ix_sync_receipt_station", "station_id", "seq"),)
    id: str = Field(primary_key=True, max_length=64)  # SHA-256 of the signed manifest
    station_id: str = Field(max_length=36)
    seq: int
    bundle_created_at: datetime = when_field()
    imported_at: datetime = when_field()
    period_from: datetime | None = when_field(default=None)
    period_to: datetime = when_field()
    file_name: str = Field(max_length=255)
    created: int = 0
    updated: int = 0
    unchanged: int = 0
    conflicts: int = 0
    audit_seq: int | None = None  # the gate's audit chain as the manifest gave it (v7)
    audit_hash: str | None = Field(default=None, max_length=64)
    audit_prev_seq: int | None = None
    audit_prev_hash: str | None = Field(default=None, max_length=64)


class SyncRecord(SQLModel, table=True):
    """The revision, content digest and owner of every record an office holds from a bundle.

    Re-importing compares against this alone, without reading the records themselves. The owner
    is the station that first delivered the id: only it may change or delete the record (v7).
    """

    __tablename__ = "sync_record"
    id: str = Field(primary_key=True, max_length=36)
    record_type: str = Field(max_length=32)
    rev: int
    digest: str = Field(max_length=32)
    # None only for a deletion made before owners were kept: the next live copy claims it.
    station_id: str | None = Field(default=None, max_length=36)


class SyncEnrollment(SQLModel, table=True):
    """A station's key the office has checked (fingerprint read from the gate's set-up sheet)."""

    __tablename__ = "sync_enrollment"
    fingerprint: str = Field(primary_key=True, max_length=19)
    enrolled_at: datetime = when_field()
    operator_id: str | None = Field(default=None, max_length=36)


class SyncConflict(SQLModel, table=True):
    """The same record and revision arrived with different content; a person decides."""

    __tablename__ = "sync_conflict"
    __table_args__ = (Index("ix_sync_conflict_open", "resolved_at", "detected_at"),
                      Index("ix_sync_conflict_record", "record_id", "rev"))
    id: str = Field(primary_key=True, max_length=36)
    record_type: str = Field(max_length=32)
    record_id: str = Field(max_length=36)
    rev: int
    station_id: str = Field(max_length=36)
    seq: int
    held: str = Field(sa_type=Text)  # the record as the office holds it (one JSON line)
    incoming: str = Field(sa_type=Text)
    incoming_digest: str = Field(max_length=32)
    detected_at: datetime = when_field()
    resolved_at: datetime | None = when_field(default=None)
    resolution: str | None = Field(default=None, max_length=16)  # kept | taken
    resolved_by: str | None = Field(default=None, max_length=36)


class Tombstone(Record, table=True):
    """A record deleted on purpose (retention, erasure); travels so copies are deleted too."""

    # An office asks by the deleted record's id: is it gone before it arrived? (v7)
    __table_args__ = (Index("ix_tombstone_record", "record_id"),)

    record_type: str = Field(max_length=32)
    record_id: str = Field(max_length=36)
    reason: str = Field(max_length=40)


ERASED = "erased"  # SyncRecord.digest of a copy an office has blanked
