import pytest

from models.app.desk import Desk
from models.setup.settings import load_settings
from models.store.db import open_database
from models.trust.first_run import SetupForm, complete_setup
from models.trust.operators import Role, create_operator

ADMIN_PIN = "1234"


@pytest.fixture
def db(tmp_path):
    database = open_database(tmp_path / "data" / "gatedesk.sqlite3")
    yield database
    database.close()


@pytest.fixture
def station(db, now):
    """A set-up station: (ctx, admin, supervisor, guard)."""
    with db.session() as s:
        ctx = complete_setup(s, SetupForm(compound_name="榕城花园", gate_name="东门", admin_name="林管理",
                                          admin_pin=ADMIN_PIN, admin_pin_again=ADMIN_PIN), now=now)
        sup = create_operator(s, ctx=ctx, name="陈主管", role=Role.SUPERVISOR, pin="2345", now=now)
        guard = create_operator(s, ctx=ctx, name="张保安", role=Role.GUARD, pin="1111", now=now)
        s.commit()
        from models.trust.operators import list_operators
        admin = next(o for o in list_operators(s) if o.role == Role.ADMIN)
    return ctx, admin, sup, guard


@pytest.fixture
def settings(db):
    with db.session() as s:
        return load_settings(s)


@pytest.fixture
def desk(db, station, now):
    """A gate with a guard on duty (the weakest operator there is)."""
    d = Desk(db, clock=lambda: now)
    d.staff.sign_in(station[3].id, "1111")
    return d
