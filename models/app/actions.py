"""Each public action of the core, declared once where it is written: the role it needs, the audit
entry it leaves, its unit of work, and whether a locked station may still run it.

The declaration does the checking before the action runs, whatever calls it (a screen, the command
line, an office's server): a locked station refuses, then the role is checked and whoever holds it
is the action's actor (`desk.actor`). An action that writes runs in the unit of work its declaration
opens (`service.unit`): the declared audit entry is written in it if the action wrote none itself,
and it commits when the action returns, or rolls back whole when it raises. An action called from
inside another joins the caller's unit. Every declared action is registered, so the table of who may
do what is read from the code (`ACTIONS`), and the screens ask it which PIN to ask for (`role_for`).

In the spirit of qutebrowser's `@cmdutils.register` and ODK Central's `canOrReject(verb)`.
"""
from __future__ import annotations

import functools
from collections.abc import Callable
from contextlib import ExitStack
from contextvars import ContextVar
from dataclasses import dataclass
from typing import Any

from models.store.db import saving
from models.store.i18n import QT_TRANSLATE_NOOP, Refused
from models.trust import audit as audit_chain
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
    unit: bool  # the declaration opens its unit of work (False: a read, or an action keeping its own)
    audit_if: Callable[[Any], bool] | None  # an entry only for a result that did something
    commit_on: tuple[type[BaseException], ...]  # refusals whose record stands (a wrong PIN, a refused pass)

    def role_needed(self, kwargs: dict) -> Role | None:
        if self.admin_if and kwargs.get(self.admin_if):
            return Role.ADMIN
        return self.role


ACTIONS: dict[str, Action] = {}


class StationLocked(Refused):
    context = "Authority"

    def __init__(self):
        super().__init__(QT_TRANSLATE_NOOP("Authority", "The station is locked: sign in to go on."))


class Unit:
    """The unit of work of a declared action that writes. It begins when the action first asks for
    it (`service.unit`), so checking a form or drawing a report never holds the write lock, and
    commits when the action returns, or rolls back whole when it raises."""

    def __init__(self, begin: Callable[[], Any]):
        self._begin, self._session, self._then = begin, None, []

    @property
    def session(self):
        if self._session is None:
            self._session = self._begin()
        return self._session

    def written(self) -> list[str]:
        return audit_chain.written_in(self._session) if self._session is not None else []

    def after_commit(self, fn: Callable[[], None]) -> None:
        self._then.append(fn)

    def commit(self) -> None:
        if self._session is not None:
            self._session.commit()
        then, self._then = self._then, []
        for fn in then:
            fn()


@dataclass(frozen=True)
class Acting:
    action: Action
    who: Operator | None  # None: run as no one (scheduled, or an action anyone may run)
    scheduled: bool = False  # run as no one by the station's scheduled command line
    unit: Unit | None = None  # the unit of work it writes in (its own, or its caller's)


class NoUnit(RuntimeError):
    """A service asked for its unit of work outside a declared action that writes: a code bug."""


_acting: ContextVar[Acting | None] = ContextVar("acting", default=None)


def current() -> Acting | None:
    """The declared action running now on this thread, and who it runs as."""
    return _acting.get()


def action(role: Role | None = Role.GUARD, *, audit: str | None = None, when_locked: bool = False,
           scheduled: bool = False, admin_if: str | None = None, unit: bool | None = None,
           audit_if: Callable[[Any], bool] | None = None, commit_on: tuple[type[BaseException], ...] = ()):
    """Declare a service method as an action (registered by its Service subclass). An audited action
    writes, so by default its declaration gives it a unit of work; `unit=False` is for the few that
    keep their own transactions (an export on a worker thread, erasing in chunks), `unit=True` for a
    write that leaves no entry of its own (a station's key made on first use). `audit_if` says which
    results leave an entry (the automatic sign-out, asked every minute, only when it signed one out);
    `commit_on` the refusals that are written down before they are raised (a wrong PIN counts toward
    the lock, a refused pass is on the gate's record)."""
    opens_unit = audit is not None if unit is None else unit

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
                # action's actor, in that action's unit of work, and writes its own entry.
                who, scheduled_run, joined = outer.who, outer.scheduled, outer.unit
            else:
                if desk.locked and not declared.when_locked:
                    raise StationLocked()
                scheduled_run = (declared.scheduled and bool(kwargs.get("scheduled", False))
                                 and need is declared.role)  # an unmasked export is never scheduled
                who, joined = (None if need is None or scheduled_run else desk.acting(need)), None
            if not declared.unit:
                token = _acting.set(Acting(declared, who, scheduled_run, joined))
                try:
                    return fn(service, *args, **kwargs)
                finally:
                    _acting.reset(token)
            if joined is not None:
                return _in_unit(fn, service, args, kwargs, Acting(declared, who, scheduled_run, joined))
            with saving(), ExitStack() as stack:
                own = Unit(lambda: stack.enter_context(desk.db.session()))
                try:
                    result = _in_unit(fn, service, args, kwargs, Acting(declared, who, scheduled_run, own))
                except declared.commit_on:
                    own.commit()
                    raise
                own.commit()
                return result

        run.action = Action(fn.__name__, role, audit, when_locked, scheduled, admin_if, opens_unit, audit_if,
                            tuple(commit_on))
        return run

    return declare


def _in_unit(fn, service, args, kwargs, acting: Acting):
    """Run the action in its unit of work; its declared entry is written there if it wrote none."""
    declared, before = acting.action, len(acting.unit.written())
    token = _acting.set(acting)
    try:
        result = fn(service, *args, **kwargs)
        # An action that wrote entries of its own (or through the actions it called: a hand-over at a
        # locked station is a sign-in) is not given its default one.
        if declared.audit and len(acting.unit.written()) == before and (
                declared.audit_if is None or declared.audit_if(result)):
            service.desk.audit(acting.unit.session, record_id=getattr(result, "id", None))
        return result
    finally:
        _acting.reset(token)


def register(service_cls, key: str) -> None:
    """Name each declared action of a service class "key.method" and enter it in ACTIONS."""
    for name, member in vars(service_cls).items():
        declared = getattr(member, "action", None)
        if isinstance(declared, Action):
            named = Action(f"{key}.{name}", declared.role, declared.audit, declared.when_locked,
                           declared.scheduled, declared.admin_if, declared.unit, declared.audit_if, declared.commit_on)
            member.action = named
            ACTIONS[named.name] = named


def unit_of_work():
    """The Session of the declared action running now (begun on first use); it commits when the
    action returns."""
    running = _acting.get()
    if running is None or running.unit is None:
        raise NoUnit("a write outside a declared action's unit of work")
    return running.unit.session


def after_commit(fn: Callable[[], None]) -> None:
    """Run fn once the running action's unit of work has committed (what the desk holds in memory
    follows what was saved: a failed save leaves the operator on duty as they were)."""
    running = _acting.get()
    if running is None or running.unit is None:
        raise NoUnit("after_commit outside a declared action's unit of work")
    running.unit.after_commit(fn)


def role_for(name: str, **kwargs) -> Role | None:
    """The least role an action needs, called as it would be: what a screen asks a PIN for."""
    return ACTIONS[name].role_needed(kwargs)
