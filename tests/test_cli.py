"""The command line is a public interface: office staff script it."""
import json
import os
import shutil
import sqlite3
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def run(*args, env_lang="zh_CN", pin=None):
    env = dict(os.environ, GATEDESK_LANG=env_lang)
    env.pop("GATEDESK_PIN", None)
    if pin is not None:
        env["GATEDESK_PIN"] = pin
    return subprocess.run([sys.executable, str(ROOT / "main.py"), *args], capture_output=True, text=True,
                          env=env, timeout=120, stdin=subprocess.DEVNULL)


def test_the_poster_command_reads_its_rows_without_the_database_layer(tmp_path):
    """1.8 s went mostly to loading SQLAlchemy and every table and to fpdf2 reading a whole CJK
    font; the command now reads its rows with the standard library and keeps the font cut to the
    poster's characters. The PDF is the same poster, with real text."""
    import shutil

    d = tmp_path / "gate"
    assert run("demo", "--data-dir", str(d), "--days", "1", "--visits-per-day", "5").returncode == 0
    out = tmp_path / "east.pdf"
    code = ("import sys; sys.argv = ['main.py'] + sys.argv[1:]; sys.path.insert(0, sys.argv.pop(1)); import main\n"
            "rc = main.main()\n"
            "print('loaded:', sorted(m for m in ('sqlalchemy', 'sqlmodel') if m in sys.modules), rc)\n")
    for _ in range(2):
        r = subprocess.run([sys.executable, "-c", code, str(ROOT), "poster", "--data-dir", str(d), "--gate", "东门",
                            "--out", str(out)], capture_output=True, text=True, timeout=120,
                           env=dict(os.environ, GATEDESK_LANG="zh_CN"))
        assert r.returncode == 0 and "loaded: [] 0" in r.stdout, r.stdout + r.stderr
    cuts = list((d / "cache" / "fonts").iterdir())
    assert len(cuts) == 1 and cuts[0].stat().st_size < 200_000  # made once, used again
    if shutil.which("pdftotext"):
        text = subprocess.run(["pdftotext", str(out), "-"], capture_output=True, text=True, check=True).stdout
        # The demo prints GateDesk's own code: no sign-in a phone can use, and the poster says so.
        assert "榕城花园" in text and "东门" in text and "请到门岗登记" in text and "无需扫码" in text
        assert "请扫码登记" not in text


def test_demo_then_stats(tmp_path):
    d = tmp_path / "demo"
    r = run("demo", "--data-dir", str(d), "--days", "3", "--visits-per-day", "50", "--seed", "7")
    assert r.returncode == 0, r.stderr
    assert "榕城花园" in r.stdout and "PIN" in r.stdout
    s = run("stats", "--data-dir", str(d), "--json")
    assert s.returncode == 0
    counts = json.loads(s.stdout)
    assert counts["visits"] == 150 and counts["operators"] == 4 and counts["gates"] == 1
    assert counts["parcels"] == 3 * 12 and counts["readiness_checks"] >= 2 and counts["disinfection_rounds"] > 0
    assert set(counts) >= {"isolation_cases", "parcels", "disinfection_rounds", "readiness_checks"}
    # a round closed two days ago and one under way (most sampled), and a week of home services
    assert counts["testing_rounds"] == 2 and counts["samplings"] > counts["residents"] and counts["home_services"] >= 5


def test_demo_refuses_a_used_folder_in_chinese(tmp_path):
    d = tmp_path / "demo"
    assert run("demo", "--data-dir", str(d), "--days", "1", "--visits-per-day", "5").returncode == 0
    r = run("demo", "--data-dir", str(d))
    assert r.returncode == 1 and "已" in r.stderr


def test_bad_arguments_exit_2_with_a_message(tmp_path):
    for args in (["demo", "--days", "0"], ["demo", "--visits-per-day", "x"], ["stats", "--nope"], ["frobnicate"]):
        r = run(*args, "--data-dir", str(tmp_path / "x"))
        assert r.returncode == 2 and "error" in r.stderr


def test_stats_on_a_missing_database(tmp_path):
    r = run("stats", "--data-dir", str(tmp_path / "none"), "--json", env_lang="en")
    assert r.returncode == 1 and "No GateDesk database" in r.stderr
    assert not (tmp_path / "none").exists()


