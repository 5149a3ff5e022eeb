"""What a bundle may say, checked in one place: typed records and the manifest, decoded and
validated in one step by msgspec, from the table definitions themselves.

Every path that reads a bundle's records (an import, a dry run, taking a conflict's incoming
copy) decodes through these schemas, so a value is either exactly what docs/SYNC_FORMAT.md allows
or a rejection that names the record and the field. Decoding is bounded: a value of the wrong
shape fails where it starts, however deeply it is nested, and numbers stay within what SQLite
and PostgreSQL store.
"""
from __future__ import annotations

import base64
import functools
import hashlib
import json
import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime, timezone
from operator import itemgetter
from typing import Annotated, Any, Literal, NamedTuple, Optional

import msgspec
from sqlalchemy import Boolean, Float, Integer, LargeBinary, String, Table, TypeDecorator

from models.store.i18n import QT_TRANSLATE_NOOP, Message
from models.store.records import UTCDateTime

# What one bundle may hold (the container enforces them; the manifest is checked against them).
MAX_MEMBERS = 64
MAX_RELAYED = 1000  # gates' bundles one office bundle relays (a forward writes the rest in its next one)
MAX_MEMBER_BYTES = 8 << 30
MAX_FORWARDED = 1000  # gates one office bundle forwards (a sub-district holds a few hundred)


# -- times on the wire ---------------------------------------------------------------------
def wire_time(value: datetime | None) -> str | None:
    """UTC, fixed width, microseconds always present: 2026-11-29T03:21:08.123456Z."""
    if value is None:
        return None
    return value.astimezone(timezone.utc).replace(tzinfo=None).isoformat(timespec="microseconds") + "Z"


def parse_wire_time(value: str) -> datetime:
    if len(value) != 27 or value[26] != "Z" or value[10] != "T":
        raise ValueError("not a UTC time of the form YYYY-MM-DDTHH:MM:SS.ffffffZ")
    return datetime.fromisoformat(value[:26]).replace(tzinfo=timezone.utc)


def canonical_line(record: dict[str, Any]) -> bytes:
    """One record as the writer puts it on a line; equal records give equal bytes."""
    return json.dumps(record, ensure_ascii=False, sort_keys=True, separators=(",", ":")).encode() + b"\n"



# Times: UTC, fixed width, between 2019 and 2099 (a gate's clock set to year 1 or 9999 is a
# mistake to report, not a value to store). Whether the day exists is checked after the pattern.
TIME_PATTERN = (r"^20(19|[2-9]\d)-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])"
                r"T([01]\d|2[0-3]):[0-5]\d:[0-5]\d\.\d{6}Z$")
UUID_PATTERN = r"^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$"
DAY_PATTERN = r"^20\d\d-\d\d-\d\d$"
HEX64_PATTERN = r"^[0-9a-f]{64}$"

INT_MAX = 2**31 - 1  # PostgreSQL's INTEGER; SQLite stores more, the office must store both
DELETED_REV = INT_MAX  # the revision of a record deleted at the office: no copy can beat it
REV_MAX = DELETED_REV - 1
FLOAT_LIMIT = 1e6  # temperatures; within it a float's JSON form is the same in every encoder

TimeText = Annotated[str, msgspec.Meta(pattern=TIME_PATTERN)]
Uuid = Annotated[str, msgspec.Meta(pattern=UUID_PATTERN)]
WHOLE = Annotated[int, msgspec.Meta(ge=0, le=INT_MAX)]
REV = Annotated[int, msgspec.Meta(ge=1, le=REV_MAX)]
NUMBER = Annotated[float, msgspec.Meta(ge=-FLOAT_LIMIT, le=FLOAT_LIMIT)]


@functools.lru_cache(maxsize=8192)
def real_day(text: str) -> bool:
    try:
        date.fromisoformat(text)
        return True
    except ValueError:
        return False


