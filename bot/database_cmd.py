"""`newsbot forget-guild ID` and `newsbot backfill-records`: the database, outside Discord."""

from __future__ import annotations

import argparse
import sys
from typing import TextIO

from bot.composition import build_database
from bot.settings import Settings
from handlers.backfill import backfill_records
from handlers.errors import HandlerError
from handlers.forget_guild import check_guild_id, forget_guild_now


def guild_id_argument(text: str) -> int:
    """A server id given on the command line; argparse's clear refusal for anything else."""
    try:
        return check_guild_id(int(text.strip()))
    except ValueError:
        raise argparse.ArgumentTypeError(
            f"{text!r} is not a Discord server id (a positive 64-bit number)"
        ) from None
    except HandlerError as error:
        raise argparse.ArgumentTypeError(error.message) from None


async def run_forget_guild(
    settings: Settings, guild_id: int, *, out: TextIO = sys.stdout, err: TextIO = sys.stderr
) -> int:
    """Delete everything stored for a server at once and say how many rows of each kind went;
    1 when nothing is stored for it."""
    async with build_database(settings) as sessionmaker:
        try:
            gone = await forget_guild_now(sessionmaker, guild_id)
        except HandlerError as error:
            print(error.message, file=err)
            return 1
    print(f"forgot server {guild_id}: {gone.total} rows deleted", file=out)
    width = max(len(kind) for kind in gone.deleted)
    for kind, rows in sorted(gone.deleted.items()):
        print(f"  {kind:<{width}}  {rows}", file=out)
    return 0


async def run_backfill(settings: Settings, *, out: TextIO = sys.stdout) -> int:
    """Link the articles stored before entity records existed; say how many."""
    async with build_database(settings) as sessionmaker:
        done = await backfill_records(sessionmaker)
    print(f"linked {done.linked} of {done.looked_at} articles without entity records", file=out)
    return 0
