"""The report's pictures, drawn with reportlab.graphics so they stay vectors: the Discover
board, a bar chart per diagnostic instrument, the impact/effort matrix and the road map.

Every picture says in words what its colours say (department initials beside bars, numbers on
the matrix, titles on the road map), so it reads in black and white and for colour-blind
readers. Colours are the departments' own, else the app's Okabe–Ito palette. No Qt here.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Sequence

from .. import model as m
from ..model import blueprint as MB
from ..model import board as B
from ..model import diagnostics as MD
from ..model import priorities as MP
from ..model import vocabulary as V
from . import fonts
from .common import INK, clean, width_of

NO_DEPARTMENT_COLOUR = "#8C8C8C"
FRAME = "#777777"
LIGHT = "#E8E8E8"


def department_colours(workshop: m.Workshop) -> dict[str | None, str]:
    """Department id -> its colour (its own, else the palette's at its position); None (no
    department) -> grey."""
    out: dict[str | None, str] = {None: NO_DEPARTMENT_COLOUR, "": NO_DEPARTMENT_COLOUR}
    for index, department in enumerate(workshop.departments):
        out[department.id] = department.color or V.palette_colour(index)
    return out


def new_drawing(width: float, height: float):
    """An empty drawing whose text is set in the app's font (reportlab would name Helvetica)."""
    from reportlab.graphics.shapes import Drawing

    drawing = Drawing(width, height)
    drawing.initialFontName = fonts.SANS
    return drawing


def _hex(value: str):
    from reportlab.lib import colors

    return colors.HexColor(value)


def _tint(value: str, share: float):
    """`value` mixed with white: `share` 0 is white, 1 the colour itself."""
    from reportlab.lib import colors

    c = colors.HexColor(value)
    return colors.Color(1 - (1 - c.red) * share, 1 - (1 - c.green) * share,
                        1 - (1 - c.blue) * share)


def label(x: float, y: float, value: str, size: float, *, font: str = fonts.SANS,
          anchor: str = "start", fill: str = INK):
    """One line of typed text as a graphics group, each run in a font that has it."""
    from reportlab.graphics.shapes import Group, String

    value = " ".join(clean(value).split())
    total = width_of(value, font, size)
    if anchor == "end":
        x -= total
    elif anchor == "middle":
        x -= total / 2
    group = Group()
    for name, piece in fonts.runs(value):
        face = font if name == fonts.SANS else name
        group.add(String(x, y, piece, fontName=face, fontSize=size, fillColor=_hex(fill)))
        x += width_of(piece, face, size)
    return group


def wrap(value: str, font: str, size: float, room: float, *, most: int = 99) -> list[str]:
    """Typed text broken into lines at most `room` points wide (a word longer than a line is
    cut), at most `most` lines, the last ending in "…" when text is left over."""
    lines: list[str] = []
    for paragraph in clean(value).split("\n"):
        if len(lines) > most:
            break  # what is cut off need not be measured
        line = ""
        for word in paragraph.split():
            if len(lines) > most:
                break
            candidate = f"{line} {word}" if line else word
            if width_of(candidate, font, size) <= room:
                line = candidate
                continue
            if line:
                lines.append(line)
            while width_of(word, font, size) > room and len(word) > 1 and len(lines) <= most:
                cut = max(1, int(len(word) * room / width_of(word, font, size)))
                while cut > 1 and width_of(word[:cut], font, size) > room:
                    cut -= 1
                lines.append(word[:cut])
                word = word[cut:]
            line = word
        lines.append(line)
    while lines and not lines[-1]:
        lines.pop()
    if len(lines) > most:
        lines = lines[:most]
        last = lines[-1]
        while last and width_of(last + "…", font, size) > room:
            last = last[:-1]
        lines[-1] = last + "…"
    return lines


def _arrow_head(x1: float, y1: float, x2: float, y2: float, size: float, colour):
    from reportlab.graphics.shapes import Polygon

    angle = math.atan2(y2 - y1, x2 - x1)
    left = (x2 - size * math.cos(angle - 0.4), y2 - size * math.sin(angle - 0.4))
    right = (x2 - size * math.cos(angle + 0.4), y2 - size * math.sin(angle + 0.4))
    return Polygon([x2, y2, *left, *right], fillColor=colour, strokeColor=None)


