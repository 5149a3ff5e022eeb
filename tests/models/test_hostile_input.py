"""Random and hostile input, thrown at every form's validation and at the bundle reader: nothing
crashes, and a rejected input leaves nothing behind."""
from __future__ import annotations

import zipfile

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import func, select

from models.app.demo import DEMO_PINS, create_demo
from models.app.desk import Desk
from models.gate.visits import RemeasureNeeded, Visit, VisitForm
from models.kit.validation import InvalidInput
from models.residents import RosterProblem, check_resident
from models.station.isolation import CaseForm, IsolationCase
from models.station.parcels import IntakeForm, Parcel
from models.store.db import open_database
from models.sync import Importer, ensure_office, export_bundle
from models.sync.tables import SyncReceipt
from models.trust.first_run import SetupForm, complete_setup
from tests.sync_helpers import enroll
from tests.conftest import NOW, OFFICE_NOW

# Text a scanner, a paste or a stuck key can produce: control characters, emoji, RTL marks,
# surrogate-free Unicode, very long runs, SQL and format strings.
hostile = st.one_of(
    st.text(max_size=300),
    st.sampled_from(["", " ", "\x00", "'; DROP TABLE visit; --", "{0}{name}%s", "\u202e", "😷" * 50, "1" * 5000,
                     "３６.５", "36,5", "-0", "nan", "inf", "1e309", "13800138000\n", "Ｘ", "37.3℃"]),
)
SETTINGS = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])


@pytest.fixture(scope="module")
def gate(tmp_path_factory):
    root = tmp_path_factory.mktemp("gate")
    db = open_database(root / "gatedesk.sqlite3")
    create_demo(db, days=1, visits_per_day=5)
    desk = Desk(db)
    guard = next(o for o in desk.staff.operators() if o.name == "张保安")
    desk.staff.sign_in(guard.id, DEMO_PINS["guard1"])
    yield desk
    db.close()


def count(desk, model) -> int:
    with desk.db.session() as s:
        return s.scalar(select(func.count()).select_from(model))


@SETTINGS
@given(kind=st.sampled_from(["visitor", "resident", "worker", "courier", "x", ""]), name=hostile, phone=hostile,
       id_number=hostile, destination=hostile, host=hostile, temperature=hostile, code=hostile, nat=hostile,
       sampled=hostile, mask=st.none() | st.booleans(), risk=st.none() | st.booleans())
def test_the_gate_form(gate, kind, name, phone, id_number, destination, host, temperature, code, nat, sampled, mask,
                       risk):
    before = count(gate, Visit)
    form = VisitForm(kind=kind, name=name, phone=phone, id_number=id_number, destination=destination, host=host,
                     temperature=temperature, code_color=code, nat_result=nat, nat_sampled_at=sampled, mask=mask,
                     risk_flag=risk)
    try:
        gate.gate.register(form)
    except (InvalidInput, RemeasureNeeded):
        assert count(gate, Visit) == before
    else:
        assert count(gate, Visit) == before + 1


@SETTINGS
@given(name=hostile, phone=hostile, id_number=hostile, reason=hostile, temperature=hostile)
def test_the_isolation_form(gate, name, phone, id_number, reason, temperature):
    before = count(gate, IsolationCase)
    try:
        gate.isolation.open_isolation_case(CaseForm(name=name, phone=phone, id_number=id_number, reason=reason,
                                          temperature=temperature))
    except InvalidInput:
        assert count(gate, IsolationCase) == before


@SETTINGS
@given(kind=st.sampled_from(["parcel", "takeout", "x"]), carrier=hostile, tracking=hostile, room=hostile,
       name=hostile, tail=hostile, shelf=hostile)
def test_the_parcel_form(gate, kind, carrier, tracking, room, name, tail, shelf):
    before = count(gate, Parcel)
    try:
        gate.parcels.take_in(IntakeForm(kind=kind, carrier=carrier, tracking_no=tracking, room=room, recipient_name=name,
                                phone_tail=tail, shelf=shelf))
    except InvalidInput:
        assert count(gate, Parcel) == before