def test_two_gates_export_and_an_office_imports_from_a_usb_folder(tmp_path):
    usb = tmp_path / "usb"
    for gate, seed in (("东门", 1), ("北门", 2)):
        d = tmp_path / gate
        assert run("demo", "--data-dir", str(d), "--days", "2", "--visits-per-day", "40", "--seed", str(seed),
                   "--gate", gate).returncode == 0
        r = run("export", "--data-dir", str(d), "--out", str(usb))
        assert r.returncode == 0, r.stderr
        bundle = Path(r.stdout.strip())
        assert bundle.exists() and gate in bundle.name and bundle.name.endswith("_00001.gdbundle")
    from models.store.db import open_database
    from models.trust import audit

    gate_db = open_database(tmp_path / "东门" / "gatedesk.sqlite3")
    with gate_db.session() as s:
        exports = [e for e in audit.entries(s) if e.action == "export"]  # the command line is audited too
    assert len(exports) == 1 and exports[0].detail.startswith("seq=1 records=") and exports[0].operator_id is None
    gate_db.close()
    office = tmp_path / "office"
    # Never-seen stations are held, with the fingerprint to check, until they are enrolled.
    held = run("import", "--data-dir", str(office), "--json", str(usb))
    assert held.returncode == 1, held.stderr
    lines = [json.loads(x) for x in held.stdout.splitlines()]
    assert [x["status"] for x in lines] == ["held", "held"] and all(x["reason"] == "not_enrolled" for x in lines)
    fingerprints = [x["fingerprint"] for x in lines]
    assert all(len(f) == 19 and f.count("-") == 3 for f in fingerprints) and len(set(fingerprints)) == 2
    assert json.loads(run("stats", "--data-dir", str(office), "--json").stdout)["visits"] == 0
    enrolling = [a for f in fingerprints for a in ("--enroll", f.upper().replace("-", " "))]  # as read aloud
    dry = run("import", "--data-dir", str(office), "--dry-run", "--json", *enrolling, str(usb))
    assert dry.returncode == 0, dry.stderr
    lines = [json.loads(x) for x in dry.stdout.splitlines()]
    assert [x["status"] for x in lines] == ["accepted", "accepted"] and all(x["dry_run"] for x in lines)
    assert json.loads(run("stats", "--data-dir", str(office), "--json").stdout)["visits"] == 0
    assert run("import", "--data-dir", str(office), "--dry-run", str(usb)).returncode == 1  # a dry run enrolled none
    real = run("import", "--data-dir", str(office), "--enroll", fingerprints[0], "--enroll", fingerprints[1], str(usb))
    assert real.returncode == 0 and real.stdout.count("导入") == 2
    assert json.loads(run("stats", "--data-dir", str(office), "--json").stdout)["visits"] == 160
    # One good file and one truncated: exit 1, the good one still counted, the bad one explained.
    good = next(usb.glob("*.gdbundle"))
    cut = usb / "cut.gdbundle"
    cut.write_bytes(good.read_bytes()[:5000])
    again = run("import", "--data-dir", str(office), "--json", str(usb))
    assert again.returncode == 1
    by_file = {Path(x["file"]).name: x for x in map(json.loads, again.stdout.splitlines())}
    assert by_file["cut.gdbundle"]["status"] == "rejected" and by_file["cut.gdbundle"]["reason"] == "truncated"
    assert by_file["cut.gdbundle"]["message"]
    assert all(x["created"] == 0 for x in by_file.values())
    for out in ("day.xlsx", "day.pdf"):
        r = run("report", "--data-dir", str(office), "--day", "2026-11-28", "--out", str(tmp_path / out))
        assert r.returncode == 0, r.stderr and (tmp_path / out).stat().st_size > 1000
    # The command line runs the same services as the window: its report is audited, as the command line's.
    from models.store.db import open_database
    from models.trust import audit

    db = open_database(office / "gatedesk.sqlite3")
    with db.reading() as s:
        reports = [e for e in audit.entries(s) if e.action == "report"]
    db.close()
    assert len(reports) == 2 and all(e.operator_id is None and "command line" in e.detail for e in reports)


