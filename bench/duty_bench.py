"""A duty card's check-in beside a resident's pass scan, through the real gate page. Prints a table.

    QT_QPA_PLATFORM=offscreen .venv/bin/python bench/duty_bench.py [--n 200] [--rota]

A demo station with N residents' passes and N people on shifts running now (four posts of 50). The
scanner's characters are typed into the form's phone field, then its Enter; timed from the Enter to
the record committed and the banner shown. Passes and cards alternate, one of each per round, so
a noisy machine slows both alike; the pass scan is the bound (issue 31: "as fast as a pass scan").
The temperature step is off for the run, so a pass, like a card, is one Enter.

--rota: the gate is held by the residents' rota and the posts are gates, so each check-in also
puts the person on duty (a guard's account made for them, the stretch handed over).
"""
from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
from datetime import timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from table import pct, print_table  # noqa: E402


def station(work: Path, n: int, rota: bool):
    from models import residents as rs
    from models import staffing
    from models.app.demo import create_demo
    from models.app.desk import Desk
    from models.store.db import open_database

    db = open_database(work / "gate" / "gatedesk.sqlite3")
    create_demo(db, days=2, visits_per_day=100)
    desk = Desk(db)
    now, zone = desk.clock(), desk.settings.zone
    with db.session() as s:
        have = len(rs.valid_passes(s, today=desk.today()))
        for i in range(max(0, n - have)):
            r = rs.add_resident(s, desk.ctx, room=f"9-{i // 100 + 1}-{i % 100 + 101}", name="王大明", phone=None,
                                now=now)
            rs.issue_pass(s, desk.ctx, resident_id=r.id, today=desk.today(), now=now)
        people = []
        for p in range((n + 49) // 50):
            post = staffing.add_post(s, ctx=desk.ctx, operator_id=None, now=now, name=f"测速岗{p}",
                                      kind="gate" if rota else "other")
            [shift] = staffing.plan_shifts(s, ctx=desk.ctx, operator_id=None, now=now, zone=zone, post_id=post.id,
                                           first_day=desk.today(), days=1, times="00:00-24:00", min_people=0,
                                           max_people=50)
            for i in range(min(50, n - 50 * p)):
                person = staffing.add_person(s, ctx=desk.ctx, operator_id=None, now=now - timedelta(hours=1),
                                             name=f"测速{p}{i}", phone=f"1390000{p:02d}{i:02d}", kind="volunteer",
                                             sent_by="测速单位", posts=[])
                staffing.assign(s, ctx=desk.ctx, operator_id=None, now=now, zone=zone, shift_id=shift.id,
                                person_id=person.id)
                people.append(staffing.card_payload(s, person))
        s.commit()
    return db, desk, people


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--n", type=int, default=200)
    parser.add_argument("--rota", action="store_true", help="the rota holds the gate: each check-in takes it")
    args = parser.parse_args()
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtCore import Qt
    from PySide6.QtTest import QTest

    from gui.app import install_language, make_app
    from gui.main_window import MainWindow
    from models.trust.operators import Role

    work = Path(tempfile.mkdtemp(prefix="gatedesk-duty-bench-"))
    db, desk, cards = station(work, args.n, args.rota)
    admin = next(o.id for o in desk.staff.operators() if o.name == "林管理")
    with desk.authorised(admin, "1234", Role.ADMIN):
        passes = [c.payload for c in desk.residents.pass_cards()[:args.n]]
    desk.settings = desk.settings.model_copy(update={"check_temperature": False, "gate_on_rota": args.rota})
    app = make_app()
    install_language(app, "zh_CN")
    desk.staff.sign_in(next(o.id for o in desk.staff.operators() if o.name == "张保安"), "1111")
    window = MainWindow(desk)
    window.show()
    gate = window.gate

    def scan(text: str) -> float:
        gate.phone.setFocus()
        QTest.keyClicks(gate.phone, text)
        t0 = time.perf_counter()
        QTest.keyClick(gate.phone, Qt.Key_Return)
        app.processEvents()
        return time.perf_counter() - t0

    times = {"pass": [], "card": []}
    banners = {"pass": set(), "card": set()}
    for pass_text, card_text in zip(passes, cards):
        times["pass"].append(scan(pass_text))
        banners["pass"].add(gate.banner.property("state"))
        times["card"].append(scan(card_text))
        banners["card"].add(gate.banner.property("state"))
    in_now = len(desk.staffing.here_now())
    rows = []
    for name, label, target in (("card", "duty card: Enter to check-in committed, gate page", "as fast as a pass"),
                                ("pass", "  pass scan, same page, alternated", "the bound")):
        t = times[name]
        rows.append((f"{label} (n={len(t)}; min {min(t) * 1000:.1f} ms)", f"{pct(t, 50) * 1000:.1f} ms",
                     f"{pct(t, 99) * 1000:.1f} ms p99", target))
    ratio_med = pct(times["card"], 50) / pct(times["pass"], 50)
    ratio_min = min(times["card"]) / min(times["pass"])
    rows.append(("  card ÷ pass (median; min)", f"{ratio_med:.2f}×", f"{ratio_min:.2f}× min", "≤ 1.0×"))
    window.close()
    db.close()
    print(f"machine: {os.cpu_count()} CPUs; python {sys.version.split()[0]}; checked in {in_now}; "
          f"rota holds the gate: {args.rota}, on duty now {desk.operator.name if desk.operator else None}; "
          f"banners pass {sorted(banners['pass'])} card {sorted(banners['card'])}")
    print_table(rows)


if __name__ == "__main__":
    main()
