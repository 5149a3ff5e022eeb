import os
from datetime import datetime, timezone

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

# A fixed moment: 2022-11-28 10:00 in Fuzhou.
NOW = datetime(2022, 11, 28, 2, 0, tzinfo=timezone.utc)


@pytest.fixture(autouse=True)
def _away_from_user_data(tmp_path, monkeypatch):
    """No test may touch the real user data folder or settings."""
    monkeypatch.setenv("GATEDESK_DATA_DIR", str(tmp_path / "data"))
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "xdg-data"))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "xdg-config"))
    monkeypatch.setenv("GATEDESK_LANG", "zh_CN")


@pytest.fixture
def now():
    return NOW
