"""Each public action of the core, declared once where it is written: the role it needs, the audit
entry it leaves, and whether a locked station may still run it.

The declaration does the checking before the action runs, whatever calls it (a screen, the command
line, an office's server): a locked station refuses, then the role is checked and whoever holds it
is the action's actor (`desk.actor`). Every declared action is registered, so the table of who may do
what is read from the code (`ACTIONS`), and the screens ask it which PIN to ask for (`role_for`).

In the spirit of qutebrowser's `@cmdutils.register` and ODK Central's `canOrReject(verb)`.
"""
from __future__ import annotations

import functools
from contextvars import ContextVar
from dataclasses import dataclass

from models.store.i18n import QT_TRANSLATE_NOOP, Refused
from models.trust.operators import Operator, Role

ANYONE = None  # no one need be signed in: setting up, signing in, the station's own housekeeping


@dataclass(frozen=True)
class Action:
    name: str  # "service.method", as the screens and the tests call it
    role: Role | None  # ANYONE, or the least role that may run it (Role.GUARD: whoever is on duty)
    audit: str | None  # the audit entry it leaves in its own transaction, None for a read
    when_locked: bool  # a locked station still runs it (signing in, the night's housekeeping)
    scheduled: bool  # the station's scheduled command line may run it as no one (`scheduled=True`)
    admin_if: str | None  # a keyword that, when true, raises the role to an administrator's

    def role_needed(self, kwargs: dict) -> Role | None:
        if self.admin_if and kwargs.get(self.admin_if):
            return Role.ADMIN
        return self.role


ACTIONS: dict[str, Action] = {}


class StationLocked(Refused):
    context = "Authority"

    def __init__(self):
        super().__init__(QT_TRANSLATE_NOOP("Authority", "The station is locked: sign in to go on."))


@dataclass(frozen=True)
class Acting:
    action: Action
    who: Operator | None  # None: run as no one (scheduled, or an action anyone may run)
    scheduled: bool = False  # run as no one by the station's scheduled command line


_acting: ContextVar[Acting | None] = ContextVar("acting", default=None)


def current() -> Acting | None:
    """The declared action running now on this thread, and who it runs as."""
    return _acting.get()


def action(role: Role | None = Role.GUARD, *, audit: str | None = None, when_locked: bool = False,
           scheduled: bool = False, admin_if: str | None = None):
    """Declare a service method as an action (registered by its Service subclass)."""

    def declare(fn):
        @functools.wraps(fn)
        def run(service, *args, **kwargs):
            declared: Action = run.action
            desk = service.desk
            outer = _acting.get()
            need = declared.role_needed(kwargs)
            if outer is not None and (need is None or outer.scheduled or
                                      (outer.who is not None and outer.who.at_least(need))):
                # Part of an action already checked (a report reads the day's figures): it runs as that
                # action's actor, and writes its own entry.
                token = _acting.set(Acting(declared, outer.who, outer.scheduled))
            else:
                if desk.locked and not declared.when_locked:
                    raise StationLocked()
                scheduled_run = (declared.scheduled and bool(kwargs.get("scheduled", False))
                                 and need is declared.role)  # an unmasked export is never scheduled
                who = None if need is None or scheduled_run else desk.acting(need)
                token = _acting.set(Acting(declared, who, scheduled_run))
            try:
                return fn(service, *args, **kwargs)
            finally:
                _acting.reset(token)

        run.action = Action(fn.__name__, role, audit, when_locked, scheduled, admin_if)
        return run

    return declare


def register(service_cls, key: str) -> None:
    """Name each declared action of a service class "key.method" and enter it in ACTIONS."""
    for name, member in vars(service_cls).items():
        declared = getattr(member, "action", None)
        if isinstance(declared, Action):
            named = Action(f"{key}.{name}", declared.role, declared.audit, declared.when_locked,
                           declared.scheduled, declared.admin_if)
            member.action = named
            ACTIONS[named.name] = named


def role_for(name: str, **kwargs) -> Role | None:
    """The least role an action needs, called as it would be: what a screen asks a PIN for."""
    return ACTIONS[name].role_needed(kwargs)
