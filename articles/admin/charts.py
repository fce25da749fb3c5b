"""The desk's charts: SVG drawn on the server by pygal, inline in the page (nothing fetched).

Colours that must follow the admin's light or dark theme are its CSS variables (an inline SVG
inherits them); the series colours are mid-tones readable on both. Every chart comes with a
table in the page (the text fallback), so the SVG is marked up as an image with a label.
"""

import math
import re

import pygal
from django.utils.safestring import mark_safe
from pygal.maps.world import World
from pygal.style import Style

SERIES_COLOURS = (
    "#4e79a7", "#f28e2b", "#59a14f", "#e15759", "#b07aa1",
    "#76b7b2", "#edc948", "#9c755f", "#ff9da7", "#bab0ac",
)  # fmt: skip
DESK_STYLE = Style(
    background="transparent",
    plot_background="transparent",
    foreground="var(--body-fg, #333)",
    foreground_strong="var(--body-fg, #333)",
    foreground_subtle="var(--hairline-color, #ccc)",
    font_family="var(--font-family-primary, sans-serif)",
    label_font_size=11,
    major_label_font_size=11,
    legend_font_size=12,
    value_font_size=11,
    opacity=".85",
    opacity_hover="1",
    colors=SERIES_COLOURS,
)
# No pygal scripts (they would come from its CDN): the tables carry the numbers.
COMMON = {"style": DESK_STYLE, "js": [], "disable_xml_declaration": True, "explicit_size": False}


def _svg(chart, label: str, nested_map=False) -> str:
    """The chart as inline SVG markup, announced to screen readers as one labelled image.

    ``nested_map``: the chart holds the map's own SVG document, which Python's ElementTree
    writes with an ``ns0:`` prefix an HTML page does not read as SVG (and with a metadata block
    of its file, 30 KB nobody sees): both are taken out.
    """
    svg = chart.render(is_unicode=True)
    # A linked shape's label is its accessible name; as a <title> it is also the mouse's tooltip.
    svg = re.sub(r'(<a [^>]*aria-label="([^"]*)"[^>]*>)', r"\1<title>\2</title>", svg)
    if nested_map:
        svg = re.sub(r"<(/?)ns0:", r"<\1", svg)
        svg = re.sub(r"<metadata>.*?</metadata>", "", svg, count=1, flags=re.DOTALL)
    return mark_safe(svg.replace("<svg ", f'<svg role="img" aria-label="{label}" ', 1))


def timeline(labels: list[str], series: list[tuple[str, list[int]]]) -> str:
    """Stacked bars: one bar per period, one colour per source or topic."""
    chart = pygal.StackedBar(
        **COMMON, width=900, height=320, x_label_rotation=-45, legend_at_bottom=True,
        legend_at_bottom_columns=4, show_minor_x_labels=False,
        x_labels_major_every=max(1, len(labels) // 12), truncate_legend=30,
    )  # fmt: skip
    chart.x_labels = labels
    for name, counts in series:
        chart.add(name, counts)
    return _svg(chart, "Articles over time")


def _link(row: dict, link) -> dict:
    """The attributes of a shape's link: where it goes, and what it is (name and count)."""
    return {"href": link(row), "aria-label": f"{row['name']}: {row['filtered_count']} articles"}


def world_map(countries: list[dict], link) -> str:
    """Countries shaded by how many articles name them; each links to ``link(country)``."""
    # The countries no article names are drawn in the plot background: make it the theme's.
    style = Style(**{**DESK_STYLE.__dict__, "plot_background": "var(--darkened-bg, #f8f8f8)"})
    chart = World(**{**COMMON, "style": style}, width=900, height=460, show_legend=False)
    chart.add(
        "articles",
        [
            {"value": (c["code"].lower(), c["filtered_count"]), "xlink": _link(c, link)}
            for c in countries
        ],
    )
    return _svg(chart, "World map of articles by country", nested_map=True)


def ranked_bars(rows: list[dict], label: str, link) -> str:
    """Horizontal bars, most first, each linking to ``link(row)``."""
    chart = pygal.HorizontalBar(
        **COMMON, width=420, height=40 + 24 * max(len(rows), 1), show_legend=False,
        print_values=True, show_x_labels=False, truncate_label=24,
    )  # fmt: skip
    chart.x_labels = [r["name"] for r in reversed(rows)]
    chart.add(
        label, [{"value": r["filtered_count"], "xlink": _link(r, link)} for r in reversed(rows)]
    )
    return _svg(chart, label)


def sparkline(counts: list[int], label: str) -> str:
    """A word-sized line of counts per period."""
    chart = pygal.Line(**COMMON, width=140, height=28, show_dots=False, fill=True)
    chart.add(label, counts)
    svg = chart.render_sparkline(interpolate=None, is_unicode=True)
    return mark_safe(svg.replace("<svg ", f'<svg role="img" aria-label="{label}" ', 1))


def network(pairs: list[dict], names: dict[int, str]) -> str:
    """Persons on a circle, a line for each pair named together (thicker: more articles)."""
    ids = sorted({p[key] for p in pairs for key in ("person", "other")})
    place = {
        pk: (math.cos(2 * math.pi * i / len(ids)), math.sin(2 * math.pi * i / len(ids)))
        for i, pk in enumerate(ids)
    }
    most = max((p["article_count"] for p in pairs), default=1)
    style = Style(**{**DESK_STYLE.__dict__, "colors": ("#bab0ac",) * len(pairs) + ("#4e79a7",)})
    chart = pygal.XY(
        **{**COMMON, "style": style}, width=560, height=460, show_legend=False,
        show_x_labels=False, show_y_labels=False, show_x_guides=False, show_y_guides=False,
        range=(-1.3, 1.3), xrange=(-1.6, 1.6), print_labels=True, dots_size=6,
    )  # fmt: skip
    for pair in pairs:
        width = 1 + 5 * pair["article_count"] / most
        chart.add(
            f"{names[pair['person']]} – {names[pair['other']]}",
            [place[pair["person"]], place[pair["other"]]],
            stroke_style={"width": width}, show_dots=False,
        )  # fmt: skip
    chart.add(
        "persons",
        [{"value": place[pk], "label": names[pk]} for pk in ids],
        stroke=False,
    )
    return _svg(chart, "Persons most often named together")
