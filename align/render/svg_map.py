"""The alignment map: source position across, translation position down.

The chosen path runs from the top-left corner to the bottom-right one, drawn over
the similarity of its neighbourhood (``Alignment.neighbourhood``).  A faithful
translation is a path close to the dashed diagonal through a dark band; a missing
chapter is a horizontal run (source goes on, translation does not), an added one a
vertical run, and a passage moved elsewhere shows as a dark patch away from the path.

Long documents are binned so that the picture stays a few kilobytes whatever the
number of sentences: a cell is at least `_MIN_CELL` pixels wide and shows the
highest similarity among the sentence pairs it covers.
"""

from __future__ import annotations

import math
from html import escape
from pathlib import Path

from align.record import DIVERGENCE_THRESHOLD, SEVERITIES, Alignment, Link
from align.render.base import counted

EXTENSIONS: tuple[str, ...] = (".svg",)

#: Smallest drawn cell of the similarity heat map, in pixels.
_MIN_CELL = 2.0
#: Opacity steps of the heat map; each step is drawn as one <path>.
_HEAT_STEPS = (0.1, 0.2, 0.32, 0.46, 0.62, 0.8)
#: Links at or above this divergence (where `align check` counts a link divergent, and the
#: page's "divergent" band begins) are drawn over the path in a warm colour.
_DIVERGENT = DIVERGENCE_THRESHOLD

_MARGIN_LEFT, _MARGIN_TOP, _MARGIN_RIGHT, _MARGIN_BOTTOM = 30.0, 12.0, 12.0, 58.0
#: Width of a digit of the axis labels (11 px system-ui), a little over the usual 0.6 em.
_DIGIT_WIDTH = 7.0

# Presentation attributes (the page's stylesheet overrides them for dark mode).
_INK, _MUTED, _HEAT, _PATH, _WARM = "#1f2933", "#5f6b7a", "#2f6db5", "#14181f", "#c2410c"
_SEVERITY_FILL = {"info": "#5f6b7a", "minor": "#b7791f", "major": "#c2410c", "critical": "#b3261e"}


def render(alignment: Alignment, path: Path) -> dict[Path, bytes]:
    """The map alone, as a standalone SVG file."""
    return {path: render_svg(alignment).encode("utf-8")}


def link_divergence(link: Link) -> float:
    """The link's divergence in [0, 1], or 1 - score when the checks have not run."""
    value = link.divergence if link.divergence is not None else 1.0 - link.score
    if not isinstance(value, int | float) or math.isnan(value):
        return 0.0
    return min(1.0, max(0.0, float(value)))


def path_points(alignment: Alignment) -> list[tuple[int, int]]:
    """Corners of the alignment path in sentence units, collinear points dropped.

    Each link moves the pen from where the previous one ended to just after its
    last source and translation sentence (an empty side does not move).
    """
    points = [(0, 0)]
    x = y = 0
    for link in alignment.links:
        x = max(link.source) + 1 if link.source else x
        y = max(link.translation) + 1 if link.translation else y
        if (x, y) != points[-1]:
            points.append((x, y))
    simplified = points[:2]
    for point in points[2:]:
        (ax, ay), (bx, by) = simplified[-2], simplified[-1]
        if (bx - ax) * (point[1] - by) == (by - ay) * (point[0] - bx):
            simplified[-1] = point  # same direction: extend the segment
        else:
            simplified.append(point)
    return simplified


