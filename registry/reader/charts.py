"""Stacked bars per year as inline SVG geometry (no JavaScript); the page's table gives the same
numbers as text. Used by the organization page: ties declared per year, stacked by category."""

from dataclasses import dataclass

WIDTH = 720
PLOT_LEFT = 44
PLOT_WIDTH = WIDTH - PLOT_LEFT - 8
PLOT_TOP, PLOT_HEIGHT = 16, 140
LABELS_Y = PLOT_TOP + PLOT_HEIGHT + 16
HEIGHT = LABELS_Y + 8
MAX_BAR_WIDTH = 40
# Colours for up to eight series, each distinguishable from its neighbours and at least 3:1 on white.
PALETTE = ["#1f5f99", "#b35900", "#2e7d32", "#8e24aa", "#c62828", "#00838f", "#6d4c41", "#5c6bc0"]


@dataclass(frozen=True)
class Segment:
    x: float
    y: float
    height: float
    colour: str
    title: str  # "2024, Consulting fees: 3"


@dataclass(frozen=True)
class Legend:
    label: str
    colour: str


@dataclass(frozen=True)
class StackedBars:
    width: int
    height: int
    bar_width: float
    segments: list[Segment]
    labels: list[tuple[float, int]]  # (x, year)
    legend: list[Legend]
    maximum: int
    plot_left: int = PLOT_LEFT
    plot_bottom: int = PLOT_TOP + PLOT_HEIGHT
    plot_right: int = PLOT_LEFT + PLOT_WIDTH
    labels_y: int = LABELS_Y


def stacked_bars(counts: dict[int, dict[str, int]], series: list[tuple[str, str]]) -> StackedBars | None:
    """`counts[year][series key]`; `series` lists (key, label) in stacking order. None without data."""
    if not counts:
        return None
    years = list(range(min(counts), max(counts) + 1))
    slot = PLOT_WIDTH / len(years)
    bar_width = min(MAX_BAR_WIDTH, slot * 0.7)
    maximum = max(sum(values.values()) for values in counts.values()) or 1
    colours = {key: PALETTE[index % len(PALETTE)] for index, (key, _) in enumerate(series)}
    segments, labels = [], []
    for index, year in enumerate(years):
        x = PLOT_LEFT + index * slot + (slot - bar_width) / 2
        bottom = PLOT_TOP + PLOT_HEIGHT
        for key, label in series:
            value = counts.get(year, {}).get(key, 0)
            if value:
                height = round(PLOT_HEIGHT * value / maximum, 1)
                bottom -= height
                segments.append(
                    Segment(round(x, 1), round(bottom, 1), height, colours[key], f"{year}, {label}: {value}")
                )
        if len(years) <= 12 or index % max(1, len(years) // 10) == 0:
            labels.append((round(x + bar_width / 2, 1), year))
    legend = [Legend(label, colours[key]) for key, label in series]
    return StackedBars(WIDTH, HEIGHT, round(bar_width, 1), segments, labels, legend, maximum)
