"""The core hands screens records already masked; only a supervisor's reveal (audited) shows one in full.

Before, every service returned rows as stored and ~10 screens each had to remember to mask them;
a new panel that forgot would have shown names, phones and ID numbers whole."""
from __future__ import annotations

import json
from datetime import timedelta

import pytest
from sqlmodel import select

from models import residents as rs
from models.gate.visit_log import VisitQuery
from models.kit.masking import Masked
from models.station.isolation import CaseForm, Outcome
from models.station.parcels import IntakeForm
from models.sync.tables import SyncConflict
from models.trust import audit
from models.trust.operators import Role
from tests.models.test_trust import PINS, op_id, visitor

NAME, PHONE, ID_NUMBER = "欧阳明华", "13800138000", "11010519491231002X"


def whole(value) -> bool:
    """Is any piece of the person's data there in full?"""
    return any(secret in str(value) for secret in (NAME, PHONE, ID_NUMBER, "李四光"))


def test_visits_on_every_screen_are_masked(desk):
    saved = desk.gate.register(visitor(name=NAME, phone=PHONE, id_number=ID_NUMBER, host="李四光"))
    assert (saved.visit.name, saved.visit.phone, saved.visit.host) == ("欧**华", "138****8000", "李*光")
    [on_site] = desk.gate.on_site()
    [row] = desk.gate.page_visits(VisitQuery(), offset=0, limit=10)
    out = desk.gate.sign_out(saved.visit.id)
    for shown in (saved.visit, on_site, row, out):
        assert not any(whole(getattr(shown, f)) for f in ("name", "phone", "id_number", "host")), shown
    assert row.id_number == "110105********002X"
    assert out.time_out is not None  # everything else reads through


def test_a_reveal_is_the_one_way_to_see_a_row_in_full_and_it_is_audited(desk):
    saved = desk.gate.register(visitor(name=NAME, phone=PHONE, id_number=ID_NUMBER))
    sup = op_id(desk, "陈主管")
    with desk.authorised(sup, PINS["陈主管"], Role.SUPERVISOR):
        full = desk.gate.reveal(visit_id=saved.visit.id, supervisor_id=sup)
        assert (full.name, full.phone, full.id_number) == (NAME, PHONE, ID_NUMBER)
        with desk.db.reading() as s:
            assert [e.record_id for e in audit.entries(s) if e.action == "reveal"] == [saved.visit.id]


def test_cases_and_parcels_are_masked(desk):
    case = desk.isolation.open_isolation_case(CaseForm(name=NAME, phone=PHONE, id_number=ID_NUMBER, reason="发热"))
    [open_case] = desk.isolation.isolation_cases()
    closed = desk.isolation.close_case(case.id, Outcome.OTHER)
    [listed] = desk.isolation.closed_cases()
    for shown in (case, open_case.case, closed, listed):
        assert not any(whole(getattr(shown, f)) for f in ("name", "phone", "id_number")), shown
    parcel = desk.parcels.take_in(IntakeForm(kind="parcel", carrier="顺丰", room="3-2-501", recipient_name=NAME))
    shown = [parcel, *desk.parcels.waiting_parcels(), *desk.parcels.search_parcels("3-2-501"),
             *desk.parcels.find_parcels(code=parcel.pickup_code)]
    taken = desk.parcels.collect(parcel.id, NAME)
    shown += [taken, *desk.parcels.handed_out_today()]
    assert len(shown) == 6
    assert not any(whole(p.recipient_name) or whole(p.collected_by) for p in shown)


def test_residents_are_masked_but_an_administrator_edits_in_full(desk, tmp_path):
    admin = op_id(desk, "林管理")
    with desk.authorised(admin, PINS["林管理"], Role.ADMIN):
        added = desk.residents.add_resident(room="3-2-501", name=NAME, phone=PHONE)
        desk.residents.issue_passes([added.id])
        [card] = desk.residents.pass_cards()
        [(resident, household, valid, _watch)] = desk.residents.residents_overview()
        assert (added.name, resident.name, resident.phone) == ("欧**华", "欧**华", "138****8000")
        assert household.label == "3-2-501" and valid is not None
        edited = desk.residents.resident_for_edit(added.id)
        assert (edited.name, edited.phone) == (NAME, PHONE)
    scan = desk.residents.scan_pass(card.payload)
    assert isinstance(scan.resident, Masked) and scan.resident.name == "欧**华"
    desk.residents.record_passage(scan, "36.5")  # the masked copy still records the right resident
    with desk.db.reading() as s:
        [passage] = s.exec(select(rs.Passage)).all()
        assert passage.resident_id == added.id


def test_a_conflict_shows_what_differs_masked(desk, db, now):
    held = {"id": "v1", "name": NAME, "phone": PHONE, "temperature": 36.5}
    incoming = dict(held, name="欧阳明", temperature=36.6)
    with db.session() as s:
        s.add(SyncConflict(id="c1", record_type="visit", record_id="v1", station_id=desk.ctx.station_id, rev=2,
                           seq=1, held=json.dumps(held), incoming=json.dumps(incoming), incoming_digest="x",
                           detected_at=now - timedelta(hours=1)))
        s.commit()
    [view] = desk.sync.open_conflicts()
    assert view.differences == (("name", "欧**华", "欧*明"), ("temperature", "36.5", "36.6"))
    assert not hasattr(view, "held") and not whole(view)


def test_a_masked_record_cannot_be_written_through(desk):
    saved = desk.gate.register(visitor(name=NAME))
    with pytest.raises(AttributeError):
        saved.visit.name = "someone else"