def test_sync_commands_refuse_bad_arguments_with_exit_2(tmp_path):
    for args in (["import"], ["import", str(tmp_path / "nowhere")], ["export", "--out", "x", "--from", "2026-13-01",
                 "--to", "2026-01-01"], ["export", "--out", "x", "--from", "2026-01-02"],
                 ["report", "--day", "2026-01-01", "--out", "x.doc"], ["import", str(tmp_path)]):
        r = run(*args, "--data-dir", str(tmp_path / "x"))
        assert r.returncode == 2, (args, r.stderr)
        assert r.stderr.strip()


def test_a_malformed_fingerprint_is_refused_with_exit_2_and_no_traceback(tmp_path):
    (tmp_path / "b.gdbundle").write_bytes(b"x")
    for fingerprint in ("abc", "", "da48-52c4-7e96", "zz48-52c4-7e96-12c6", "da48-52c4-7e96-12c6-0000"):
        r = run("import", "--data-dir", str(tmp_path / "office"), "--enroll", fingerprint, str(tmp_path / "b.gdbundle"))
        assert r.returncode == 2 and "Traceback" not in r.stderr, (fingerprint, r.stderr)
        assert "指纹" in r.stderr and (fingerprint in r.stderr or not fingerprint), r.stderr
    assert not (tmp_path / "office").exists()  # nothing was made for a command refused


def test_a_gate_database_is_not_an_import_target(tmp_path):
    d = tmp_path / "gate"
    assert run("demo", "--data-dir", str(d), "--days", "1", "--visits-per-day", "5").returncode == 0
    r = run("export", "--data-dir", str(d), "--out", str(tmp_path / "usb"))
    r = run("import", "--data-dir", str(d), str(tmp_path / "usb"))
    assert r.returncode == 1 and "门岗" in r.stderr


def test_posters_and_passes_from_the_command_line(tmp_path):
    import zxingcpp
    from PIL import Image

    d = tmp_path / "gate"
    assert run("demo", "--data-dir", str(d), "--days", "1", "--visits-per-day", "5").returncode == 0
    png = tmp_path / "east.png"
    r = run("poster", "--data-dir", str(d), "--gate", "东门", "--out", str(png))
    assert r.returncode == 0, r.stderr
    # QR codes only: zxing now and then reads a stray 1-D code out of the printed text (as the poster
    # and pass tests filter too)
    [code] = [c for c in zxingcpp.read_barcodes(Image.open(png)) if c.format == zxingcpp.BarcodeFormat.QRCode]
    assert code.text.startswith("GATEDESK:1:")
    assert run("poster", "--data-dir", str(d), "--gate", "东门", "--out", str(tmp_path / "a3.pdf"),
               "--size", "A3").returncode == 0
    unknown = run("poster", "--data-dir", str(d), "--gate", "西门", "--out", str(png))
    assert unknown.returncode == 1 and "西门" in unknown.stderr and "东门" in unknown.stderr
    nowhere = run("poster", "--data-dir", str(d), "--gate", "东门", "--out", str(tmp_path / "no" / "x.pdf"))
    assert nowhere.returncode == 1 and "不存在" in nowhere.stderr
    assert run("poster", "--data-dir", str(d), "--gate", "东门", "--out", str(tmp_path / "x.doc")).returncode == 2
    sheet = tmp_path / "b1.pdf"
    # Printing passes is minting them: an administrator, named, with the PIN; refused otherwise.
    r = run("passes", "--data-dir", str(d), "--building", "1", "--out", str(sheet))
    assert r.returncode == 2 and "--operator" in r.stderr and not sheet.exists()
    assert run("passes", "--data-dir", str(d), "--operator", "林管理", "--out", str(sheet), pin="9999").returncode == 1
    assert run("passes", "--data-dir", str(d), "--operator", "张保安", "--out", str(sheet), pin="1111").returncode == 1
    assert run("passes", "--data-dir", str(d), "--operator", "无此人", "--out", str(sheet), pin="1111").returncode == 2
    assert not sheet.exists()
    r = run("passes", "--data-dir", str(d), "--operator", "林管理", "--building", "1", "--out", str(sheet), pin="1234")
    assert r.returncode == 0 and sheet.stat().st_size > 10_000
    first = tmp_path / "b1.png"
    assert run("passes", "--data-dir", str(d), "--operator", "林管理", "--building", "1", "--out", str(first),
               pin="1234").returncode == 0
    payloads = [c.text for c in zxingcpp.read_barcodes(Image.open(first)) if c.format == zxingcpp.BarcodeFormat.QRCode]
    payloads = set(payloads)  # zxing now and then reports one code twice; the page holds ten different passes
    assert len(payloads) == 10 and all(p.startswith("GDP1.") for p in payloads)
    none = run("passes", "--data-dir", str(d), "--operator", "林管理", "--building", "99", "--out", str(sheet),
               pin="1234")
    assert none.returncode == 1
    from models.store.db import open_database
    from models.trust import audit

    db = open_database(d / "gatedesk.sqlite3")
    with db.reading() as s:
        printed = [e for e in audit.entries(s) if e.action == "pass_print"]
        admin = next(o.id for o in __import__("models.trust.operators", fromlist=["x"]).list_operators(s) if o.name == "林管理")
    db.close()
    assert len(printed) == 2 and all(e.operator_id == admin for e in printed)