@SETTINGS
@given(room=hostile, name=hostile, phone=hostile)
def test_the_resident_form(room, name, phone):
    try:
        check_resident(room, name, phone)
    except RosterProblem:
        pass


@SETTINGS
@given(values=st.lists(hostile, min_size=9, max_size=9))
def test_the_setup_form(tmp_path_factory, values):
    db = open_database(tmp_path_factory.mktemp("setup") / "gatedesk.sqlite3")
    try:
        with db.session() as s:
            try:
                complete_setup(s, SetupForm(*values))
            except InvalidInput:
                s.rollback()
                from models.setup.site import this_station
                assert this_station(s) is None
    finally:
        db.close()


@pytest.fixture(scope="module")
def a_bundle(tmp_path_factory):
    root = tmp_path_factory.mktemp("bundle")
    db = open_database(root / "gate" / "gatedesk.sqlite3")
    create_demo(db, days=1, visits_per_day=20)
    path = export_bundle(db, root / "stick", sheets=False, now=NOW).path
    db.close()
    return path.read_bytes()


@pytest.fixture(scope="module")
def office(tmp_path_factory, a_bundle):
    """An office that enrolled the gate a_bundle comes from."""
    root = tmp_path_factory.mktemp("office")
    db = open_database(root / "gatedesk.sqlite3")
    ensure_office(db)
    (root / "enrolled.gdbundle").write_bytes(a_bundle)
    enroll(db, root / "enrolled.gdbundle")
    yield db
    db.close()


def office_rows(db) -> tuple:
    with db.session() as s:
        return s.scalar(select(func.count()).select_from(Visit)), s.scalar(select(func.count()).select_from(SyncReceipt))


@settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(data=st.data())
def test_the_bundle_reader_rejects_damage_whole(a_bundle, office, tmp_path_factory, data):
    """Bytes flipped, cut off, or appended anywhere: a clear rejection, and the office unchanged."""
    raw = bytearray(a_bundle)
    how = data.draw(st.sampled_from(["flip", "cut", "append", "random"]))
    if how == "flip":
        for _ in range(data.draw(st.integers(1, 8))):
            i = data.draw(st.integers(0, len(raw) - 1))
            raw[i] ^= data.draw(st.integers(1, 255))
    elif how == "cut":
        raw = raw[:data.draw(st.integers(0, len(raw) - 1))]
    elif how == "append":
        raw += data.draw(st.binary(min_size=1, max_size=200))
    else:
        raw = bytearray(data.draw(st.binary(max_size=2000)))
    if bytes(raw) == a_bundle:
        return
    path = tmp_path_factory.mktemp("in") / "damaged.gdbundle"
    path.write_bytes(bytes(raw))
    before = office_rows(office)
    summary = Importer(office, clock=lambda: OFFICE_NOW).run(path)
    if summary.status == "accepted":
        # Only bytes that do not matter changed (zip padding after the end, say): then all is in.
        assert office_rows(office)[1] == before[1] + 1 or summary.already_imported
    else:
        assert summary.status == "rejected" and summary.problem is not None
        assert office_rows(office) == before


def test_a_bundle_with_a_member_rewritten_and_re_zipped_is_rejected(a_bundle, office, tmp_path):
    """A forger who edits a record and rebuilds the zip cannot re-sign the manifest."""
    source = tmp_path / "real.gdbundle"
    source.write_bytes(a_bundle)
    forged = tmp_path / "forged.gdbundle"
    with zipfile.ZipFile(source) as zin, zipfile.ZipFile(forged, "w") as zout:
        for info in zin.infolist():
            body = zin.read(info.filename)
            if info.filename.startswith("visit"):
                edited = body.replace(b'"decision":"admit"', b'"decision":"refuse"', 1)
                assert edited != body
                body = edited
            zout.writestr(info, body)
    before = office_rows(office)
    summary = Importer(office, clock=lambda: OFFICE_NOW).run(forged)
    assert summary.status == "rejected" and office_rows(office) == before
