"""The barrier summary: notes counted by department × dimension, and the links that cross
departments — the quickest picture of where the silos are."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QHeaderView,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ...model import Department, Link, Note
from ...model import board as B
from ...model import vocabulary as V

COLUMNS = (*V.DIMENSIONS, "")
COLUMN_TITLES = ("People", "Process", "Tech", "None", "All")


class SummaryPanel(QWidget):
    """Refreshed by the page after each change while it is shown."""

    show_link = Signal(str, str)  # the two note ids of a crossing link, to select and zoom to

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("summaryPanel")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 8, 8, 8)
        title = QLabel("Where the barriers are")
        title.setObjectName("sectionTitle")
        layout.addWidget(title)
        self.barriers_only = QCheckBox("Count barriers only")
        self.barriers_only.setObjectName("summary.barriersOnly")
        layout.addWidget(self.barriers_only)
        self.table = QTableWidget(0, len(COLUMN_TITLES))
        self.table.setObjectName("summary.counts")
        self.table.setHorizontalHeaderLabels(COLUMN_TITLES)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        layout.addWidget(self.table, 2)
        chains = QLabel("Chains across departments")
        chains.setObjectName("sectionTitle")
        layout.addWidget(chains)
        self.crossing = QListWidget()
        self.crossing.setObjectName("summary.crossing")
        self.crossing.setWordWrap(True)
        self.crossing.setSpacing(5)
        self.crossing.itemActivated.connect(self._activated)
        self.crossing.itemClicked.connect(self._activated)
        layout.addWidget(self.crossing, 3)
        self._last: tuple = ()

    def show_board(self, departments: Sequence[Department], notes: Sequence[Note],
                   links: Sequence[Link]) -> None:
        kinds = ("barrier",) if self.barriers_only.isChecked() else V.NOTE_KINDS
        summary = B.summarise(notes, links, kinds)
        rows = [(d.id, d.name) for d in departments] + [("", "No department")]
        most = max(summary.counts.values(), default=1)
        cells = tuple(tuple([summary.count(did, dim) for dim in COLUMNS] + [summary.row_total(did)])
                      for did, _name in rows)
        names = {d.id: d.name for d in departments}
        lines = []
        if summary.crossing:
            texts = {n.id: n for n in notes}
            for link in summary.crossing:
                a, b = texts[link.source], texts[link.target]
                label = f" ({link.label})" if link.label else ""
                lines.append((f"{names.get(a.department or '', '?')} → "
                              f"{names.get(b.department or '', '?')}{label}\n“{a.text}” → “{b.text}”",
                              (link.source, link.target)))
        shown = (tuple(name for _id, name in rows), cells, most, tuple(lines))
        if shown == self._last:
            return  # most edits change neither: leave the widgets (and their scrolling) alone
        self._last = shown
        self._show_counts([name for _id, name in rows], cells, most)
        self._show_crossing(lines)

    def _show_counts(self, names: list[str], cells: tuple[tuple[int, ...], ...], most: int) -> None:
        table = self.table
        if table.rowCount() != len(names) or [
                table.verticalHeaderItem(r).text() if table.verticalHeaderItem(r) else None
                for r in range(table.rowCount())] != names:
            table.setRowCount(len(names))
            table.setVerticalHeaderLabels(names)
        for r, values in enumerate(cells):
            for c, value in enumerate(values):
                item = table.item(r, c)
                if item is None:
                    item = QTableWidgetItem()
                    item.setTextAlignment(Qt.AlignmentFlag.AlignCenter)
                    table.setItem(r, c, item)
                text = str(value) if value else "·"
                if item.text() != text:
                    item.setText(text)
                # darker grey = more notes: a heat map that needs no colour vision
                shade = 245 - round(110 * value / most) if c < len(COLUMNS) and value else None
                brush = QBrush(QColor(shade, shade, shade)) if shade is not None else QBrush()
                if item.background() != brush:
                    item.setBackground(brush)

    def _show_crossing(self, lines: list[tuple[str, tuple[str, str]]]) -> None:
        self.crossing.clear()
        for text, ends in lines:
            item = QListWidgetItem(text)
            item.setData(Qt.ItemDataRole.UserRole, ends)
            self.crossing.addItem(item)
        if not lines:
            empty = QListWidgetItem("No links cross departments yet. Shift-drag from one note "
                                    "to another to show what leads to what.")
            empty.setFlags(Qt.ItemFlag.NoItemFlags)
            self.crossing.addItem(empty)

    def _activated(self, item: QListWidgetItem) -> None:
        ends = item.data(Qt.ItemDataRole.UserRole)
        if ends:
            self.show_link.emit(*ends)