class Invalid(ValueError):
    """A value that is not as the format says; detail is a Message for people."""

    def __init__(self, detail: Message, record_id: str | None = None):
        super().__init__(detail.text)
        self.detail = detail
        self.record_id = record_id


# -- what went wrong, in words ---------------------------------------------------------------
def _problems() -> list[tuple[re.Pattern, str]]:
    return [
        (re.compile(r"Object missing required field `(?P<field>[^`]+)`"),
         QT_TRANSLATE_NOOP("Wire", "the field {field} is missing")),
        (re.compile(r"Object contains unknown field `(?P<field>[^`]+)`"),
         QT_TRANSLATE_NOOP("Wire", "{field} is not a field of this kind of record")),
        (re.compile(r"Expected `str` of length <= (?P<limit>\d+) - at `\$\.(?P<field>[^`]+)`"),
         QT_TRANSLATE_NOOP("Wire", "{field} is longer than {limit} characters")),
        (re.compile(r"Invalid enum value .* - at `\$\.(?P<field>[^`]+)`"),
         QT_TRANSLATE_NOOP("Wire", "{field} is not one of the values this kind of record allows")),
        (re.compile(r"Expected `str` matching regex '\^20\\+d\\+d-.* - at `\$\.(?P<field>[^`]+)`"),
         QT_TRANSLATE_NOOP("Wire", "{field} is not a day of the form YYYY-MM-DD")),
        (re.compile(r"Expected `str` matching regex '\^20.*' - at `\$\.(?P<field>[^`]+)`"),
         QT_TRANSLATE_NOOP("Wire", "{field} is not a UTC time between 2019 and 2099 of the form "
                                   "YYYY-MM-DDTHH:MM:SS.ffffffZ")),
        (re.compile(r"Expected `str` matching regex '\^\[0-9a-f\]\{8\}.*' - at `\$\.(?P<field>[^`]+)`"),
         QT_TRANSLATE_NOOP("Wire", "{field} is not a lower-case UUID")),
        (re.compile(r"Expected `str` matching regex .* - at `\$\.(?P<field>[^`]+)`"),
         QT_TRANSLATE_NOOP("Wire", "{field} is not in the expected form")),
        (re.compile(r"Expected `(?:int|float)` [<>]=? ?(?P<limit>[-\d.e+]+) - at `\$\.(?P<field>[^`]+)`"),
         QT_TRANSLATE_NOOP("Wire", "{field} is out of range (limit {limit})")),
        (re.compile(r"Number out of range - at `\$\.(?P<field>[^`]+)`"),
         QT_TRANSLATE_NOOP("Wire", "{field} is out of range")),
        (re.compile(r"Expected `(?P<expected>[^`]+)`, got `(?P<got>[^`]+)` - at `\$\.(?P<field>[^`]+)`"),
         QT_TRANSLATE_NOOP("Wire", "{field} should be {expected}, not {got}")),
        (re.compile(r"Expected `object`, got `(?P<got>[^`]+)`$"),
         QT_TRANSLATE_NOOP("Wire", "a record must be a JSON object, not {got}")),
    ]


PROBLEMS = _problems()
MALFORMED = QT_TRANSLATE_NOOP("Wire", "not valid JSON ({detail})")


def explain(exc: Exception) -> Message:
    """msgspec's error, as a Message in the user's language (the field named, values never)."""
    text = str(exc)
    if isinstance(exc, msgspec.ValidationError):
        for pattern, template in PROBLEMS:
            found = pattern.search(text)
            if found:
                return Message("Wire", template, found.groupdict())
    if isinstance(exc, RecursionError):
        text = "nested too deeply"
    return Message("Wire", MALFORMED, {"detail": text[:120]})


def plain(template: str, **params: Any) -> Message:
    return Message("Wire", template, {k: str(v) for k, v in params.items()})


