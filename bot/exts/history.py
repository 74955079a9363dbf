"""`/history` (the server's latest articles) and `/forget` (take one back, after a confirm)."""

from __future__ import annotations

import contextlib

import discord
from discord import app_commands
from discord.ext import commands

from bot.client import NewsBot
from bot.limits import EMBED_DESCRIPTION_CHARS, pack_lines, shorten
from bot.pager import send_paged
from bot.render import COLOUR, answer_url, safe
from bot.replies import NO_PINGS
from handlers.history import (
    HISTORY_PAGE,
    HistoryPage,
    article_to_forget,
    forget_article,
    history,
    recent_titles,
)
from storage.records import StoredArticle

CONFIRM_TIMEOUT_SECONDS = 120.0


def history_embed(guild_id: int, page: HistoryPage) -> discord.Embed:
    """One page of the latest articles: title linked to the bot's answer, who, when."""
    embed = discord.Embed(title="Latest articles", colour=COLOUR)
    if not page.articles:
        embed.description = "No articles read in this server yet."
        return embed
    lines = [_history_line(guild_id, a) for a in page.articles]
    embed.description = pack_lines(lines, EMBED_DESCRIPTION_CHARS)[0]
    last = page.offset + len(page.articles)
    embed.set_footer(text=f"{page.offset + 1}–{last} of {page.total}")
    return embed


def _history_line(guild_id: int, article: StoredArticle) -> str:
    title = safe(shorten(article.title or "Untitled article", 150))
    who = safe(article.author_name) if article.author_name else f"<@{article.author_id}>"
    when = discord.utils.format_dt(article.posted_at, "f")
    return f"• [{title}]({answer_url(article)}) · {who} · {when}"


class ConfirmForget(discord.ui.View):
    """Delete or keep: only the member who asked may answer."""

    def __init__(self, bot: NewsBot, article: StoredArticle, member_id: int) -> None:
        super().__init__(timeout=CONFIRM_TIMEOUT_SECONDS)
        self.bot = bot
        self.article = article
        self.member_id = member_id

    async def interaction_check(self, interaction: discord.Interaction) -> bool:
        """Only the member who asked confirms."""
        return interaction.user.id == self.member_id

    @discord.ui.button(label="Forget it", style=discord.ButtonStyle.danger)
    async def confirm(
        self, interaction: discord.Interaction, _b: discord.ui.Button[ConfirmForget]
    ) -> None:
        """Delete the article and say so in its thread."""
        self.stop()
        article = self.article
        await forget_article(self.bot.services, article.guild_id, article.id)
        title = safe(article.title or "this article")
        await interaction.response.edit_message(content=f"Forgotten: **{title}**.", view=None)
        await self._announce(interaction, title)

    @discord.ui.button(label="Keep it", style=discord.ButtonStyle.secondary)
    async def cancel(
        self, interaction: discord.Interaction, _b: discord.ui.Button[ConfirmForget]
    ) -> None:
        """Leave the article as it is."""
        self.stop()
        await interaction.response.edit_message(content="Kept; nothing was deleted.", view=None)

    async def _announce(self, interaction: discord.Interaction, title: str) -> None:
        thread_id = self.article.reply_channel_id
        thread = self.bot.get_channel(thread_id) if thread_id else None
        if isinstance(thread, discord.Thread):
            text = (
                f"{interaction.user.display_name} asked me to forget **{title}**: its quotes,"
                " people and digest are deleted from this server's history."
            )
            # The thread may be archived or gone: the deletion itself stands.
            with contextlib.suppress(discord.HTTPException):
                await thread.send(text, allowed_mentions=NO_PINGS)


class History(commands.Cog):
    """What the server has read, and taking an article back."""

    def __init__(self, bot: NewsBot) -> None:
        self.bot = bot
        self.services = bot.services

    @app_commands.command(name="history", description="The latest articles read in this server.")
    @app_commands.describe(count="How many of the latest articles to list (10 by default)")
    @app_commands.guild_only()
    async def history(
        self,
        interaction: discord.Interaction,
        count: app_commands.Range[int, 1, 200] = HISTORY_PAGE,
    ) -> None:
        """List the latest articles, ten a page."""
        guild_id = interaction.guild_id
        if guild_id is None:
            return
        await interaction.response.defer(thinking=True)

        async def render(page: int) -> tuple[discord.Embed, bool]:
            shown = await history(self.services, guild_id, count, page)
            return history_embed(guild_id, shown), shown.offset + len(shown.articles) < shown.total

        await send_paged(interaction, render)

    @app_commands.command(name="forget", description="Delete an article and all it brought.")
    @app_commands.describe(article="The article (in its thread you can leave this empty)")
    @app_commands.guild_only()
    async def forget(self, interaction: discord.Interaction, article: str | None = None) -> None:
        """Ask to confirm, then delete the article with its quotes and mentions."""
        guild_id = interaction.guild_id
        if guild_id is None:
            return
        member = interaction.user
        may_manage = isinstance(member, discord.Member) and member.guild_permissions.manage_messages
        chosen = await article_to_forget(
            self.services,
            guild_id,
            article_id=int(article) if article and article.isdigit() else None,
            thread_id=interaction.channel_id if article is None else None,
            member_id=member.id,
            may_manage_messages=may_manage,
        )
        title = safe(chosen.title or "this article")
        await interaction.response.send_message(
            f"Forget **{title}**? Its quotes, people and digest go from this server's history.",
            view=ConfirmForget(self.bot, chosen, member.id),
            ephemeral=True,
        )

    @forget.autocomplete("article")
    async def _titles(
        self, interaction: discord.Interaction, current: str
    ) -> list[app_commands.Choice[str]]:
        if interaction.guild_id is None:
            return []
        found = await recent_titles(self.services, interaction.guild_id, current)
        return [app_commands.Choice(name=title[:100], value=str(i)) for i, title in found]


async def setup(bot: NewsBot) -> None:
    """Load /history and /forget."""
    await bot.add_cog(History(bot))
