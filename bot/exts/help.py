"""`/help`, and "help" said to the bot: what it does in this server, in one short embed."""

from __future__ import annotations

import discord
from discord import app_commands
from discord.ext import commands

from bot.client import NewsBot
from bot.render import COLOUR
from bot.replies import NO_PINGS
from handlers.settings import ServerSettings, server_settings

COMMANDS = (
    ("/who-said", "what a person said, or who said a phrase"),
    ("/ask", "a question answered from the articles read here"),
    ("/entity", "a person, organisation or place across articles"),
    ("/history", "the latest articles read here"),
    ("/digest", "a day's digest, shown only to you"),
    ("/forget", "take back an article you posted"),
    ("/watch, /digest-channel, /settings", "(Manage Server) what I read and when I post"),
)


def help_embed(current: ServerSettings) -> discord.Embed:
    """What the bot does in this server: where it reads, when it posts, its commands."""
    settings = current.settings
    watched = " ".join(f"<#{c}>" for c in settings.watched_channel_ids) or "no channel yet"
    digest = (
        f"the daily digest goes to <#{settings.digest_channel_id}> at {settings.digest_time}"
        f" ({settings.timezone})"
        if settings.digest_channel_id and settings.digest_time
        else "no daily digest is set"
    )
    embed = discord.Embed(
        title="What I do here",
        description=(
            f"I read every link and article of {current.min_article_words}+ words posted in "
            f"{watched}, and answer in a thread with its people, quotes and a digest; "
            f"{digest}. Ask follow-up questions in my threads."
        ),
        colour=COLOUR,
    )
    embed.add_field(
        name="Commands", value="\n".join(f"`{c}` {what}" for c, what in COMMANDS), inline=False
    )
    return embed


class Help(commands.Cog):
    """Says what the bot does, when asked."""

    def __init__(self, bot: NewsBot) -> None:
        self.bot = bot

    @app_commands.command(name="help", description="What this bot does in this server.")
    @app_commands.guild_only()
    async def help(self, interaction: discord.Interaction) -> None:
        """One short embed, only to the one who asked."""
        if interaction.guild_id is None:
            return
        current = await server_settings(self.bot.services, interaction.guild_id)
        await interaction.response.send_message(embed=help_embed(current), ephemeral=True)

    @commands.Cog.listener()
    async def on_message(self, message: discord.Message) -> None:
        """A mention of the bot with the word "help" gets the same embed."""
        me = self.bot.user
        if message.guild is None or message.author.bot or me is None:
            return
        if me in message.mentions and "help" in message.content.casefold().split():
            current = await server_settings(self.bot.services, message.guild.id)
            await message.reply(
                embed=help_embed(current), mention_author=False, allowed_mentions=NO_PINGS
            )


async def setup(bot: NewsBot) -> None:
    """Load /help."""
    await bot.add_cog(Help(bot))
