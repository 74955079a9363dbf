"""`/digest-channel` and `/settings` (Manage Server): the per-server settings, in the database."""

from __future__ import annotations

from datetime import datetime

import discord
from discord import app_commands
from discord.ext import commands

from bot.client import NewsBot
from bot.limits import EMBED_FIELD_VALUE_CHARS, shorten
from bot.render import COLOUR
from bot.replies import NO_PINGS
from handlers.digest_schedule import matching_timezones, next_digest_instant
from handlers.settings import (
    MIN_ARTICLE_WORDS_RANGE,
    ServerSettings,
    server_settings,
    set_digest,
    set_min_article_words,
    set_quiet_day_note,
    stop_digest,
)

DEFAULT_DIGEST_TIME = "18:00"
DEFAULT_TIMEZONE = "UTC"
MinWords = app_commands.Range[int, MIN_ARTICLE_WORDS_RANGE[0], MIN_ARTICLE_WORDS_RANGE[1]]


async def timezone_choices(
    _interaction: discord.Interaction, current: str
) -> list[app_commands.Choice[str]]:
    """IANA zones matching what was typed, for the timezone options."""
    return [app_commands.Choice(name=zone, value=zone) for zone in matching_timezones(current)]


class Settings(commands.Cog):
    """Where and when the digest is posted, and how the server's articles are read."""

    def __init__(self, bot: NewsBot) -> None:
        self.bot = bot
        self.services = bot.services

    @app_commands.command(
        name="digest-channel", description="Where and when the daily digest is posted."
    )
    @app_commands.describe(
        channel="The channel for the digest (this one if left empty)",
        time="The local time as HH:MM, 24-hour clock (default 18:00)",
        timezone="An IANA time zone such as Europe/London (default UTC)",
        off="True stops the daily digest",
    )
    @app_commands.autocomplete(timezone=timezone_choices)
    @app_commands.guild_only()
    @app_commands.default_permissions(manage_guild=True)
    @app_commands.checks.has_permissions(manage_guild=True)
    async def digest_channel(
        self,
        interaction: discord.Interaction,
        channel: discord.TextChannel | None = None,
        time: str | None = None,
        timezone: str | None = None,
        off: bool = False,
    ) -> None:
        """Set, show or stop the daily digest."""
        guild_id = interaction.guild_id
        if guild_id is None:
            return
        if off:
            stopped = await stop_digest(self.services, guild_id)
            text = "The daily digest is off." if stopped else "There was no daily digest to stop."
            await self._reschedule()
            await interaction.response.send_message(text, allowed_mentions=NO_PINGS)
            return
        if channel is None and time is None and timezone is None:
            current = await server_settings(self.services, guild_id)
            await interaction.response.send_message(
                _digest_line(current, discord.utils.utcnow()), ephemeral=True
            )
            return
        target = channel or interaction.channel
        if not isinstance(target, discord.TextChannel):
            await interaction.response.send_message(
                "Name a text channel for the digest.", ephemeral=True
            )
            return
        current = await server_settings(self.services, guild_id)
        updated = await self._set_digest(guild_id, target, time, timezone, current)
        text = _digest_line(updated, discord.utils.utcnow()) + _permission_warning(target)
        await interaction.response.send_message(text, allowed_mentions=NO_PINGS)

    @app_commands.command(name="settings", description="Show or change this server's settings.")
    @app_commands.describe(
        digest_channel="The channel for the daily digest",
        digest_time="The digest's local time as HH:MM",
        timezone="The server's IANA time zone, such as Europe/London",
        quiet_day_note="Post a short note on days with no articles",
        min_article_words="The fewest words a pasted text needs to be read as an article",
    )
    @app_commands.autocomplete(timezone=timezone_choices)
    @app_commands.guild_only()
    @app_commands.default_permissions(manage_guild=True)
    @app_commands.checks.has_permissions(manage_guild=True)
    async def settings(
        self,
        interaction: discord.Interaction,
        digest_channel: discord.TextChannel | None = None,
        digest_time: str | None = None,
        timezone: str | None = None,
        quiet_day_note: bool | None = None,
        min_article_words: MinWords | None = None,
    ) -> None:
        """Show every setting in one embed, after changing those given."""
        guild_id = interaction.guild_id
        if guild_id is None:
            return
        current = await server_settings(self.services, guild_id)
        changed: list[str] = []
        if digest_channel or digest_time or timezone:
            target = digest_channel or self._digest_channel(interaction, current)
            if target is None:
                await interaction.response.send_message(
                    "Name the digest channel too: there is none yet.", ephemeral=True
                )
                return
            await self._set_digest(guild_id, target, digest_time, timezone, current)
            changed.append("digest")
        if quiet_day_note is not None:
            await set_quiet_day_note(self.services, guild_id, quiet_day_note)
            changed.append("quiet-day note")
        if min_article_words is not None:
            await set_min_article_words(self.services, guild_id, min_article_words)
            changed.append("minimum words")
        updated = await server_settings(self.services, guild_id)
        embed = settings_embed(updated, discord.utils.utcnow())
        note = f"Changed: {', '.join(changed)}." if changed else None
        await interaction.response.send_message(note, embed=embed, allowed_mentions=NO_PINGS)

    async def _set_digest(
        self,
        guild_id: int,
        channel: discord.TextChannel,
        time: str | None,
        timezone: str | None,
        current: ServerSettings,
    ) -> ServerSettings:
        hhmm = (time or current.settings.digest_time or DEFAULT_DIGEST_TIME).strip()
        zone = (timezone or current.settings.timezone or DEFAULT_TIMEZONE).strip()
        updated = await set_digest(
            self.services, guild_id, channel.id, hhmm, zone, discord.utils.utcnow()
        )
        await self._reschedule()
        return updated

    def _digest_channel(
        self, interaction: discord.Interaction, current: ServerSettings
    ) -> discord.TextChannel | None:
        channel_id = current.settings.digest_channel_id
        found = (
            interaction.guild.get_channel(channel_id) if interaction.guild and channel_id else None
        )
        return found if isinstance(found, discord.TextChannel) else None

    async def _reschedule(self) -> None:
        poster = self.bot.get_cog("DigestPoster")
        if poster is not None:
            await poster.reschedule()  # type: ignore[attr-defined]


