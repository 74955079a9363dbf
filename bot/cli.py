"""The command line: `newsbot run | sync | analyze | demo | db | export | import |
forget-guild | backfill-records`."""

from __future__ import annotations

import argparse
import asyncio
import logging
import sys
from collections.abc import Sequence
from pathlib import Path

from bot.database_cmd import guild_id_argument, run_backfill, run_forget_guild
from bot.settings import Settings
from handlers.errors import DatabaseNotReady

DEMO_EXTRA_MODULE = "simcord"  # what the demo extra adds
DEMO_EXTRA_INSTALL = "pip install 'newsbot[demo]'"


def build_parser() -> argparse.ArgumentParser:
    """The argument parser for every subcommand."""
    parser = argparse.ArgumentParser(prog="newsbot", description=__doc__)
    commands = parser.add_subparsers(dest="command", required=True)
    commands.add_parser("run", help="connect to Discord and serve (needs DISCORD_TOKEN)")
    commands.add_parser("sync", help="register the slash commands with Discord, then exit")
    analyze = commands.add_parser("analyze", help="analyse files or URLs, storing nothing")
    analyze.add_argument("sources", nargs="+", metavar="PATH_OR_URL")
    analyze.add_argument("--json", action="store_true", help="one JSON object per input")
    demo = commands.add_parser("demo", help="run the real bot against a simulated Discord")
    demo.add_argument("articles", nargs="*", type=Path, metavar="ARTICLE")
    demo.add_argument("--json", action="store_true", help="the transcript as a JSON list")
    forget = commands.add_parser(
        "forget-guild",
        help="delete everything stored for a server now, without asking; prints what went",
    )
    forget.add_argument("guild_id", type=guild_id_argument, metavar="ID", help="the server's id")
    commands.add_parser(
        "backfill-records",
        help="link articles stored before entity records existed (the bot also does it on start)",
    )
    _add_database_commands(commands)
    return parser


def _add_database_commands(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    db = commands.add_parser("db", help="the database's schema: upgrade, downgrade, current")
    steps = db.add_subparsers(dest="db_command", required=True)
    up = steps.add_parser("upgrade", help="migrate up to this version's schema (or to REV)")
    up.add_argument("revision", nargs="?", metavar="REV")
    down = steps.add_parser("downgrade", help="migrate down to REV ('base': no tables)")
    down.add_argument("revision", metavar="REV")
    steps.add_parser("current", help="the database's revision; exit 1 unless it is this version's")
    export = commands.add_parser("export", help="write a server's whole history as JSON lines")
    export.add_argument("guild_id", type=int, metavar="GUILD_ID")
    load = commands.add_parser("import", help="read an export into the configured database")
    load.add_argument("path", metavar="FILE", help="a file from `newsbot export`, or - for stdin")
    load.add_argument(
        "--replace",
        action="store_true",
        help="delete what the server already has in this database first",
    )
    load.add_argument(
        "--as-guild", type=int, metavar="GUILD_ID", help="import under another server's id"
    )


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point of the `newsbot` console script."""
    args = build_parser().parse_args(argv)
    settings = Settings()
    logging.basicConfig(
        level=settings.log_level.upper() if args.command in ("run", "sync") else "WARNING",
        format="%(asctime)s %(levelname)s %(name)s: %(message)s",
    )
    if args.command == "analyze":
        from bot.analyze_cmd import run_analyze

        return asyncio.run(run_analyze(settings, args.sources, as_json=args.json))
    if args.command == "forget-guild":
        return asyncio.run(run_forget_guild(settings, args.guild_id))
    if args.command == "backfill-records":
        return asyncio.run(run_backfill(settings))
    if args.command in ("db", "export", "import"):
        return asyncio.run(_run_database_command(settings, args))
    if args.command == "demo":
        # simcord builds discord.py clients as it imports; their voice/intents chatter is noise.
        logging.getLogger("discord").setLevel(logging.ERROR)
        try:
            from bot.demo import run_demo
        except ImportError as error:  # simcord is an extra, not a run-time dependency
            print(demo_import_failure(error), file=sys.stderr)
            return 2
        return asyncio.run(run_demo(args.articles, as_json=args.json))
    from bot.runner import run_bot, sync_commands

    if settings.discord_token is None:
        print("DISCORD_TOKEN is not set (environment or .env); see the README.", file=sys.stderr)
        return 2
    try:
        if args.command == "sync":
            return asyncio.run(sync_commands(settings))
        return asyncio.run(run_bot(settings))
    except DatabaseNotReady as error:  # NEWSBOT_AUTO_MIGRATE=false and the database is behind
        print(f"newsbot {args.command}: {error.message}", file=sys.stderr)
        return 2


async def _run_database_command(settings: Settings, args: argparse.Namespace) -> int:
    from bot.db_cmd import run_db, run_export, run_import

    if args.command == "db":
        return await run_db(
            settings, args.db_command, args.revision if args.db_command != "current" else None
        )
    if args.command == "export":
        return await run_export(settings, args.guild_id)
    return await run_import(settings, args.path, replace=args.replace, as_guild=args.as_guild)


def demo_import_failure(error: ImportError) -> str:
    """What to tell the user when the demo cannot be imported: the module that really failed."""
    failed = error.name or _raising_module(error)
    if failed is not None and failed.split(".")[0] == DEMO_EXTRA_MODULE:
        return f"newsbot demo needs the demo extra ({failed} is missing): {DEMO_EXTRA_INSTALL}"
    return f"newsbot demo could not import {failed or 'a module'}: {error}"


def _raising_module(error: BaseException) -> str | None:
    # An ImportError raised by hand inside a module (lxml.html.clean does so) names no module:
    # the innermost frame of its traceback is the module that failed.
    traceback = error.__traceback__
    if traceback is None:
        return None
    while traceback.tb_next is not None:
        traceback = traceback.tb_next
    name = traceback.tb_frame.f_globals.get("__name__")
    return name if isinstance(name, str) else None


if __name__ == "__main__":
    sys.exit(main())
