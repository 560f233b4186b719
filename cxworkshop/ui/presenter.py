"""The room's window: what the projector shows while the facilitator works on the laptop.

It follows the facilitator: the current stage and the view on it (the board with its zoom and
focus, the diagnostic results, the matrix, the vote, the decisions, the contract, the road map…),
with the current agenda item and its countdown along the top. It only ever shows: there is no
menu, no text box and nothing to click, and what is the facilitator's alone never reaches it —
private notes, evidence typed about a person, the vote tally until it is revealed, the capture bar.

Sizes come from the facilitator's font scale and never go below what a room reads from the back
(theme.BODY_PX, theme.HEADING_PX). Nothing moves on it while people read: a slide is drawn again
only when what it shows has changed.
"""

from __future__ import annotations

import html
from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import QPoint, QRectF, QSize, Qt, Signal
from PySide6.QtGui import QColor, QPainter, QTextDocument
from PySide6.QtWidgets import (
    QFrame,
    QGraphicsView,
    QHBoxLayout,
    QLabel,
    QSizePolicy,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from .. import model as m
from ..model import priorities as MP
from . import theme as T
from .canvas import style as S
from .canvas.scene import BoardScene
from .pages import long_date

STAGE_TITLES = ("Welcome", "Discover", "Diagnostics", "Ambition", "Priorities", "Blueprint")
VIEW_TITLES = {
    ("setup", "agenda"): "Today",
    ("discover", "board"): "Challenges and barriers",
    ("diagnostics", "results"): "Where we stand",
    ("ambition", "ambition"): "Where we are going",
    ("priorities", "improvements"): "Impact and effort",
    ("priorities", "vote"): "The vote",
    ("priorities", "decisions"): "What we decided",
    ("priorities", "contract"): "Our social contract",
    ("priorities", "actions"): "Actions",
    ("blueprint", "roadmap"): "The road map",
    ("blueprint", "measures"): "How we will know",
    ("blueprint", "council"): "The CX council",
}
STANCE_WORDS = {"agree": "✓ agrees", "reservations": "~ agrees, with reservations",
                "disagree": "✗ disagrees"}
#: How much larger each of the facilitator's charts is drawn in the room (largest, smallest):
#: their labels (14 to 22 px) become the room's 28 px at the largest.
CHART_ZOOMS = {"score": (2.0, 2.0), "matrix": (1.75, 1.75), "tally": (1.4, 1.4),
               "roadmap": (2.0, 1.0)}
COLUMN_GAP = 60


def current_view(window) -> tuple[str, str]:
    """(stage, view) the facilitator is on now, as the room should see it."""
    row = window.rail.currentRow()
    if row <= 0:
        return "setup", "agenda"
    if row == 1:
        return "discover", "board"
    if row == 2:
        return "diagnostics", "results"
    if row == 3:
        return "ambition", "ambition"
    page = window.stage_pages[row - 1] if len(window.stage_pages) >= row else None
    key = page.tabs.current_key() if page is not None else ""
    if row == 4:
        return "priorities", key or "improvements"
    return "blueprint", key or "roadmap"


def esc(text: str) -> str:
    """User text made safe for a rich-text slide, line breaks kept."""
    return html.escape(text or "").replace("\n", "<br>")


# -- the header: stage, view, agenda item and countdown ---------------------------------------


class Header(QWidget):
    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("audience.header")
        col = QVBoxLayout(self)
        col.setContentsMargins(40, 16, 40, 10)
        col.setSpacing(2)
        row = QHBoxLayout()
        row.setSpacing(24)
        col.addLayout(row)
        self.stage = QLabel("")
        self.stage.setObjectName("audience.stage")
        row.addWidget(self.stage)
        self.view = QLabel("")
        self.view.setObjectName("audience.view")
        self.view.setWordWrap(True)
        row.addWidget(self.view, 1)
        self.countdown = QLabel("")
        self.countdown.setObjectName("audience.countdown")
        self.countdown.setAlignment(Qt.AlignmentFlag.AlignCenter)
        row.addWidget(self.countdown, 0, Qt.AlignmentFlag.AlignTop)
        self.item = QLabel("")  # the agenda item, on a line of its own: long titles wrap
        self.item.setObjectName("audience.item")
        self.item.setWordWrap(True)
        col.addWidget(self.item)
        self.phase = "calm"
        for label in (self.stage, self.view, self.item, self.countdown):
            label.setTextFormat(Qt.TextFormat.PlainText)  # titles are typed: never markup

    def show_stage(self, stage: str, view: str) -> None:
        self.stage.setText(stage)
        self.view.setText(view)

    def show_timer(self, item: str, text: str, phase: str, running: bool) -> None:
        self.item.setText(f"Now: {item}" if item else "")
        self.item.setVisible(bool(item))
        self.countdown.setText(text)
        self.countdown.setVisible(bool(text))
        self.phase = phase if running or phase != "calm" else "paused"
        self.countdown.setProperty("phase", self.phase)
        self.countdown.style().unpolish(self.countdown)
        self.countdown.style().polish(self.countdown)


# -- slides -------------------------------------------------------------------------------------


class Magnified(QWidget):
    """One of the facilitator's charts, drawn `zoom()` times larger on a light card (the charts
    draw dark ink on white). The chart itself is a hidden child: only its picture is shown."""

    def __init__(self, inner: QWidget, zoom: tuple[float, float], scale: Callable[[], float],
                 card: Callable[[], str], need: Callable[[QWidget], QSize],
                 parent: QWidget | None = None):
        super().__init__(parent)
        self.inner = inner
        self._zooms = zoom  # (largest, smallest) before the font scale
        self._scale = scale
        self._card = card
        self._need = need  # the room the chart needs at its natural size
        self.zoom = zoom[0]
        inner.setParent(self)
        inner.hide()
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)

    def _size_at(self, k: float) -> QSize:
        return QSize(max(100, int(self.width() / k)), max(100, int(self.height() / k)))

    def _lay_out(self, k: float) -> QSize:
        size = self._size_at(k)
        self.inner.resize(size)
        fit = getattr(self.inner, "fit_height", None)
        if fit is not None:
            fit(size.height())
        return size

    def refit(self) -> None:
        """The largest zoom at which the whole chart fits (never below the smallest)."""
        largest, smallest = (z * max(1.0, self._scale()) for z in self._zooms)
        k = largest
        while True:
            size = self._lay_out(k)
            need = self._need(self.inner)
            if (need.width() <= size.width() and need.height() <= size.height()) \
                    or k <= smallest:
                break
            k = max(smallest, k - 0.1)
        self.zoom = k
        self.update()

    def resizeEvent(self, event) -> None:  # noqa: N802 - Qt's name
        super().resizeEvent(event)
        self.refit()

    def paintEvent(self, event) -> None:  # noqa: N802 - Qt's name
        k = self.zoom
        if self.inner.size() != self._size_at(k):
            self._lay_out(k)
        p = QPainter(self)
        p.fillRect(self.rect(), QColor(self._card()))
        p.scale(k, k)
        self.inner.render(p, QPoint(0, 0))
        p.end()