# -- records ---------------------------------------------------------------------------------
def _field_type(name: str, column) -> Any:
    """The column's type on the wire, with the rule declared on the column (models.store.records.wire_rule)."""
    kind = column.type
    rule = column.info.get("wire", {})
    if isinstance(kind, LargeBinary):  # base64 on the wire; bounded, or it has no wire form
        t: Any = Annotated[bytes, msgspec.Meta(max_length=rule["at_most"])]
    elif rule.get("choices"):
        t = Literal[rule["choices"]]
    elif rule.get("day"):
        t = Annotated[str, msgspec.Meta(pattern=DAY_PATTERN)]
    elif "at_most" in rule:
        t = Annotated[int, msgspec.Meta(ge=0, le=rule["at_most"])]
    elif isinstance(kind, UTCDateTime):
        t: Any = TimeText
    elif isinstance(kind, Boolean):
        t = bool
    elif isinstance(kind, Integer):
        t = REV if name == "rev" else WHOLE
    elif isinstance(kind, Float):
        t = NUMBER
    elif isinstance(kind, String) or isinstance(kind, TypeDecorator) and isinstance(kind.impl, String):
        t = Uuid if name == "id" or name.endswith("_id") else \
            Annotated[str, msgspec.Meta(max_length=kind.length or 100_000)]
    else:
        raise TypeError(f"no wire form for {column.table.name}.{name}")
    return Optional[t] if column.nullable else t


class _IdOnly(msgspec.Struct):
    id: Any = None


_ID_ONLY = msgspec.json.Decoder(_IdOnly)
_ENCODER = msgspec.json.Encoder()


def _record_id(line: bytes) -> str | None:
    try:
        rid = _ID_ONLY.decode(line).id
    except (msgspec.MsgspecError, RecursionError):
        return None
    return rid[:40] if isinstance(rid, str) else None


class Decoded(NamedTuple):
    """One checked record: its id, revision, digest of its canonical form, the row to store."""

    id: str
    rev: int
    digest: str
    row: tuple  # in the table's column order, times in the storage form
    station_id: str
    gate_id: str | None
    refs: tuple  # (column, id) of the records it refers to
    canonical: bytes
    copy: bytes | None = None  # the row as a line of PostgreSQL's COPY text, where a worker made it
    tracked: bytes | None = None  # the office's sync row for it (id, type, rev, digest, owner), the same way
    created_at: str | None = None  # as stored, where the table has it (a visit's day is counted by it)


class Future(Invalid):
    """A time after the office's clock (with its tolerance): the gate's clock is wrong."""

    def __init__(self, record_id: str, when: str):
        super().__init__(plain(QT_TRANSLATE_NOOP("Wire", "dated in the future ({when})"), when=when), record_id)
        self.when = when


def decode_line(decoder: msgspec.json.Decoder, line: bytes) -> Any:
    """A line decoded by its struct's decoder, or Invalid naming the record (when it has an id) and
    why: any shape, any depth, and no NUL (PostgreSQL cannot store it in text)."""
    if b"\\u0000" in line:
        raise Invalid(plain(QT_TRANSLATE_NOOP("Wire", "a text holds a NUL character")), _record_id(line))
    try:
        return decoder.decode(line)
    except (msgspec.MsgspecError, RecursionError) as exc:
        raise Invalid(explain(exc), _record_id(line)) from None


