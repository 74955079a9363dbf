"""Per-server settings: the digest's channel, hour and zone, the quiet-day note, the minimum."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from handlers.digest_schedule import parse_hhmm
from handlers.errors import HandlerError
from handlers.services import Services
from storage.digests import DigestPostRepository
from storage.guilds import GuildRepository
from storage.records import DigestPostRecord, GuildSettings

# Below 20 words a chat message would be read as an article; above 5,000 most articles are not.
MIN_ARTICLE_WORDS_RANGE = (20, 5000)


class InvalidSetting(HandlerError):
    """A setting given in a form the bot cannot use; the message says what is accepted."""


@dataclass(frozen=True)
class ServerSettings:
    """A server's settings, the article minimum in force, and the last digest's outcome."""

    settings: GuildSettings
    min_article_words: int  # the server's own, or the bot-wide default
    last_digest: DigestPostRecord | None


async def server_settings(services: Services, guild_id: int) -> ServerSettings:
    """Every per-server setting, for /settings and /digest-channel."""
    async with services.sessionmaker.begin() as session:
        settings = await GuildRepository(session).get_settings(guild_id)
        last = await DigestPostRepository(session).latest(guild_id)
    words = settings.min_article_words or services.min_article_words
    return ServerSettings(settings=settings, min_article_words=words, last_digest=last)


async def article_minimum(services: Services, guild_id: int) -> int:
    """The fewest words a text needs to be read as an article in this server."""
    async with services.sessionmaker.begin() as session:
        settings = await GuildRepository(session).get_settings(guild_id)
    return settings.min_article_words or services.min_article_words


async def set_digest(
    services: Services, guild_id: int, channel_id: int, hhmm: str, zone: str, now: datetime
) -> ServerSettings:
    """Post the daily digest in a channel at a local time; InvalidSetting for a bad time or zone."""
    check_digest_time(hhmm)
    check_timezone(zone)
    async with services.sessionmaker.begin() as session:
        await GuildRepository(session).set_digest_channel(
            guild_id, channel_id, hhmm, zone, set_at=now
        )
    return await server_settings(services, guild_id)


async def stop_digest(services: Services, guild_id: int) -> bool:
    """Stop the automatic digest; False when there was none."""
    async with services.sessionmaker.begin() as session:
        return await GuildRepository(session).disable_digest(guild_id)


async def set_quiet_day_note(services: Services, guild_id: int, enabled: bool) -> None:
    """Post a short note on days with no articles, or stay silent."""
    async with services.sessionmaker.begin() as session:
        await GuildRepository(session).set_quiet_day_note(guild_id, enabled)


async def set_min_article_words(services: Services, guild_id: int, words: int | None) -> None:
    """The fewest words a pasted text needs here to be read (None: the bot-wide default)."""
    low, high = MIN_ARTICLE_WORDS_RANGE
    if words is not None and not low <= words <= high:
        raise InvalidSetting(f"The minimum must be a number of words from {low} to {high}.")
    async with services.sessionmaker.begin() as session:
        await GuildRepository(session).set_min_article_words(guild_id, words)


def check_digest_time(hhmm: str) -> None:
    """Refuse a time that is not HH:MM on a 24-hour clock."""
    try:
        parse_hhmm(hhmm)
    except ValueError:
        raise InvalidSetting(
            f"`{_plain(hhmm)}` is not a time I understand: give it as HH:MM on a 24-hour clock,"
            " for example 18:00 or 07:30."
        ) from None


def check_timezone(zone: str) -> None:
    """Refuse a zone that is not an IANA name."""
    try:
        ZoneInfo(zone)
    except (ZoneInfoNotFoundError, ValueError):
        raise InvalidSetting(
            f"`{_plain(zone)}` is not a time zone I know: give an IANA name such as"
            " Europe/London, America/New_York or Asia/Seoul (the list autocompletes)."
        ) from None


def _plain(text: str) -> str:
    # Shown inside backticks in the refusal: keep it short and without backticks of its own.
    return text.replace("`", "'")[:64]
