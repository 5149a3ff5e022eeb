"""GateDesk 门岗登记台 — start the app, or run a command.

    python main.py [--data-dir DIR]                 open the gate desk
    python main.py demo  [--data-dir DIR] [--days N] [--visits-per-day M] [--parcels-per-day P] [--seed S]
                         [--compound NAME] [--gate NAME]
    python main.py demo --team [--data-dir DIR] [--days N] [--seed S] [--compounds FILE]   (a supervision team)
    python main.py stats [--data-dir DIR] [--json]
    python main.py export --data-dir DIR --out PATH [--from DAY --to DAY] [--full-data --operator NAME]
    python main.py import --data-dir DIR [--dry-run] [--json] [--trust-new-key] [--enroll FP]... FILE_OR_FOLDER...
    python main.py report --data-dir DIR --day DAY --out FILE.xlsx|FILE.pdf
    python main.py duty-sheet --data-dir DIR --unit UNIT --from DAY --out FILE.xlsx|FILE.csv   (a sending unit's week)
    python main.py office-key --data-dir DIR --out FILE      (office: the key file gates load)
    python main.py use-office-key --data-dir DIR FILE         (encrypt bundles to that office; at an
                                                               office: to the office above it)
    python main.py poster --data-dir DIR --gate NAME_OR_ID --out FILE.pdf|FILE.png [--size A4|A3]
    python main.py passes --data-dir DIR --operator NAME [--building B] --out FILE.pdf|FILE.png
    python main.py office-init [--data-dir DIR | --database URL] [--name NAME]   (office: create or upgrade)
                         [--district D] [--subdistrict S] [--community C]   (the unit it speaks for)
    python main.py forward --data-dir DIR --out PATH     (office: its gates' records for the office above)
    python main.py audit verify --data-dir DIR
    python main.py housekeeping [--data-dir DIR] [--json]    (the day's retention and backup, headless)
    python main.py backup --data-dir DIR --out FILE           (the embedded file; a server's is pg_dump's)
    python main.py restore --data-dir DIR FILE [--other-station]   (close GateDesk first)

The office's commands (stats, import, report, office-key, office-init, forward, audit, housekeeping) also work on a
database server: --database postgresql://USER@HOST:PORT/DATABASE, or GATEDESK_DATABASE.

Only the standard library is imported here, so a command starts quickly and `--help` works
before anything else is set up.
"""
from __future__ import annotations

import argparse
import json
import sys

EXIT_OK, EXIT_FAIL, EXIT_USAGE = 0, 1, 2


def _whole(low: int, high: int):
    """A whole number from low to high: a typo of ten zeros is an answer, not an hour's work."""
    def parse(text: str) -> int:
        try:
            value = int(text)
        except ValueError:
            raise argparse.ArgumentTypeError(f"not a whole number: {_shown(text)}") from None
        if not low <= value <= high:
            raise argparse.ArgumentTypeError(f"must be from {low:,} to {high:,}, got {_shown(text)}")
        return value
    return parse


def _shown(text: str) -> str:
    return repr(text[:40] + ("…" if len(text) > 40 else "")).encode("ascii", "backslashreplace").decode()


def _text(text: str) -> str:
    """Words typed on the command line (a compound's name): valid text, no control characters."""
    if any(0xD800 <= ord(c) <= 0xDFFF for c in text):
        raise argparse.ArgumentTypeError(f"not valid text (the terminal's encoding is not UTF-8?): {_shown(text)}")
    if any(ord(c) < 32 or ord(c) == 127 for c in text) or not text.strip():
        raise argparse.ArgumentTypeError(f"not a name: {_shown(text)}")
    return text.strip()


def _path(text: str) -> str:
    """A file or folder name SQLite, zip and Excel files can all be given (valid text)."""
    if any(0xD800 <= ord(c) <= 0xDFFF for c in text) or "\x00" in text:
        raise argparse.ArgumentTypeError(f"a name that is not valid text (not UTF-8): {_shown(text)}")
    return text



def _day(text: str):
    from datetime import date

    try:
        return date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a day of the form YYYY-MM-DD: {text!r}") from None