@dataclass(frozen=True, slots=True)
class Block:
    html: str
    heading: bool = False


class TextSlide(QWidget):
    """Words for the room: headings and lines, wrapped, never cut mid-sentence. What does not
    fit at the smallest readable size is left off whole, and the last line says how much."""

    def __init__(self, body_px: Callable[[], int], colours: Callable[[], T.Theme],
                 parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("audience.text")
        self._body_px = body_px
        self._colours = colours
        self.blocks: list[Block] = []
        self.document = QTextDocument(self)
        self.second = QTextDocument(self)  # the second column, when one is not enough
        self.columns = 1
        self.left_off = 0
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)

    def show_blocks(self, blocks: list[Block]) -> None:
        self.blocks = list(blocks)
        self._layout()
        self.update()

    def plain(self) -> str:
        return "\n".join(d.toPlainText() for d in (self.document, self.second)[:self.columns])

    def _html(self, blocks: list[Block], body: int, more: int) -> str:
        t = self._colours()
        heading = max(T.HEADING_PX, round(body * T.HEADING_PX / T.BODY_PX))
        parts = [f"<html><body style='color:{t.ink}; font-size:{body}px'>"]
        for block in blocks:
            if block.heading:
                parts.append(f"<p style='font-size:{heading}px; font-weight:bold; "
                             f"margin-top:{body // 2}px; margin-bottom:{body // 4}px'>"
                             f"{block.html}</p>")
            else:
                parts.append(f"<p style='margin-bottom:{body // 3}px'>{block.html}</p>")
        if more:
            parts.append(f"<p style='color:{t.muted}'>… and {more} more on the facilitator's "
                         "screen.</p>")
        return "".join(parts) + "</body></html>"

    def _heights(self, blocks: list[Block], body: int, width: float) -> list[float]:
        """Each block's share of the height, all laid out together once (margins between
        paragraphs counted as the page has them); they add up to the whole height."""
        probe = QTextDocument()
        probe.setDefaultFont(S.font(body))
        probe.setTextWidth(width)
        probe.setHtml(self._html(blocks, body, 0))
        layout = probe.documentLayout()
        spans, block = [], probe.begin()
        while block.isValid():
            rect = layout.blockBoundingRect(block)
            spans.append((rect.top(), rect.bottom()))
            block = block.next()
        if len(spans) != len(blocks) or not spans:
            return [probe.size().height() / max(1, len(blocks))] * len(blocks)
        tops = [top for top, _bottom in spans[1:]] + [probe.size().height()]
        heights = [end - top for (top, _b), end in zip(spans, tops, strict=True)]
        heights[0] += spans[0][0]
        return heights

    def _more_height(self, body: int, width: float) -> float:
        probe = QTextDocument()
        probe.setDefaultFont(S.font(body))
        probe.setTextWidth(width)
        probe.setHtml(self._html([], body, 1))
        return probe.size().height()

    @staticmethod
    def _split(blocks: list[Block], heights: list[float], height: float) -> int:
        """How many blocks the first column takes: as many as fit, a heading never last."""
        total, split = 0.0, 0
        for h in heights:
            if total + h > height:
                break
            total += h
            split += 1
        while 0 < split < len(blocks) and blocks[split - 1].heading:
            split -= 1
        return split

    def _show(self, blocks: list[Block], body: int, more: int, width: float, columns: int,
              split: int = 0) -> None:
        self.columns = columns
        column = width if columns == 1 else (width - COLUMN_GAP) / 2
        for document, part, tail in ((self.document, blocks[:split] if columns == 2 else blocks,
                                      0 if columns == 2 else more),
                                     (self.second, blocks[split:] if columns == 2 else [], more)):
            document.setDefaultFont(S.font(body))
            document.setTextWidth(column)
            document.setHtml(self._html(part, body, tail))

    def _layout(self) -> None:
        """One column at the largest size that fits, down to the room's smallest; then two
        columns; then whole lines left off at the end, with a last line saying how many. Each
        block is measured once per size, so a long list costs a few layouts, not hundreds."""
        blocks = self.blocks
        width, height = max(200, self.width() - 80), max(200, self.height() - 40)
        sizes = list(range(self._body_px(), T.BODY_PX - 1, -2)) or [T.BODY_PX]
        self.left_off = 0
        for body in sizes:
            if sum(self._heights(blocks, body, width)) <= height:
                self._show(blocks, body, 0, width, 1)
                return
        column = (width - COLUMN_GAP) / 2
        for body in sizes:
            heights = self._heights(blocks, body, column)
            split = self._split(blocks, heights, height)
            if split and sum(heights[split:]) <= height:
                self._show(blocks, body, 0, width, 2, split)
                return
        body = T.BODY_PX
        heights = self._heights(blocks, body, column)
        more = self._more_height(body, column)
        for keep in range(len(blocks) - 1, 0, -1):
            split = self._split(blocks[:keep], heights[:keep], height)
            if split and sum(heights[split:keep]) + more <= height:
                self.left_off = len(blocks) - keep
                self._show(blocks[:keep], body, self.left_off, width, 2, split)
                return
        self.left_off = max(0, len(blocks) - 1)
        self._show(blocks[:1], body, self.left_off, width, 1)

    def resizeEvent(self, event) -> None:  # noqa: N802 - Qt's name
        self._layout()
        super().resizeEvent(event)

    def paintEvent(self, event) -> None:  # noqa: N802 - Qt's name
        p = QPainter(self)
        p.translate(40, 20)
        self.document.drawContents(p, QRectF(0, 0, self.width() - 40, self.height() - 20))
        if self.columns == 2:
            p.translate(self.document.textWidth() + COLUMN_GAP, 0)
            self.second.drawContents(p, QRectF(0, 0, self.width() / 2, self.height() - 20))
        p.end()