def test_unmasked_exports_need_an_administrator_named_with_a_pin(tmp_path):
    d = tmp_path / "gate"
    assert run("demo", "--data-dir", str(d), "--days", "1", "--visits-per-day", "5").returncode == 0
    r = run("export", "--data-dir", str(d), "--out", str(tmp_path / "usb"), "--full-data")
    assert r.returncode == 2 and not (tmp_path / "usb").exists()
    r = run("export", "--data-dir", str(d), "--out", str(tmp_path / "usb"), "--full-data", "--operator", "陈主管",
            pin="2345")
    assert r.returncode == 1 and not (tmp_path / "usb").exists()  # a supervisor is not an administrator
    r = run("export", "--data-dir", str(d), "--out", str(tmp_path / "usb"), "--full-data", "--operator", "林管理",
            pin="1234")
    assert r.returncode == 0, r.stderr
    assert run("export", "--data-dir", str(d), "--out", str(tmp_path / "usb2")).returncode == 0  # masked: as before


def test_audit_verify_finds_an_altered_entry(tmp_path):
    import sqlite3

    d = tmp_path / "gate"
    assert run("demo", "--data-dir", str(d), "--days", "1", "--visits-per-day", "5").returncode == 0
    from models.store.clock import utcnow
    from models.store.db import open_database
    from models.trust import audit

    db = open_database(d / "gatedesk.sqlite3")
    with db.session() as s:
        for i in range(3):
            audit.record(s, at=utcnow(), station_id="s", operator_id=None, action="reveal", record_id=f"r{i}")
        s.commit()
    db.close()
    ok = run("audit", "verify", "--data-dir", str(d))
    assert ok.returncode == 0 and "3" in ok.stdout
    con = sqlite3.connect(d / "gatedesk.sqlite3")
    con.execute("UPDATE audit_event SET action = 'sign_in' WHERE seq = 2")
    con.commit()
    con.close()
    bad = run("audit", "verify", "--data-dir", str(d))
    assert bad.returncode == 1 and "2" in bad.stderr
    assert run("audit", "check", "--data-dir", str(d)).returncode == 2


def test_backup_then_restore_and_a_bad_backup_changes_nothing(tmp_path):
    d = tmp_path / "gate"
    assert run("demo", "--data-dir", str(d), "--days", "1", "--visits-per-day", "20").returncode == 0
    copy = tmp_path / "copy.sqlite3"
    r = run("backup", "--data-dir", str(d), "--out", str(copy))
    assert r.returncode == 0 and copy.exists()
    before = json.loads(run("stats", "--data-dir", str(d), "--json").stdout)
    assert run("demo", "--data-dir", str(tmp_path / "other"), "--days", "1", "--visits-per-day", "3",
               "--compound", "三坊小区", "--gate", "北门").returncode == 0
    # A damaged file and a foreign one are refused; the database is untouched.
    junk = tmp_path / "junk.sqlite3"
    junk.write_bytes(b"SQLite format 3\x00" + b"\x00" * 100)
    for bad in (junk, tmp_path / "missing.sqlite3"):
        r = run("restore", "--data-dir", str(d), str(bad))
        assert r.returncode in (1, 2) and r.stderr.strip()
    assert json.loads(run("stats", "--data-dir", str(d), "--json").stdout) == before
    # Another station's backup is refused, naming both, unless asked for explicitly; then ours back:
    # each restore keeps what it replaced.
    other = tmp_path / "other.sqlite3"
    assert run("backup", "--data-dir", str(tmp_path / "other"), "--out", str(other)).returncode == 0
    r = run("restore", "--data-dir", str(d), str(other))
    assert r.returncode == 1 and "三坊小区 北门" in r.stderr and "榕城花园 东门" in r.stderr and "--other-station" in r.stderr
    assert json.loads(run("stats", "--data-dir", str(d), "--json").stdout) == before
    r = run("restore", "--data-dir", str(d), str(other), "--other-station")
    assert r.returncode == 0 and "三坊小区 北门" in r.stderr
    assert json.loads(run("stats", "--data-dir", str(d), "--json").stdout)["visits"] == 3
    r = run("restore", "--data-dir", str(d), str(copy), "--other-station")
    assert r.returncode == 0 and "before-restore" in r.stdout
    after = json.loads(run("stats", "--data-dir", str(d), "--json").stdout)
    assert after["visits"] == before["visits"] and after["audit_events"] == before["audit_events"] + 1
    assert run("audit", "verify", "--data-dir", str(d)).returncode == 0
    assert len(list((d / "backups").glob("*before-restore*"))) == 2