def build_parser() -> argparse.ArgumentParser:
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument("--data-dir", metavar="DIR", type=_path,
                        help="data folder (default: $GATEDESK_DATA_DIR, else the user data folder)")
    # The office's commands also work on a database server (a district's, shared by several PCs).
    office = argparse.ArgumentParser(add_help=False, parents=[common])
    office.add_argument("--database", metavar="URL", type=_path,
                        help="an office database on a server, postgresql://USER@HOST:PORT/DATABASE (default: "
                             "$GATEDESK_DATABASE, else the embedded file in the data folder); the password comes "
                             "from PGPASSWORD or ~/.pgpass")
    parser = argparse.ArgumentParser(prog="gatedesk", parents=[common],
                                     description="GateDesk 门岗登记台: offline gate registration. "
                                                 "With no command, opens the gate desk.")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    demo = sub.add_parser("demo", parents=[common], help="create a demo compound, operators and records")
    demo.add_argument("--days", type=_whole(1, 3650), default=7, metavar="N", help="days of records, 1-3650 (default 7)")
    demo.add_argument("--visits-per-day", type=_whole(1, 100_000), default=200, metavar="M",
                      help="registrations per day, 1-100,000 (default 200)")
    demo.add_argument("--parcels-per-day", type=_whole(1, 100_000), default=None, metavar="P",
                      help="parcels taken in per day, 1-100,000 (default: a quarter of the registrations)")
    demo.add_argument("--seed", type=_whole(-(2**63), 2**63 - 1), default=1, metavar="S", help="random seed (default 1)")
    demo.add_argument("--compound", type=_text, default="榕城花园", metavar="NAME",
                      help="compound name (default 榕城花园)")
    demo.add_argument("--gate", type=_text, default="东门", metavar="NAME", help="gate name (default 东门)")
    demo.add_argument("--team", action="store_true",
                      help="a supervision team's station instead: a week of visits, findings and follow-ups")
    demo.add_argument("--compounds", type=_path, metavar="FILE",
                      help="with --team: the office's list of compounds (from `compounds`) to visit")
    stats = sub.add_parser("stats", parents=[office], help="print record counts")
    stats.add_argument("--json", action="store_true", help="one JSON object, a key per record kind")
    export = sub.add_parser("export", parents=[common],
                            help="write a sync bundle (and the logs as .xlsx/.csv) for the office")
    export.add_argument("--out", required=True, type=_path, metavar="PATH", help="a folder (the bundle is named for you) or a file")
    export.add_argument("--from", dest="day_from", type=_day, metavar="DAY", help="first day (YYYY-MM-DD) of a range")
    export.add_argument("--to", dest="day_to", type=_day, metavar="DAY", help="last day of the range")
    export.add_argument("--full-data", action="store_true",
                        help="unmasked names, phones and ID numbers in the .xlsx/.csv (needs --operator, an administrator)")
    export.add_argument("--operator", type=_text, metavar="NAME",
                        help="who exports (with --full-data: an administrator; PIN from $GATEDESK_PIN or typed)")
    imp = sub.add_parser("import", parents=[office], help="import bundles into an office database")
    imp.add_argument("paths", nargs="+", type=_path, metavar="FILE_OR_FOLDER")
    imp.add_argument("--dry-run", action="store_true", help="check and count only; change nothing")
    imp.add_argument("--json", action="store_true", help="one JSON object per file")
    imp.add_argument("--trust-new-key", action="store_true",
                     help="accept a station's new signing key (after checking with the gate)")
    imp.add_argument("--enroll", action="append", default=[], metavar="FINGERPRINT",
                     help="enroll the station whose key has this fingerprint (from its set-up sheet); repeatable")
    report = sub.add_parser("report", parents=[office], help="write the daily summary for upward reporting")
    report.add_argument("--day", required=True, type=_day, metavar="DAY")
    report.add_argument("--out", required=True, type=_path, metavar="FILE", help="FILE.xlsx or FILE.pdf")
    notice = sub.add_parser("notice", parents=[office],
                            help="office: write the supervision notice (通报) of a period")
    notice.add_argument("--from", dest="day_from", required=True, type=_day, metavar="DAY")
    notice.add_argument("--to", dest="day_to", required=True, type=_day, metavar="DAY")
    notice.add_argument("--out", required=True, type=_path, metavar="FILE", help="FILE.pdf or FILE.xlsx")
    duty = sub.add_parser("duty-sheet", parents=[office],
                          help="the week's duty sheet of one sending unit: who came, when, how long (names masked)")
    duty.add_argument("--unit", required=True, type=_text, metavar="UNIT", help="the sending unit, e.g. 区法院")
    duty.add_argument("--from", dest="day_from", required=True, type=_day, metavar="DAY", help="the week's first day")
    duty.add_argument("--out", required=True, type=_path, metavar="FILE", help="FILE.xlsx or FILE.csv")
    compounds = sub.add_parser("compounds", parents=[office],
                               help="office: write the list of compounds its supervision teams load")
    compounds.add_argument("--out", required=True, type=_path, metavar="FILE", help="FILE.xlsx or FILE.csv")
    okey = sub.add_parser("office-key", parents=[office], help="office: write the key file gates encrypt to")
    okey.add_argument("--out", required=True, type=_path, metavar="FILE")
    okey.add_argument("--name", type=_text, metavar="NAME", help="the office's name, shown to gates and on reports")
    ukey = sub.add_parser("use-office-key", parents=[office],
                          help="encrypt bundles to this office key (at an office: the office above it)")
    ukey.add_argument("file", type=_path, metavar="FILE")
    poster = sub.add_parser("poster", parents=[common], help="print a gate's QR check-in poster")
    poster.add_argument("--gate", required=True, type=_text, metavar="NAME_OR_ID",
                        help="the gate's name (e.g. 东门) or id")
    poster.add_argument("--out", required=True, type=_path, metavar="FILE", help="FILE.pdf (for printing) or FILE.png (300 dpi)")
    poster.add_argument("--size", choices=("A4", "A3"), default="A4", help="paper size (default A4)")
    init = sub.add_parser("office-init", parents=[office],
                          help="office: create or upgrade the office database (on a server: --database URL)")
    init.add_argument("--name", type=_text, metavar="NAME", help="the office's name, shown to gates and on reports")
    for level, what in (("district", "district (区)"), ("subdistrict", "sub-district (街道)"),
                        ("community", "community (社区)")):
        init.add_argument(f"--{level}", type=_text, metavar="NAME",
                          help=f"the {what} this office speaks for when it forwards its gates' records upward")
    fwd = sub.add_parser("forward", parents=[office],
                         help="office: write its gates' records since the last forward for the office above")
    fwd.add_argument("--out", required=True, type=_path, metavar="PATH",
                     help="a folder (the bundle is named for you) or a file")
    backup = sub.add_parser("backup", parents=[common], help="a consistent, checked copy of the embedded database file")
    backup.add_argument("--out", required=True, type=_path, metavar="FILE")
    restore = sub.add_parser("restore", parents=[common],
                             help="replace the database with a checked backup (close GateDesk first)")
    restore.add_argument("file", type=_path, metavar="FILE")
    restore.add_argument("--other-station", action="store_true",
                         help="put a backup of another station (or an office's) here; you are told whose first")
    house = sub.add_parser("housekeeping", parents=[office],
                           help="erase personal data past its retention period, then today's backup (once a day)")
    house.add_argument("--json", action="store_true", help="one JSON object: what was erased, the backup")
    audit_cmd = sub.add_parser("audit", parents=[office], help="check the audit log's hash chain")
    audit_cmd.add_argument("action", choices=("verify",), help="verify: exit 1 and the first bad entry if broken")
    passes = sub.add_parser("passes", parents=[common], help="print residents' passes, ten to an A4 page")
    passes.add_argument("--operator", type=_text, metavar="NAME",
                        help="the administrator printing them (required; PIN from $GATEDESK_PIN or typed)")
    passes.add_argument("--building", type=_text, metavar="B", help="only this building (default: every valid pass)")
    passes.add_argument("--out", required=True, type=_path, metavar="FILE", help="FILE.pdf (or FILE.png: the first page)")
    return parser


def _say(message) -> str:
    from models.store.i18n import environment_language, plain_translator

    return message.render(plain_translator(environment_language()))


def _server(args, data_dir) -> str | None:
    """The office's database server for this command (--database, else GATEDESK_DATABASE, else
    the one the data folder remembers from the first-run window), or None: the embedded file."""
    from models.store import server

    url = server.from_environment(getattr(args, "database", None))
    if url:
        server.parse(url)  # NotAServer: said as a usage error
        return url
    address = server.saved_address(data_dir)
    return address.url() if address else None