def _edge_point(cx: float, cy: float, w: float, h: float, tx: float, ty: float):
    """Where the line from a rectangle's centre towards (tx, ty) leaves the rectangle."""
    dx, dy = tx - cx, ty - cy
    if dx == 0 and dy == 0:
        return cx, cy
    scale = min(w / 2 / abs(dx) if dx else math.inf, h / 2 / abs(dy) if dy else math.inf)
    return cx + dx * scale, cy + dy * scale


# ---------------------------------------------------------------------------------------------
# The Discover board


def board(workshop: m.Workshop, notes: Sequence[m.Note], width: float, max_height: float):
    """The board as the room left it, scaled to fit: clusters as shaded frames with their
    titles, notes with their department's colour as a stripe and their text (legible when the
    PDF is zoomed in, however many notes), links as arrows. None when nothing is on it."""
    from reportlab.graphics.shapes import Line, Rect

    shown = {n.id for n in notes}
    clusters = workshop.discover.clusters
    boxes = [(n.x, n.y, n.w, n.h) for n in notes] + [(c.x, c.y, c.w, c.h) for c in clusters]
    if not boxes:
        return None
    left = min(x for x, _, _, _ in boxes)
    top = min(y for _, y, _, _ in boxes)
    right = max(x + w for x, _, w, _ in boxes)
    bottom = max(y + h for _, y, _, h in boxes)
    pad = 20.0
    left, top, right, bottom = left - pad, top - pad - 30, right + pad, bottom + pad
    scale = min(width / (right - left), max_height / (bottom - top))
    height = (bottom - top) * scale
    drawing = new_drawing(width, height)

    def at(x: float, y: float) -> tuple[float, float]:
        return (x - left) * scale, height - (y - top) * scale

    colours = department_colours(workshop)
    drawing.add(Rect(0, 0, width, height, fillColor=_hex("#FAFAFA"), strokeColor=_hex(FRAME),
                     strokeWidth=0.5))
    title_size = 14 * scale
    for cluster in clusters:
        x, y = at(cluster.x, cluster.y + cluster.h)
        drawing.add(Rect(x, y, cluster.w * scale, cluster.h * scale, fillColor=_hex("#EDEDED"),
                         strokeColor=_hex("#9A9A9A"), strokeWidth=max(0.2, 1.2 * scale), rx=4 * scale,
                         ry=4 * scale))
        if cluster.title.strip() and title_size >= 0.8:
            tx, ty = at(cluster.x + 8, cluster.y + 20)
            line = wrap(cluster.title, fonts.SANS_BOLD, title_size, (cluster.w - 16) * scale,
                        most=1)
            drawing.add(label(tx, ty, line[0] if line else "", title_size, font=fonts.SANS_BOLD))
    by_id = {n.id: n for n in notes}
    link_colour = _hex("#333333")
    labels: list[tuple[float, float, str]] = []  # drawn last, on a white ground, over notes
    for link in workshop.discover.links:
        if link.source not in shown or link.target not in shown:
            continue
        a, b = by_id[link.source], by_id[link.target]
        ax, ay = at(a.x + a.w / 2, a.y + a.h / 2)
        bx, by = at(b.x + b.w / 2, b.y + b.h / 2)
        sx, sy = _edge_point(ax, ay, a.w * scale, a.h * scale, bx, by)
        ex, ey = _edge_point(bx, by, b.w * scale, b.h * scale, ax, ay)
        drawing.add(Line(sx, sy, ex, ey, strokeColor=link_colour, strokeWidth=max(0.3, 2 * scale)))
        drawing.add(_arrow_head(sx, sy, ex, ey, max(2.0, 12 * scale), link_colour))
        if link.label.strip() and 11 * scale >= 0.6:
            labels.append(((sx + ex) / 2, (sy + ey) / 2, link.label))
    size = 13 * scale
    for note in notes:
        x, y = at(note.x, note.y + note.h)
        w, h = note.w * scale, note.h * scale
        colour = note.color or colours.get(note.department, NO_DEPARTMENT_COLOUR)
        drawing.add(Rect(x, y, w, h, fillColor=_hex("#FFFFFF"), strokeColor=_hex("#8A8A8A"),
                         strokeWidth=max(0.15, 0.8 * scale)))
        drawing.add(Rect(x, y + h - 9 * scale, w, 9 * scale, fillColor=_hex(colour),
                         strokeColor=None))
        if size < 0.6:  # a dot: too small to hold text even zoomed in
            continue
        lines = wrap(note.text, fonts.SANS, size, (note.w - 16) * scale,
                     most=max(1, int((note.h - 22) / 16)))
        ty = y + h - 9 * scale - size * 1.25
        for line in lines:
            drawing.add(label(x + 8 * scale, ty, line, size))
            ty -= size * 1.2
    size = 11 * scale
    for mx, my, words in labels:
        line = (wrap(words, fonts.SANS, size, 160 * scale, most=1) or [""])[0]
        w = width_of(line, fonts.SANS, size)
        drawing.add(Rect(mx - w / 2 - 2 * scale, my - 3 * scale, w + 4 * scale, size * 1.3,
                         fillColor=_hex("#FFFFFF"), strokeColor=None))
        drawing.add(label(mx, my, line, size, anchor="middle", fill="#333333"))
    return drawing