class BoardSlide(QGraphicsView):
    """The Discover board as the room sees it: the facilitator's zoom and focus, without the
    private notes (nor a link that touches one), and with nothing to click."""

    def __init__(self, parent: QWidget | None = None):
        self.board = BoardScene()
        super().__init__(self.board, parent)
        self.board.setParent(self)
        self.setObjectName("audience.board")
        self.setInteractive(False)
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setRenderHint(QPainter.RenderHint.Antialiasing, True)
        self.setRenderHint(QPainter.RenderHint.TextAntialiasing, True)
        self.setTransformationAnchor(QGraphicsView.ViewportAnchor.AnchorViewCenter)
        self.loaded = False
        self.shown_rect = QRectF()

    def load(self, session) -> None:
        self.board.load(session)
        self.loaded = True
        self.hide_private()

    def apply(self, session, batch) -> None:
        self.board.apply(session, batch)
        self.hide_private()

    def hide_private(self) -> None:
        for item in self.board.notes.values():
            item.setVisible(not item.note.private)
        for item in self.board.links.values():
            ends = (self.board.notes.get(item.link.source), self.board.notes.get(item.link.target))
            shown = all(end is not None and not end.note.private for end in ends)
            item.setVisible(shown)
            if getattr(item, "label_item", None) is not None:
                item.label_item.setVisible(shown)
        self.board.clearSelection()

    def follow(self, rect: QRectF, department: str | None, search: str) -> None:
        """Show `rect` of the board (what the facilitator sees) with their focus."""
        if (self.board.highlighted, self.board.search) != (department, search):
            self.board.set_focus(department, search)
        if rect.isValid() and rect != self.shown_rect:
            self.shown_rect = QRectF(rect)
            self.fitInView(rect, Qt.AspectRatioMode.KeepAspectRatio)

    def resizeEvent(self, event) -> None:  # noqa: N802 - Qt's name
        super().resizeEvent(event)
        if self.shown_rect.isValid():
            self.fitInView(self.shown_rect, Qt.AspectRatioMode.KeepAspectRatio)