def _open(data_dir, *, must_exist: bool, args=None):
    """The data folder's embedded database, or the server's an office command was given. A server's
    database is made by office-init, never by a command that meant to use it."""
    from models.store import paths
    from models.store.db import open_database
    from models.trust.recovery import complete_pending

    url = _server(args, data_dir) if args is not None else None
    if url:
        from models.app.server_office import anchor_here

        db = open_database(url, create=False)
        anchor_here(db, data_dir)
        return db
    path = paths.database_path(data_dir)
    if path.exists():
        complete_pending(data_dir)  # a restore interrupted after its swap is recorded now
    if must_exist and not path.exists():
        from models.store.i18n import QT_TRANSLATE_NOOP, Message

        raise SystemExit(_fail(Message("Cli", QT_TRANSLATE_NOOP("Cli", "No GateDesk database in {dir}."),
                                       {"dir": str(data_dir)})))
    return open_database(path)


def _signed_in(args, db, role):
    """A Desk and the block in which the named operator's PIN holds for this command, or the exit
    status after saying why: no operator or PIN given (2), an unknown name (2), a wrong PIN or too
    weak a role (1)."""
    import os

    from models.app.desk import Desk
    from models.store.i18n import QT_TRANSLATE_NOOP
    from models.trust.operators import Locked, NotAllowed, WrongPin

    pin = os.environ.get("GATEDESK_PIN")
    if args.operator and pin is None and sys.stdin.isatty():
        import getpass

        pin = getpass.getpass(_say(_msg(QT_TRANSLATE_NOOP("Cli", "PIN of {name}: "), name=args.operator)))
    if not args.operator or not pin:
        return _usage(_msg(QT_TRANSLATE_NOOP(
            "Cli", "This command reveals personal data or makes passes: give --operator NAME (an administrator) "
            "and the PIN in GATEDESK_PIN, or type it when asked.")))
    desk = Desk(db)
    op = next((o for o in desk.staff.operators() if o.name == args.operator), None)
    if op is None:
        return _usage(_msg(QT_TRANSLATE_NOOP("Cli", "No operator called {name}."), name=args.operator))
    try:
        grant = desk.grant(op.id, pin, role)
    except (Locked, WrongPin, NotAllowed) as exc:
        return _fail(exc.message)
    return desk, desk.authority_of(grant)


def _fail(message) -> int:
    print(f"gatedesk: {_say(message)}", file=sys.stderr)
    return EXIT_FAIL


def cmd_demo(args, data_dir) -> int:
    from models.app.demo import AlreadySetUp, create_demo
    from models.store.i18n import QT_TRANSLATE_NOOP, Message

    if args.team or args.compounds:
        return cmd_team_demo(args, data_dir)
    db = _open(data_dir, must_exist=False)
    try:
        def progress(done: int, total: int) -> None:
            if total >= 100_000 and sys.stderr.isatty():
                print(f"\r{done:,}/{total:,}", end="", file=sys.stderr, flush=True)

        result = create_demo(db, days=args.days, visits_per_day=args.visits_per_day, seed=args.seed,
                             parcels_per_day=args.parcels_per_day, progress=progress,
                             compound=args.compound, gate=args.gate)
    except AlreadySetUp:
        return _fail(Message("Cli", QT_TRANSLATE_NOOP(
            "Cli", "{dir} already holds a set-up station; choose an empty folder for the demo."),
            {"dir": str(data_dir)}))
    finally:
        db.close()
    print(_say(Message("Cli", QT_TRANSLATE_NOOP("Cli", "Demo station created in {dir}: {compound}, {gate}, {n} registrations."),
                       {"dir": str(data_dir), "compound": result.ctx.compound_name, "gate": result.ctx.gate_name,
                        "n": result.visits})))
    print(_say(Message("Cli", QT_TRANSLATE_NOOP("Cli", "Operators and their PINs:"))))
    for name, (role, pin) in result.operators.items():
        print(f"  {name}  {role}  PIN {pin}")
    return EXIT_OK


def cmd_team_demo(args, data_dir) -> int:
    from pathlib import Path

    from models import supervision
    from models.app.demo import AlreadySetUp
    from models.app.team_demo import create_team_demo
    from models.formats.sheets import SheetProblem, WrongSheet
    from models.store.i18n import QT_TRANSLATE_NOOP, Message

    listed = None
    if args.compounds:
        try:
            listed = supervision.read_compound_list(Path(args.compounds).expanduser())
        except (SheetProblem, WrongSheet) as exc:
            return _fail(exc.message)
        except OSError as exc:
            return _fail(Message("Cli", QT_TRANSLATE_NOOP("Cli", "{path}: {why}"),
                                 {"path": args.compounds, "why": exc.strerror or str(exc)}))
        for problem in listed.left_out:
            print(f"gatedesk: {_say(problem)}", file=sys.stderr)
        if not listed.compounds:
            return _fail(Message("Cli", QT_TRANSLATE_NOOP("Cli", "{path} lists no compound to visit."),
                                 {"path": args.compounds}))
    db = _open(data_dir, must_exist=False)
    try:
        result = create_team_demo(db, days=args.days, seed=args.seed, listed=listed)
    except AlreadySetUp:
        return _fail(Message("Cli", QT_TRANSLATE_NOOP(
            "Cli", "{dir} already holds a set-up station; choose an empty folder for the demo."),
            {"dir": str(data_dir)}))
    finally:
        db.close()
    print(_say(Message("Cli", QT_TRANSLATE_NOOP(
        "Cli", "Demo supervision team created in {dir}: {team}, {n} visits, {findings} findings ({open} open)."),
        {"dir": str(data_dir), "team": result.ctx.compound_name, "n": result.visits, "findings": result.findings,
         "open": result.findings_open})))
    print(_say(Message("Cli", QT_TRANSLATE_NOOP("Cli", "Operators and their PINs:"))))
    for name, (role, pin) in result.operators.items():
        print(f"  {name}  {role}  PIN {pin}")
    return EXIT_OK


def cmd_stats(args, data_dir) -> int:
    from models.app.stats import record_counts

    db = _open(data_dir, must_exist=True, args=args)
    try:
        with db.reading() as session:  # never waits for an import running in another process
            counts = record_counts(session)
    finally:
        db.close()
    if args.json:
        print(json.dumps(counts, ensure_ascii=False, sort_keys=True))
    else:
        lines = [(f"{key}.{part}", m) for key, n in counts.items()
                 for part, m in (n.items() if isinstance(n, dict) else [("", n)])]
        lines = [(key.rstrip("."), n) for key, n in lines]
        width = max(len(key) for key, _ in lines)
        for key, n in lines:
            print(f"{key:<{width}}  {n:>10,}")
    return EXIT_OK


