"""Table pieces the Setup page is built from: a one-row-per-object table, colour swatches, and
a chooser that opens only while a cell is edited.

A combo box living in every cell takes the keyboard away from the table (arrow keys then
change a colour instead of moving down), so choices are plain items, and a combo box editor
appears on F2, Enter-to-edit or double-click and closes as soon as something is chosen.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QAbstractItemModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QColor, QIcon, QPixmap
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHeaderView,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTableWidget,
    QTableWidgetItem,
    QWidget,
)

EDITABLE = QAbstractItemView.EditTrigger.DoubleClicked | QAbstractItemView.EditTrigger.EditKeyPressed

#: Where a choice cell keeps its value (a colour, a department id or None).
VALUE = Qt.ItemDataRole.UserRole + 1

Choice = tuple[str, object, str | None]  # label, value, swatch colour


def swatch(colour: str, size: int = 16) -> QIcon:
    pix = QPixmap(size, size)
    pix.fill(QColor(colour))
    return QIcon(pix)


def list_table(name: str, columns: dict[str, bool]) -> QTableWidget:
    """A one-row-per-object table; `columns` maps each header to whether it stretches."""
    table = QTableWidget(0, len(columns))
    table.setObjectName(name)
    table.setHorizontalHeaderLabels(list(columns))
    table.verticalHeader().setVisible(False)
    table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    table.setTextElideMode(Qt.TextElideMode.ElideNone)  # wrap, never hide a word
    table.setWordWrap(True)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    table.setEditTriggers(EDITABLE)
    header = table.horizontalHeader()
    for i, stretch in enumerate(columns.values()):
        header.setSectionResizeMode(i, QHeaderView.ResizeMode.Stretch if stretch
                                    else QHeaderView.ResizeMode.ResizeToContents)
    return table


def choice_item(choices: list[Choice], value: object) -> QTableWidgetItem:
    """A cell showing the chosen label and swatch, holding the value under `VALUE`."""
    item = QTableWidgetItem()
    show_choice(item, choices, value)
    return item


def show_choice(item: QTableWidgetItem, choices: list[Choice], value: object) -> None:
    label, colour = next(((lab, col) for lab, val, col in choices if val == value),
                         (str(value), str(value) if isinstance(value, str) else None))
    item.setText(label)
    item.setIcon(swatch(colour) if colour else QIcon())
    item.setData(VALUE, value)


class ChoiceDelegate(QStyledItemDelegate):
    """Edits a choice cell with a combo box; choosing commits at once and closes the editor."""

    def __init__(self, choices: list[Choice], parent: QWidget | None = None):
        super().__init__(parent)
        self.choices = choices

    def createEditor(self, parent: QWidget, option: QStyleOptionViewItem,
                     index: QModelIndex | QPersistentModelIndex) -> QWidget:
        box = QComboBox(parent)
        for label, value, colour in self.choices:
            if colour:
                box.addItem(swatch(colour), label, value)
            else:
                box.addItem(label, value)
        box.activated.connect(lambda _i, b=box: self._chosen(b))
        return box

    def _chosen(self, box: QComboBox) -> None:
        self.commitData.emit(box)
        self.closeEditor.emit(box, QStyledItemDelegate.EndEditHint.NoHint)

    def setEditorData(self, editor: QWidget, index: QModelIndex | QPersistentModelIndex) -> None:
        assert isinstance(editor, QComboBox)
        found = editor.findData(index.data(VALUE))
        editor.setCurrentIndex(max(0, found))

    def setModelData(self, editor: QWidget, model: QAbstractItemModel,
                     index: QModelIndex | QPersistentModelIndex) -> None:
        assert isinstance(editor, QComboBox)
        value = editor.currentData()
        if value == index.data(VALUE):
            return
        label, colour = editor.currentText(), None
        for lab, val, col in self.choices:
            if val == value:
                label, colour = lab, col
        model.setData(index, swatch(colour) if colour else QIcon(),
                      Qt.ItemDataRole.DecorationRole)
        model.setData(index, label, Qt.ItemDataRole.DisplayRole)
        model.setData(index, value, VALUE)  # last: the page acts on this change


SORT_KEY = Qt.ItemDataRole.UserRole + 1  # what a `SortItem` sorts by, when it has it


class SortItem(QTableWidgetItem):
    """A read-only list's cell that sorts by a key of its own (numbers as numbers, dates as
    dates, blanks last) when it has one, else by its text as a person reads it."""

    def __lt__(self, other: QTableWidgetItem) -> bool:
        a, b = self.data(SORT_KEY), other.data(SORT_KEY)
        if a is not None and b is not None:
            return a < b
        return self.text().casefold() < other.text().casefold()


def read_only_list(name: str, columns: Sequence[str]) -> QTableWidget:
    """A sortable, read-only one-row-per-object table whose first column stretches; Tab leaves
    it (rows are chosen with the arrows) and a form beside it does the editing."""
    table = QTableWidget(0, len(columns))
    table.setObjectName(name)
    table.setHorizontalHeaderLabels(list(columns))
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    table.verticalHeader().setVisible(False)
    header = table.horizontalHeader()
    header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
    table.setSortingEnabled(True)
    table.setTabKeyNavigation(False)
    return table
