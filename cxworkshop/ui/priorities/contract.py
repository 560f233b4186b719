"""The social contract: a preamble, numbered rules of engagement and a signature from each
department (who signed for it, and when). It is edited here and shown to the room as a
document in large type.

The view only shows the Workshop the page hands it and edits through ops; it never reads the
session itself. Keys on the rules: F2 or a double click edits a rule in place, Alt+Up / Alt+Down
move it, Delete takes it out. Every change is one undo step on the workshop's stack; typing in
the preamble or a rule is saved at each key, one undo step for a run of typing.
"""

from __future__ import annotations

import datetime as _dt
import html

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QFont, QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QScrollArea,
    QStackedWidget,
    QTableWidget,
    QTableWidgetItem,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from ...model import Department, Participant, SocialContract, Workshop
from ...model import priorities as P
from ...ops import priorities as O
from ..editor import Editor, FieldEdit, FieldText
from ..theme import MUTED

ID = Qt.ItemDataRole.UserRole
DOCUMENT_POINT_SIZE = 20


def long_date(value: str | None) -> str:
    """An ISO date as the room reads it (18 November 2026); anything else as it is."""
    if not value:
        return ""
    try:
        day = _dt.date.fromisoformat(value)
    except ValueError:
        return value
    return f"{day.day} {day:%B %Y}"


def document_html(contract: SocialContract, departments: list[Department],
                  participants: list[Participant]) -> str:
    """The contract as one HTML page for the projector; every text the room typed is escaped."""
    e = html.escape
    people = {p.id: p for p in participants}
    signed = {s.department: s for s in contract.signatures}
    parts = ["<h1>Social contract</h1>"]
    if contract.preamble.strip():
        for para in contract.preamble.strip().split("\n\n"):
            parts.append("<p>" + "<br>".join(e(line) for line in para.splitlines()) + "</p>")
    else:
        parts.append(f'<p style="color:{MUTED}"><i>No preamble yet.</i></p>')
    parts.append("<h2>Rules of engagement</h2>")
    if contract.rules:
        parts.append('<table cellspacing="0" cellpadding="6">')
        for n, rule in enumerate(contract.rules, 1):  # a table, so long rules hang neatly
            parts.append(f'<tr><td align="right" valign="top"><b>{n}.</b></td>'
                         f"<td>{e(rule.text)}</td></tr>")
        parts.append("</table>")
    else:
        parts.append(f'<p style="color:{MUTED}"><i>No rules yet.</i></p>')
    parts.append("<h2>Signed for each department</h2>")
    if not departments:
        parts.append(f'<p style="color:{MUTED}"><i>No departments yet.</i></p>')
    for dep in departments:
        sig = signed.get(dep.id)
        if sig is None:
            parts.append(f'<p><b>{e(dep.name)}</b> — <span style="color:{MUTED}">'
                         "not signed yet</span></p>")
            continue
        who = people.get(sig.participant or "")
        by = f"signed by {e(who.name)}" if who else "signed"
        when = f", {e(long_date(sig.date))}" if sig.date else ""
        parts.append(f"<p><b>{e(dep.name)}</b> — {by}{when}</p>")
    if P.fully_signed(contract, departments):
        parts.append("<p><b>Every department has signed.</b></p>")
    elif departments and contract.signatures:
        waiting = ", ".join(e(d.name) for d in P.unsigned(contract, departments))
        parts.append(f'<p style="color:{MUTED}">Still to sign: {waiting}.</p>')
    return "\n".join(parts)