def _usage(message) -> int:
    print(f"gatedesk: {_say(message)}", file=sys.stderr)
    return EXIT_USAGE


def _msg(source: str, /, **params):
    """Positional-only: a message may itself have a {text} (or {source}) to fill."""
    from models.store.i18n import Message

    return Message("Cli", source, params)


def cmd_export(args, data_dir) -> int:
    from contextlib import nullcontext
    from pathlib import Path

    from models.app.desk import Desk
    from models.store.i18n import QT_TRANSLATE_NOOP, environment_language
    from models.sync import NotAStation, day_range_problem
    from models.trust.operators import Role

    if day_range_problem(args.day_from, args.day_to) is not None:
        return _usage(_msg(QT_TRANSLATE_NOOP("Cli", "Give both --from and --to, the first day not after the last.")))
    db = _open(data_dir, must_exist=True)
    out = Path(args.out).expanduser()
    try:
        # Without an operator this is the station's scheduled export: masked, audited as the command line's.
        signed = _signed_in(args, db, Role.ADMIN if args.full_data else Role.SUPERVISOR) \
            if args.full_data or args.operator else (Desk(db), nullcontext())
        if isinstance(signed, int):
            return signed
        desk, held = signed
        with held:
            result = desk.sync.export_bundle(out, day_from=args.day_from, day_to=args.day_to,
                                             full_data=args.full_data, scheduled=not args.operator,
                                             language=environment_language())
    except NotAStation:
        return _fail(_msg(QT_TRANSLATE_NOOP("Cli", "{dir} is not a set-up gate station; nothing to export."),
                          dir=str(data_dir)))
    except OSError as exc:  # the data folder is read through SQLite: an OSError is the output's
        return _cannot_write(out, exc)
    finally:
        db.close()
    print(result.path)
    print(_say(_msg(QT_TRANSLATE_NOOP("Cli", "Bundle {seq}: {n} records{encrypted}."), seq=result.seq,
                    n=result.records, encrypted=_say(_msg(QT_TRANSLATE_NOOP("Cli", ", encrypted for the office")))
                    if result.encrypted else "")), file=sys.stderr)
    for sheet in result.sheets:
        print(sheet, file=sys.stderr)
    return EXIT_OK


def cmd_import(args, data_dir) -> int:
    from pathlib import Path

    from models.app.desk import Desk
    from models.store import paths as mpaths
    from models.store.i18n import QT_TRANSLATE_NOOP
    from models.sync import NotAnOffice, bundle_files, ensure_office, normalise_fingerprint

    fingerprints = set()
    for text in args.enroll:
        fingerprint = normalise_fingerprint(text)
        if fingerprint is None:
            return _usage(_msg(QT_TRANSLATE_NOOP(
                "Cli", "Not a key fingerprint: {text} (16 letters and digits, as 'da48-52c4-7e96-12c6')."), text=text))
        fingerprints.add(fingerprint)
    files = bundle_files(Path(p).expanduser() for p in args.paths)
    missing = [p for p in args.paths if not Path(p).expanduser().exists()]
    if missing:
        return _usage(_msg(QT_TRANSLATE_NOOP("Cli", "No such file or folder: {path}"), path=missing[0]))
    if not files:
        return _usage(_msg(QT_TRANSLATE_NOOP("Cli", "No bundles (*.gdbundle) found in {path}."),
                           path=", ".join(args.paths)))
    new = not _server(args, data_dir) and not mpaths.database_path(data_dir).exists()
    db = _open(data_dir, must_exist=False, args=args)
    try:
        try:
            ensure_office(db)
        except NotAnOffice:
            return _fail(_msg(QT_TRANSLATE_NOOP(
                "Cli", "{dir} is a gate station's database; import bundles into an office data folder."),
                dir=str(data_dir)))
        if new:
            print(_say(_msg(QT_TRANSLATE_NOOP("Cli", "Created an office database in {dir}."), dir=str(data_dir))),
                  file=sys.stderr)
        importer = Desk(db).sync.importer(trust_new_key=args.trust_new_key, enroll=fingerprints, scheduled=True)
        summaries = importer.run_each(files, dry_run=args.dry_run)
    finally:
        db.close()
    for fingerprint in sorted(fingerprints - importer.enrolled_now):
        print(_say(_msg(QT_TRANSLATE_NOOP("Cli", "No new station's bundle here is signed with key {key}; nothing "
                                          "was enrolled with it."), key=fingerprint)), file=sys.stderr)
    for s in summaries:
        if args.json:
            obj = s.as_json()
            obj["message"] = _say(s.problem.message) if s.problem else None
            obj["dry_run"] = args.dry_run
            print(json.dumps(obj, ensure_ascii=False, sort_keys=True))
        else:
            print(_describe(s, args.dry_run))
    return EXIT_FAIL if any(s.status not in ("accepted", "skipped") for s in summaries) else EXIT_OK


