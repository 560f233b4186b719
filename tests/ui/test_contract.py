"""The social contract: the preamble saved as typed (one undo step), rules added, edited,
reordered with Alt+Up and deleted from the keyboard, a department signing through one of its
own people (signing twice is refused in words), a signature withdrawn, and the document the
room reads, with every typed text shown literally. Checks read the file."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import Qt

from tests.ui.conftest import saved, type_into_cell

from ..ops.boards import demo_workshop, one_sentence

CTRL = Qt.KeyboardModifier.ControlModifier
ALT = Qt.KeyboardModifier.AltModifier
TRICKY = '<b>& "quotes" stay as typed'


@pytest.fixture
def view(make_window, tmp_path, qtbot):
    from cxworkshop.store import create_file
    from cxworkshop.ui.priorities.contract import ContractView

    path = create_file(tmp_path / "Demo.cxw", demo_workshop())
    window = make_window(path)
    window.resize(1600, 1000)
    view = ContractView(window.editor)
    window.pages.addWidget(view)
    window.pages.setCurrentWidget(view)
    view.show_workshop(window.session.load())
    window.editor.board_changed.connect(lambda _b: view.show_workshop(window.session.load()))
    qtbot.waitUntil(view.rules.isVisible)
    view.path, view.window_ = path, window
    return view


def contract(view):
    return saved(view.path).priorities.social_contract


def rule_texts(view) -> list[str]:
    return [r.text for r in contract(view).rules]


def test_the_preamble_is_saved_as_typed_and_undone_in_one_step(view, qtbot):
    before = contract(view).preamble
    steps = view.window_.stack.count()
    view.preamble.setFocus()
    qtbot.keyClick(view.preamble, Qt.Key.Key_End, CTRL)
    qtbot.keyClicks(view.preamble, " Signed in good faith.")
    assert contract(view).preamble == before + " Signed in good faith."
    qtbot.keyClick(view.preamble, Qt.Key.Key_Return)
    qtbot.keyClicks(view.preamble, "Reviewed each quarter.")
    assert contract(view).preamble == before + " Signed in good faith.\nReviewed each quarter."
    assert view.window_.stack.count() == steps + 1
    qtbot.keyClick(view.preamble, Qt.Key.Key_Z, CTRL)
    assert contract(view).preamble == before
    assert view.preamble.toPlainText() == before


def test_rules_are_added_edited_reordered_and_deleted_from_the_keyboard(view, qtbot):
    demo = rule_texts(view)
    for text in (TRICKY, "Answer another team within a day"):
        view.new_rule.setFocus()
        qtbot.keyClicks(view.new_rule, text)
        qtbot.keyClick(view.new_rule, Qt.Key.Key_Return)
    assert rule_texts(view) == [*demo, TRICKY, "Answer another team within a day"]
    assert view.new_rule.text() == ""
    assert view.rules.item(7, 0).text() == "8." and view.rules.currentRow() == 7

    view.rules.setFocus()
    qtbot.keyClick(view.rules, Qt.Key.Key_Up, ALT)
    assert rule_texts(view)[-2:] == ["Answer another team within a day", TRICKY]
    assert view.rules.currentRow() == 6  # the moved rule stays chosen
    assert view.rules.item(6, 1).text() == "Answer another team within a day"
    qtbot.keyClick(view.rules, Qt.Key.Key_Up, ALT)
    assert rule_texts(view)[5:] == ["Answer another team within a day", demo[5], TRICKY]
    qtbot.keyClick(view.rules, Qt.Key.Key_Down, ALT)
    assert rule_texts(view)[-2:] == ["Answer another team within a day", TRICKY]

    # edited in place: F2, typing, Enter
    type_into_cell(qtbot, view.rules, 6, 1, "Answer another team within two days")
    qtbot.waitUntil(lambda: rule_texts(view)[6] == "Answer another team within two days")
    # ...or in the line below the list, saved as typed
    view.rules.setCurrentCell(0, 1)
    assert view.rule_text.text() == demo[0]
    view.rule_text.setFocus()
    qtbot.keyClick(view.rule_text, Qt.Key.Key_End)
    qtbot.keyClicks(view.rule_text, " Ever.")
    assert rule_texts(view)[0] == demo[0] + " Ever."

    view.rules.setFocus()
    view.rules.setCurrentCell(7, 1)
    qtbot.keyClick(view.rules, Qt.Key.Key_Delete)
    assert TRICKY not in rule_texts(view) and len(rule_texts(view)) == 7
    qtbot.keyClick(view.rules, Qt.Key.Key_Z, CTRL)
    assert rule_texts(view)[-1] == TRICKY


def test_a_department_signs_once_through_its_own_people(view, qtbot):
    refused = []
    view.editor.refused.connect(refused.append)
    sales = next(r for r in view.rows if r.department.id == "sal")
    assert [sales.signer.itemText(i) for i in range(sales.signer.count())] == [
        "Elin Lind", "Jonas Bauer"]  # only Sales people may sign for Sales
    assert sales.state.text() == "Not signed yet" and not sales.unsign.isEnabled()
    sales.signer.setCurrentIndex(sales.signer.findData("p-bauer"))
    qtbot.mouseClick(sales.sign, Qt.MouseButton.LeftButton)
    signature = next(s for s in contract(view).signatures if s.department == "sal")
    assert (signature.participant, signature.date) == ("p-bauer", dt.date.today().isoformat())
    assert sales.state.text().startswith("Signed by Jonas Bauer on ")
    assert not sales.signer.isEnabled() and sales.unsign.isEnabled()
    assert not refused

    qtbot.mouseClick(sales.sign, Qt.MouseButton.LeftButton)  # again
    assert refused == ["Sales has already signed the contract."]
    assert view.window_.statusBar().currentMessage() == refused[-1]
    view.sign("fin", "p-lind")  # someone from Sales cannot sign for Billing & Finance
    assert "cannot sign for Billing & Finance" in refused[-1]
    for message in refused:
        one_sentence(message)
    assert "fin" not in {s.department for s in contract(view).signatures}

    qtbot.mouseClick(sales.unsign, Qt.MouseButton.LeftButton)
    assert "sal" not in {s.department for s in contract(view).signatures}
    assert sales.state.text() == "Not signed yet"
    view.rules.setFocus()
    qtbot.keyClick(view.rules, Qt.Key.Key_Z, CTRL)
    assert "sal" in {s.department for s in contract(view).signatures}


def test_the_document_reads_the_contract_with_typed_text_shown_literally(view, qtbot):
    view.new_rule.setFocus()
    qtbot.keyClicks(view.new_rule, TRICKY)
    qtbot.keyClick(view.new_rule, Qt.Key.Key_Return)
    qtbot.mouseClick(view.toggle, Qt.MouseButton.LeftButton)
    assert view.stack.currentWidget() is view.document and view.document.isVisible()
    assert view.toggle.text() == "Back to editing"
    text = view.document_text()
    demo = demo_workshop().priorities.social_contract
    assert text.startswith("Social contract")
    assert demo.preamble in text
    for n, rule in enumerate(demo.rules, 1):  # number and rule are side by side cells
        assert f"\n{n}.\n{rule.text}\n" in text
    assert f"\n7.\n{TRICKY}\n" in text
    assert "&lt;b&gt;&amp;" in view.document.toHtml()  # escaped, not bold
    assert "Marketing — signed by Morag Hale, 18 November 2026" in text
    assert "Sales — not signed yet" in text
    assert "Still to sign: Sales, Billing & Finance." in text

    qtbot.mouseClick(view.toggle, Qt.MouseButton.LeftButton)
    assert view.stack.currentWidget() is view.editing


def test_tab_leaves_the_rules_and_typed_text_in_place_survives_alt_arrows(view, qtbot):
    from PySide6.QtWidgets import QApplication

    path = view.path
    view.rules.setFocus()
    view.rules.setCurrentCell(0, 1)
    qtbot.keyClick(view.rules, Qt.Key.Key_Tab)
    assert not view.rules.hasFocus()
    view.rules.setFocus()
    view.rules.setCurrentCell(0, 1)
    qtbot.keyClick(view.rules, Qt.Key.Key_F2)
    editor = QApplication.focusWidget()
    editor.selectAll()
    qtbot.keyClicks(editor, "Typed in place")
    qtbot.keyClick(editor, Qt.Key.Key_Down, Qt.KeyboardModifier.AltModifier)
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    assert saved(path).priorities.social_contract.rules[0].text == "Typed in place"