class _SignatureRow:
    """One department's line in the signatures: who may sign, Sign, who did and when,
    Withdraw."""

    def __init__(self, view: ContractView, grid: QGridLayout, row: int, department: Department):
        self.department = department
        self.name = QLabel(department.name)
        self.name.setStyleSheet("font-weight: bold;")
        self.signer = QComboBox()
        self.signer.setObjectName(f"contract.signer.{department.id}")
        self.signer.setAccessibleName(f"Who signs for {department.name}")
        self.sign = QPushButton("Sign")
        self.sign.setObjectName(f"contract.sign.{department.id}")
        self.sign.setAccessibleName(f"Sign for {department.name}")
        self.sign.clicked.connect(lambda: view.sign(department.id, self.signer.currentData()))
        self.state = QLabel()
        self.state.setObjectName(f"contract.signed.{department.id}")
        self.state.setWordWrap(True)
        self.state.setMinimumWidth(140)
        for label in (self.name, self.state):
            label.setTextFormat(Qt.TextFormat.PlainText)  # names print as typed
        self.name.setWordWrap(True)
        self.unsign = QPushButton("Withdraw")
        self.unsign.setObjectName(f"contract.unsign.{department.id}")
        self.unsign.setAccessibleName(f"Withdraw the signature of {department.name}")
        self.unsign.clicked.connect(lambda: view.unsign(department.id))
        self.widgets = (self.name, self.signer, self.sign, self.state, self.unsign)
        for col, w in enumerate(self.widgets):
            grid.addWidget(w, row, col)

    def show(self, department: Department, members: list[Participant],
             names: dict[str, str], signature, read_only: bool) -> None:
        self.department = department
        self.name.setText(department.name)
        chosen = signature.participant if signature is not None else self.signer.currentData()
        self.signer.clear()
        for p in members:
            self.signer.addItem(p.name, p.id)
        if not members:
            self.signer.addItem("Nobody named", None)
        index = self.signer.findData(chosen) if chosen else -1
        self.signer.setCurrentIndex(max(0, index))
        if signature is None:
            self.state.setText("Not signed yet")
            self.state.setStyleSheet(f"color: {MUTED};")
        else:
            who = names.get(signature.participant or "", "")
            text = f"Signed by {who}" if who else "Signed"
            if signature.date:
                text += f" on {long_date(signature.date)}"
            self.state.setText(text)
            self.state.setStyleSheet("font-weight: bold;")
        self.signer.setEnabled(signature is None and not read_only)
        self.sign.setEnabled(not read_only)  # signing twice is refused in words, by the op
        self.unsign.setEnabled(signature is not None and not read_only)

    def remove(self) -> None:
        for w in self.widgets:
            w.setParent(None)
            w.deleteLater()


