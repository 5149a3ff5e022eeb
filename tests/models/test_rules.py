from datetime import timedelta

import pytest

from models.gate.rules import REASONS, Checks, CodeColor, NatResult, Outcome, PersonKind, decide, reason_name
from models.store.i18n import LANGUAGES, plain_translator
from models.setup.settings import Settings


def ok(now, **kw):
    base = dict(kind=PersonKind.VISITOR, temperature=36.5, code_color=CodeColor.GREEN,
                nat_result=NatResult.NEGATIVE, nat_sampled_at=now - timedelta(hours=20), risk_flag=False, mask=True)
    base.update(kw)
    return Checks(**base)


def test_all_clear_is_admitted(now):
    d = decide(ok(now), Settings(), now)
    assert d.outcome is Outcome.ADMIT and d.reasons == ()


def test_high_first_reading_asks_for_a_remeasure_and_decides_nothing(now):
    d = decide(ok(now, temperature=37.3), Settings(), now)
    assert d.needs_remeasure and d.outcome is None


def test_fever_confirmed_on_remeasure_goes_to_isolation(now):
    d = decide(ok(now, temperature_first=37.8, temperature=37.6), Settings(), now)
    assert d.outcome is Outcome.ISOLATE and d.reasons == ("fever",)


def test_normal_remeasure_admits(now):
    d = decide(ok(now, temperature_first=37.5, temperature=36.8), Settings(), now)
    assert d.outcome is Outcome.ADMIT


def test_threshold_is_inclusive_and_configurable(now):
    s = Settings(remeasure_high_temperature=False)
    assert decide(ok(now, temperature=37.3), s, now).outcome is Outcome.ISOLATE
    assert decide(ok(now, temperature=37.2), s, now).outcome is Outcome.ADMIT
    s.fever_threshold = 37.0
    assert decide(ok(now, temperature=37.1), s, now).outcome is Outcome.ISOLATE


@pytest.mark.parametrize("code,outcome,reason", [
    (CodeColor.YELLOW, Outcome.REFUSE, "code_yellow"),
    (CodeColor.RED, Outcome.ISOLATE, "code_red"),
    (None, Outcome.REFUSE, "code_missing"),
])
def test_health_code_colours(now, code, outcome, reason):
    d = decide(ok(now, code_color=code), Settings(), now)
    assert d.outcome is outcome and reason in d.reasons


def test_nat_window(now):
    s = Settings(nat_window_hours=48)
    assert decide(ok(now, nat_sampled_at=now - timedelta(hours=47)), s, now).outcome is Outcome.ADMIT
    d = decide(ok(now, nat_sampled_at=now - timedelta(hours=49)), s, now)
    assert d.outcome is Outcome.REFUSE and d.reasons == ("nat_expired",)
    assert decide(ok(now, nat_result=NatResult.NONE, nat_sampled_at=None), s, now).reasons == ("nat_missing",)
    assert decide(ok(now, nat_result=NatResult.POSITIVE), s, now).outcome is Outcome.ISOLATE


def test_residents_skip_the_test_check_unless_asked(now):
    checks = ok(now, kind=PersonKind.RESIDENT, nat_result=None, nat_sampled_at=None)
    assert decide(checks, Settings(), now).outcome is Outcome.ADMIT
    assert decide(checks, Settings(nat_for_residents=True), now).outcome is Outcome.REFUSE


def test_risk_flag_mask_and_courier(now):
    assert decide(ok(now, risk_flag=True), Settings(), now).reasons == ("risk_area",)
    assert decide(ok(now, mask=False), Settings(), now).reasons == ("no_mask",)
    assert decide(ok(now, kind=PersonKind.COURIER), Settings(), now).reasons == ("courier_no_entry",)
    assert decide(ok(now, kind=PersonKind.COURIER), Settings(couriers_may_enter=True), now).outcome is Outcome.ADMIT


def test_checks_turned_off_are_not_applied(now):
    s = Settings(check_health_code=False, check_mask=False, check_itinerary=False, check_nat=False)
    checks = ok(now, code_color=None, mask=False, risk_flag=True, nat_result=None, nat_sampled_at=None)
    assert decide(checks, s, now).outcome is Outcome.ADMIT


def test_most_serious_reason_leads(now):
    d = decide(ok(now, mask=False, code_color=CodeColor.RED), Settings(), now)
    assert d.outcome is Outcome.ISOLATE and d.reasons[0] == "code_red" and "no_mask" in d.reasons


def test_small_rules_the_screens_ask_the_core():
    """Rules that lived in the gate's panels: when a typed phone recalls a visitor, what a pick-up
    code looks like, which refused pass stops someone at the exit."""
    from models.gate.visits import recall_key
    from models.residents import PassRefused
    from models.station.parcels import is_pickup_code

    assert recall_key("138 0013 8000") == "13800138000" and recall_key("1380013800") is None
    assert recall_key("23800138000") is None and recall_key("１３８００１３８０００") is None
    assert is_pickup_code(" 042317 ") and not is_pickup_code("42317") and not is_pickup_code("３-2-501")
    assert not is_pickup_code("０４２３１７")
    assert PassRefused("home_isolation", name="", room="", until="").stops_exit
    assert not PassRefused("pass_expired", date="").stops_exit


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_reasons_name_reads_whole_without_its_figures(language):
    """Lists of many rows (the office's drill-down, the people sheets) name a reason without its figures;
    they showed "核酸超过  小时" with a gap where the hours had been."""
    translate = plain_translator(language)
    for code in REASONS:
        name = reason_name(code, translate)
        assert name and "{" not in name and "  " not in name and not name.endswith((" ", "超过", "than")), \
            (code, name)
    assert reason_name("from_a_newer_version", translate) == "from_a_newer_version"