def render_svg(
    alignment: Alignment, *, width: int = 480, height: int = 480, standalone: bool = True
) -> str:
    """The alignment map as SVG text.

    With ``standalone=False`` the result is an ``<svg>`` element to put inside an
    HTML page (no XML declaration, no background), whose classes the page styles.
    """
    n_source = max(1, len(alignment.source.sentences))
    n_translation = max(1, len(alignment.translation.sentences))
    # The translation's sentence count is written left of the plot, right-aligned 6 px from
    # it: wide enough for its digits ("1926" was clipped to ":926" in 30 px).
    digits = len(str(len(alignment.translation.sentences)))
    left, top = max(_MARGIN_LEFT, 6 + _DIGIT_WIDTH * digits + 4), _MARGIN_TOP
    plot_w = max(40.0, width - left - _MARGIN_RIGHT)
    plot_h = max(40.0, height - _MARGIN_TOP - _MARGIN_BOTTOM)
    sx, sy = plot_w / n_source, plot_h / n_translation

    def px(x: float) -> str:
        return _num(left + x * sx)

    def py(y: float) -> str:
        return _num(top + y * sy)

    source_name = alignment.source.name or "source"
    translation_name = alignment.translation.name or "translation"
    title = f"Alignment map of {source_name} and {translation_name}"
    desc = _description(alignment)
    # Inside HTML the namespace is implied: the page then names no URL at all.
    namespace = ' xmlns="http://www.w3.org/2000/svg"' if standalone else ""
    parts: list[str] = []
    if standalone:
        parts.append('<?xml version="1.0" encoding="UTF-8"?>\n')
    parts.append(
        f'<svg{namespace} class="amap" viewBox="0 0 {width} {height}" '
        f'width="{width}" height="{height}" role="img" aria-labelledby="amap-t amap-d" '
        f'font-family="system-ui, sans-serif" font-size="11" '
        f'data-plot="{_num(left)} {_num(top)} {_num(plot_w)} {_num(plot_h)}" '
        f'data-ns="{len(alignment.source.sentences)}" '
        f'data-nt="{len(alignment.translation.sentences)}">'
        f'<title id="amap-t">{escape(title)}</title><desc id="amap-d">{escape(desc)}</desc>'
    )
    if standalone:
        parts.append(f'<rect width="{width}" height="{height}" fill="#ffffff"/>')
    parts.append(
        f'<rect class="frame" x="{_num(left)}" y="{_num(top)}" width="{_num(plot_w)}" '
        f'height="{_num(plot_h)}" fill="none" stroke="{_MUTED}" stroke-width="0.5"/>'
    )
    parts.extend(_heat(alignment, left, top, plot_w, plot_h))
    parts.append(
        f'<line class="diag" x1="{px(0)}" y1="{py(0)}" x2="{px(n_source)}" '
        f'y2="{py(n_translation)}" stroke="{_MUTED}" stroke-width="0.75" '
        f'stroke-dasharray="3 3"/>'
    )
    points = path_points(alignment)
    if len(points) > 1:
        d = "M" + "L".join(f"{px(x)} {py(y)}" for x, y in points)
        parts.append(
            f'<path class="route" d="{d}" fill="none" stroke="{_PATH}" stroke-width="1.5" '
            f'stroke-linejoin="round" stroke-linecap="round"/>'
        )
    parts.extend(_divergent_links(alignment, px, py))
    parts.extend(_finding_marks(alignment, px, py))
    parts.append(
        f'<circle class="pos" r="4" cx="{px(0)}" cy="{py(0)}" fill="none" '
        f'stroke="{_HEAT}" stroke-width="2" visibility="hidden"/>'
    )
    parts.extend(_axes(alignment, left, top, plot_w, plot_h, height))
    parts.append("</svg>")
    if standalone:
        parts.append("\n")
    return "".join(parts)


def _num(value: float) -> str:
    """A coordinate with at most one decimal, no trailing zeros (keeps the file small)."""
    text = f"{value:.1f}"
    return text[:-2] if text.endswith(".0") else text


def _description(alignment: Alignment) -> str:
    links = alignment.links
    skipped = sum(1 for link in links if link.source and not link.translation)
    added = sum(1 for link in links if link.translation and not link.source)
    return (
        f"{counted(len(alignment.source.sentences), 'source sentence')} across, "
        f"{counted(len(alignment.translation.sentences), 'translation sentence')} down, "
        f"{counted(len(links), 'link')}; {counted(skipped, 'source passage')} without "
        f"translation, {counted(added, 'translation passage')} without source."
    )


