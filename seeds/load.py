"""Load every .txt seed into the database, as if each had been pasted into a watched channel.

Usage: python seeds/load.py [--database-url URL] [--guild-id N]
"""

from __future__ import annotations

import argparse
import asyncio
import sys
from pathlib import Path

from bot.composition import build_services
from bot.settings import Settings
from handlers.errors import HandlerError
from handlers.ingest import Origin, ingest_text

SEEDS_DIR = Path(__file__).resolve().parent
# Seeds were never posted in Discord; fixed small ids keep re-runs recognisable as duplicates.
SEED_CHANNEL_ID = 1
SEED_AUTHOR_ID = 1


def parse_args(argv: list[str]) -> argparse.Namespace:
    """Read the command line."""
    parser = argparse.ArgumentParser(description="Load the seed articles into the database.")
    parser.add_argument("--database-url", help="defaults to NEWSBOT_DATABASE_URL or the setting")
    parser.add_argument("--guild-id", type=int, default=1, help="the server to load them into")
    return parser.parse_args(argv)


def seed_paths() -> list[Path]:
    """The seed articles, in a stable order."""
    return sorted(SEEDS_DIR.glob("*.txt"))


async def load_seeds(settings: Settings, guild_id: int) -> int:
    """Ingest every seed; return how many could not be loaded."""
    failures = 0
    async with build_services(settings) as services:
        for message_id, path in enumerate(seed_paths(), start=1):
            origin = Origin(guild_id, SEED_CHANNEL_ID, message_id, SEED_AUTHOR_ID)
            try:
                result = await ingest_text(services, origin, path.read_text(encoding="utf-8"))
            except HandlerError as error:
                failures += 1
                print(f"{path.name}: not loaded ({error.message})")
                continue
            state = "already loaded" if result.duplicate else "loaded"
            print(f"{path.name}: {state} as article {result.article.id}")
    return failures


def main(argv: list[str] | None = None) -> int:
    """Load the seeds; exit status 1 if any was not loaded."""
    args = parse_args(sys.argv[1:] if argv is None else argv)
    settings = Settings() if args.database_url is None else Settings(database_url=args.database_url)
    return 1 if asyncio.run(load_seeds(settings, args.guild_id)) else 0


if __name__ == "__main__":
    sys.exit(main())