class ContractView(QWidget):
    """The social contract: edited on one side of a toggle, read as a document on the other.
    `show_workshop` draws a freshly loaded workshop (departments, participants, priorities);
    `current_rule` is the chosen rule's id."""

    def __init__(self, editor: Editor, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("priorities.contract")
        self.editor = editor
        self.workshop = Workshop()
        self.current_rule: str | None = None
        self._loading = False
        self.rows: list[_SignatureRow] = []

        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 6, 8, 8)
        top = QHBoxLayout()
        title = QLabel("Social contract")
        title.setObjectName("pageTitle")
        top.addWidget(title)
        top.addStretch(1)
        self.toggle = QPushButton("Show it as the room reads it")
        self.toggle.setObjectName("contract.toggle")
        self.toggle.setCheckable(True)
        self.toggle.toggled.connect(self.show_document)
        top.addWidget(self.toggle)
        layout.addLayout(top)

        self.stack = QStackedWidget()
        self.editing = self._editing()
        self.stack.addWidget(self.editing)
        self.document = QTextBrowser()
        self.document.setObjectName("contract.document")
        self.document.setOpenLinks(False)
        font = QFont(self.document.font())
        font.setPointSize(DOCUMENT_POINT_SIZE)
        self.document.setFont(font)
        self.document.document().setDefaultFont(font)
        self.document.document().setDocumentMargin(36)
        self.stack.addWidget(self.document)
        layout.addWidget(self.stack, 1)

    def _editing(self) -> QWidget:
        box = QWidget()
        row = QHBoxLayout(box)
        row.setContentsMargins(0, 0, 0, 0)
        left = QVBoxLayout()
        heading = QLabel("Preamble")
        heading.setObjectName("sectionTitle")
        left.addWidget(heading)
        self.preamble = FieldText()
        self.preamble.setObjectName("contract.preamble")
        self.preamble.setAccessibleName("Preamble")
        self.preamble.setPlaceholderText("Why these departments bind themselves to the rules "
                                         "below, in the room's own words")
        self.preamble.setTabChangesFocus(True)
        self.preamble.setMaximumHeight(140)
        self.preamble.textChanged.connect(self._preamble_typed)
        left.addWidget(self.preamble)
        heading = QLabel("Rules of engagement")
        heading.setObjectName("sectionTitle")
        left.addWidget(heading)
        self.new_rule = FieldEdit()
        self.new_rule.setObjectName("contract.newRule")
        self.new_rule.setPlaceholderText("A new rule: type it and press Enter")
        self.new_rule.returnPressed.connect(self.add_typed)
        left.addWidget(self.new_rule)
        self.rules = QTableWidget(0, 2)
        self.rules.setObjectName("contract.rules")
        self.rules.setAccessibleName("Rules of engagement")
        self.rules.setHorizontalHeaderLabels(("No.", "Rule"))
        self.rules.verticalHeader().setVisible(False)
        self.rules.setWordWrap(True)
        self.rules.setTabKeyNavigation(False)  # Tab goes on to the other controls
        self.rules.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.rules.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.rules.setEditTriggers(QAbstractItemView.EditTrigger.DoubleClicked
                                   | QAbstractItemView.EditTrigger.EditKeyPressed)
        header = self.rules.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.rules.itemChanged.connect(self._rule_changed_in_place)
        self.rules.currentCellChanged.connect(lambda r, *_a: self._rule_chosen(r))
        self.rules.installEventFilter(self)
        left.addWidget(self.rules, 1)
        line = QHBoxLayout()
        self.rule_text = FieldEdit()
        self.rule_text.setObjectName("contract.ruleText")
        self.rule_text.setAccessibleName("The chosen rule")
        self.rule_text.setPlaceholderText("The chosen rule, to edit")
        self.rule_text.textEdited.connect(self._rule_typed)
        self.rule_text.editingFinished.connect(self._rule_text_finished)
        line.addWidget(self.rule_text, 1)
        self.up = QPushButton("Move up")
        self.up.setObjectName("contract.ruleUp")
        self.up.clicked.connect(lambda: self.move_current(-1))
        self.down = QPushButton("Move down")
        self.down.setObjectName("contract.ruleDown")
        self.down.clicked.connect(lambda: self.move_current(1))
        self.delete_button = QPushButton("Delete rule")
        self.delete_button.setObjectName("contract.ruleDelete")
        self.delete_button.clicked.connect(self.delete_current)
        for w in (self.up, self.down, self.delete_button):
            line.addWidget(w)
        left.addLayout(line)
        keys = QLabel("On the list: F2 edits a rule in place, Alt+Up / Alt+Down move it, "
                      "Delete takes it out.")
        keys.setObjectName("hint")
        keys.setWordWrap(True)
        left.addWidget(keys)
        row.addLayout(left, 3)

        right = QVBoxLayout()
        heading = QLabel("Signatures")
        heading.setObjectName("sectionTitle")
        right.addWidget(heading)
        hint = QLabel("Each department signs once, through one of its own people.")
        hint.setObjectName("hint")
        hint.setWordWrap(True)
        right.addWidget(hint)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        holder = QWidget()
        holder.setObjectName("contract.signatures")
        self.grid = QGridLayout(holder)
        self.grid.setAlignment(Qt.AlignmentFlag.AlignTop)
        self.grid.setColumnStretch(3, 1)
        scroll.setWidget(holder)
        right.addWidget(scroll, 1)
        self.signed_summary = QLabel("")
        self.signed_summary.setObjectName("contract.signedSummary")
        self.signed_summary.setWordWrap(True)
        right.addWidget(self.signed_summary)
        row.addLayout(right, 2)
        return box

    # -- drawing the workshop -------------------------------------------------------------------

    def show_workshop(self, workshop: Workshop) -> None:
        """Draw this workshop, keeping the chosen rule and the names picked to sign."""
        self.workshop = workshop
        contract = workshop.priorities.social_contract
        if self.current_rule not in {r.id for r in contract.rules}:
            self.current_rule = contract.rules[0].id if contract.rules else None
        read_only = self.editor.read_only
        self._loading = True
        try:
            self.preamble.setReadOnly(read_only)
            if self.preamble.toPlainText() != contract.preamble:
                self.preamble.setPlainText(contract.preamble)
            self.new_rule.setEnabled(not read_only)
            self._fill_rules(read_only)
            self._fill_signatures(read_only)
        finally:
            self._loading = False
        self.document.setHtml(document_html(contract, workshop.departments,
                                            workshop.participants))

    def _fill_rules(self, read_only: bool) -> None:
        rules = self.workshop.priorities.social_contract.rules
        table = self.rules
        table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers if read_only else
                              QAbstractItemView.EditTrigger.DoubleClicked
                              | QAbstractItemView.EditTrigger.EditKeyPressed)
        table.setRowCount(len(rules))
        chosen = -1
        for r, rule in enumerate(rules):
            number = QTableWidgetItem(f"{r + 1}.")
            number.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable)
            number.setData(ID, rule.id)
            number.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignTop)
            text = QTableWidgetItem(rule.text)
            text.setData(ID, rule.id)
            table.setItem(r, 0, number)
            table.setItem(r, 1, text)
            if rule.id == self.current_rule:
                chosen = r
        table.resizeRowsToContents()
        if chosen >= 0:
            table.setCurrentCell(chosen, 1)
        rule = self._rule()
        for w in (self.rule_text, self.up, self.down, self.delete_button):
            w.setEnabled(rule is not None and not read_only)
        if rule is None:
            self.rule_text.clear()
        elif not (self.rule_text.hasFocus() and self.rule_text.text().strip() == rule.text):
            self.rule_text.show_value(rule.text)

    def _fill_signatures(self, read_only: bool) -> None:
        departments = self.workshop.departments
        if [r.department.id for r in self.rows] != [d.id for d in departments]:
            for r in self.rows:
                r.remove()
            self.rows = [_SignatureRow(self, self.grid, i, d) for i, d in enumerate(departments)]
        contract = self.workshop.priorities.social_contract
        signed = {s.department: s for s in contract.signatures}
        names = {p.id: p.name for p in self.workshop.participants}
        for r, dep in zip(self.rows, departments, strict=True):
            members = [p for p in self.workshop.participants if p.department == dep.id]
            r.show(dep, members, names, signed.get(dep.id), read_only)
        if not departments:
            self.signed_summary.setText("There are no departments yet; add them in Setup.")
        elif P.fully_signed(contract, departments):
            self.signed_summary.setText("Every department has signed.")
        else:
            n = len(P.unsigned(contract, departments))
            self.signed_summary.setText(f"{len(departments) - n} of {len(departments)} "
                                        "departments have signed.")

    def show_document(self, on: bool) -> None:
        """Show the contract as a document for the room (True) or go back to editing."""
        if self.toggle.isChecked() != on:
            self.toggle.setChecked(on)  # comes back here through `toggled`
            return
        self.stack.setCurrentWidget(self.document if on else self.editing)
        self.toggle.setText("Back to editing" if on else "Show it as the room reads it")
        (self.document if on else self.rules).setFocus()

    def document_text(self) -> str:
        return self.document.toPlainText()

    # -- verbs ----------------------------------------------------------------------------------

    def _rule(self):
        rules = self.workshop.priorities.social_contract.rules
        return next((r for r in rules if r.id == self.current_rule), None)

    def _rule_chosen(self, row: int) -> None:
        item = self.rules.item(row, 0) if row >= 0 else None
        if self._loading or item is None:
            return
        self.current_rule = item.data(ID)
        rule = self._rule()
        if rule is not None:
            self.rule_text.show_value(rule.text)

    def _preamble_typed(self) -> None:
        if self._loading or self.editor.read_only:
            return
        text = self.preamble.toPlainText()
        if text == self.workshop.priorities.social_contract.preamble:
            return
        if self.editor.board(O.set_preamble, text, label="Edit preamble",
                             merge_key=("preamble", self.editor.run)) is not None:
            self.workshop.priorities.social_contract.preamble = text

    def add_typed(self) -> None:
        text = self.new_rule.text().strip()
        if not text:
            return
        batch = self.editor.board(O.add_rule, text, label="Add rule")
        if batch is not None:
            self.new_rule.clear()
            self.current_rule = batch.created[0]
            self.show_workshop(self.workshop)

    def _rule_changed_in_place(self, item: QTableWidgetItem) -> None:
        if self._loading or item.column() != 1:
            return
        rule_id, text = item.data(ID), item.text().strip()
        rule = next((r for r in self.workshop.priorities.social_contract.rules
                     if r.id == rule_id), None)
        if rule is None or text == rule.text:
            return
        self.current_rule = rule_id
        if self.editor.board(O.edit_rule, rule_id, text, label="Edit rule") is None:
            self.show_workshop(self.workshop)  # refused: show what the file holds

    def _rule_typed(self, text: str) -> None:
        rule = self._rule()
        if self._loading or rule is None or not text.strip() or text.strip() == rule.text:
            return
        if self.editor.board(O.edit_rule, rule.id, text, label="Edit rule",
                             merge_key=("rule", rule.id, self.editor.run)) is not None:
            rule.text = text.strip()

    def _rule_text_finished(self) -> None:
        rule = self._rule()
        if rule is not None and not self.rule_text.text().strip():
            self.rule_text.show_value(rule.text)  # a rule always says something

    def move_current(self, step: int) -> None:
        rules = self.workshop.priorities.social_contract.rules
        index = next((i for i, r in enumerate(rules) if r.id == self.current_rule), None)
        if index is None or self.editor.read_only or not 0 <= index + step < len(rules):
            return
        self.editor.board(O.move_rule, self.current_rule, index + step,
                          label="Move rule up" if step < 0 else "Move rule down")

    def delete_current(self) -> None:
        rule = self._rule()
        if rule is None or self.editor.read_only:
            return
        rules = self.workshop.priorities.social_contract.rules
        index = rules.index(rule)
        neighbours = rules[index + 1:index + 2] or rules[index - 1:index]
        if self.editor.board(O.delete_rule, rule.id, label="Delete rule") is not None:
            self.current_rule = neighbours[0].id if neighbours else None
            self.show_workshop(self.workshop)

    def sign(self, department: str, participant: str | None) -> None:
        """This department signs, through this participant; a refusal is said in words."""
        self.editor.board(O.sign, department, participant, label="Sign the contract")

    def unsign(self, department: str) -> None:
        self.editor.board(O.unsign, department, label="Withdraw signature")

    def eventFilter(self, obj: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt's name
        if obj is not self.rules or event.type() != QEvent.Type.KeyPress:
            return False
        assert isinstance(event, QKeyEvent)
        key, mods = event.key(), event.modifiers()
        alt = bool(mods & Qt.KeyboardModifier.AltModifier)
        if self.rules.state() == QAbstractItemView.State.EditingState:
            return False  # a rule is being typed in place: its keys are its own
        if alt and key in (Qt.Key.Key_Up, Qt.Key.Key_Down):
            self.move_current(-1 if key == Qt.Key.Key_Up else 1)
            return True
        if key in (Qt.Key.Key_Delete, Qt.Key.Key_Backspace) and not alt:
            self.delete_current()
            return True
        return False
