"""The one place where errors become what the user reads."""

from __future__ import annotations

import logging

import discord
from discord import app_commands
from discord.ext import commands

from bot.client import NewsBot
from bot.replies import NO_PINGS
from handlers.errors import HandlerError

log = logging.getLogger(__name__)
UNEXPECTED = "Something went wrong on my side; it has been logged."


def user_message(error: Exception) -> str:
    """The sentence a user reads for an error raised by a slash command."""
    if isinstance(error, app_commands.CommandInvokeError):
        error = error.original
    if isinstance(error, HandlerError):
        return error.message
    if isinstance(error, app_commands.MissingPermissions):
        return "You need the Manage Server permission for that."
    if isinstance(error, app_commands.NoPrivateMessage):
        return "That works in a server, not in direct messages."
    if isinstance(error, app_commands.CheckFailure):
        return "You can't use that command here."
    return UNEXPECTED


class ErrorHandler(commands.Cog):
    """Turns known errors into friendly replies and logs the rest."""

    def __init__(self, bot: NewsBot) -> None:
        self.bot = bot
        self._default_handler = bot.tree.on_error
        bot.tree.error(self.on_app_command_error)

    async def cog_unload(self) -> None:
        """Give the tree back its default handler."""
        self.bot.tree.error(self._default_handler)

    async def on_app_command_error(
        self, interaction: discord.Interaction, error: app_commands.AppCommandError
    ) -> None:
        """Reply to the user, whether or not the interaction was already acknowledged."""
        text = user_message(error)
        if text == UNEXPECTED:
            log.error("slash command failed", exc_info=error)
        if interaction.response.is_done():
            await interaction.followup.send(text, ephemeral=True, allowed_mentions=NO_PINGS)
        else:
            await interaction.response.send_message(text, ephemeral=True, allowed_mentions=NO_PINGS)


async def setup(bot: NewsBot) -> None:
    """Load the error handler."""
    await bot.add_cog(ErrorHandler(bot))