class RecordSchema:
    """The wire form of one table: the only way a bundle's line becomes a row."""

    def __init__(self, record_type: str, table: Table, withheld: dict[str, Any],
                 to_storage: Callable[[str], Any] = lambda wire_text: wire_text,
                 content: Callable[[dict], Message | None] | None = None):
        self.record_type = record_type
        self._content = content  # what the type itself says of a record's content (a photo is a picture)
        self.table = table
        self.stored = [c.name for c in table.columns]
        wire = sorted(c.name for c in table.columns if c.name not in withheld)
        self.fields = wire
        # Fields in sorted order: the struct encodes to the canonical line (keys sorted, compact).
        self.struct = msgspec.defstruct(f"{record_type}_record", [(n, _field_type(n, table.c[n])) for n in wire],
                                        forbid_unknown_fields=True)
        self.decoder = msgspec.json.Decoder(self.struct)
        constants = list(withheld.values())
        position = {n: i for i, n in enumerate(wire)}
        position.update({n: len(wire) + i for i, n in enumerate(withheld)})
        self._constants = tuple(constants)
        self._to_row = itemgetter(*[position[c] for c in self.stored])
        self._time_slots = [i for i, c in enumerate(self.stored) if isinstance(table.c[c].type, UTCDateTime)]
        # A plan's times may lie ahead (tomorrow's shifts); what happened may not.
        self._planned = frozenset(i for i in self._time_slots if table.c[self.stored[i]].info.get("wire", {})
                                  .get("planned"))
        self._day_slots = [i for i, c in enumerate(self.stored) if table.c[c].info.get("wire", {}).get("day")]
        self._id, self._rev, self._station = position["id"], position["rev"], position["station_id"]
        self._gate = position.get("gate_id")
        self._created = self.stored.index("created_at") if "created_at" in self.stored else None
        self.references = [(fk.parent.name, fk.column.table.name) for fk in table.foreign_keys]
        self._refs = [(name, position[name]) for name, _ in self.references]
        self._to_storage = to_storage

    def decode(self, line: bytes, latest: str = "2100") -> Decoded:
        """The record on a line; latest is the last acceptable time on the wire (the office's
        clock plus its tolerance): fixed-width UTC times compare as text."""
        return self._checked(decode_line(self.decoder, line), latest)

    def from_object(self, obj: Any, latest: str = "2100") -> Decoded:
        """The same checks for a record already parsed from JSON (a roster file's)."""
        try:
            record = msgspec.convert(obj, self.struct)
        except (msgspec.MsgspecError, RecursionError) as exc:
            rid = obj.get("id") if isinstance(obj, dict) else None
            raise Invalid(explain(exc), rid[:40] if isinstance(rid, str) else None) from None
        if any(isinstance(v, str) and "\x00" in v for v in msgspec.structs.astuple(record)):
            raise Invalid(plain(QT_TRANSLATE_NOOP("Wire", "a text holds a NUL character")), record.id)
        return self._checked(record, latest)

    def check(self, record, latest: str = "2100") -> Decoded:
        """The same checks for a record decoded inside a larger line (its struct nested there)."""
        return self._checked(record, latest)

    def _checked(self, record, latest: str) -> Decoded:
        values = msgspec.structs.astuple(record) + self._constants
        row = list(self._to_row(values))
        store, real = self._to_storage, real_day
        for slot in self._time_slots:  # each time once: a real day, not after `latest`, then stored
            t = row[slot]
            if t is not None:
                if not real(t[:10]):
                    raise Invalid(plain(QT_TRANSLATE_NOOP("Wire", "{day} is not a day of the calendar"), day=t[:10]),
                                  values[self._id])
                if t > latest and slot not in self._planned:
                    raise Future(values[self._id], t)
                row[slot] = store(t)
        for slot in self._day_slots:
            d = row[slot]
            if d is not None and not real(d):
                raise Invalid(plain(QT_TRANSLATE_NOOP("Wire", "{field} is not a day of the calendar"),
                                    field=self.stored[slot]), values[self._id])
        if self._content is not None:
            problem = self._content(dict(zip(self.fields, values)))
            if problem is not None:
                raise Invalid(problem, values[self._id])
        canonical = _ENCODER.encode(record)
        refs = tuple((name, values[i]) for name, i in self._refs if values[i] is not None) if self._refs else ()
        return Decoded(values[self._id], values[self._rev], digest(canonical), tuple(row), values[self._station],
                       values[self._gate] if self._gate is not None else None, refs, canonical,
                       created_at=row[self._created] if self._created is not None else None)