def test_restore_waits_until_gatedesk_is_closed(tmp_path):
    from models.store.instance import InstanceLock

    d = tmp_path / "gate"
    assert run("demo", "--data-dir", str(d), "--days", "1", "--visits-per-day", "3").returncode == 0
    copy = tmp_path / "copy.sqlite3"
    assert run("backup", "--data-dir", str(d), "--out", str(copy)).returncode == 0
    with InstanceLock(d):
        r = run("restore", "--data-dir", str(d), str(copy))
    assert r.returncode == 1 and "关闭" in r.stderr
    assert not list(d.glob("backups/*before-restore*"))  # refused before anything was touched
    assert run("restore", "--data-dir", str(d), str(copy)).returncode == 0


def test_numbers_too_large_are_refused_at_once(tmp_path):
    for args in (["--days", str(10**12)], ["--visits-per-day", str(10**10)], ["--parcels-per-day", "-5"],
                 ["--days", "1e3"], ["--seed", str(2**70)]):
        r = run("demo", "--data-dir", str(tmp_path / "d"), *args, env_lang="en")
        assert r.returncode == 2 and "Traceback" not in r.stderr, args
        assert args[0] in r.stderr
    assert not (tmp_path / "d").exists()


def test_text_that_is_not_utf8_is_refused_with_a_message(tmp_path):
    env = dict(os.environ, GATEDESK_LANG="en")
    bad = os.fsdecode(b"\xff\xfe")  # what a terminal in another encoding passes
    for args in (["demo", "--data-dir", str(tmp_path / "d"), "--compound", bad],
                 ["demo", "--data-dir", str(tmp_path / bad)],
                 ["stats", "--data-dir", str(tmp_path / bad)],
                 ["import", "--data-dir", str(tmp_path / "o"), str(tmp_path / bad)]):
        r = subprocess.run([sys.executable, str(ROOT / "main.py"), *args], capture_output=True, env=env, timeout=120)
        assert r.returncode == 2 and b"Traceback" not in r.stderr and r.stderr.strip(), args


def test_an_unwritable_output_is_blamed_not_the_data_folder(tmp_path):
    d = tmp_path / "gate"
    assert run("demo", "--data-dir", str(d), "--days", "1", "--visits-per-day", "5").returncode == 0
    locked = tmp_path / "locked"
    locked.mkdir()
    locked.chmod(0o500)
    if os.access(locked, os.W_OK):  # root ignores permissions: use a path no one can create
        locked = Path("/proc/gatedesk-cannot-write-here")
    try:
        for args in (["export", "--out", str(locked / "usb")], ["backup", "--out", str(locked / "b.sqlite3")],
                     ["office-key", "--out", str(locked / "k.json")],  # makes the office's database, then fails
                     ["report", "--day", "2026-11-28", "--out", str(locked / "r.pdf")]):
            data = d if args[0] in ("export", "backup") else tmp_path / "office"
            r = run(args[0], "--data-dir", str(data), *args[1:], env_lang="en")
            assert r.returncode == 1 and "Traceback" not in r.stderr, (args, r.stderr)
            assert str(locked) in r.stderr and f"Cannot use {data}" not in r.stderr, r.stderr
    finally:
        (tmp_path / "locked").chmod(0o700)


