"""The digest's chart: attendance and evaluation completion over a program's last sessions, as PNG.

Made with matplotlib's object API (no pyplot, no global figure state), loaded on first use so an
idle bot does not carry it. Rendering is CPU work: callers run it in a thread.
"""

from __future__ import annotations

import io
import threading
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

_LOCK = threading.Lock()  # matplotlib's font cache and text layout are not thread-safe
ATTENDED = "#9ecae1"
EVALUATED = "#08519c"


@dataclass(frozen=True)
class Bar:
    label: str  # the session's local date, e.g. "Nov 3"
    attended: int
    evaluated: int  # of those who attended

    @property
    def completion(self) -> float | None:
        return self.evaluated / self.attended if self.attended else None


def attendance_chart(bars: Sequence[Bar], title: str) -> bytes:
    """A small PNG (about 800 x 340 pixels): attended and evaluated per session, completion on top."""
    from matplotlib.figure import Figure  # loaded on first use
    from matplotlib.ticker import MaxNLocator

    with _LOCK:
        figure = Figure(figsize=(8, 3.4), dpi=100)  # fixed margins: a layout engine costs more than the drawing
        figure.subplots_adjust(left=0.07, right=0.85, top=0.88, bottom=0.1)
        axes = figure.subplots()
        positions = range(len(bars))
        attended = [bar.attended for bar in bars]
        axes.bar(positions, attended, width=0.7, color=ATTENDED, label="Attended")
        axes.bar(positions, [bar.evaluated for bar in bars], width=0.7, color=EVALUATED, label="Evaluated")
        top = max(attended, default=0)
        for position, bar in zip(positions, bars, strict=True):
            if bar.completion is not None:
                axes.annotate(f"{bar.completion:.0%}", (position, bar.attended), xytext=(0, 3),
                              textcoords="offset points", ha="center", va="bottom", fontsize=8,
                              color="#333333")  # fmt: skip
        axes.set_xticks(list(positions), [bar.label for bar in bars], fontsize=8)
        axes.set_ylim(0, max(top * 1.18, 5))
        axes.yaxis.set_major_locator(MaxNLocator(integer=True))
        axes.set_ylabel("People", fontsize=9)
        return _finished(figure, axes, title)


BEFORE = "#9ecae1"
AFTER = "#08519c"


@dataclass(frozen=True)
class SurveyBar:
    label: str  # the statement's number
    before: float | None  # mean rating (1-5) of the pairs
    after: float | None


def survey_chart(bars: Sequence[SurveyBar], title: str) -> bytes:
    """A small PNG: the mean self-efficacy rating before and after a series, side by side per statement."""
    from matplotlib.figure import Figure  # loaded on first use

    with _LOCK:
        figure = Figure(figsize=(8, 3.4), dpi=100)
        figure.subplots_adjust(left=0.07, right=0.85, top=0.88, bottom=0.12)
        axes = figure.subplots()
        positions = list(range(len(bars)))
        axes.bar([p - 0.18 for p in positions], [b.before or 0 for b in bars], width=0.36, color=BEFORE,
                 label="Before")  # fmt: skip
        axes.bar([p + 0.18 for p in positions], [b.after or 0 for b in bars], width=0.36, color=AFTER, label="After")
        axes.set_xticks(positions, [f"Statement {b.label}" for b in bars], fontsize=8)
        axes.set_ylim(0, 5.4)
        axes.set_yticks([1, 2, 3, 4, 5])
        axes.set_ylabel("Mean rating", fontsize=9)
        return _finished(figure, axes, title)


def _finished(figure: Any, axes: Any, title: str) -> bytes:
    """The charts' common look (title, light grid, legend at the right, no top or right spine) and the PNG."""
    axes.tick_params(axis="y", labelsize=8)
    axes.set_title(title, fontsize=10, loc="left")
    axes.spines[["top", "right"]].set_visible(False)
    axes.grid(axis="y", color="#e5e5e5", linewidth=0.8)
    axes.set_axisbelow(True)
    axes.legend(loc="upper left", bbox_to_anchor=(1.0, 1.0), fontsize=8, frameon=False)
    buffer = io.BytesIO()
    figure.savefig(buffer, format="png", metadata={"Software": None})
    return buffer.getvalue()