def digest(canonical: bytes) -> str:
    """The content digest an office compares: of the canonical form, so equal content is equal
    whatever spacing or key order the line arrived in."""
    return hashlib.blake2b(canonical, digest_size=16).hexdigest()


# -- the manifest ----------------------------------------------------------------------------
Name = Annotated[str, msgspec.Meta(min_length=1, max_length=100)]
Text100 = Annotated[str, msgspec.Meta(max_length=100)]
Base64Key = Annotated[str, msgspec.Meta(pattern=r"^[A-Za-z0-9+/]{43}=$")]
Day = Annotated[str, msgspec.Meta(pattern=DAY_PATTERN)]


class FormatOnly(msgspec.Struct):
    """Read first: a newer format is told apart before anything else is asked of it."""

    format: Any = None
    format_version: Any = None


class Period(msgspec.Struct):
    to: TimeText
    from_: Optional[TimeText] = msgspec.field(name="from")
    days: Optional[Annotated[list[Day], msgspec.Meta(min_length=2, max_length=2)]] = None


class StationPart(msgspec.Struct):
    id: Uuid
    public_key: Base64Key
    gate_id: Uuid
    created_at: TimeText
    kind: Literal["gate", "inspection"] = "gate"  # absent before format 5: a gate


class CompoundPart(msgspec.Struct):
    id: Uuid
    name: Name
    community: Text100 = ""
    grid: Text100 = ""  # since GateDesk 1.x's grids; absent in older bundles
    subdistrict: Text100 = ""
    district: Text100 = ""


class GatePart(msgspec.Struct):
    id: Uuid
    name: Name


class MemberPart(msgspec.Struct):
    name: Annotated[str, msgspec.Meta(min_length=1, max_length=100)]
    type: Annotated[str, msgspec.Meta(min_length=1, max_length=40)]
    records: WHOLE
    bytes: Annotated[int, msgspec.Meta(ge=0, le=MAX_MEMBER_BYTES)]
    sha256: Annotated[str, msgspec.Meta(pattern=HEX64_PATTERN)]


class EncryptionPart(msgspec.Struct):
    scheme: Annotated[str, msgspec.Meta(max_length=64)]
    office_key_id: Annotated[str, msgspec.Meta(max_length=64)]
    ephemeral_public_key: Base64Key


class AuditHead(msgspec.Struct):
    """The gate's audit chain where this bundle was written, and where the previous one was."""

    seq: WHOLE
    hash: Annotated[str, msgspec.Meta(pattern=r"^([0-9a-f]{64})?$")]
    prev_seq: Optional[WHOLE] = None
    prev_hash: Optional[Annotated[str, msgspec.Meta(pattern=HEX64_PATTERN)]] = None


class ForwardedStation(msgspec.Struct):
    """In an office's bundle (format 2): a gate whose records it forwards, as the office knows it."""

    station: StationPart
    compound: CompoundPart
    gate: GatePart
    last_seq: WHOLE
    last_bundle_at: TimeText


class ReceiptLine(msgspec.Struct, forbid_unknown_fields=True):
    """One line of an office bundle's receipt.jsonl: a gate's bundle the forwarding office received."""

    id: Annotated[str, msgspec.Meta(pattern=HEX64_PATTERN)]
    station_id: Uuid
    seq: Annotated[int, msgspec.Meta(ge=1, le=INT_MAX)]
    bundle_created_at: TimeText
    period_to: TimeText
    period_from: Optional[TimeText] = None
    audit_seq: Optional[WHOLE] = None
    audit_hash: Optional[Annotated[str, msgspec.Meta(pattern=r"^([0-9a-f]{64})?$")]] = None
    audit_prev_seq: Optional[WHOLE] = None
    audit_prev_hash: Optional[Annotated[str, msgspec.Meta(pattern=HEX64_PATTERN)]] = None


RECEIPT_LINE = msgspec.json.Decoder(ReceiptLine)