def _digest_line(current: ServerSettings, now: datetime) -> str:
    settings = current.settings
    if settings.digest_channel_id is None or settings.digest_time is None:
        return "No daily digest is set. Use `/digest-channel` with a channel and a time."
    upcoming = next_digest_instant(now, settings.timezone, settings.digest_time)
    return (
        f"The daily digest goes to <#{settings.digest_channel_id}> at {settings.digest_time} "
        f"({settings.timezone}); the next is {discord.utils.format_dt(upcoming, 'F')}."
    )


def _permission_warning(channel: discord.TextChannel) -> str:
    me = channel.guild.me
    if me is None:
        return ""
    allowed = channel.permissions_for(me)
    missing = [
        name
        for name, ok in (
            ("Send Messages", allowed.send_messages),
            ("Embed Links", allowed.embed_links),
            ("Attach Files", allowed.attach_files),
        )
        if not ok
    ]
    if not missing:
        return ""
    lacking = ", ".join(missing)
    return f"\n⚠️ I lack {lacking} in <#{channel.id}>: the digest cannot be posted there yet."


def settings_embed(current: ServerSettings, now: datetime) -> discord.Embed:
    """Every per-server setting, and how the last digest went."""
    settings = current.settings
    embed = discord.Embed(title="Settings", colour=COLOUR)
    embed.add_field(name="Daily digest", value=_digest_line(current, now), inline=False)
    embed.add_field(name="Time zone", value=settings.timezone, inline=True)
    embed.add_field(
        name="Quiet-day note", value="on" if settings.quiet_day_note else "off", inline=True
    )
    own = settings.min_article_words is not None
    embed.add_field(
        name="Minimum words of a pasted article",
        value=f"{current.min_article_words}" + ("" if own else " (the bot's default)"),
        inline=True,
    )
    watched = " ".join(f"<#{c}>" for c in settings.watched_channel_ids) or "none: use `/watch`"
    embed.add_field(
        name="Watched channels", value=shorten(watched, EMBED_FIELD_VALUE_CHARS), inline=False
    )
    embed.add_field(name="Last digest", value=_last_digest(current), inline=False)
    return embed


def _last_digest(current: ServerSettings) -> str:
    last = current.last_digest
    if last is None:
        return "none yet"
    day = last.local_date.isoformat()
    if last.status == "posted":
        text = f"{day}: posted ({last.articles} articles)"
        return f"{text}; {last.last_error}" if last.last_error else text
    if last.status == "skipped":
        return f"{day}: a quiet day, nothing posted"
    if last.status == "failed":
        retry = (
            f"retrying {discord.utils.format_dt(last.next_attempt_at, 'R')}"
            if last.next_attempt_at
            else "not retried: the day was over"
        )
        text = f"{day}: failed after {last.attempts} tries: {last.last_error} ({retry})"
        return shorten(text, EMBED_FIELD_VALUE_CHARS)
    return f"{day}: being posted"


async def setup(bot: NewsBot) -> None:
    """Load the settings commands."""
    await bot.add_cog(Settings(bot))