# ---------------------------------------------------------------------------------------------
# A diagnostic instrument


def instrument(results: Sequence[MD.StatementResult], scale: str,
               departments: Sequence[tuple[str, str, str]], width: float,
               max_height: float) -> list:
    """Bars of each department's mean score, statement by statement, as one drawing or, for a
    long instrument, several (each at most `max_height` tall, each with the scale at its foot).
    `departments` is (group key, name, colour) in the order to draw them; each bar carries the
    department's initials and its mean in words, so colour is never the only clue."""
    from reportlab.graphics.shapes import Line, Rect

    lo, hi = MD.SCALES[scale]
    labels = MD.scale_labels(scale)
    left_w = width * 0.34
    plot_x, plot_w = left_w + 8, width - left_w - 8 - 44
    bar_h, gap, block_gap, axis_h = 8.5, 1.5, 9.0, 28.0
    blocks = []
    for result in results:
        shown = [(key, name, colour) for key, name, colour in departments if key in result.groups]
        lines = wrap(result.statement.title, fonts.SANS, 9, left_w, most=8)
        bars_h = max(1, len(shown)) * (bar_h + gap)
        blocks.append((result, shown, lines, max(bars_h, len(lines) * 11)))
    chunks: list[list] = [[]]
    used = axis_h
    for block in blocks:
        need = block[3] + block_gap
        if chunks[-1] and used + need > max_height:
            chunks.append([])
            used = axis_h
        chunks[-1].append(block)
        used += need

    def x_of(score: float) -> float:
        return plot_x + (score - lo) / (hi - lo) * plot_w if hi > lo else plot_x

    drawings = []
    for chunk in chunks:
        height = sum(h for *_rest, h in chunk) + block_gap * len(chunk) + axis_h
        drawing = new_drawing(width, height)
        # the scale, at the foot: a grid line and a label for every score
        for score in range(lo, hi + 1):
            x = x_of(score)
            drawing.add(Line(x, axis_h - 4, x, height, strokeColor=_hex(LIGHT), strokeWidth=0.6))
            drawing.add(label(x, axis_h - 14, str(score), 8, anchor="middle"))
            drawing.add(label(x, axis_h - 24, labels.get(score, ""), 7, anchor="middle",
                              fill="#4D4D4D"))
        drawing.add(Line(plot_x, axis_h - 4, plot_x + plot_w, axis_h - 4,
                         strokeColor=_hex(FRAME), strokeWidth=0.6))
        y = height
        for result, shown, lines, block_h in chunk:
            y -= block_gap
            ty = y - 9
            for line in lines:
                drawing.add(label(0, ty, line, 9))
                ty -= 11
            by = y
            if not shown:
                drawing.add(label(plot_x, y - 9, "nobody scored this statement", 8,
                                  fill="#4D4D4D"))
            for key, name, colour in shown:
                value = result.groups[key]
                by -= bar_h + gap
                drawing.add(Rect(plot_x, by, max(0.5, x_of(value) - plot_x), bar_h,
                                 fillColor=_hex(colour), strokeColor=_hex("#555555"),
                                 strokeWidth=0.3))
                words = f"{B.initials(name) or name[:3]} {value:.1f}"
                drawing.add(label(x_of(value) + 3, by + 1.8, words, 7))
            y -= block_h
            drawing.add(Line(0, y - block_gap / 2, width, y - block_gap / 2,
                             strokeColor=_hex(LIGHT), strokeWidth=0.4))
        drawings.append(fit(drawing, width, max_height))  # one statement taller than a page
    return drawings


