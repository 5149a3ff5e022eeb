"""GateDesk 门岗登记台 — start the app, or run a command.

    python main.py [--data-dir DIR]                 open the gate desk
    python main.py demo  [--data-dir DIR] [--days N] [--visits-per-day M] [--parcels-per-day P] [--seed S]
    python main.py stats [--data-dir DIR] [--json]

Only the standard library is imported here, so a command starts quickly and `--help` works
before anything else is set up.
"""
from __future__ import annotations

import argparse
import json
import sys

EXIT_OK, EXIT_FAIL, EXIT_USAGE = 0, 1, 2


def _positive(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a whole number: {text!r}") from None
    if value < 1:
        raise argparse.ArgumentTypeError(f"must be 1 or more, got {value}")
    return value


def build_parser() -> argparse.ArgumentParser:
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument("--data-dir", metavar="DIR",
                        help="data folder (default: $GATEDESK_DATA_DIR, else the user data folder)")
    parser = argparse.ArgumentParser(prog="gatedesk", parents=[common],
                                     description="GateDesk 门岗登记台: offline gate registration. "
                                                 "With no command, opens the gate desk.")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    demo = sub.add_parser("demo", parents=[common], help="create a demo compound, operators and records")
    demo.add_argument("--days", type=_positive, default=7, metavar="N", help="days of records (default 7)")
    demo.add_argument("--visits-per-day", type=_positive, default=200, metavar="M",
                      help="registrations per day (default 200)")
    demo.add_argument("--parcels-per-day", type=_positive, default=None, metavar="P",
                      help="parcels taken in per day (default: a quarter of the registrations)")
    demo.add_argument("--seed", type=int, default=1, metavar="S", help="random seed (default 1)")
    stats = sub.add_parser("stats", parents=[common], help="print record counts")
    stats.add_argument("--json", action="store_true", help="one JSON object, a key per record kind")
    return parser


def _say(message) -> str:
    from models.i18n import environment_language, plain_translator

    return message.render(plain_translator(environment_language()))


def _open(data_dir, *, must_exist: bool):
    from models import paths
    from models.db import open_database

    path = paths.database_path(data_dir)
    if must_exist and not path.exists():
        from models.i18n import QT_TRANSLATE_NOOP, Message

        raise SystemExit(_fail(Message("Cli", QT_TRANSLATE_NOOP("Cli", "No GateDesk database in {dir}."),
                                       {"dir": str(data_dir)})))
    return open_database(path)


def _fail(message) -> int:
    print(f"gatedesk: {_say(message)}", file=sys.stderr)
    return EXIT_FAIL


def cmd_demo(args, data_dir) -> int:
    from models.demo import AlreadySetUp, create_demo
    from models.i18n import QT_TRANSLATE_NOOP, Message

    db = _open(data_dir, must_exist=False)
    try:
        def progress(done: int, total: int) -> None:
            if total >= 100_000 and sys.stderr.isatty():
                print(f"\r{done:,}/{total:,}", end="", file=sys.stderr, flush=True)

        result = create_demo(db, days=args.days, visits_per_day=args.visits_per_day, seed=args.seed,
                             parcels_per_day=args.parcels_per_day, progress=progress)
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


def cmd_stats(args, data_dir) -> int:
    from models.stats import record_counts

    db = _open(data_dir, must_exist=True)
    try:
        with db.session() as session:
            counts = record_counts(session)
    finally:
        db.close()
    if args.json:
        print(json.dumps(counts, ensure_ascii=False, sort_keys=True))
    else:
        width = max(map(len, counts))
        for key, n in counts.items():
            print(f"{key:<{width}}  {n:>10,}")
    return EXIT_OK


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    from models import paths
    from models.db import DatabaseProblem

    data_dir = paths.resolve_data_dir(args.data_dir)
    try:
        if args.command == "demo":
            return cmd_demo(args, data_dir)
        if args.command == "stats":
            return cmd_stats(args, data_dir)
    except DatabaseProblem as exc:
        return _fail(exc.message)
    except OSError as exc:
        from models.i18n import QT_TRANSLATE_NOOP, Message

        return _fail(Message("Cli", QT_TRANSLATE_NOOP("Cli", "Cannot use {dir}: {error}"),
                             {"dir": str(data_dir), "error": exc.strerror or str(exc)}))
    from gui.app import run

    return run(data_dir)


if __name__ == "__main__":
    sys.exit(main())
