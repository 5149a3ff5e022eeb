"""The station's settings as values: each declared once, typed, with its default and what it
means. No storage here (models.setup.settings keeps them in the database), so a command that only
reads a few of them (the poster) needs no database layer.

Defaults follow the 2022 city notices (fever at 37.3 °C, a 72-hour test window) and comparable
schemes' retention (28 days; the UK kept 21, NZ 60).
"""
from __future__ import annotations

import json
import re
from datetime import time
from typing import Literal
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from pydantic import BaseModel, ConfigDict, ValidationError, field_validator
from pydantic import Field as PField

from models.store.i18n import LANGUAGES


class Settings(BaseModel):
    model_config = ConfigDict(validate_assignment=True, extra="ignore")

    language: str = PField("zh_CN", description="Language of the interface: zh_CN or en.")
    timezone: str = PField("Asia/Shanghai", description="Time zone of the compound; days and reports follow it.")

    check_temperature: bool = PField(True, description="Take every person's temperature (测温).")
    fever_threshold: float = PField(37.3, ge=35.0, le=40.0,
                                    description="A reading at or above this (°C) is abnormal.")
    remeasure_high_temperature: bool = PField(
        True, description="A high first reading is measured again before deciding (forehead thermometers misread in cold).")
    check_health_code: bool = PField(True, description="Check the health code colour (亮码/查码).")
    check_nat: bool = PField(True, description="Require a negative nucleic-acid test within the window (核酸查验).")
    nat_window_hours: int = PField(72, ge=1, le=24 * 14, description="How recent a negative test must be, in hours.")
    nat_for_residents: bool = PField(False, description="Residents must show a recent negative test too.")
    check_itinerary: bool = PField(True, description="Ask about a risk-area stay or star on the itinerary card (行程卡).")
    check_mask: bool = PField(True, description="Everyone entering wears a mask (戴口罩).")
    require_phone: bool = PField(True, description="A phone number is required for everyone but residents.")
    require_id_number: bool = PField(False, description="An ID number is required for visitors and workers.")
    require_destination: bool = PField(True, description="Visitors name the room they visit and their host.")
    couriers_may_enter: bool = PField(False, description="Couriers and riders may enter (normally they use the drop-off station).")
    id_reader_layout: Literal["number", "name_number", "full", "name_comma_number"] = PField(
        "name_number", description="How the keyboard-mode ID card reader types a card (models.gate.id_card).")

    auto_signout_enabled: bool = PField(True, description="Sign out everyone still on site at a set time each day.")
    auto_signout_time: time = PField(time(23, 0), description="When the automatic sign-out happens (local time).")
    idle_lock_minutes: int = PField(10, ge=0, le=240,
                                    description="The station locks after this many minutes untouched (0: never).")
    shift_changes: list[time] = PField([time(8, 0), time(20, 0)],
                                       description="At these local times the station locks for the next shift's sign-in.")
    retention_days: int = PField(28, ge=1, le=3650, description="Personal data older than this many days is erased.")
    backup_folder: str = PField("", description="Where the daily backup goes (empty: the data folder's backups/).")
    backup_keep: int = PField(7, ge=1, le=365, description="How many daily backups are kept.")

    isolation_notify_minutes: int = PField(
        30, ge=1, le=24 * 60, description="An isolation case open this long with nobody notified is overdue.")
    parcel_overdue_hours: int = PField(24, ge=1, le=24 * 30, description="A parcel waiting this long is overdue.")
    duty_late_minutes: int = PField(15, ge=0, le=120,
                                    description="Someone on the rota who checks in later than this after their "
                                                "shift starts is late; not come by then, absent.")
    duty_close_hours: int = PField(
        2, ge=0, le=24, description="A check-in still open this many hours after its shift ended is closed on its "
                                    "own at the shift's end and marked for review.")
    gate_on_rota: bool = PField(
        False, description="A compound without a property company: its residents' rota holds the gate, and whoever "
                           "checks in at a gate post is the guard on duty (scanning their card unlocks the station).")
    night_weight: float = PField(1.0, ge=1.0, le=3.0,
                                 description="Night minutes on duty (22:00-06:00) count this many times in "
                                             "weighted hours.")
    trust_new_stations: bool = PField(
        False, description="Office: import bundles from a station never seen before without enrolling it first "
                           "(small communities only).")
    readiness_items: list[str] = PField(
        ["staffed", "thermometer", "isolation_ready", "dropoff_ready", "posters", "supplies"],
        description="The daily readiness checklist: built-in keys or free text.")

    @field_validator("language")
    @classmethod
    def _known_language(cls, v: str) -> str:
        if v not in LANGUAGES:
            raise ValueError(f"language must be one of {', '.join(LANGUAGES)}")
        return v

    @field_validator("timezone")
    @classmethod
    def _known_zone(cls, v: str) -> str:
        try:
            ZoneInfo(v)
        except (ZoneInfoNotFoundError, ValueError) as exc:
            raise ValueError(f"unknown time zone {v!r}") from exc
        return v

    @property
    def zone(self) -> ZoneInfo:
        return ZoneInfo(self.timezone)


def bounds(name: str) -> tuple[float, float]:
    """The lowest and highest value a numeric setting takes, as declared above (a screen's spin box
    reads them here, so it never offers what saving would refuse)."""
    low = high = None
    for rule in Settings.model_fields[name].metadata:
        low = getattr(rule, "ge", low)
        high = getattr(rule, "le", high)
    if low is None or high is None:
        raise KeyError(f"{name} declares no bounds")
    return low, high


def settings_from(stored: dict[str, str]) -> Settings:
    """Stored values (key -> JSON) over the defaults; a stored value this version cannot read keeps
    its default."""
    settings = Settings()
    for key, raw in stored.items():
        if key not in Settings.model_fields:
            continue
        try:
            setattr(settings, key, json.loads(raw))
        except (ValueError, ValidationError):
            continue
    return settings


def parse_times(text: str) -> list[time]:
    """'08:00, 20:00' (commas, spaces or 、 between) as sorted times; ValueError for anything else."""
    out = []
    for part in re.split(r"[,，、\s]+", text.strip()):
        if not part:
            continue
        m = re.fullmatch(r"([01]?\d|2[0-3])[:：]([0-5]\d)", part)
        if m is None:
            raise ValueError(part)
        out.append(time(int(m.group(1)), int(m.group(2))))
    return sorted(set(out))