def test_import_of_a_whole_usb_folder_skips_the_spreadsheets_for_people(tmp_path):
    d = tmp_path / "gate"
    assert run("demo", "--data-dir", str(d), "--days", "1", "--visits-per-day", "5").returncode == 0
    usb = tmp_path / "usb"
    assert run("export", "--data-dir", str(d), "--out", str(usb)).returncode == 0
    everything = sorted(str(p) for p in usb.iterdir())  # what `import usb/*` passes
    assert {Path(p).suffix for p in everything} == {".gdbundle", ".xlsx", ".csv"}
    fp = __import__("tests.sync_helpers", fromlist=["x"]).fingerprint(next(usb.glob("*.gdbundle")))
    r = run("import", "--data-dir", str(tmp_path / "office"), "--json", "--enroll", fp, *everything)
    assert r.returncode == 0, r.stdout + r.stderr
    by_status = {}
    for line in r.stdout.splitlines():
        obj = json.loads(line)
        by_status.setdefault(obj["status"], []).append((Path(obj["file"]).suffix, obj["reason"]))
    assert by_status["accepted"] == [(".gdbundle", None)]
    assert sorted(by_status["skipped"]) == [(".csv", "people_log")] * 3 + [(".xlsx", "people_log")]


def test_a_community_office_forwards_to_the_district_by_usb_stick(tmp_path):
    """gate → community → district on the command line, as office staff script it: the community names
    its unit, loads the district's key, forwards; the district enrolls the community office and imports."""
    gate, community, district = tmp_path / "东门", tmp_path / "community", tmp_path / "district"
    assert run("demo", "--data-dir", str(gate), "--days", "1", "--visits-per-day", "30").returncode == 0
    assert run("export", "--data-dir", str(gate), "--out", str(tmp_path / "usb")).returncode == 0
    assert run("office-init", "--data-dir", str(community), "--name", "温泉社区居委会").returncode == 0
    nameless = run("forward", "--data-dir", str(community), "--out", str(tmp_path / "up"), env_lang="en")
    assert nameless.returncode == 1 and "office-init --district" in nameless.stderr
    named = run("office-init", "--data-dir", str(community), "--district", "鼓楼区", "--subdistrict", "温泉街道",
                "--community", "温泉社区")
    assert named.returncode == 0, named.stderr
    # Naming the office and its unit is audited; naming it the same again changes and audits nothing.
    assert run("office-init", "--data-dir", str(community), "--district", "鼓楼区", "--subdistrict", "温泉街道",
               "--community", "温泉社区").returncode == 0
    con = sqlite3.connect(community / "gatedesk.sqlite3")
    try:
        said = [d for (d,) in con.execute("SELECT detail FROM audit_event WHERE action = 'setup' ORDER BY seq")]
    finally:
        con.close()
    assert said == ["office name=温泉社区居委会", "office unit=鼓楼区 / 温泉街道 / 温泉社区"]
    held = run("import", "--data-dir", str(community), "--json", str(tmp_path / "usb"))
    fingerprint = json.loads(held.stdout.splitlines()[0])["fingerprint"]
    assert run("import", "--data-dir", str(community), "--enroll", fingerprint, str(tmp_path / "usb")).returncode == 0
    assert run("office-key", "--data-dir", str(district), "--out", str(tmp_path / "district.gdkey")).returncode == 0
    own = run("office-key", "--data-dir", str(community), "--out", str(tmp_path / "own.gdkey"))
    assert own.returncode == 0
    assert run("use-office-key", "--data-dir", str(community), str(tmp_path / "own.gdkey")).returncode == 1
    loaded = run("use-office-key", "--data-dir", str(community), str(tmp_path / "district.gdkey"), env_lang="en")
    assert loaded.returncode == 0 and "forwarded bundles will be encrypted" in loaded.stdout, loaded.stderr
    count_the_gates_compound(community / "gatedesk.sqlite3")
    sent = run("forward", "--data-dir", str(community), "--out", str(tmp_path / "up"), env_lang="en")
    assert sent.returncode == 0 and "encrypted for" in sent.stderr, sent.stderr
    bundle = Path(sent.stdout.strip())
    assert bundle.name.startswith("温泉社区居委会_office_") and bundle.name.endswith("_00001.gdbundle")
    at_gate = run("forward", "--data-dir", str(gate), "--out", str(tmp_path / "up"), env_lang="en")
    assert at_gate.returncode == 1 and "not an office" in at_gate.stderr
    held = run("import", "--data-dir", str(district), "--json", str(bundle))
    [line] = [json.loads(x) for x in held.stdout.splitlines()]
    assert (held.returncode, line["status"]) == (1, "held") and "温泉社区居委会" in line["message"]
    done = run("import", "--data-dir", str(district), "--json", "--enroll", line["fingerprint"], str(bundle))
    assert done.returncode == 0 and json.loads(done.stdout)["status"] == "accepted", done.stdout
    # the community's census came up with the gate's records
    assert json.loads(done.stdout)["by_type"]["compound_census"] == {"created": 1, "updated": 0, "unchanged": 0}
    stats = [json.loads(run("stats", "--data-dir", str(d), "--json").stdout) for d in (community, district)]
    assert [s["visits"] for s in stats] == [30, 30]
    assert [s["compounds_by_type"]["property"] for s in stats] == [1, 1]


