import pytest
from sqlmodel import select

from models.kit.validation import InvalidInput
from models.setup.settings import Settings, load_settings, save_settings
from models.setup.site import this_station
from models.trust.first_run import SetupForm, complete_setup
from models.trust.operators import NotAllowed, Operator, Role, Shift, WrongPin, start_shift, verify


def test_setup_is_all_or_nothing(db, now):
    with db.session() as s:
        with pytest.raises(InvalidInput) as exc:
            complete_setup(s, SetupForm(compound_name="榕城花园", gate_name="", admin_name="林",
                                        admin_pin="12", admin_pin_again="12"), now=now)
        assert {"gate_name", "admin_pin"} <= exc.value.fields()
        s.rollback()
        assert this_station(s) is None
        with pytest.raises(InvalidInput) as exc:
            complete_setup(s, SetupForm(compound_name="榕城花园", gate_name="东门", admin_name="林",
                                        admin_pin="1234", admin_pin_again="4321"), now=now)
        assert exc.value.fields() == {"admin_pin_again"}


def test_pins_are_salted_slow_hashes(station, db):
    with db.session() as s:
        hashes = [o.pin_hash for o in s.exec(select(Operator))]
    assert all(h.startswith("scrypt$") and "1234" not in h and "1111" not in h for h in hashes)
    assert len(set(h.split("$")[4] for h in hashes)) == len(hashes)  # a salt each


def test_shift_hand_over(station, db, now):
    ctx, admin, sup, guard = station
    with db.session() as s:
        with pytest.raises(WrongPin):
            start_shift(s, ctx=ctx, operator_id=guard.id, pin="0000", now=now)
        start_shift(s, ctx=ctx, operator_id=guard.id, pin="1111", now=now)
        s.commit()
        start_shift(s, ctx=ctx, operator_id=sup.id, pin="2345", now=now)
        s.commit()
        shifts = list(s.exec(select(Shift)))
    assert sorted((sh.operator_id == sup.id, sh.ended_at is None) for sh in shifts) == [(False, False), (True, True)]


def test_roles(station, db):
    _, admin, sup, guard = station
    with db.session() as s:
        with pytest.raises(NotAllowed):
            verify(s, operator_id=guard.id, pin="1111", at_least=Role.SUPERVISOR)
        assert verify(s, operator_id=sup.id, pin="2345", at_least=Role.SUPERVISOR).id == sup.id
        assert verify(s, operator_id=admin.id, pin="1234", at_least=Role.SUPERVISOR).id == admin.id


def test_settings_round_trip_and_bad_stored_values(db):
    with db.session() as s:
        st = load_settings(s)
        assert st == Settings() and st.fever_threshold == 37.3 and st.nat_window_hours == 72
        st.fever_threshold = 37.0
        st.language = "en"
        assert set(save_settings(s, st)) >= {"fever_threshold", "language"}
        s.commit()
    with db.session() as s:
        again = load_settings(s)
        assert again.fever_threshold == 37.0 and again.language == "en"
        from models.setup.settings import SettingRow
        s.get(SettingRow, "fever_threshold").value = '"hot"'
        s.commit()
        assert load_settings(s).fever_threshold == 37.3
    with pytest.raises(ValueError):
        Settings(language="fr")
