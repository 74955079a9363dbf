"""Migration 0007 (fingerprints, bands, channel notes) runs up and down on both backends."""

from __future__ import annotations

from datetime import UTC, datetime

from alembic import command
from sqlalchemy import inspect, text
from sqlalchemy.engine import Connection
from sqlalchemy.pool import NullPool

from storage.engine import alembic_config, make_engine, upgrade_database

NEW_TABLES = {"article_fingerprints", "article_bands", "channel_notes"}


def _migrate(connection: Connection, direction: str, revision: str) -> None:
    config = alembic_config()
    config.attributes["connection"] = connection
    getattr(command, direction)(config, revision)


def _tables(connection: Connection) -> set[str]:
    return set(inspect(connection).get_table_names())


async def test_0007_goes_down_to_0006_and_up_again_keeping_the_articles(
    database_url: str,
) -> None:
    engine = make_engine(database_url, poolclass=NullPool)
    at = datetime(2026, 12, 3, 9, 0, tzinfo=UTC)
    try:
        await upgrade_database(engine)
        async with engine.begin() as connection:
            await connection.execute(
                text(
                    "INSERT INTO articles (id, guild_id, channel_id, message_id, author_id,"
                    " content_hash, text, search_text, digest, notes, created_at, posted_at)"
                    " VALUES (7, 1, 2, 3, 4, 'h', 'Body.', 'body.', '[]', '[]', :at, :at)"
                ),
                {"at": at},
            )
            await connection.execute(
                text(
                    "INSERT INTO article_fingerprints"
                    " (article_id, guild_id, content_hash, signature, shingles)"
                    " VALUES (7, 1, 'h', :signature, 1)"
                ),
                {"signature": b"\x00" * 512},
            )
            await connection.execute(
                text("INSERT INTO article_bands (guild_id, band_key, article_id) VALUES (1, -5, 7)")
            )
            await connection.execute(
                text(
                    "INSERT INTO channel_notes (guild_id, channel_id, note, given_at)"
                    " VALUES (1, 2, 'short brief', :at)"
                ),
                {"at": at},
            )
        async with engine.begin() as connection:
            await connection.run_sync(_migrate, "downgrade", "0006")
            assert not NEW_TABLES & await connection.run_sync(_tables)
            assert (await connection.execute(text("SELECT id FROM articles"))).scalars().all() == [
                7
            ]
        await upgrade_database(engine)
        async with engine.connect() as connection:
            assert await connection.run_sync(_tables) >= NEW_TABLES
            prints = await connection.execute(text("SELECT count(*) FROM article_fingerprints"))
            assert prints.scalar() == 0  # made again lazily, by the handlers
    finally:
        await engine.dispose()
