"""A released schema revision never changes: stations upgraded by it would differ from stations made
after the change, with nothing to say so. A change to the schema is a new revision file; adding one
adds its line here."""
from __future__ import annotations

import hashlib

from models.store.migrations import SCHEMA_VERSION

RELEASED = {
    "0007_baseline.py": "9e27da319ab34c1a749995be954f26727e27a5577c8042fe034c214ee829a617",
    "0008_org_units.py": "2677383789a9ab1b3baa8dc0e3a7ff42f6098fe2c4aea0480db5e44dfcc07823",
    "0009_office_indexes.py": "e4a33793082dc13b033371d20e13bc0742785ebfd4b113a1925d0052724ef5d4",
    "0010_forwarders.py": "b2e8fa3a0bf09a7f00d30b6db7c0b5f50ec63c04ac764ac626c249b35cc3ad44",
    "0011_visit_days.py": "30f167b31f3de86419d0a56697c21585d33d58417af868edddad36a10d4010c2",
    "0012_office_parcel_indexes.py": "1cdc6a1b3ac74d8b8157f210955cb6259099546e585ff8b56b6574cccc390067",
    "0013_testing_rounds.py": "891aa9c6a0d119997ecbb3273cc9bca9382190ae2fd3548184463d40faf0c96b",
    "0014_home_services.py": "74fb6229a2e988307d7efdd0375c45af522c5b74b18a51759aa001fc3798b9be",
    "0015_relayed_bundles.py": "46fbfb7b7c97c453e2c1113cb0b8d36fd8f89f94efb100cac91fe6a7cdf1420b",
    "0016_standards.py": "0993359348f5013f388a11a4cf18ff1317cf2c65f07596dd8a9c55c640bea459",
    "0017_staffing.py": "ba3487884c0bfd3ba98511d9c8a74cab1a33a05c3f83bebf875a4fbe4ee83eff",
}


def _versions():
    from pathlib import Path

    import models.store.migrations as migrations

    return Path(migrations.__file__).parent / "schema_steps" / "versions"


def test_no_released_revision_file_has_changed():
    for name, digest in RELEASED.items():
        text = (_versions() / name).read_bytes().replace(b"\r\n", b"\n")  # a Windows checkout is the same file
        assert hashlib.sha256(text).hexdigest() == digest, f"{name} changed after release: add a new revision"


def test_every_revision_is_listed_and_the_newest_is_the_schemas():
    files = {p.name for p in _versions().glob("[0-9][0-9][0-9][0-9]_*.py")}
    assert files == set(RELEASED), files ^ set(RELEASED)
    assert max(int(n[:4]) for n in files) == SCHEMA_VERSION