def _describe(s, dry_run: bool) -> str:
    from models.store.i18n import QT_TRANSLATE_NOOP

    if s.status == "held" and s.held_office:
        return _say(_msg(QT_TRANSLATE_NOOP(
            "Cli", "HELD  {file}: the office {compound} is not enrolled; key fingerprint {key}. Check it with that "
            "office (its forward dialog shows it), then import again with --enroll {key}."),
            file=s.path.name, compound=s.compound, key=s.fingerprint))
    if s.status == "held":
        return _say(_msg(QT_TRANSLATE_NOOP(
            "Cli", "HELD  {file}: {compound} {gate} is not enrolled; key fingerprint {key}. Compare it with the "
            "gate's set-up sheet, then import again with --enroll {key}."),
            file=s.path.name, compound=s.compound, gate=s.gate, key=s.fingerprint))
    if s.status == "skipped":
        return _say(_msg(QT_TRANSLATE_NOOP("Cli", "SKIPPED  {file}: {reason}"), file=s.path.name,
                         reason=_say(s.problem.message)))
    if s.status == "not_imported":
        return _say(_msg(QT_TRANSLATE_NOOP("Cli", "NOT IMPORTED  {file}: {reason}"), file=s.path.name,
                         reason=_say(s.problem.message)))
    if s.status == "rejected":
        record = f" [{s.problem.record_id}]" if s.problem.record_id else ""
        return _say(_msg(QT_TRANSLATE_NOOP("Cli", "REJECTED  {file}: {reason} ({code}){record}"), file=s.path.name,
                         reason=_say(s.problem.message), code=s.problem.code, record=record))
    head = QT_TRANSLATE_NOOP("Cli", "WOULD IMPORT") if dry_run else QT_TRANSLATE_NOOP("Cli", "IMPORTED")
    text = _say(_msg(QT_TRANSLATE_NOOP(
        "Cli", "{head}  {file}: {compound} {gate} #{seq}: {created} new, {updated} updated, "
        "{unchanged} unchanged, {conflicts} in conflict"),
        head=_say(_msg(head)), file=s.path.name, compound=s.compound, gate=s.gate, seq=s.seq,
        created=s.total("created"), updated=s.total("updated"), unchanged=s.total("unchanged"),
        conflicts=len(s.conflicts)))
    if s.audit_alarm:
        text += "\n  " + _say(_msg(QT_TRANSLATE_NOOP(
            "Cli", "warning: this gate's audit log was cut short or rewritten since an earlier bundle ({alarm})"),
            alarm=s.audit_alarm))
    for r in s.relayed:
        if r["new_gate_fingerprint"]:
            text += "\n  " + _say(_msg(QT_TRANSLATE_NOOP(
                "Cli", "relayed: {gate} #{seq}, a gate new here, enrolled with key {key} (compare it with the gate's "
                "set-up sheet)"), gate=r["gate"], seq=r["sequence"], key=r["new_gate_fingerprint"]))
    for rtype, rid in s.conflicts:
        text += "\n  " + _say(_msg(QT_TRANSLATE_NOOP("Cli", "conflict: {type} {id}"), type=rtype, id=rid))
    return text


def cmd_report(args, data_dir) -> int:
    from pathlib import Path

    from models.app.desk import Desk
    from models.store.i18n import QT_TRANSLATE_NOOP, environment_language

    out = Path(args.out).expanduser()
    if out.suffix.lower() not in (".xlsx", ".pdf"):
        return _usage(_msg(QT_TRANSLATE_NOOP("Cli", "The report file must end in .xlsx or .pdf: {path}"),
                           path=args.out))
    db = _open(data_dir, must_exist=True, args=args)
    try:
        Desk(db).office.write_report(args.day, out, scheduled=True, language=environment_language())
    except OSError as exc:
        return _cannot_write(out, exc)
    finally:
        db.close()
    print(out)
    return EXIT_OK


def cmd_notice(args, data_dir) -> int:
    from pathlib import Path

    from models.app.desk import Desk
    from models.store.i18n import QT_TRANSLATE_NOOP, environment_language

    out = Path(args.out).expanduser()
    if out.suffix.lower() not in (".xlsx", ".pdf"):
        return _usage(_msg(QT_TRANSLATE_NOOP("Cli", "The notice file must end in .pdf or .xlsx: {path}"),
                           path=args.out))
    if args.day_to < args.day_from:
        return _usage(_msg(QT_TRANSLATE_NOOP("Cli", "--to ({to}) is before --from ({since})."),
                           to=args.day_to.isoformat(), since=args.day_from.isoformat()))
    db = _open(data_dir, must_exist=True, args=args)
    try:
        Desk(db).office.write_notice(args.day_from, args.day_to, out, scheduled=True, language=environment_language())
    except OSError as exc:
        return _cannot_write(out, exc)
    finally:
        db.close()
    print(out)
    return EXIT_OK


def cmd_duty_sheet(args, data_dir) -> int:
    from pathlib import Path

    from models.app.desk import Desk
    from models.store.i18n import QT_TRANSLATE_NOOP, Refused

    out = Path(args.out).expanduser()
    if out.suffix.lower() not in (".xlsx", ".csv"):
        return _usage(_msg(QT_TRANSLATE_NOOP("Cli", "The sheet must end in .xlsx or .csv: {path}"), path=args.out))
    db = _open(data_dir, must_exist=True, args=args)
    try:
        Desk(db).staffing.write_week_sheet(args.unit, args.day_from, out, scheduled=True)
    except Refused as exc:
        return _fail(exc.message)
    except OSError as exc:
        return _cannot_write(out, exc)
    finally:
        db.close()
    print(out)
    return EXIT_OK


def cmd_compounds(args, data_dir) -> int:
    from pathlib import Path

    from models.app.desk import Desk
    from models.store.i18n import QT_TRANSLATE_NOOP

    out = Path(args.out).expanduser()
    if out.suffix.lower() not in (".xlsx", ".csv"):
        return _usage(_msg(QT_TRANSLATE_NOOP("Cli", "The list must end in .xlsx or .csv: {path}"), path=args.out))
    db = _open(data_dir, must_exist=True, args=args)
    try:
        n = Desk(db).supervision.write_compound_list(out, scheduled=True)
    except OSError as exc:
        return _cannot_write(out, exc)
    finally:
        db.close()
    print(out)
    print(_say(_msg(QT_TRANSLATE_NOOP("Cli", "{n} compounds."), n=n)), file=sys.stderr)
    return EXIT_OK


def cmd_office_key(args, data_dir) -> int:
    from pathlib import Path

    from models.app.desk import Desk
    from models.store import files
    from models.store.i18n import QT_TRANSLATE_NOOP
    from models.sync import NotAnOffice, ensure_office

    db = _open(data_dir, must_exist=False, args=args)
    try:
        try:
            ensure_office(db)
        except NotAnOffice:
            return _fail(_msg(QT_TRANSLATE_NOOP("Cli", "{dir} is a gate station's database, not an office's."),
                              dir=str(data_dir)))
        key = Desk(db).sync.office_key_file(name=args.name or "", scheduled=True)
    finally:
        db.close()
    try:
        files.write_text(Path(args.out).expanduser(), key.dumps())
    except OSError as exc:
        return _cannot_write(Path(args.out).expanduser(), exc)
    print(args.out)
    print(_say(_msg(QT_TRANSLATE_NOOP("Cli", "Key fingerprint: {key}"), key=key.key_id)), file=sys.stderr)
    return EXIT_OK