def count_the_gates_compound(path):
    """The community counts its gate's compound (typed at its office's census screen)."""
    from types import SimpleNamespace

    from sqlalchemy import select

    from models import supervision
    from models.setup.site import Compound
    from models.store.clock import utcnow
    from models.store.db import open_database
    from models.sync.forward import identity

    db = open_database(path)
    try:
        with db.session() as s:
            me, now = identity(s, utcnow()), utcnow()
            [compound] = s.scalars(select(Compound)).all()
            supervision.set_census(s, compound_id=compound.id, kind="property", property_company="榕城物业",
                                   ctx=SimpleNamespace(station_id=me.station_id, gate_id=me.gate_id),
                                   operator_id=None, now=now)
            s.commit()
    finally:
        db.close()


def test_the_supervision_notice_and_the_teams_list_from_the_command_line(tmp_path):
    """`notice` and `compounds` run as the office's scheduled command line: written, audited as such."""
    from datetime import timedelta

    from openpyxl import load_workbook

    from models.app.demo import create_demo
    from models.app.desk import Desk
    from models.store.db import open_database
    from models.supervision import Party, StandardKind
    from models.sync import export_bundle
    from models.trust import audit
    from models.trust.operators import Role
    from tests.conftest import NOW
    from tests.sync_helpers import enroll

    gate = open_database(tmp_path / "gate" / "gatedesk.sqlite3")
    create_demo(gate, days=1, visits_per_day=5, seed=3, now=NOW)
    team = Desk(open_database(tmp_path / "team" / "gatedesk.sqlite3"), clock=lambda: NOW)
    team.sync.complete_inspection_setup(team_name="督导一组", admin_name="王科长", pin="1357", pin_again="1357",
                                        district="仓山区")
    with gate.reading() as s:
        from models.setup.site import this_station

        ctx = this_station(s)
    [view] = team.supervision.standards(StandardKind.INSPECTION)
    v = team.supervision.open_visit(compound_id=ctx.compound_id, compound_name=ctx.compound_name,
                                    standard_id=view.standard.id, announced=False)
    for item in view.items:
        team.supervision.answer_item(v.id, item.id, "fail" if item.code == "2" else "pass")
    team.supervision.sign_off_visit(v.id, party=Party.PROPERTY, party_name="榕城物业")
    office_dir = tmp_path / "office"
    office = Desk(open_database(office_dir / "gatedesk.sqlite3"), clock=lambda: NOW + timedelta(hours=2))
    office.sync.complete_office_setup(office_name="鼓楼区住建局", community="", admin_name="周主任", pin="2468",
                                      pin_again="2468", office_label="督导办")
    with office.authorised(office.staff.operators()[0].id, "2468", Role.ADMIN):
        enroll(office.db, gate, team.db)
        for db in (gate, team.db):
            path = export_bundle(db, tmp_path / "usb", sheets=False, now=NOW + timedelta(minutes=3)).path
            assert office.sync.importer().run(path).status == "accepted"
    for db in (gate, team.db, office.db):
        db.close()
    pdf = tmp_path / "通报.pdf"
    r = run("notice", "--data-dir", str(office_dir), "--from", "2022-11-28", "--to", "2022-11-28", "--out", str(pdf))
    assert r.returncode == 0, r.stderr
    if shutil.which("pdftotext"):
        text = "".join(subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True,
                                      check=True).stdout.split())
        assert "督导组共检查小区1个、1次（其中暗访1次），达标1次" in text and "进入人员逐一测温" in text
    listed = tmp_path / "督导小区清单.xlsx"
    r = run("compounds", "--data-dir", str(office_dir), "--out", str(listed))
    assert r.returncode == 0, r.stderr
    rows = list(load_workbook(listed, read_only=True).worksheets[0].iter_rows(values_only=True))
    assert rows[0][:5] == ("编号", "小区", "社区", "街道", "区") and [(x[0], x[1]) for x in rows[1:]] == [
        (ctx.compound_id, ctx.compound_name)]  # the gate's compound; not the office's nor the team's place
    db = open_database(office_dir / "gatedesk.sqlite3")
    with db.reading() as s:
        entries = [e for e in audit.entries(s) if e.action in ("notice", "compound_list")]
    db.close()
    assert len(entries) == 2 and all(e.operator_id is None and "command line" in e.detail for e in entries)
    for args in (["notice", "--from", "2022-11-28", "--to", "2022-11-27", "--out", "n.pdf"],
                 ["notice", "--from", "2022-11-28", "--to", "2022-11-28", "--out", "n.doc"],
                 ["compounds", "--out", "list.txt"]):
        bad = run(*args, "--data-dir", str(office_dir))
        assert bad.returncode == 2 and bad.stderr.strip(), (args, bad.stderr)


