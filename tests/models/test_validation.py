from datetime import datetime
from zoneinfo import ZoneInfo

import pytest
from hypothesis import given
from hypothesis import settings as hsettings
from hypothesis import strategies as st

from models.gate.visits import VisitForm, parse_form
from models.kit.validation import (
    InvalidInput,
    clean_text,
    complete_reading,
    parse_id_number,
    parse_phone,
    parse_sampled_at,
    parse_temperature,
)
from models.setup.settings import Settings

LOCAL_NOW = datetime(2022, 11, 28, 10, 0, tzinfo=ZoneInfo("Asia/Shanghai"))


def run(fn, raw, **kw):
    errors = []
    value = fn("f", raw, errors, **kw)
    return value, [e.message.text for e in errors]


@pytest.mark.parametrize("raw,value", [("36.5", 36.5), (" 36,8 ", 36.8), ("37.25", 37.2), ("36.6℃", 36.6)])
def test_temperatures_read(raw, value):
    assert run(parse_temperature, raw, required=True) == (value, [])


@pytest.mark.parametrize("raw", ["33.9", "43.1", "3650", "999", "abc", "nan", "3 6"])
def test_bad_temperatures_explain_themselves(raw):
    value, errors = run(parse_temperature, raw, required=True)
    assert value is None and len(errors) == 1


def test_phone_forms():
    assert run(parse_phone, "138 1234 5678", required=True) == ("13812345678", [])
    assert run(parse_phone, "+8613812345678", required=True)[0] == "13812345678"
    for bad in ("1381234567", "23812345678", "138123456789", "138abc45678"):
        assert run(parse_phone, bad, required=True)[0] is None


def test_id_number_check_digit():
    assert run(parse_id_number, "11010519491231002x", required=True) == ("11010519491231002X", [])
    value, errors = run(parse_id_number, "110105194912310021", required=True)
    assert value is None and "check digit" in errors[0]
    assert "18 characters" in run(parse_id_number, "1101051949", required=True)[1][0]
    assert "birth date" in run(parse_id_number, "110105194913310021", required=True)[1][0]


def test_text_limits_and_control_characters():
    assert run(clean_text, "  张  三 ")[0] == "张 三"
    assert run(clean_text, "a" * 101)[0] is None
    assert run(clean_text, "张\x00三")[0] is None
    assert run(clean_text, "张\u202e三")[0] is None  # bidi override: a format character
    assert run(clean_text, "", required=True)[1] == ["This field is required."]


@pytest.mark.parametrize("raw,expected", [
    ("11-27 09:12", datetime(2022, 11, 27, 9, 12)),
    ("1127 0912", datetime(2022, 11, 27, 9, 12)),
    ("2022-11-27 09:12", datetime(2022, 11, 27, 9, 12)),
    ("08:30", datetime(2022, 11, 28, 8, 30)),
    ("30h", datetime(2022, 11, 27, 4, 0)),
    ("12-31 23:00", datetime(2021, 12, 31, 23, 0)),
])
def test_sample_times(raw, expected):
    value, errors = run(parse_sampled_at, raw, now_local=LOCAL_NOW, required=True)
    assert errors == [] and value.replace(tzinfo=None) == expected


def test_sample_time_in_future_or_unreadable():
    assert run(parse_sampled_at, "23:00", now_local=LOCAL_NOW, required=True)[0] is None
    assert run(parse_sampled_at, "yesterday", now_local=LOCAL_NOW, required=True)[0] is None


def test_whole_form_lists_every_problem(now):
    form = VisitForm(kind="visitor", name="", phone="123", temperature="50", code_color="", nat_result="negative",
                     nat_sampled_at="")
    with pytest.raises(InvalidInput) as exc:
        parse_form(form, Settings(), now)
    assert {"name", "phone", "temperature", "code_color", "nat_sampled_at", "destination", "host", "risk_flag", "mask"} <= exc.value.fields()


@hsettings(max_examples=300, deadline=None)
@given(st.builds(VisitForm, kind=st.sampled_from(["visitor", "resident", "courier", "worker", "other", "x"]),
                 name=st.text(), phone=st.text(), id_number=st.text(), origin=st.text(), destination=st.text(),
                 host=st.text(), purpose=st.text(), temperature=st.text(), temperature_first=st.text(),
                 code_color=st.text(max_size=8), nat_result=st.text(max_size=8), nat_sampled_at=st.text()))
def test_hostile_input_is_either_clean_or_explained(form):
    try:
        v = parse_form(form, Settings(), datetime(2022, 11, 28, 2, tzinfo=ZoneInfo("UTC")))
    except InvalidInput as exc:
        assert exc.errors
        return
    for text in (v.name, v.origin, v.destination, v.host, v.purpose):
        assert text is None or (len(text) <= 100 and text.isprintable())


def test_demo_id_numbers_are_valid():
    import random

    from models.kit.demo_data import DemoRun

    made_up = DemoRun(db=None, ctx=None, settings=None, guard_ids=[], rng=random.Random(3), days=1, visits_per_day=1,
                      parcels_per_day=1, now=None)
    for _ in range(50):
        assert run(parse_id_number, made_up.id_number(), required=True)[1] == []


@pytest.mark.parametrize("typed,reading", [("365", "36.5"), ("36.5", "36.5"), ("373", "37.3"), ("36，8", "36.8"),
                                           ("36", None), ("36.", None), ("3", None), ("", None), ("999", None),
                                           ("36.55", None), ("abc", None), ("٣٦٥", None)])
def test_a_reading_is_whole_once_the_thermometer_s_digits_are_typed(typed, reading):
    assert complete_reading(typed) == reading


def test_three_digits_without_the_point_are_read_as_the_thermometer_shows_them():
    assert run(parse_temperature, "365", required=True) == (36.5, [])
    assert run(parse_temperature, "999", required=True)[0] is None


@pytest.mark.parametrize("layout,burst", [
    ("number", "11010519491231002X"),
    ("name_number", "王小明\t11010519491231002X"),
    ("name_comma_number", "王小明,11010519491231002X"),
    ("full", "王小明\t男\t汉\t19491231\t北京市朝阳区某路1号\t11010519491231002X"),
])
def test_an_id_card_swipe_is_read_in_each_reader_layout(layout, burst):
    from datetime import date

    from models.gate.id_card import looks_like_a_swipe, read_swipe

    assert looks_like_a_swipe(burst + "\r", layout)
    swipe = read_swipe(burst + "\r", layout)
    assert swipe.id_number == "11010519491231002X" and swipe.birth == date(1949, 12, 31)
    assert swipe.name == ("" if layout == "number" else "王小明")


def test_what_is_not_a_card_is_not_read_as_one():
    from models.gate.id_card import looks_like_a_swipe, read_swipe

    assert not looks_like_a_swipe("13812345678\t3-2-501\t365", "name_number")
    assert not looks_like_a_swipe("王小明\t11010519491231002X", "number")  # another layout than the reader's
    assert not looks_like_a_swipe("anything", "no-such-layout")
    with pytest.raises(InvalidInput) as bad:  # a card, misread: the check digit says so
        read_swipe("王小明\t110105194912310021", "name_number")
    assert bad.value.fields() == {"id_number"}
