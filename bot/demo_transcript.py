"""The demo's transcript: every message in order, as text or as JSON."""

from __future__ import annotations

import json
from datetime import datetime
from typing import Any, TextIO

import discord
import simcord


class Transcript:
    """Records what users did and what the bot answered, in the order it happened."""

    def __init__(self) -> None:
        self.entries: list[dict[str, Any]] = []
        self._channels: list[simcord.ChannelHandle] = []
        self._seen: set[int] = set()

    def watch(self, channel: simcord.ChannelHandle) -> None:
        """Include this channel and the threads under it."""
        self._channels.append(channel)

    async def send(
        self,
        member: simcord.MemberActor,
        channel: simcord.ChannelHandle,
        content: str,
        **kwargs: Any,
    ) -> None:
        """A user posts a message; record it and the bot's answers."""
        await member.send(channel, content, **kwargs)
        self._collect()

    async def slash(
        self,
        member: simcord.MemberActor,
        where: simcord.ChannelHandle,
        name: str,
        /,
        **options: Any,
    ) -> None:
        """A user runs a slash command; record the invocation and the answers."""
        self._collect()
        shown = " ".join(f"{k}:{_option_text(v)}" for k, v in options.items())
        self.entries.append(_entry(where.name or "?", member.name, f"/{name} {shown}".strip()))
        result = await member.slash(where, name, **options)
        for message in [result.response, *result.followups]:
            if message is not None:
                self._seen.add(message.id)
                self.entries.append(_message_entry(message.message))
        self._collect()

    async def advance_to(self, env: simcord.Env, when: datetime) -> None:
        """Move the simulated clock on; record it and what the bot posted meanwhile."""
        self._collect()
        self.entries.append(
            _entry("clock", "simcord", f"time moves on to {when:%Y-%m-%d %H:%M} UTC")
        )
        await env.advance_time(max((when - env.now()).total_seconds(), 0.0))
        self._collect()

    def _collect(self) -> None:
        messages: list[discord.Message] = []
        for channel in self._channels:
            for handle in [channel, *channel.threads]:
                messages += [m for m in handle.history() if m.id not in self._seen]
        for message in sorted(messages, key=lambda m: m.id):
            self._seen.add(message.id)
            self.entries.append(_message_entry(message))

    def write(self, out: TextIO, *, as_json: bool) -> None:
        """Print the transcript: one line a message, embeds indented below; or JSON."""
        if as_json:
            out.write(json.dumps(self.entries, ensure_ascii=False, indent=1) + "\n")
            return
        for entry in self.entries:
            out.write(render_entry(entry) + "\n")


def render_entry(entry: dict[str, Any]) -> str:
    """`#channel author: content`, then each embed's title, text and fields indented."""
    content = entry["content"]
    if len(content) > 300:
        content = content[:300].rsplit(" ", 1)[0] + f" … [{len(entry['content'])} characters]"
    lines = [f"#{entry['channel']} {entry['author']}: {content}".rstrip()]
    lines += [f"    [attachment: {name}]" for name in entry["attachments"]]
    for embed in entry["embeds"]:
        if "title" in embed:
            link = f" <{embed['url']}>" if "url" in embed else ""
            lines.append(f"    ▌ {embed['title']}{link}")
        if "description" in embed:
            lines += [f"      {line}" for line in embed["description"].splitlines() if line]
        for field in embed.get("fields", []):
            lines.append(f"      {field['name']}: {field['value']}")
    return "\n".join(lines)


def _option_text(value: Any) -> str:
    if isinstance(value, simcord.ChannelHandle):
        return f"#{value.name}"
    return str(value)


def _message_entry(message: discord.Message) -> dict[str, Any]:
    channel = getattr(message.channel, "name", None) or str(message.channel.id)
    # A system message (such as "started a thread") reads as Discord's client shows it.
    content = message.system_content if message.is_system() else message.content
    entry = _entry(channel, message.author.name, content or "")
    entry["embeds"] = [embed.to_dict() for embed in message.embeds]
    entry["attachments"] = [a.filename for a in message.attachments]
    return entry


def _entry(channel: str, author: str, content: str) -> dict[str, Any]:
    return {
        "channel": channel,
        "author": author,
        "content": content,
        "embeds": [],
        "attachments": [],
    }