def fit(drawing, max_width: float, max_height: float):
    """`drawing` scaled down (never up) to fit the box, keeping its shape."""
    factor = min(1.0, max_width / drawing.width, max_height / drawing.height)
    if factor < 1.0:
        drawing.scale(factor, factor)
        drawing.width, drawing.height = drawing.width * factor, drawing.height * factor
    return drawing


def legend(entries: Iterable[tuple[str, str]], width: float):
    """Swatches and names (name, colour), flowing onto as many lines as they need."""
    from reportlab.graphics.shapes import Rect

    size, line_h = 8.5, 13
    placed, x, row = [], 0.0, 0
    for name, colour in entries:
        words = f"{name} ({B.initials(name)})" if B.initials(name) else name
        w = 14 + width_of(clean(words), fonts.SANS, size) + 14
        if x and x + w > width:
            x, row = 0.0, row + 1
        placed.append((x, row, words, colour))
        x += w
    drawing = new_drawing(width, (row + 1) * line_h)
    for x, r, words, colour in placed:
        y = drawing.height - (r + 1) * line_h + 3
        drawing.add(Rect(x, y, 9, 9, fillColor=_hex(colour), strokeColor=_hex("#555555"),
                         strokeWidth=0.3))
        drawing.add(label(x + 13, y + 1, words, size))
    return drawing


# ---------------------------------------------------------------------------------------------
# The impact/effort matrix


def matrix(placed: Sequence[tuple[int, m.Improvement]], width: float):
    """The 5 × 5 impact/effort square with its four quadrants named, and each scored
    improvement as a numbered dot (the numbers are listed beside the chart in the report)."""
    from reportlab.graphics.shapes import Circle, Line, Rect

    side = min(width, 330.0)
    margin_l, margin_b = 44, 34
    drawing = new_drawing(side + margin_l + 8, side + margin_b + 8)
    x0, y0 = margin_l, margin_b
    step = side / 5

    def xy(effort: float, impact: float) -> tuple[float, float]:
        return x0 + (effort - 0.5) * step, y0 + (impact - 0.5) * step

    split_x = x0 + (MP.HIGH_EFFORT - 1) * step
    split_y = y0 + (MP.HIGH_IMPACT - 1) * step
    fills = {"quick_wins": "#E3F1EA", "big_bets": "#E4EEF7", "fill_ins": "#F4F4F4",
             "avoid": "#F9E9E1"}
    quadrants = {
        "quick_wins": (x0, split_y, split_x - x0, y0 + side - split_y),
        "big_bets": (split_x, split_y, x0 + side - split_x, y0 + side - split_y),
        "fill_ins": (x0, y0, split_x - x0, split_y - y0),
        "avoid": (split_x, y0, x0 + side - split_x, split_y - y0),
    }
    for key, (x, y, w, h) in quadrants.items():
        drawing.add(Rect(x, y, w, h, fillColor=_hex(fills[key]), strokeColor=None))
        drawing.add(label(x + w / 2, y + h - 14, MP.QUADRANT_TITLES[key], 10,
                          font=fonts.SANS_BOLD, anchor="middle", fill="#333333"))
    drawing.add(Rect(x0, y0, side, side, fillColor=None, strokeColor=_hex(FRAME), strokeWidth=0.8))
    drawing.add(Line(split_x, y0, split_x, y0 + side, strokeColor=_hex(FRAME), strokeWidth=0.6))
    drawing.add(Line(x0, split_y, x0 + side, split_y, strokeColor=_hex(FRAME), strokeWidth=0.6))
    for n in range(1, 6):
        drawing.add(label(xy(n, 1)[0], y0 - 12, str(n), 8, anchor="middle"))
        drawing.add(label(x0 - 8, xy(1, n)[1] - 3, str(n), 8, anchor="end"))
    drawing.add(label(x0 + side / 2, y0 - 26, "Effort  →  more", 9, anchor="middle"))
    axis = label(0, 0, "Impact  →  more", 9, anchor="middle")
    axis.transform = (0, 1, -1, 0, 14, y0 + side / 2)
    drawing.add(axis)
    cells: dict[tuple[int, int], list[int]] = {}
    for number, improvement in placed:
        cells.setdefault((improvement.effort, improvement.impact), []).append(number)
    for (effort, impact), numbers in cells.items():
        cx, cy = xy(min(max(effort, 1), 5), min(max(impact, 1), 5))
        count = len(numbers)
        # one dot in the middle of its cell; several on a grid filling the cell, smaller as
        # they grow in number, so no number ever covers another
        across = math.ceil(math.sqrt(count))
        down = math.ceil(count / across)
        pitch = min(21.0, (step - 4) / across, (step - 4) / down)
        radius = min(8.5, pitch / 2 - 0.5)
        size = min(8.0, radius * 0.95 * (2 if max(numbers) < 10 else 1.5 if max(numbers) < 100
                                          else 1.1))
        for i, number in enumerate(numbers):
            column, row = i % across, i // across
            px = cx + (column - (across - 1) / 2) * pitch
            py = cy + ((down - 1) / 2 - row) * pitch
            drawing.add(Circle(px, py, radius, fillColor=_hex("#1F3A5F"),
                               strokeColor=_hex("#FFFFFF"), strokeWidth=0.6))
            drawing.add(label(px, py - size * 0.36, str(number), size, font=fonts.SANS_BOLD,
                              anchor="middle", fill="#FFFFFF"))
    return drawing