def cmd_office_init(args, data_dir) -> int:
    """Create or upgrade an office database (a server's, or the data folder's file) and mark it an
    office's. Says which it did; running it again changes nothing."""
    from models.store import paths as mpaths
    from models.store import server
    from models.store.db import SCHEMA_VERSION, open_database, stored_version
    from models.store.i18n import QT_TRANSLATE_NOOP
    from models.store.clock import utcnow
    from models.sync import NotAnOffice, OfficeUnit, ensure_office, name_office

    url = _server(args, data_dir)
    where = server.shown(url) if url else str(data_dir)
    before = stored_version(url or mpaths.database_path(data_dir))
    db = open_database(url) if url else _open(data_dir, must_exist=False)
    if url:
        from models.app.server_office import anchor_here

        anchor_here(db, data_dir)
    try:
        try:
            ensure_office(db)
        except NotAnOffice:
            return _fail(_msg(QT_TRANSLATE_NOOP("Cli", "{dir} is a gate station's database, not an office's."),
                              dir=where))
        named = OfficeUnit(args.district or "", args.subdistrict or "", args.community or "") \
            if args.district or args.subdistrict or args.community else None
        with db.session() as s:
            name_office(s, now=utcnow(), name=args.name or "", unit=named)
            s.commit()
    finally:
        db.close()
    if before is None:
        text = QT_TRANSLATE_NOOP("Cli", "Created the office database at {where} (schema {version}).")
    elif before < SCHEMA_VERSION:
        text = QT_TRANSLATE_NOOP("Cli", "Upgraded the office database at {where} from schema {before} to {version}.")
    else:
        text = QT_TRANSLATE_NOOP("Cli", "The office database at {where} is ready (schema {version}); nothing to do.")
    print(_say(_msg(text, where=where, before=before, version=SCHEMA_VERSION)))
    return EXIT_OK


def cmd_forward(args, data_dir) -> int:
    """The office's own bundle for the office above: its gates' bundles since the last forward, as signed."""
    from pathlib import Path

    from models.app.desk import Desk
    from models.store.i18n import QT_TRANSLATE_NOOP
    from models.sync import NoUnit, NotAnOffice

    db = _open(data_dir, must_exist=True, args=args)
    out = Path(args.out).expanduser()
    try:
        result = Desk(db).sync.forward_bundle(out, scheduled=True)
    except NotAnOffice:
        return _fail(_msg(QT_TRANSLATE_NOOP("Cli", "{dir} is a gate station's database, not an office's: a gate "
                                            "writes its bundle with export."), dir=str(data_dir)))
    except NoUnit:
        return _fail(_msg(QT_TRANSLATE_NOOP(
            "Cli", "This office names no district, sub-district or community to speak for. Name it first, e.g. "
            "office-init --district 鼓楼区 --subdistrict 温泉街道 --community 温泉社区.")))
    except OSError as exc:
        return _cannot_write(out, exc)
    finally:
        db.close()
    print(result.path)
    print(_say(_msg(QT_TRANSLATE_NOOP("Cli", "Office bundle {seq}: {n} records{encrypted}."), seq=result.seq,
                    n=result.records, encrypted=_say(_msg(QT_TRANSLATE_NOOP("Cli", ", encrypted for {office}"),
                                                          office=result.encrypted_for))
                    if result.encrypted else "")), file=sys.stderr)
    if result.remaining:
        print(_say(_msg(QT_TRANSLATE_NOOP("Cli", "{n} more gates' bundles wait for the next office bundle: run "
                                          "forward again."), n=result.remaining)), file=sys.stderr)
    return EXIT_OK


def _on_a_server(command: str, data_dir) -> int | None:
    """backup and restore copy the embedded file; a server's database is the server's to back up."""
    from models.store import server
    from models.store.i18n import QT_TRANSLATE_NOOP

    url = _server(None, data_dir)
    if not url:
        return None
    return _fail(_msg(QT_TRANSLATE_NOOP(
        "Cli", "{command} is for the embedded database file, but this office's database is on the server {server}: "
        "back it up with the server's own pg_dump, as the README says."),
        command=command, server=server.shown(url)))


def cmd_use_office_key(args, data_dir) -> int:
    from pathlib import Path

    from models.app.desk import Desk
    from models.store.i18n import QT_TRANSLATE_NOOP
    from models.sync import BadKeyFile

    try:
        text = Path(args.file).expanduser().read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError):
        return _fail(_msg(QT_TRANSLATE_NOOP("Cli", "{path} is not an office key file."), path=args.file))
    from models.sync import is_office

    db = _open(data_dir, must_exist=True, args=args)
    try:
        at_office = is_office(db)
        key = Desk(db).sync.load_office_key(text, scheduled=True)
    except BadKeyFile:
        return _fail(_msg(QT_TRANSLATE_NOOP("Cli", "{path} is not an office key file, or it is this office's own "
                                            "key."), path=args.file))
    finally:
        db.close()
    said = QT_TRANSLATE_NOOP("Cli", "This office's forwarded bundles will be encrypted for {office} (key {key}).") \
        if at_office else QT_TRANSLATE_NOOP("Cli", "Bundles will be encrypted for {office} (key {key}).")
    print(_say(_msg(said, office=key.office, key=key.key_id)))
    return EXIT_OK


def _cannot_write(out, exc: OSError) -> int:
    from models.store.i18n import QT_TRANSLATE_NOOP

    return _fail(_msg(QT_TRANSLATE_NOOP("Cli", "Cannot write {path}: {error}. Nothing else was changed."),
                      path=str(out), error=exc.strerror or str(exc)))


def _writable(out, suffixes: tuple[str, ...]) -> int | None:
    """None when out can be written; else the exit status, after saying why."""
    from models.store.i18n import QT_TRANSLATE_NOOP

    if out.suffix.lower() not in suffixes:
        return _usage(_msg(QT_TRANSLATE_NOOP("Cli", "The file must end in {suffixes}: {path}"),
                           suffixes=" / ".join(suffixes), path=str(out)))
    if not out.parent.is_dir():
        return _fail(_msg(QT_TRANSLATE_NOOP("Cli", "Cannot write {path}: the folder {dir} does not exist."),
                          path=str(out), dir=str(out.parent)))
    return None


