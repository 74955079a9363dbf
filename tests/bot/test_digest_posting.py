"""The daily digest through the real bot in simcord: posted once at the server's hour."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import discord
import simcord

from bot.client import NewsBot
from storage.articles import ArticleRepository
from tests.bot.conftest import Newsroom, seed_text
from tests.bot.digest_samples import busy_day_reports, posting_times

# simcord's clock starts at 2026-01-01 00:00 UTC, a Thursday; London is on UTC in winter.
HOUR = 3600


async def _post(
    newsroom: Newsroom, slug: str, channel: simcord.ChannelHandle | None = None
) -> None:
    text = seed_text(slug).encode()
    target = channel or newsroom.channel
    await newsroom.reporter.send(target, "", attachments=[("message.txt", text)])


def _bot_posts(newsroom: Newsroom, channel: simcord.ChannelHandle) -> list[discord.Message]:
    bot_id = newsroom.bot.user.id if newsroom.bot.user else 0
    return [m for m in channel.history() if m.author.id == bot_id]


async def _set_digest(
    newsroom: Newsroom,
    channel: simcord.ChannelHandle,
    time: str = "18:00",
    zone: str = "Europe/London",
) -> simcord.InteractionResult:
    return await newsroom.editor.slash(
        newsroom.channel, "digest-channel", channel=channel, time=time, timezone=zone
    )


async def _restart(newsroom: Newsroom, **options: float) -> None:
    # A restart is a new process: a new bot on the same database.
    await newsroom.env.restart_bot(NewsBot(newsroom.bot.services, **options))


async def _advance_in_days(newsroom: Newsroom, when: datetime, days: int = 10) -> None:
    # Each advance_time has simcord's settle deadline; weeks of daily wake-ups go in steps.
    while newsroom.env.now() + timedelta(days=days) < when:
        await newsroom.env.advance_time(days * 24 * HOUR)
    await _advance_to(newsroom, when)


async def _advance_to(newsroom: Newsroom, when: datetime) -> None:
    await newsroom.env.advance_time((when - newsroom.env.now()).total_seconds())


async def test_the_digest_is_posted_at_the_servers_hour_with_its_chart(
    newsroom: Newsroom,
) -> None:
    digest_channel = newsroom.guild.create_text_channel("digest")
    result = await _set_digest(newsroom, digest_channel)
    assert result.response is not None and "18:00" in result.response.content
    await _post(newsroom, "port-strike")
    await _post(newsroom, "night-trains")

    await _advance_to(newsroom, datetime(2026, 1, 1, 17, 59, tzinfo=UTC))
    assert _bot_posts(newsroom, digest_channel) == []
    await _advance_to(newsroom, datetime(2026, 1, 1, 18, 1, tzinfo=UTC))

    (post,) = _bot_posts(newsroom, digest_channel)
    header = post.embeds[0]
    assert header.title == "Daily digest · Thursday 1 January 2026"
    assert "**2 articles** in 2 stories, shared by reporter" in (header.description or "")
    assert [a.filename for a in post.attachments] == ["digest-2026-01-01.png"]
    assert header.image.url == "attachment://digest-2026-01-01.png"
    png = await post.attachments[0].read()
    assert png.startswith(b"\x89PNG\r\n\x1a\n") and len(png) > 10_000
    stories = "\n".join(f.value or "" for e in post.embeds for f in e.fields)
    assert "Dockworkers walk out" in stories and "discord.com/channels/" in stories
    assert post.created_at == datetime(2026, 1, 1, 18, 0, tzinfo=UTC)


async def test_a_restart_the_same_day_posts_nothing_new(newsroom: Newsroom) -> None:
    digest_channel = newsroom.guild.create_text_channel("digest")
    await _set_digest(newsroom, digest_channel)
    await _post(newsroom, "port-strike")
    await _advance_to(newsroom, datetime(2026, 1, 1, 18, 5, tzinfo=UTC))
    assert len(_bot_posts(newsroom, digest_channel)) == 1

    await _restart(newsroom)
    await _advance_to(newsroom, datetime(2026, 1, 1, 23, 0, tzinfo=UTC))
    assert len(_bot_posts(newsroom, digest_channel)) == 1

    await _post(newsroom, "night-trains")
    await _advance_to(newsroom, datetime(2026, 1, 2, 18, 5, tzinfo=UTC))
    posts = _bot_posts(newsroom, digest_channel)
    assert len(posts) == 2
    assert "Friday 2 January" in (posts[1].embeds[0].title or "")


async def test_a_digest_missed_while_down_is_posted_on_start(newsroom: Newsroom) -> None:
    digest_channel = newsroom.guild.create_text_channel("digest")
    await _set_digest(newsroom, digest_channel)
    await _post(newsroom, "port-strike")
    # The scheduler is down over the digest hour.
    await newsroom.bot.remove_cog("DigestPoster")
    await _advance_to(newsroom, datetime(2026, 1, 1, 20, 0, tzinfo=UTC))
    assert _bot_posts(newsroom, digest_channel) == []

    await _restart(newsroom)

    (post,) = _bot_posts(newsroom, digest_channel)
    assert post.created_at == datetime(2026, 1, 1, 20, 0, tzinfo=UTC)


async def test_a_quiet_day_posts_nothing_unless_the_note_is_on(newsroom: Newsroom) -> None:
    digest_channel = newsroom.guild.create_text_channel("digest")
    await _set_digest(newsroom, digest_channel)
    await _advance_to(newsroom, datetime(2026, 1, 1, 19, 0, tzinfo=UTC))
    assert _bot_posts(newsroom, digest_channel) == []

    await newsroom.editor.slash(newsroom.channel, "settings", quiet_day_note=True)
    await _advance_to(newsroom, datetime(2026, 1, 2, 19, 0, tzinfo=UTC))
    (note,) = _bot_posts(newsroom, digest_channel)
    assert "quiet day" in (note.embeds[0].description or "")
    assert note.attachments == []


async def test_a_failed_post_is_retried_and_shown_in_settings(newsroom: Newsroom) -> None:
    digest_channel = newsroom.guild.create_text_channel("digest")
    await _set_digest(newsroom, digest_channel)
    await _post(newsroom, "port-strike")
    newsroom.env.inject_error(
        "POST",
        f"/channels/{digest_channel.id}/messages",
        status=403,
        code=50001,
        message="Missing Access",
    )
    await _advance_to(newsroom, datetime(2026, 1, 1, 18, 0, 30, tzinfo=UTC))
    assert _bot_posts(newsroom, digest_channel) == []
    shown = await newsroom.editor.slash(newsroom.channel, "settings")
    assert shown.response is not None
    last = next(f for f in shown.response.embeds[0].fields if f.name == "Last digest")
    assert "failed after 1 tries" in (last.value or "")
    assert "missing permission" in (last.value or "")

    await _advance_to(newsroom, datetime(2026, 1, 1, 18, 2, tzinfo=UTC))
    (post,) = _bot_posts(newsroom, digest_channel)
    assert post.created_at == datetime(2026, 1, 1, 18, 1, tzinfo=UTC)


async def test_the_hour_keeps_its_wall_clock_across_a_daylight_saving_change(
    newsroom: Newsroom,
) -> None:
    # New York moves to summer time on Sunday 8 March 2026: 18:00 is 23:00 UTC, then 22:00 UTC.
    # No hourly re-checks: the scheduler wakes only at digest hours over the two months.
    await _restart(newsroom, digest_check_seconds=86400)
    digest_channel = newsroom.guild.create_text_channel("digest")
    await _set_digest(newsroom, digest_channel, "18:00", "America/New_York")
    await _advance_in_days(newsroom, datetime(2026, 3, 7, 12, 0, tzinfo=UTC))
    await _post(newsroom, "port-strike")
    await _advance_to(newsroom, datetime(2026, 3, 8, 12, 0, tzinfo=UTC))
    await _post(newsroom, "night-trains")
    await _advance_to(newsroom, datetime(2026, 3, 9, 12, 0, tzinfo=UTC))

    posts = _bot_posts(newsroom, digest_channel)
    assert [p.created_at for p in posts] == [
        datetime(2026, 3, 7, 23, 0, tzinfo=UTC),
        datetime(2026, 3, 8, 22, 0, tzinfo=UTC),
    ]


async def test_two_servers_digests_never_mix(newsroom: Newsroom) -> None:
    env = newsroom.env
    other = env.create_guild("Valley Gazette")
    admins = other.create_role("Admins", permissions=discord.Permissions(manage_guild=True))
    editor = other.add_member(env.create_user("valley-editor"), roles=[admins])
    reporter = other.add_member(env.create_user("valley-reporter"))
    desk = other.create_text_channel("desk")
    await newsroom.bot.tree.sync()
    await editor.slash(desk, "watch")
    await editor.slash(desk, "digest-channel", time="18:00", timezone="UTC")
    digest_channel = newsroom.guild.create_text_channel("digest")
    await _set_digest(newsroom, digest_channel, zone="UTC")

    await _post(newsroom, "port-strike")
    text = seed_text("night-trains").encode()
    await reporter.send(desk, "", attachments=[("message.txt", text)])
    await _advance_to(newsroom, datetime(2026, 1, 1, 18, 1, tzinfo=UTC))

    ours = _embed_text(_bot_posts(newsroom, digest_channel))
    theirs = _embed_text(
        [
            m
            for m in _bot_posts(newsroom, desk)
            if m.embeds and "Daily digest" in (m.embeds[0].title or "")
        ]
    )
    assert "Dockworkers" in ours and "Dockworkers" not in theirs
    assert "valley-reporter" in theirs and "valley-reporter" not in ours


async def test_the_digest_command_shows_a_day_only_to_the_one_who_asked(
    newsroom: Newsroom,
) -> None:
    digest_channel = newsroom.guild.create_text_channel("digest")
    await _set_digest(newsroom, digest_channel)
    await _post(newsroom, "port-strike")

    asked = await newsroom.reporter.slash(newsroom.channel, "digest", date="2026-01-01")
    refused = await newsroom.reporter.slash(newsroom.channel, "digest", date="1 Jan")

    assert asked.response is not None and asked.response.ephemeral
    assert asked.response.embeds[0].title == "Daily digest · Thursday 1 January 2026"
    assert refused.response is not None and "YYYY-MM-DD" in refused.response.content
    await _advance_to(newsroom, datetime(2026, 1, 1, 18, 1, tzinfo=UTC))
    assert len(_bot_posts(newsroom, digest_channel)) == 1, "/digest never stops the daily post"


async def test_settings_commands_need_manage_server(newsroom: Newsroom) -> None:
    # Discord hides them from members without the permission...
    visible = newsroom.reporter.available_commands(newsroom.channel)
    assert "digest" in visible and not {"digest-channel", "settings"} & set(visible)
    # ...until an admin lets everyone see them in the server's integration settings.
    for command in await newsroom.bot.tree.fetch_commands():
        if command.name in ("digest-channel", "settings"):
            newsroom.guild.set_command_permissions(command, {newsroom.reporter: True})
    for name, options in (("digest-channel", {"time": "09:00"}), ("settings", {})):
        result = await newsroom.reporter.slash(newsroom.channel, name, **options)
        assert result.response is not None and result.response.ephemeral
        assert result.response.content == "You need the Manage Server permission for that."


async def test_bad_time_or_zone_is_refused_with_what_is_accepted(newsroom: Newsroom) -> None:
    bad_time = await newsroom.editor.slash(newsroom.channel, "digest-channel", time="6pm")
    bad_zone = await newsroom.editor.slash(
        newsroom.channel, "digest-channel", time="18:00", timezone="Mars/Olympus"
    )
    assert bad_time.response is not None and "HH:MM" in bad_time.response.content
    assert bad_zone.response is not None and "IANA" in bad_zone.response.content
    shown = await newsroom.editor.slash(newsroom.channel, "digest-channel")
    assert shown.response is not None and "No daily digest is set" in shown.response.content


async def test_timezone_autocompletes_from_the_iana_list(newsroom: Newsroom) -> None:
    choices = await newsroom.editor.autocomplete(
        newsroom.channel, "digest-channel", "timezone", "london"
    )
    assert [c["value"] for c in choices][:1] == ["Europe/London"]


async def test_settings_show_and_change_every_setting(newsroom: Newsroom) -> None:
    digest_channel = newsroom.guild.create_text_channel("digest")
    changed = await newsroom.editor.slash(
        newsroom.channel,
        "settings",
        digest_channel=digest_channel,
        digest_time="07:30",
        timezone="Asia/Seoul",
        quiet_day_note=True,
        min_article_words=200,
    )
    assert changed.response is not None
    fields = {f.name: f.value or "" for f in changed.response.embeds[0].fields}
    assert f"<#{digest_channel.id}> at 07:30 (Asia/Seoul)" in fields["Daily digest"]
    assert fields["Quiet-day note"] == "on"
    assert fields["Minimum words of a pasted article"] == "200"
    assert f"<#{newsroom.channel.id}>" in fields["Watched channels"]

    await newsroom.editor.slash(newsroom.channel, "digest-channel", off=True)
    shown = await newsroom.editor.slash(newsroom.channel, "settings")
    assert shown.response is not None
    fields = {f.name: f.value or "" for f in shown.response.embeds[0].fields}
    assert "No daily digest is set" in fields["Daily digest"]


def _embed_text(messages: list[discord.Message]) -> str:
    parts = []
    for message in messages:
        for embed in message.embeds:
            parts += [embed.title or "", embed.description or ""]
            parts += [f"{f.name}\n{f.value}" for f in embed.fields]
    return "\n".join(parts)


async def test_a_busy_day_goes_on_over_several_messages(newsroom: Newsroom) -> None:
    digest_channel = newsroom.guild.create_text_channel("digest")
    await _set_digest(newsroom, digest_channel)
    reports = busy_day_reports(40)
    times = posting_times(datetime(2026, 1, 1, 8, 0, tzinfo=UTC), len(reports))
    async with newsroom.bot.services.sessionmaker.begin() as session:
        for number, (report, posted_at) in enumerate(zip(reports, times, strict=True)):
            await ArticleRepository(session).add(
                newsroom.guild.id,
                report,
                channel_id=newsroom.channel.id,
                message_id=10_000 + number,
                author_id=newsroom.reporter.id,
                content_hash=f"busy-{number}",
                posted_at=posted_at,
                author_name="reporter",
            )
    await _advance_to(newsroom, datetime(2026, 1, 1, 18, 1, tzinfo=UTC))

    posts = _bot_posts(newsroom, digest_channel)
    assert len(posts) > 1
    assert [a.filename for a in posts[0].attachments] == ["digest-2026-01-01.png"]
    assert all(not p.attachments for p in posts[1:])
    shown = _embed_text(posts)
    assert all(
        f"/channels/{newsroom.guild.id}/{newsroom.channel.id}/{10_000 + n})" in shown
        for n in range(40)
    )
    assert "**40 articles** in 40 stories" in shown