# ---------------------------------------------------------------------------------------------
# The road map


def gantt(workshop: m.Workshop, width: float, max_height: float) -> list:
    """The road map as a Gantt chart: months and quarters across, a lane per department (and
    one for work across departments), each milestone a bar in its lane's colour with its title.
    A milestone outside the period has a dashed red border and "⚠" before its title. A long
    road map is cut between lanes into drawings at most `max_height` tall, each with the months
    on top. An empty list when there is no milestone to draw."""
    bp = workshop.blueprint
    milestones = [ms for ms in bp.milestones if _valid(ms)]
    span = MB.shown_span(bp.start, bp.end, milestones)
    if not milestones or span is None:
        return []
    first, last = span
    months = MB.months(first, last)
    lane_w = min(120.0, width * 0.2)
    plot_x = lane_w + 6
    month_w = (width - plot_x) / len(months)
    row_h, lane_gap, head_h = 15.0, 6.0, 30.0
    by_lane: dict[str | None, list[m.Milestone]] = {}
    for ms in milestones:
        by_lane.setdefault(MB.lane_of(ms, workshop.departments), []).append(ms)
    lanes = [lane for lane in MB.lanes(workshop.departments) if lane in by_lane]
    outside = {ms.id for ms in milestones if MB.placement(ms, bp.start, bp.end) != MB.INSIDE}
    base = MB.month_index(first)

    def title_of(ms: m.Milestone) -> str:
        return ("⚠ " if ms.id in outside else "") + " ".join(clean(ms.title).split())

    def beside(ms: m.Milestone) -> bool:
        """Whether the title goes to the right of its bar (it does not fit in it, and there
        is room on the right)."""
        bar = MB.months_between(ms.start, ms.end) * month_w
        need = width_of(title_of(ms), fonts.SANS, 7) + 6
        return need > bar and MB.month_index(ms.end) - base + 1 + need / month_w <= len(months)

    def extent(ms: m.Milestone) -> tuple[int, int]:
        a, b = MB.month_index(ms.start), MB.month_index(ms.end)
        if beside(ms):
            b += math.ceil((width_of(title_of(ms), fonts.SANS, 7) + 6) / month_w)
        return a, b

    rows = {lane: MB.stack_rows(by_lane[lane], extent) for lane in lanes}
    lane_h = {lane: (max(rows[lane].values()) + 1) * row_h for lane in lanes}
    chunks: list[list[str | None]] = [[]]
    used = head_h + 4
    for lane in lanes:
        need = lane_h[lane] + lane_gap
        if chunks[-1] and used + need > max_height:
            chunks.append([])
            used = head_h + 4
        chunks[-1].append(lane)
        used += need
    layout = _GanttLayout(workshop, months, plot_x, lane_w, month_w, row_h, lane_gap, head_h)
    drawings = []
    for chunk in chunks:
        height = head_h + sum(lane_h[lane] for lane in chunk) + lane_gap * len(chunk) + 4
        drawing = layout.frame(width, height)
        y = height - head_h
        for lane in chunk:
            y -= lane_gap
            layout.lane(drawing, lane, y, lane_h[lane], by_lane[lane], rows[lane], outside,
                        title_of, beside)
            y -= lane_h[lane]
        drawings.append(fit(drawing, width, max_height))
    return drawings


