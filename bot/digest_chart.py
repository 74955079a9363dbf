"""The digest's chart: the day's most mentioned people and organisations as a PNG bar chart.

Drawn with matplotlib's Agg backend (no display), through its object API rather than pyplot, so
no global figure state is shared between calls; callers run it off the event loop.
"""

from __future__ import annotations

import io
from collections.abc import Sequence
from typing import Protocol

from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.figure import Figure

# 1000 x 560 px: Discord shows an embed image about 400 px wide, where 13 pt labels still read.
SIZE_INCHES = (10.0, 5.6)
DPI = 100
LABEL_CHARS = 32
_COLOURS = {"PERSON": "#2962a0", "ORG": "#d9822b"}


class Counted(Protocol):
    """What a bar shows: a name, its kind (PERSON or ORG) and its mentions."""

    @property
    def name(self) -> str: ...
    @property
    def label(self) -> str: ...
    @property
    def mentions(self) -> int: ...


def mentions_chart(entities: Sequence[Counted], title: str) -> bytes:
    """A horizontal bar chart of mentions per entity, most mentioned on top, as PNG bytes."""
    figure = Figure(figsize=SIZE_INCHES, dpi=DPI, layout="constrained")
    FigureCanvasAgg(figure)
    axes = figure.add_subplot()
    shown = list(reversed(entities))  # barh draws bottom-up: the first entity goes on top
    labels = [_label(entity.name) for entity in shown]
    counts = [entity.mentions for entity in shown]
    bars = axes.barh(labels, counts, color=[_COLOURS.get(e.label, "#888888") for e in shown])
    axes.bar_label(bars, padding=3, fontsize=12)
    axes.set_title(title, fontsize=16, loc="left")
    axes.set_xlabel(
        "Mentions across the day's articles (blue: people, orange: organisations)", fontsize=12
    )
    axes.tick_params(axis="y", labelsize=13)
    axes.tick_params(axis="x", labelsize=11)
    axes.spines[["top", "right"]].set_visible(False)
    axes.margins(x=0.12)
    buffer = io.BytesIO()
    figure.savefig(buffer, format="png")
    return buffer.getvalue()


def _label(name: str) -> str:
    return name if len(name) <= LABEL_CHARS else name[: LABEL_CHARS - 1].rstrip() + "…"