def test_a_supervision_teams_demo_then_stats(tmp_path):
    d = tmp_path / "team"
    r = run("demo", "--team", "--data-dir", str(d), "--days", "3", "--seed", "2")
    assert r.returncode == 0, r.stderr
    assert "督导一组" in r.stdout and "PIN 1234" in r.stdout
    counts = json.loads(run("stats", "--data-dir", str(d), "--json").stdout)
    assert counts["inspections"] >= 6 and counts["findings"] >= counts["findings_open"]
    assert run("demo", "--team", "--data-dir", str(d)).returncode == 1  # the folder is used now
    bad = tmp_path / "list.csv"
    bad.write_text("x,y\n", encoding="utf-8")
    r = run("demo", "--team", "--data-dir", str(tmp_path / "other"), "--compounds", str(bad))
    assert r.returncode == 1 and "小区清单" in r.stderr and not (tmp_path / "other").exists()


def test_the_demo_rota_counts_and_a_sending_units_week(tmp_path):
    """The demo keeps a rota; stats counts people, shifts and check-ins (the operators' stretches of duty
    under their own key); a sending unit's week is written masked, and a unit with nobody here is
    refused naming the units there."""
    d = tmp_path / "gate"
    assert run("demo", "--data-dir", str(d), "--days", "3", "--visits-per-day", "10", "--seed", "4").returncode == 0
    counts = json.loads(run("stats", "--data-dir", str(d), "--json").stdout)
    assert counts["volunteers"] == 8 and counts["shifts"] == 8 * 5 and counts["shift_checkins"] > 20
    assert "duty_shifts" in counts
    out = tmp_path / "法院.csv"
    r = run("duty-sheet", "--data-dir", str(d), "--unit", "鼓楼区人民法院", "--from", "2020-01-01", "--out", str(out))
    assert r.returncode == 0, r.stderr
    assert out.read_text(encoding="utf-8-sig").splitlines()[1].startswith("日期,小区,姓名")
    with sqlite3.connect(d / "gatedesk.sqlite3") as con:
        first = con.execute("SELECT min(day) FROM rota_shift").fetchone()[0]
    r = run("duty-sheet", "--data-dir", str(d), "--unit", "鼓楼区人民法院", "--from", first, "--out", str(out))
    text = out.read_text(encoding="utf-8-sig")
    assert r.returncode == 0 and "林*明" in text and "林志明" not in text and "合计" in text
    r = run("duty-sheet", "--data-dir", str(d), "--unit", "区教育局", "--from", first, "--out", str(out))
    assert r.returncode == 1 and "区教育局" in r.stderr and "鼓楼区住建局" in r.stderr
    assert run("duty-sheet", "--data-dir", str(d), "--unit", "x", "--from", first, "--out",
               str(tmp_path / "a.pdf")).returncode == 2