class _GanttLayout:
    def __init__(self, workshop: m.Workshop, months: list[str], plot_x: float, lane_w: float,
                 month_w: float, row_h: float, lane_gap: float, head_h: float):
        self.colours = department_colours(workshop)
        self.names = {d.id: d.name for d in workshop.departments}
        self.months, self.plot_x, self.lane_w, self.month_w = months, plot_x, lane_w, month_w
        self.row_h, self.lane_gap, self.head_h = row_h, lane_gap, head_h
        self.base = MB.month_index(months[0])

    def x_of(self, month: str) -> float:
        return self.plot_x + (MB.month_index(month) - self.base) * self.month_w

    def frame(self, width: float, height: float):
        """An empty chart: quarters and months across the top, a line between quarters."""
        from reportlab.graphics.shapes import Line, Rect

        drawing = new_drawing(width, height)
        top = height - self.head_h
        for quarter in MB.quarters(self.months[0], self.months[-1]):
            qx = self.x_of(quarter.first)
            qw = MB.months_between(quarter.first, quarter.last) * self.month_w
            drawing.add(Rect(qx, height - 14, qw, 14, fillColor=_hex("#E3E3E3"),
                             strokeColor=_hex("#FFFFFF"), strokeWidth=1))
            words = quarter.label if width_of(quarter.label, fonts.SANS_BOLD, 8) < qw - 4 \
                else f"Q{quarter.number}"
            if width_of(words, fonts.SANS_BOLD, 8) < qw - 2:
                drawing.add(label(qx + qw / 2, height - 10.5, words, 8, font=fonts.SANS_BOLD,
                                  anchor="middle"))
            drawing.add(Line(qx, 2, qx, top, strokeColor=_hex("#BDBDBD"), strokeWidth=0.5))
        size = 7 if self.month_w >= 16 else 6
        for month in self.months:
            words = MB.month_name(month, short=True)
            if self.month_w < 14:
                words = words[0]
            if width_of(words, fonts.SANS, size) < self.month_w:
                drawing.add(label(self.x_of(month) + self.month_w / 2, top + 4, words, size,
                                  anchor="middle", fill="#4D4D4D"))
        return drawing

    def lane(self, drawing, lane: str | None, y: float, height: float,
             milestones: list[m.Milestone], rows: dict[str, int], outside: set[str],
             title_of, beside) -> None:
        from reportlab.graphics.shapes import Rect

        drawing.add(Rect(0, y - height, drawing.width, height, fillColor=_hex("#F6F6F6"),
                         strokeColor=None))
        name = self.names.get(lane, "Across departments") if lane is not None \
            else "Across departments"
        for i, line in enumerate(wrap(name, fonts.SANS_BOLD, 8, self.lane_w - 4,
                                      most=max(1, int(height // 10)))):
            drawing.add(label(2, y - 10 - i * 10, line, 8, font=fonts.SANS_BOLD))
        colour = self.colours.get(lane, NO_DEPARTMENT_COLOUR)
        for ms in milestones:
            bx = self.x_of(ms.start)
            bw = MB.months_between(ms.start, ms.end) * self.month_w
            by = y - (rows[ms.id] + 1) * self.row_h + 2
            flagged = ms.id in outside
            drawing.add(Rect(bx + 0.5, by, max(1.0, bw - 1), self.row_h - 4,
                             fillColor=_tint(colour, 0.55),
                             strokeColor=_hex("#C0392B" if flagged else "#444444"),
                             strokeWidth=1.2 if flagged else 0.5,
                             strokeDashArray=[3, 2] if flagged else None))
            if beside(ms):
                drawing.add(label(bx + bw + 3, by + 3.3, title_of(ms), 7))
            else:
                lines = wrap(title_of(ms), fonts.SANS, 7, max(4.0, bw - 5), most=1)
                drawing.add(label(bx + 3, by + 3.3, lines[0] if lines else "", 7))


def _valid(milestone: m.Milestone) -> bool:
    from ..model.rules import is_month

    return is_month(milestone.start) and is_month(milestone.end) and milestone.start <= milestone.end
