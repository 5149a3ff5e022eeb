"""What a bundle may change of a record once it is closed at the office (a testing round and its
lines, as the rounds feature declares with registry.Closing): only the columns retention blanks,
or, for a line, what a correction in the same bundle accounts for. A later bundle cannot reopen a
closed round, nor quietly change who was sampled after the round was closed."""
from __future__ import annotations

import json

from sqlalchemy import Connection, select

from models.formats import wire
from models.formats.bundle import BundleRejected
from models.formats.wire import parse_wire_time
from models.store.registry import Closing
from models.sync.records import held_line, record_types, withheld

ALWAYS_FREE = ("rev", "updated_at", "operator_id")  # every edit moves these


def check(conn: Connection, schema: wire.RecordSchema, rule: Closing, changed: list[wire.Decoded],
          needs_correction: dict[str, tuple[str, str]], member: str) -> None:
    """Updates of a closed kind, before they are written: a record changed after its closing in more
    than its free columns is refused, or (where corrections account for such changes) noted, to be
    found among the file's corrections at its end."""
    rtype = schema.record_type
    incoming = {d.id: json.loads(d.canonical) for d in changed}
    if rule.parent is None:
        table = schema.table
        closed = {r[0]: r[1] for r in conn.execute(select(table.c.id, table.c[rule.when]).where(
            table.c.id.in_(list(incoming)), table.c[rule.when].is_not(None)))}
        closing_of = {rid: closed[rid] for rid in incoming if rid in closed}
    else:
        column, parent_type = rule.parent
        parent = record_types()[parent_type].__table__
        parents = {r[0]: r[1] for r in conn.execute(select(parent.c.id, parent.c[rule.when]).where(
            parent.c.id.in_({rec[column] for rec in incoming.values()}), parent.c[rule.when].is_not(None)))}
        # A line changed before its round closed (the bundle that closes the round brings it) is no correction.
        closing_of = {rid: parents[rec[column]] for rid, rec in incoming.items() if rec[column] in parents
                      and parse_wire_time(rec["updated_at"]) > parents[rec[column]]}
    if not closing_of:
        return
    codec = wire.codec_for(rtype, record_types()[rtype], withheld(rtype))
    free = set(ALWAYS_FREE) | set(rule.free)
    for rid in closing_of:
        held = json.loads(held_line(conn, codec, rid))
        new = incoming[rid]
        if all(held.get(k) == v for k, v in new.items() if k not in free):
            continue
        if rule.correction is None:
            raise BundleRejected("closed_changed", record_id=rid, member=member)
        needs_correction[rid] = (rtype, member)


def corrected(needs_correction: dict[str, tuple[str, str]], corrected_ids: set[str]) -> None:
    """At a file's end: every line changed after its round closed has its correction in the file."""
    for rid, (_rtype, member) in needs_correction.items():
        if rid not in corrected_ids:
            raise BundleRejected("closed_changed", record_id=rid, member=member)