# -- the window ---------------------------------------------------------------------------------


class AudienceWindow(QWidget):
    """The second window. `window` is the facilitator's MainWindow; it calls `sync()` when
    what it shows changes and `show_timer()` as the clock runs."""

    left = Signal()  # Esc on the room's window: the facilitator leaves presenting

    def __init__(self, window, parent: QWidget | None = None):
        super().__init__(parent, Qt.WindowType.Window)
        self.main = window
        self.setObjectName("audience")
        self.setWindowTitle("CX Workshop — the room")
        self.setCursor(Qt.CursorShape.BlankCursor)
        self.shown: tuple[str, str] = ("", "")
        self._signature: object = None
        self.blanked = False

        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        self.screens = QStackedWidget()
        outer.addWidget(self.screens)
        self.content = QWidget()
        self.content.setObjectName("audience.content")
        col = QVBoxLayout(self.content)
        col.setContentsMargins(0, 0, 0, 0)
        col.setSpacing(0)
        self.header = Header()
        col.addWidget(self.header)
        self.rule = QFrame()
        self.rule.setObjectName("audience.rule")
        self.rule.setFixedHeight(3)
        col.addWidget(self.rule)
        self.slides = QStackedWidget()
        col.addWidget(self.slides, 1)
        self.screens.addWidget(self.content)
        self.blank = QWidget()
        self.blank.setObjectName("audience.blank")
        self.screens.addWidget(self.blank)

        self.text = TextSlide(self.body_px, self.theme)
        self.board = BoardSlide()
        from .blueprint.roadmap import Roadmap
        from .diagnostics.chart import ScoreChart
        from .priorities.matrix import Matrix
        from .priorities.voting import TallyChart

        self.score_chart = ScoreChart()
        self.matrix = Matrix()
        self.matrix.read_only = True
        self.tally = TallyChart()
        self.roadmap = Roadmap()
        self.roadmap.read_only = True
        card = lambda: self.theme().card  # noqa: E731
        height = lambda w: QSize(0, w.sizeHint().height())  # noqa: E731
        needs = {"score": height, "matrix": lambda _w: QSize(0, 0), "tally": height,
                 "roadmap": lambda w: w.minimumSize()}
        self.charts = {name: Magnified(widget, CHART_ZOOMS[name], lambda: self.main.font_scale,
                                       card, needs[name]) for name, widget in (
            ("score", self.score_chart), ("matrix", self.matrix), ("tally", self.tally),
            ("roadmap", self.roadmap))}
        self.chart_note = QLabel("")
        self.chart_note.setObjectName("audience.legend")
        self.chart_note.setWordWrap(True)
        self.chart_note.setTextFormat(Qt.TextFormat.PlainText)
        self.chart_page = QWidget()
        chart_col = QVBoxLayout(self.chart_page)
        chart_col.setContentsMargins(24, 12, 24, 16)
        self.chart_stack = QStackedWidget()
        for chart in self.charts.values():
            self.chart_stack.addWidget(chart)
        chart_col.addWidget(self.chart_stack, 1)
        chart_col.addWidget(self.chart_note)
        for slide in (self.text, self.board, self.chart_page):
            self.slides.addWidget(slide)
        self.restyle()

    # -- look ---------------------------------------------------------------------------------

    def theme(self) -> T.Theme:
        return self.main.theme

    def body_px(self) -> int:
        return max(T.BODY_PX, round(T.BODY_PX * self.main.font_scale))

    def restyle(self) -> None:
        """Colours and sizes from the theme and the font scale (both the facilitator's)."""
        t, body = self.theme(), self.body_px()
        heading = max(T.HEADING_PX, round(body * T.HEADING_PX / T.BODY_PX))
        self.setStyleSheet(f"""
            QWidget#audience, QWidget#audience\\.content {{ background: {t.paper}; }}
            QWidget#audience\\.blank {{ background: #000000; }}
            QLabel {{ color: {t.ink}; background: transparent; font-size: {body}px; }}
            QLabel#audience\\.stage {{ font-size: {heading}px; font-weight: bold;
                                       color: {t.accent}; }}
            QLabel#audience\\.view {{ font-size: {heading}px; }}
            QLabel#audience\\.item {{ color: {t.muted}; }}
            QLabel#audience\\.countdown {{ font-size: {heading}px; font-weight: bold;
                padding: 4px 18px; border-radius: 10px; background: {t.accent};
                color: {t.accent_ink}; }}
            QLabel#audience\\.countdown[phase="paused"] {{ background: {t.paper};
                color: {t.ink}; border: 3px solid {t.rule}; }}
            QLabel#audience\\.countdown[phase="amber"] {{ background: {t.amber};
                color: {t.amber_ink}; }}
            QLabel#audience\\.countdown[phase="red"] {{ background: {t.red}; color: {t.red_ink}; }}
            QFrame#audience\\.rule {{ background: {t.rule}; border: none; }}
            QLabel#audience\\.legend {{ color: {t.ink}; }}
        """)
        self._signature = None
        self.text.show_blocks(self.text.blocks)
        for chart in self.charts.values():
            chart.refit()

    # -- following the facilitator --------------------------------------------------------------

    def set_blank(self, on: bool) -> None:
        self.blanked = on
        self.screens.setCurrentWidget(self.blank if on else self.content)

    def sync(self, force: bool = False) -> None:
        """Show what the facilitator shows now; drawn again only if it changed."""
        window = self.main
        if window.session is None:
            self.header.show_stage("CX Workshop", "")
            self.text.show_blocks([])
            self.slides.setCurrentWidget(self.text)
            return
        stage, view = current_view(window)
        self.shown = (stage, view)
        row = max(0, window.rail.currentRow())
        self.header.show_stage(STAGE_TITLES[row], self._view_title(window, stage, view))
        if stage == "discover":
            self._sync_board(window)
            return
        signature = (stage, view, window.content_version, self._page_state(window, stage))
        if signature == self._signature and not force:
            return
        self._signature = signature
        getattr(self, f"_show_{stage}")(window, view)

    @staticmethod
    def _view_title(window, stage: str, view: str) -> str:
        if stage == "diagnostics" and window.diagnostics_page is not None:
            inst = window.diagnostics_page.current_instrument()
            if inst is not None:
                return inst.title
        return VIEW_TITLES.get((stage, view), "")

    @staticmethod
    def _page_state(window, stage: str) -> object:
        """What of a page's own state (not in the file) changes what the room sees."""
        if stage == "setup":  # the agenda, and which of its items is now
            return (window.agenda_version, window.timer.index)
        if stage == "diagnostics" and window.diagnostics_page is not None:
            page = window.diagnostics_page
            inst = page.current_instrument()
            return (inst.id if inst else None, page.hide_names.isChecked(),
                    page.by_participant.isChecked(), page.grid.currentRow())
        return None

    def _sync_board(self, window) -> None:
        page = window.discover_page
        self.slides.setCurrentWidget(self.board)
        if page is None:
            return
        if not self.board.loaded:
            self.board.load(window.session)
        view = page.view
        rect = view.mapToScene(view.viewport().rect()).boundingRect()
        self.board.follow(rect, page.scene.highlighted, page.scene.search)

    def board_changed(self, batch) -> None:
        """A board edit, undo or redo (the Discover section): the room's board follows it."""
        if self.board.loaded and self.main.session is not None:
            if batch.section == "discover":
                self.board.apply(self.main.session, batch)
            elif batch.section in ("departments", "participants"):
                self.board.board.set_people(self.main.session)

    def people_changed(self) -> None:
        if self.board.loaded and self.main.session is not None:
            self.board.board.set_people(self.main.session)

    def forget_board(self) -> None:
        """Another workshop was opened: the board is read again when next shown."""
        self.board.loaded = False
        self.board.shown_rect = QRectF()
        self._signature = None

    # -- the stages -----------------------------------------------------------------------------

    def _text(self, blocks: list[Block]) -> None:
        self.slides.setCurrentWidget(self.text)
        self.text.show_blocks(blocks)

    def _chart(self, name: str, note: str = "") -> None:
        self.slides.setCurrentWidget(self.chart_page)
        self.chart_stack.setCurrentWidget(self.charts[name])
        self.chart_note.setText(note)
        self.chart_note.setVisible(bool(note))
        self.charts[name].refit()

    def _load(self, *sections: str) -> m.Workshop:
        return self.main.session.load(("departments", "participants", *sections))

    def _show_setup(self, window, _view: str) -> None:
        w = self._load("workshop", "agenda")
        info = w.workshop
        blocks = [Block(esc(info.title or "Our customer-experience workshop"), heading=True)]
        said = [x for x in (info.organisation, long_date(info.date), info.location) if x]
        if said:
            blocks.append(Block(" · ".join(esc(x) for x in said)))
        if w.agenda:
            blocks.append(Block("Today", heading=True))
            current = window.timer.current.id if window.timer.current is not None else None
            for item in w.agenda:
                minutes = f"{item.minutes} min" if item.minutes else ""
                line = f"{esc(item.title)}<span style='color:{self.theme().muted}'>" \
                       f"{'  ·  ' + minutes if minutes else ''}</span>"
                if item.id == current:
                    line = f"<b>▶ {line} (now)</b>"
                blocks.append(Block(line))
        self._text(blocks)

    def _show_diagnostics(self, window, _view: str) -> None:
        page = window.diagnostics_page
        inst = page.current_instrument() if page is not None else None
        if inst is None:
            self._text([Block("No self-assessment has been scored yet.")])
            return
        chart = page.chart  # the page draws its results whichever of its views is showing
        results = chart.results
        first = min(max(0, page.grid.currentRow()), max(0, len(results) - 1))
        shown = self._statements_that_fit(results[first:], chart)
        self.score_chart.show_results(shown, chart.groups, chart.scale)
        where = ""
        if len(shown) < len(results):
            last = first + len(shown)
            where = (f"Statement {first + 1} of {len(results)}.  " if len(shown) == 1 else
                     f"Statements {first + 1}–{last} of {len(results)}.  ")
        self._chart("score", where + page.legend.text())

    def _rows_that_fit(self, rows: int) -> int:
        """How many of the vote's bars the room can read at once (at least one)."""
        zoom = CHART_ZOOMS["tally"][0] * max(1.0, self.main.font_scale)
        room = (self.charts["tally"].height() or self.height() - 260) / zoom
        fit = int((room - 2 * self.tally.PAD) // self.tally.ROW)
        return max(1, min(rows, fit - 1 if fit < rows else fit))  # room for the last line

    def _statements_that_fit(self, results: list, chart) -> list:
        """From the facilitator's current statement on, as many as the room can read at once
        (always at least that one)."""
        card = self.charts["score"]
        largest = CHART_ZOOMS["score"][0] * max(1.0, self.main.font_scale)
        room = (card.height() or self.height() - 260) / largest
        shown = results[:1]
        for n in range(2, len(results) + 1):
            self.score_chart.show_results(results[:n], chart.groups, chart.scale)
            if self.score_chart.sizeHint().height() > room:
                break
            shown = results[:n]
        return shown

    def _show_ambition(self, window, _view: str) -> None:
        a = self._load("ambition").ambition
        blocks: list[Block] = []
        if a.programme_name:
            blocks.append(Block(esc(a.programme_name), heading=True))
        for title, text in (("What customer experience means here", a.cx_definition),
                            ("Our vision", a.vision), ("Where we will be", a.destination)):
            if text.strip():
                blocks += [Block(title, heading=True), Block(esc(text))]
        facts = []
        if a.horizon:
            facts.append(f"By {esc(a.horizon)}")
        if a.approach:
            facts.append({"top-down": "Led from the top, across the company",
                          "bottom-up": "Starting small, growing by example"}.get(
                              a.approach, esc(a.approach)))
        if facts:
            blocks.append(Block(" · ".join(facts)))
        inside = [c.name for c in a.companions if c.side == "internal"]
        outside = [c.name for c in a.companions if c.side != "internal"]
        if inside or outside:
            blocks.append(Block("Travelling with us", heading=True))
            if inside:
                blocks.append(Block("Inside: " + ", ".join(esc(n) for n in inside)))
            if outside:
                blocks.append(Block("Outside: " + ", ".join(esc(n) for n in outside)))
        self._text(blocks or [Block("The ambition has not been written yet.")])

    def _show_priorities(self, window, view: str) -> None:
        w = self._load("priorities", "actions")
        pr = w.priorities
        if view == "improvements":
            self.matrix.show_improvements(pr.improvements)
            self._chart("matrix")
        elif view == "vote":
            if pr.votes_revealed:
                ranked = [(i.title, n) for i, n in MP.tally(pr.improvements)]
                fit = self._rows_that_fit(len(ranked))
                self.tally.show_tally(ranked[:fit])
                rest = len(ranked) - fit
                self._chart("tally", f"… and {rest} more with fewer dots, on the facilitator's "
                                     "screen." if rest else "")
            else:
                voted, everyone = len(MP.voters(pr)), len(w.participants)
                self._text([Block("Voting is open", heading=True),
                            Block(f"{voted} of {everyone} have voted. The result is shown "
                                  "when the facilitator reveals it.")])
        elif view == "decisions":
            self._text(self._decisions(w) or [Block("No decision has been recorded yet.")])
        elif view == "contract":
            self._text(self._contract(w))
        else:
            self._text(self._actions(w) or [Block("No action has been agreed yet.")])

    def _decisions(self, w: m.Workshop) -> list[Block]:
        blocks = []
        for d in w.priorities.decisions:
            blocks.append(Block(esc(d.text), heading=True))
            stances = []
            for department, stance, _note in MP.strip(d, w.departments):
                words = STANCE_WORDS.get(stance, "has not said") if stance else "has not said"
                stances.append(f"{esc(department.name)} {words}")
            if stances:
                blocks.append(Block(" · ".join(stances)))
        return blocks

    def _contract(self, w: m.Workshop) -> list[Block]:
        c = w.priorities.social_contract
        blocks = []
        if c.preamble.strip():
            blocks.append(Block(esc(c.preamble)))
        for n, rule in enumerate(c.rules, 1):
            blocks.append(Block(f"<b>{n}.</b> {esc(rule.text)}"))
        if not c.rules:
            blocks.append(Block("No rule has been written yet."))
        signed = {s.department for s in c.signatures}
        names = [("✓ " if d.id in signed else "○ ") + esc(d.name) for d in w.departments]
        if names:
            blocks.append(Block("Signed", heading=True))
            blocks.append(Block(" · ".join(names) + f"<br><span style='color:{self.theme().muted}'>"
                                "✓ signed · ○ not signed yet</span>"))
        return blocks

    def _actions(self, w: m.Workshop) -> list[Block]:
        people = {p.id: p.name for p in w.participants}
        rows = sorted(w.actions, key=lambda a: a.status != "open")
        blocks = []
        for a in rows:
            who = [esc(people[a.owner])] if a.owner in people else []
            if a.due:
                who.append(f"by {esc(long_date(a.due))}")
            done = " (done)" if a.status == "done" else ""
            tail = f"<span style='color:{self.theme().muted}'> — {', '.join(who)}</span>" \
                if who else ""
            blocks.append(Block(f"{esc(a.text)}{done}{tail}"))
        return blocks

    def _show_blueprint(self, window, view: str) -> None:
        w = self._load("blueprint")
        b = w.blueprint
        if view == "roadmap":
            self.roadmap.show_roadmap(w.departments, b.milestones, b.start, b.end)
            self._chart("roadmap")
        elif view == "measures":
            people = {p.id: p.name for p in w.participants}
            blocks = []
            for measure in b.measures:
                unit = f" {esc(measure.unit)}" if measure.unit else ""
                span = f"{_number(measure.baseline)}{unit} → {_number(measure.target)}{unit}"
                when = f" by {esc(long_date(measure.due))}" if measure.due else ""
                owner = f" · {esc(people[measure.owner])}" if measure.owner in people else ""
                blocks += [Block(esc(measure.name), heading=True),
                           Block(f"{span}{when}{owner}")]
            self._text(blocks or [Block("No measure has been set yet.")])
        else:
            self._text(self._council(w))

    def _council(self, w: m.Workshop) -> list[Block]:
        c = w.blueprint.council
        people = {p.id: p.name for p in w.participants}
        blocks = [Block(f"Meets {esc(c.operational_cadence)}"
                        + (f"; a strategic council {esc(c.strategic_cadence)}"
                           if c.strategic_cadence else ""))]
        if c.chair in people:
            blocks.append(Block(f"Chaired by {esc(people[c.chair])}"))
        members = [esc(people[p]) for p in c.members if p in people]
        if members:
            blocks.append(Block("Members: " + ", ".join(members)))
        if c.agenda:
            blocks.append(Block("Every meeting", heading=True))
            blocks += [Block(f"{n}. {esc(text)}") for n, text in enumerate(c.agenda, 1)]
        return blocks

    # -- keys -------------------------------------------------------------------------------------

    def keyPressEvent(self, event) -> None:  # noqa: N802 - Qt's name
        if event.key() == Qt.Key.Key_Escape:
            self.left.emit()
            return
        super().keyPressEvent(event)

    def closeEvent(self, event) -> None:  # noqa: N802 - Qt's name
        """Closed from the window manager (Alt+F4): the same as leaving with Esc."""
        event.ignore()
        self.left.emit()


def _number(value: float | None) -> str:
    if value is None:
        return "?"
    return f"{value:g}"