def _heat(alignment: Alignment, left: float, top: float, w: float, h: float) -> list[str]:
    """The neighbourhood similarities as one <path> per opacity step."""
    n_source = max(1, len(alignment.source.sentences))
    n_translation = max(1, len(alignment.translation.sentences))
    bins_x = max(1, min(n_source, int(w / _MIN_CELL)))
    bins_y = max(1, min(n_translation, int(h / _MIN_CELL)))
    cells: dict[tuple[int, int], float] = {}
    for i, row in enumerate(alignment.neighbourhood[: len(alignment.source.sentences)]):
        bx = i * bins_x // n_source
        for pair in row:
            if len(pair) < 2:
                continue
            j, similarity = int(pair[0]), float(pair[1])
            if not 0 <= j < n_translation or math.isnan(similarity):
                continue
            key = (bx, j * bins_y // n_translation)
            if similarity > cells.get(key, -math.inf):
                cells[key] = similarity
    if not cells:
        return []
    low, high = min(cells.values()), max(cells.values())
    spread = high - low
    cell_w, cell_h = w / bins_x, h / bins_y
    steps: list[list[str]] = [[] for _ in _HEAT_STEPS]
    for (bx, by), similarity in sorted(cells.items()):
        level = (similarity - low) / spread if spread > 1e-9 else 1.0
        step = min(len(_HEAT_STEPS) - 1, int(level * len(_HEAT_STEPS)))
        steps[step].append(
            f"M{_num(left + bx * cell_w)} {_num(top + by * cell_h)}"
            f"h{_num(cell_w)}v{_num(cell_h)}h-{_num(cell_w)}z"
        )
    return [
        f'<path class="heat" d="{"".join(cmds)}" fill="{_HEAT}" fill-opacity="{opacity}"/>'
        for opacity, cmds in zip(_HEAT_STEPS, steps, strict=True)
        if cmds
    ]


def _link_box(alignment: Alignment) -> list[tuple[int, int, int, int]]:
    """For each link, its (x0, y0, x1, y1) on the map in sentence units."""
    boxes, x, y = [], 0, 0
    for link in alignment.links:
        x0 = min(link.source) if link.source else x
        y0 = min(link.translation) if link.translation else y
        x = max(link.source) + 1 if link.source else x
        y = max(link.translation) + 1 if link.translation else y
        boxes.append((x0, y0, x, y))
    return boxes


def _divergent_links(alignment: Alignment, px, py) -> list[str]:
    strokes = [
        f"M{px(x0)} {py(y0)}L{px(x1)} {py(y1)}"
        for link, (x0, y0, x1, y1) in zip(alignment.links, _link_box(alignment), strict=True)
        if link_divergence(link) >= _DIVERGENT and (x0, y0) != (x1, y1)
    ]
    if not strokes:
        return []
    return [
        f'<path class="warm" d="{"".join(strokes)}" fill="none" stroke="{_WARM}" '
        f'stroke-width="3" stroke-linecap="round"/>'
    ]


def _finding_marks(alignment: Alignment, px, py) -> list[str]:
    marks = []
    for link, (x0, y0, x1, y1) in zip(alignment.links, _link_box(alignment), strict=True):
        if not link.findings:
            continue
        worst = max(
            (f.severity for f in link.findings),
            key=lambda s: SEVERITIES.index(s) if s in SEVERITIES else -1,
        )
        severity = worst if worst in SEVERITIES else "info"
        marks.append(
            f'<circle class="mark {severity}" cx="{px((x0 + x1) / 2)}" '
            f'cy="{py((y0 + y1) / 2)}" r="2.5" fill="{_SEVERITY_FILL[severity]}"/>'
        )
    return marks


def _axes(
    alignment: Alignment, left: float, top: float, w: float, h: float, height: float
) -> list[str]:
    source = alignment.source
    translation = alignment.translation
    source_label = f"{source.name or 'source'}" + (
        f" ({source.language})" if source.language else ""
    )
    translation_label = f"{translation.name or 'translation'}" + (
        f" ({translation.language})" if translation.language else ""
    )
    bottom = top + h
    legend_y = height - 14
    # The legend starts at the drawing's edge, not the plot's: the plot moves right as the
    # translation's sentence count takes more digits, and a legend that followed it ran out
    # of a 300 px drawing ("diverger") from 4 digits on.
    ramp_start = 4 + 58
    ramp = "".join(
        f'<rect class="heat" x="{_num(ramp_start + k * 12)}" y="{_num(legend_y - 8)}" '
        f'width="12" height="10" fill="{_HEAT}" fill-opacity="{opacity}"/>'
        for k, opacity in enumerate(_HEAT_STEPS)
    )
    ramp_end = ramp_start + len(_HEAT_STEPS) * 12
    return [
        f'<g class="axes" fill="{_INK}">',
        f'<text x="{_num(left)}" y="{_num(bottom + 14)}">1</text>',
        f'<text x="{_num(left + w)}" y="{_num(bottom + 14)}" text-anchor="end">'
        f"{len(source.sentences)}</text>",
        f'<text x="{_num(left + w / 2)}" y="{_num(bottom + 14)}" text-anchor="middle">'
        f"{escape(source_label)} →</text>",
        f'<text x="{_num(left - 6)}" y="{_num(top + 9)}" text-anchor="end">1</text>',
        f'<text x="{_num(left - 6)}" y="{_num(bottom)}" text-anchor="end">'
        f"{len(translation.sentences)}</text>",
        f'<text transform="translate({_num(left - 8)} {_num(top + h / 2)}) rotate(-90)" '
        f'text-anchor="middle">{escape(translation_label)}</text>',
        f'<text class="muted" x="4" y="{_num(legend_y)}" fill="{_MUTED}">'
        f"similarity</text>",
        ramp,
        f'<text class="muted" x="{_num(ramp_end + 6)}" y="{_num(legend_y)}" fill="{_MUTED}">'
        f"high</text>",
        f'<line class="warm" x1="{_num(ramp_end + 38)}" y1="{_num(legend_y - 3)}" '
        f'x2="{_num(ramp_end + 54)}" y2="{_num(legend_y - 3)}" stroke="{_WARM}" '
        f'stroke-width="3"/>',
        f'<text class="muted" x="{_num(ramp_end + 58)}" y="{_num(legend_y)}" fill="{_MUTED}">'
        f"divergent</text>",
        "</g>",
    ]
