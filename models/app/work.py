"""What every service of the desk shares: one database, this station, the clock, the settings,
the operator on duty and any PIN's authority (the Desk holds them; a service reads them here)."""
from __future__ import annotations


class Service:
    def __init_subclass__(cls, key: str = "", **kwargs):
        super().__init_subclass__(**kwargs)
        if key:
            from models.app.actions import register

            register(cls, key)

    def __init__(self, desk):
        self.desk = desk  # the Desk that built this service (not imported: the Desk imports the services)

    @property
    def unit(self):
        """The unit of work the running action's declaration opened (a Session): write in it; it
        commits when the action returns."""
        from models.app.actions import unit_of_work

        return unit_of_work()

    def after_commit(self, fn) -> None:
        """fn runs once the running action's unit of work has committed."""
        from models.app.actions import after_commit

        after_commit(fn)

    @property
    def db(self):
        return self.desk.db

    @property
    def clock(self):
        return self.desk.clock

    @property
    def ctx(self):
        return self.desk.ctx

    @property
    def settings(self):
        return self.desk.settings

    @property
    def operator(self):
        return self.desk.operator
