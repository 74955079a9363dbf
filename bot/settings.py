"""Settings from the environment and .env, read once by the composition root."""

from __future__ import annotations

import os

from pydantic import Field, SecretStr, field_validator, model_validator
from pydantic_settings import BaseSettings, SettingsConfigDict

from handlers.forget_guild import DEFAULT_FORGET_AFTER_DAYS
from handlers.input_cap import DEFAULT_MAX_ARTICLE_CHARS, SPACY_MAX_CHARS
from handlers.services import DEFAULT_MAX_LINKS_PER_MESSAGE


def cores() -> int:
    """The number of cores this process may use."""
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not on Linux
        return os.cpu_count() or 1


class Settings(BaseSettings):
    """Every setting of the bot; each is listed in .env.example."""

    model_config = SettingsConfigDict(
        env_prefix="NEWSBOT_", env_file=".env", env_file_encoding="utf-8", extra="ignore"
    )

    # DISCORD_TOKEN is the name Discord's own docs and most hosts use, so it has no prefix.
    discord_token: SecretStr | None = Field(default=None, validation_alias="DISCORD_TOKEN")
    database_url: str = "sqlite+aiosqlite:///newsbot.db"
    # Upgrade the database to this version's schema on start; off, a database that is behind
    # stops the bot with a message naming `newsbot db upgrade`.
    auto_migrate: bool = True
    spacy_model: str = "en_core_web_sm"
    min_article_words: int = 120
    fetch_timeout_seconds: float = 20.0
    fetch_connect_timeout_seconds: float = 5.0
    fetch_max_bytes: int = 5 * 1024 * 1024
    fetch_max_redirects: int = 5
    # Loopback fetching is for tests and the demo only; a newsroom bot must not reach it.
    fetch_allow_loopback: bool = False
    user_agent: str = "newsbot/0.1 (+Discord newsroom bot)"
    attachment_max_bytes: int = 2 * 1024 * 1024
    # Longer texts are refused with a message; the README's Limits say what it costs and why.
    max_article_chars: int = Field(default=DEFAULT_MAX_ARTICLE_CHARS, gt=0, le=SPACY_MAX_CHARS)
    # `newsbot run` analyses in this many worker processes, each with its own pipeline
    # (empty: one per core). The demo, tests and `newsbot analyze` use one thread instead.
    analysis_workers: int = Field(default_factory=cores, ge=1)
    # spaCy pipelines are not documented as thread-safe, so the thread path runs one at a time.
    analysis_threads: int = 1
    # A message with more links is read up to this many, and says it skipped the rest.
    max_links_per_message: int = Field(default=DEFAULT_MAX_LINKS_PER_MESSAGE, ge=1)
    # A deleted source message: its article is kept and its answer says so (false), or the
    # article is forgotten as /forget does (true).
    forget_deleted_sources: bool = False
    # On start the bot reads what was posted in watched channels while it was away: at most
    # this far back, and at most this many messages per channel.
    catch_up_hours: float = Field(default=24.0, ge=0)
    catch_up_messages: int = Field(default=200, ge=0)
    # Reacting with 📰 to a message in any channel the bot can read asks for its analysis.
    newspaper_reaction: bool = True
    log_level: str = "INFO"
    # The digest scheduler re-reads every schedule this often, to see changes made through
    # another bot process on the same database (its own commands re-plan it at once).
    digest_check_seconds: float = 3600.0
    # A server the bot was removed from has its data deleted this many days later, unless the
    # bot is added back before then (`newsbot forget-guild ID` deletes it at once).
    forget_guild_after_days: float = Field(default=DEFAULT_FORGET_AFTER_DAYS, ge=0)
    # PostgreSQL only: connections each bot process keeps open, and how many more it may open
    # under a burst (SQLAlchemy's pool_size and max_overflow). Several processes on one
    # server: keep their sum under PostgreSQL's max_connections (100 by default).
    database_pool_size: int = Field(default=5, ge=1)
    database_max_overflow: int = Field(default=10, ge=0)
    # Gateway shards (README, "Growing past one process"): unset, one process serves every
    # server. With a count, this process serves the shards of NEWSBOT_SHARD_IDS (a JSON list,
    # e.g. [0,1]; unset: all of them), and other processes on the same database the rest.
    shard_count: int | None = Field(default=None, ge=1)
    shard_ids: list[int] | None = None

    @field_validator("shard_count", "shard_ids", mode="before")
    @classmethod
    def _empty_means_unsharded(cls, value: object) -> object:
        return None if value in ("", None) else value

    @model_validator(mode="after")
    def _shards_in_range(self) -> Settings:
        if self.shard_ids is None:
            return self
        if self.shard_count is None:
            raise ValueError("NEWSBOT_SHARD_IDS needs NEWSBOT_SHARD_COUNT")
        wrong = [i for i in self.shard_ids if not 0 <= i < self.shard_count]
        if wrong or not self.shard_ids or len(set(self.shard_ids)) != len(self.shard_ids):
            raise ValueError(
                f"NEWSBOT_SHARD_IDS must be distinct shards from 0 to {self.shard_count - 1}"
            )
        return self

    @field_validator("analysis_workers", mode="before")
    @classmethod
    def _empty_means_one_per_core(cls, value: object) -> object:
        return cores() if value in ("", None) else value
