"""◀ / ▶ buttons that page through a result, re-asking the handler for each page."""

from __future__ import annotations

import contextlib
from collections.abc import Awaitable, Callable

import discord

from bot.replies import NO_PINGS

PAGER_TIMEOUT_SECONDS = 900.0
# Renders page n: its embed, and whether a page n + 1 exists.
PageRenderer = Callable[[int], Awaitable[tuple[discord.Embed, bool]]]


class Pager(discord.ui.View):
    """Previous / next buttons under a paged answer; they go quiet after 15 minutes."""

    def __init__(self, render: PageRenderer, *, has_next: bool) -> None:
        super().__init__(timeout=PAGER_TIMEOUT_SECONDS)
        self._render = render
        self.page = 0
        self.message: discord.Message | discord.InteractionMessage | None = None
        self._update(has_next)

    def _update(self, has_next: bool) -> None:
        self.previous.disabled = self.page == 0
        self.next.disabled = not has_next

    @discord.ui.button(label="◀", style=discord.ButtonStyle.secondary)
    async def previous(
        self, interaction: discord.Interaction, _button: discord.ui.Button[Pager]
    ) -> None:
        """Show the page before."""
        await self._show(interaction, self.page - 1)

    @discord.ui.button(label="▶", style=discord.ButtonStyle.secondary)
    async def next(
        self, interaction: discord.Interaction, _button: discord.ui.Button[Pager]
    ) -> None:
        """Show the page after."""
        await self._show(interaction, self.page + 1)

    async def _show(self, interaction: discord.Interaction, page: int) -> None:
        self.page = max(page, 0)
        embed, has_next = await self._render(self.page)
        self._update(has_next)
        await interaction.response.edit_message(embed=embed, view=self, allowed_mentions=NO_PINGS)

    async def on_timeout(self) -> None:
        """Take the buttons away once they no longer answer."""
        if self.message is not None:
            # The message may be gone, or no longer ours to edit.
            with contextlib.suppress(discord.HTTPException):
                await self.message.edit(view=None)


async def send_paged(
    interaction: discord.Interaction, render: PageRenderer, *, ephemeral: bool = False
) -> None:
    """Send the first page of a deferred interaction, with buttons when there is more."""
    embed, has_next = await render(0)
    if not has_next:
        await interaction.followup.send(embed=embed, ephemeral=ephemeral, allowed_mentions=NO_PINGS)
        return
    pager = Pager(render, has_next=has_next)
    pager.message = await interaction.followup.send(
        embed=embed, view=pager, ephemeral=ephemeral, allowed_mentions=NO_PINGS, wait=True
    )
