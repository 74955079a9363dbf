"""The working types of entity clustering: one mention, and one cluster of mentions."""

from __future__ import annotations

from dataclasses import dataclass, field

from analysis.entities.names import Gender, leading_honorific


@dataclass
class Mention:
    """One mention in the text; `text` is as written, honorific included."""

    start: int
    end: int
    text: str
    label: str

    @property
    def honorific(self) -> str | None:
        """The honorific the mention is written with, if any."""
        return leading_honorific(self.text)


@dataclass
class Cluster:
    """The mentions of one entity while they are being gathered."""

    name: str
    label: str
    mentions: list[Mention] = field(default_factory=list)
    gender: Gender | None = None

    @property
    def last_start(self) -> int:
        """Where the cluster's latest mention starts (-1 when it has none)."""
        return self.mentions[-1].start if self.mentions else -1