class RelayedLine(msgspec.Struct, forbid_unknown_fields=True):
    """One line of a format-4 office bundle's relayed.jsonl: a gate's bundle it carries unchanged,
    and the key that opens it (the gate encrypted it for the office below; None: not encrypted)."""

    member: Annotated[str, msgspec.Meta(min_length=1, max_length=100)]
    receipt: Annotated[str, msgspec.Meta(pattern=HEX64_PATTERN)]
    station_id: Uuid
    sequence: Annotated[int, msgspec.Meta(ge=1, le=INT_MAX)]
    content_key: Optional[Base64Key] = None


RELAYED_LINE = msgspec.json.Decoder(RelayedLine)


class Manifest(msgspec.Struct):
    """manifest.json; fields a newer writer adds are ignored (adding one is compatible)."""

    format: Literal["gatedesk-bundle"]
    format_version: Annotated[int, msgspec.Meta(ge=1, le=INT_MAX)]
    created_at: TimeText
    sequence: Annotated[int, msgspec.Meta(ge=1, le=INT_MAX)]
    kind: Literal["incremental", "range", "office"]
    period: Period
    station: StationPart
    compound: CompoundPart
    gate: GatePart
    members: Annotated[list[MemberPart], msgspec.Meta(max_length=MAX_MEMBERS + MAX_RELAYED)]
    app: Annotated[str, msgspec.Meta(max_length=40)] = ""
    encryption: Optional[EncryptionPart] = None
    audit: Optional[AuditHead] = None
    # An office's bundle (kind "office", format 2): the gates whose records it forwards.
    forwarded: Optional[Annotated[list[ForwardedStation], msgspec.Meta(max_length=MAX_FORWARDED)]] = None


FORMAT_ONLY = msgspec.json.Decoder(FormatOnly)
MANIFEST = msgspec.json.Decoder(Manifest)


def decode_manifest(body: bytes) -> Manifest:
    """Raises Invalid (its detail names the field) for anything but a well-formed manifest."""
    try:
        manifest = MANIFEST.decode(body)
    except (msgspec.MsgspecError, RecursionError) as exc:
        raise Invalid(explain(exc)) from None
    times = [manifest.created_at, manifest.station.created_at, manifest.period.to, manifest.period.from_]
    for f in manifest.forwarded or ():
        times += [f.station.created_at, f.last_bundle_at]
    for t in times:
        if t is not None and not real_day(t[:10]):
            raise Invalid(plain(QT_TRANSLATE_NOOP("Wire", "{day} is not a day of the calendar"), day=t[:10]))
    return manifest


def to_builtins(value: Any) -> Any:
    return msgspec.to_builtins(value)


@dataclass
class Codec:
    """Turns one table's rows into canonical lines (the writer's side; RecordSchema reads them)."""

    record_type: str
    table: Table
    columns: list[str]  # on the wire, in table order
    time_columns: list[str]
    bytes_columns: tuple[str, ...] = ()  # base64 on the wire, as msgspec reads and writes bytes

    def line(self, row) -> bytes:
        return canonical_line(self.record(row))

    def record(self, row) -> dict[str, Any]:
        """The row as its line holds it (to nest in a larger line)."""
        record = {}
        for name in self.columns:
            value = row[name]
            if name in self.time_columns:
                value = wire_time(value)
            elif name in self.bytes_columns and value is not None:
                value = base64.b64encode(value).decode()
            record[name] = value
        return record


def codec_for(name: str, model: type, withheld: dict | None = None) -> Codec:
    """withheld: columns that never leave this database."""
    table: Table = model.__table__
    withheld = withheld or {}
    return Codec(name, table, [c.name for c in table.columns if c.name not in withheld],
                 [c.name for c in table.columns if isinstance(c.type, UTCDateTime)],
                 tuple(c.name for c in table.columns if isinstance(c.type, LargeBinary)))
