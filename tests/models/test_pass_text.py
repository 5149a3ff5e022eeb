"""A pass has exactly one accepted text: anything else a scanner types is refused with its reason,
never an unexpected error, and every refusal is recorded."""
from __future__ import annotations

import base64
import json

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from models import residents as rs
from tests.models.test_residents import TODAY, a_pass


def b64(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).decode().rstrip("=")


def sign(db, body: bytes) -> str:
    from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

    from models.formats import bundle

    with db.session() as s:
        key = rs.pass_key(s)
    return b64(Ed25519PrivateKey.from_private_bytes(bundle.unb64(key)).sign(body))


@pytest.fixture
def ctx(station):
    return station[0]


@pytest.fixture
def genuine(db, ctx):
    _p, _r, payload = a_pass(db, ctx)
    return payload


def variants(db, payload: str) -> dict[str, str]:
    prefix, body, sig = payload.split(".")
    raw = base64.urlsafe_b64decode(body + "=" * (-len(body) % 4))
    claims = json.loads(raw)
    spaced = json.dumps(claims, ensure_ascii=False, indent=1).encode()  # same claims, other spacing, signed
    deep = b"[" * 200 + b"]" * 200
    last = body[-1]
    other_bits = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_"
    sibling = next(c for c in other_bits if c != last and base64.urlsafe_b64decode(
        body[:-1] + c + "=" * (-len(body) % 4)) == raw) if len(raw) % 3 else None
    out = {
        "another prefix": "GDP2." + body + "." + sig,
        "lower-case prefix": "gdp1." + body + "." + sig,
        "no prefix": body + "." + sig,
        "padding": f"{prefix}.{body}==.{sig}",
        "junk in the base64": f"{prefix}.{body[:10]}!{body[10:]}.{sig}",
        "a space inside": f"{prefix}.{body[:10]} {body[10:]}.{sig}",
        "a fourth part": f"{payload}.AAAA",
        "standard base64 letters": f"{prefix}.{body.replace('-', '+').replace('_', '/')}.{sig}"
        if ("-" in body or "_" in body) else f"{prefix}.{body}+.{sig}",
        "other spacing, really signed": f"{prefix}.{b64(spaced)}.{sign(db, spaced)}",
        "deep nesting, really signed": f"{prefix}.{b64(deep)}.{sign(db, deep)}",
        "an extra claim, really signed": (lambda b: f"{prefix}.{b64(b)}.{sign(db, b)}")(
            json.dumps(dict(claims, x=1), separators=(",", ":"), sort_keys=True).encode()),
        "a short signature": f"{prefix}.{body}.{sig[:40]}",
        "very long": f"{prefix}.{'A' * 5000}.{sig}",
        "empty": "",
    }
    if sibling:
        out["the same bytes spelt otherwise"] = f"{prefix}.{body[:-1]}{sibling}.{sig}"
    return out


def test_only_the_exact_text_is_accepted(db, genuine):
    with db.session() as s:
        assert rs.verify_pass(s, genuine, today=TODAY)[1].name == "王大明"
        assert rs.verify_pass(s, f"  {genuine}\r\n", today=TODAY)  # what a scanner adds around it
        for why, text in variants(db, genuine).items():
            with pytest.raises(rs.PassRefused) as caught:
                rs.verify_pass(s, text, today=TODAY)
            assert caught.value.code in ("pass_unreadable", "pass_forged"), why


def test_the_desk_records_each_refusal_and_raises_nothing_else(tmp_path, db):
    from models.app.demo import DEMO_PINS, create_demo
    from models.app.desk import Desk
    from models.store.db import open_database
    from tests.conftest import NOW

    gate = open_database(tmp_path / "g" / "gatedesk.sqlite3")
    create_demo(gate, days=1, visits_per_day=5, now=NOW)
    desk = Desk(gate, clock=lambda: NOW)
    guard = next(o for o in desk.staff.operators() if o.name == "张保安")
    desk.staff.sign_in(guard.id, DEMO_PINS["guard1"])  # the guard on duty scans
    with gate.session() as s:
        p, resident, household = rs.valid_passes(s, today=TODAY.__class__(2022, 11, 28))[0]
        genuine = rs.pass_payload(p, household, rs.pass_key(s))
    for why, text in variants(gate, genuine).items():
        with pytest.raises(rs.PassRefused):
            desk.residents.scan_pass(text)
    with gate.session() as s:
        refused = s.exec(__import__("sqlmodel").select(rs.Passage).where(rs.Passage.decision == "refuse")).all()
    assert len(refused) == len(variants(gate, genuine))
    gate.close()


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(junk=st.one_of(st.text(max_size=600), st.from_regex(r"GDP1\.[A-Za-z0-9_\-=+/.]{0,300}", fullmatch=True)))
def test_any_scanned_text_is_a_pass_or_a_refusal(db, genuine, junk):
    with db.session() as s:
        try:
            rs.verify_pass(s, junk, today=TODAY)
        except rs.PassRefused:
            pass