def cmd_poster(args, data_dir) -> int:
    from pathlib import Path

    from models.gate import poster_layout
    from models.store import paths
    from models.store.backups import DatabaseProblem
    from models.store.clock import utcnow
    from models.store.i18n import QT_TRANSLATE_NOOP, environment_language

    out = Path(args.out).expanduser()
    problem = _writable(out, (".pdf", ".png"))
    if problem is not None:
        return problem
    path = paths.database_path(data_dir)
    if not path.exists() or (data_dir / paths.PENDING_RESTORE).exists():
        _open(data_dir, must_exist=True).close()  # says why there is nothing, or finishes the restore
    # The few rows a poster needs, read without the database layer: the command takes half the
    # time. Anything unusual about the file (a crash left its journal, say) takes the usual path.
    try:
        spec = poster_layout.spec_from_file(path, args.gate, now=utcnow(), size=args.size,
                                            language=environment_language())
    except poster_layout.NoSuchGate as missing:
        return _fail(_msg(QT_TRANSLATE_NOOP("Cli", "No gate called {gate}. Gates here: {names}"),
                          gate=args.gate, names=", ".join(missing.names) or "-"))
    except DatabaseProblem:
        raise
    except Exception:  # noqa: BLE001 - read through the database layer instead
        spec = _poster_spec_through_db(args, data_dir)
        if isinstance(spec, int):
            return spec
    try:
        poster_layout.write_poster(spec, out, font_cache=paths.font_cache_dir(data_dir))
    except OSError as exc:
        return _fail(_msg(QT_TRANSLATE_NOOP("Cli", "Cannot write {path}: {error}"), path=str(out),
                          error=exc.strerror or str(exc)))
    print(out)
    return EXIT_OK


def _poster_spec_through_db(args, data_dir):
    from models.app.desk import Desk
    from models.store.i18n import QT_TRANSLATE_NOOP, environment_language

    db = _open(data_dir, must_exist=True)
    try:
        desk = Desk(db)
        gate = desk.posters.find_gate(args.gate)
        if gate is None:
            names = ", ".join(f"{c.name} {g.name}" for c, g in desk.posters.poster_gates()) or "-"
            return _fail(_msg(QT_TRANSLATE_NOOP("Cli", "No gate called {gate}. Gates here: {names}"),
                              gate=args.gate, names=names))
        return desk.posters.poster_spec(gate.id, size=args.size, language=environment_language())
    finally:
        db.close()


def cmd_passes(args, data_dir) -> int:
    from pathlib import Path

    from models import residents
    from models.store.i18n import QT_TRANSLATE_NOOP, environment_language
    from models.trust.operators import Role

    out = Path(args.out).expanduser()
    problem = _writable(out, (".pdf", ".png"))
    if problem is not None:
        return problem
    db = _open(data_dir, must_exist=True)
    try:
        signed = _signed_in(args, db, Role.ADMIN)  # whoever holds a pass walks in: printing them is minting them
        if isinstance(signed, int):
            return signed
        desk, held = signed
        with held:
            cards = desk.residents.pass_cards(building=args.building) if desk.ctx else []
        if not cards:
            return _fail(_msg(QT_TRANSLATE_NOOP("Cli", "No valid passes{building}. Import the residents and issue "
                                                "passes first."),
                              building=f" ({args.building})" if args.building else ""))
        residents.write_pass_sheet(cards, out, compound=desk.ctx.compound_name, language=environment_language())
    except OSError as exc:
        return _cannot_write(out, exc)
    finally:
        db.close()
    print(out)
    print(_say(_msg(QT_TRANSLATE_NOOP("Cli", "{n} passes on {pages} pages."), n=len(cards),
                    pages=residents.sheet_count(len(cards)))), file=sys.stderr)
    return EXIT_OK


def cmd_housekeeping(args, data_dir) -> int:
    """What a station does each day while its window is open, for one that runs headless (an office
    on the command line, a scheduled task): retention first, then the daily backup."""
    from models.app.desk import Desk
    from models.store.i18n import QT_TRANSLATE_NOOP

    db = _open(data_dir, must_exist=True, args=args)
    try:
        desk = Desk(db)
        done = desk.records.housekeeping()
        days = desk.settings.retention_days
    finally:
        db.close()
    if args.json:
        print(json.dumps({"erased": None if done.erased is None else done.erased.counts,
                          "erasure_complete": None if done.erased is None else done.erased.complete,
                          "erasure_failed": done.erasure_failed, "retention_days": days,
                          "backup": str(done.backup) if done.backup else None,
                          "backup_problem": done.backup_problem, "duty_closed": done.duty_closed},
                         ensure_ascii=False, sort_keys=True))
    else:
        if done.erasure_failed:
            pass  # said below, as the command's failure
        elif done.erased is None:
            print(_say(_msg(QT_TRANSLATE_NOOP("Cli", "Retention: already done today."))))
        elif done.erased.total:
            print(_say(_msg(QT_TRANSLATE_NOOP("Cli", "Retention: personal data erased from {n} records older than "
                                                     "{days} days."), n=f"{done.erased.total:,}", days=days)))
        else:
            print(_say(_msg(QT_TRANSLATE_NOOP("Cli", "Retention: nothing is older than {days} days."), days=days)))
        if done.duty_closed:
            print(_say(_msg(QT_TRANSLATE_NOOP("Cli", "Check-ins left open past their shift: {n} closed, to be "
                                                     "reviewed."), n=done.duty_closed)))
        if done.backup:
            print(_say(_msg(QT_TRANSLATE_NOOP("Cli", "Today's backup: {path}"), path=str(done.backup))))
        elif not done.backup_problem:
            print(_say(_msg(QT_TRANSLATE_NOOP("Cli", "Today's backup: already made (or the server keeps it)."))))
    if done.erasure_failed:
        return _fail(_msg(QT_TRANSLATE_NOOP("Cli", "Erasing personal data past its retention period failed; a crash "
                                                   "report is in the data folder's logs. It is tried again next time.")))
    if done.backup_problem:
        return _fail(_msg(QT_TRANSLATE_NOOP("Cli", "Today's backup could not be written: {why}"),
                          why=done.backup_problem))
    return EXIT_OK


def cmd_backup(args, data_dir) -> int:
    from pathlib import Path

    from models.store import paths as mpaths
    from models.store.backups import backup_to
    from models.store.i18n import QT_TRANSLATE_NOOP

    refused = _on_a_server("backup", data_dir)
    if refused is not None:
        return refused
    source = mpaths.database_path(data_dir)
    if not source.exists():
        return _fail(_msg(QT_TRANSLATE_NOOP("Cli", "No GateDesk database in {dir}."), dir=str(data_dir)))
    out = Path(args.out).expanduser()
    if not out.parent.is_dir():
        return _fail(_msg(QT_TRANSLATE_NOOP("Cli", "Cannot write {path}: the folder {dir} does not exist."),
                          path=str(out), dir=str(out.parent)))
    try:
        backup_to(source, out)
    except OSError as exc:
        return _cannot_write(out, exc)
    print(out)
    return EXIT_OK


def cmd_restore(args, data_dir) -> int:
    from pathlib import Path

    from models.store.backups import identity, verify_copy
    from models.store.i18n import QT_TRANSLATE_NOOP
    from models.store.instance import AlreadyRunning, InstanceLock
    from models.trust.recovery import ForeignBackup, restore

    refused = _on_a_server("restore", data_dir)
    if refused is not None:
        return refused
    backup = Path(args.file).expanduser()
    if not backup.is_file():
        return _usage(_msg(QT_TRANSLATE_NOOP("Cli", "No such file or folder: {path}"), path=str(backup)))
    verify_copy(backup)  # before anything is touched
    try:
        with InstanceLock(data_dir):
            kept = restore(backup, data_dir, other_station=args.other_station)
    except AlreadyRunning:
        return _fail(_msg(QT_TRANSLATE_NOOP("Cli", "GateDesk is open on {dir}. Close it, then restore."),
                          dir=str(data_dir)))
    except ForeignBackup as exc:
        return _fail(exc.message)
    if args.other_station:
        theirs = identity(backup)
        print(_say(_msg(QT_TRANSLATE_NOOP("Cli", "Warning: {dir} now holds the database of {station}."),
                        dir=str(data_dir), station=theirs.label if theirs else "?")), file=sys.stderr)
    print(_say(_msg(QT_TRANSLATE_NOOP("Cli", "Restored from {file}. The database it replaced was kept as {kept}."),
                    file=str(backup), kept=str(kept))))
    return EXIT_OK


def cmd_audit(args, data_dir) -> int:
    from models.store.i18n import QT_TRANSLATE_NOOP
    from models.trust import audit

    db = _open(data_dir, must_exist=True, args=args)
    try:
        with db.engine.connect() as conn:  # a read: GateDesk may be saving meanwhile
            verdict = audit.verify(conn, anchor=audit.load_anchor(db.anchor, beside=False), anchored_at=db.anchor)
    finally:
        db.close()
    if verdict.first_bad is None:
        print(_say(_msg(QT_TRANSLATE_NOOP("Cli", "The audit log is intact: {n} entries."), n=verdict.entries)))
        return EXIT_OK
    if verdict.why == "cut":
        return _fail(_msg(QT_TRANSLATE_NOOP("Cli", "The audit log was cut short: it ends before entry {seq}, which it "
                                            "had reached when it was last anchored. Entries before it are intact."),
                          seq=verdict.first_bad))
    if verdict.why == "replaced":
        return _fail(_msg(QT_TRANSLATE_NOOP("Cli", "The audit log was rewritten: entry {seq} is not the entry it was "
                                            "when the log was last anchored."), seq=verdict.first_bad))
    if verdict.why == "no_anchor":
        return _fail(_msg(QT_TRANSLATE_NOOP("Cli", "The audit log's anchor is missing ({file}): entries cut off the end "
                                            "of the log could not be found. The {n} entries are chained intact."),
                          file=str(db.anchor), n=verdict.entries))
    if verdict.why == "restarted":
        return _fail(_msg(QT_TRANSLATE_NOOP("Cli", "The audit log's anchor went missing and was begun again after entry "
                                            "{seq}: entries cut off the end before then could not be found. The {n} "
                                            "entries are chained intact."), seq=verdict.first_bad - 1,
                          n=verdict.entries))
    if verdict.why == "missing":
        return _fail(_msg(QT_TRANSLATE_NOOP("Cli", "The audit log was altered: entry {seq} is missing. Entries "
                                            "before it are intact."), seq=verdict.first_bad))
    return _fail(_msg(QT_TRANSLATE_NOOP("Cli", "The audit log was altered: entry {seq} was changed. Entries "
                                        "before it are intact."), seq=verdict.first_bad))


COMMANDS = {"audit": cmd_audit, "backup": cmd_backup, "restore": cmd_restore, "export": cmd_export, "import": cmd_import, "report": cmd_report,
            "notice": cmd_notice, "duty-sheet": cmd_duty_sheet, "compounds": cmd_compounds, "office-key": cmd_office_key, "office-init": cmd_office_init, "forward": cmd_forward, "use-office-key": cmd_use_office_key,
            "poster": cmd_poster, "passes": cmd_passes, "housekeeping": cmd_housekeeping}


def main(argv: list[str] | None = None) -> int:
    import os

    # Whatever GateDesk creates (databases, backups, logs, exports) is its user's alone.
    os.umask(0o077)
    for stream in (sys.stdout, sys.stderr):  # a file name that is not UTF-8 is shown, not a crash
        if hasattr(stream, "reconfigure"):
            stream.reconfigure(errors="backslashreplace")
    args = build_parser().parse_args(argv)
    from models.store import files, paths
    from models.store.backups import DatabaseProblem
    from models.store.server import NotAServer

    data_dir = paths.resolve_data_dir(args.data_dir)
    try:
        files.keep_journal(data_dir)
        files.remove_leftovers(data_dir)  # a backup or export killed mid-write leaves nothing behind
        if args.command == "demo":
            return cmd_demo(args, data_dir)
        if args.command == "stats":
            return cmd_stats(args, data_dir)
        if args.command in COMMANDS:
            return COMMANDS[args.command](args, data_dir)
    except DatabaseProblem as exc:
        return _fail(exc.message)
    except NotAServer as exc:
        return _usage(exc.message)
    except OSError as exc:
        from models.store.i18n import QT_TRANSLATE_NOOP, Message

        return _fail(Message("Cli", QT_TRANSLATE_NOOP("Cli", "Cannot use {dir}: {error}"),
                             {"dir": str(data_dir), "error": exc.strerror or str(exc)}))
    except UnicodeError:
        from models.store.i18n import QT_TRANSLATE_NOOP

        return _usage(_msg(QT_TRANSLATE_NOOP("Cli", "A file or folder name here is not valid text (UTF-8): {dir}"),
                           dir=str(data_dir)))
    from gui.app import run

    return run(data_dir)


if __name__ == "__main__":
    sys.exit(main())
