"""The road map on the Blueprint stage: milestones created by typing, by double-clicking an empty
place and from the list of agreed improvements that have none; dragged to other months and
lanes, resized by an end, moved and resized with keys, edited and deleted; each change in the
file at once and undone by Ctrl+Z. The period flags milestones outside it and loses none."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPoint, Qt

from cxworkshop.model import blueprint as MB
from tests.ui.conftest import saved

CTRL = Qt.KeyboardModifier.ControlModifier
SHIFT = Qt.KeyboardModifier.ShiftModifier
ALT = Qt.KeyboardModifier.AltModifier
LEFT = Qt.MouseButton.LeftButton


@pytest.fixture
def view(blueprint_tab):
    view = blueprint_tab("roadmap")
    return view


def ms(view, oid):
    return next(m for m in saved(view.path).blueprint.milestones if m.id == oid)


def undo(qtbot, widget):
    qtbot.keyClick(widget, Qt.Key.Key_Z, CTRL)


def drag(qtbot, canvas, start, end):
    start, end = QPoint(round(start.x()), round(start.y())), QPoint(round(end.x()), round(end.y()))
    qtbot.mousePress(canvas, LEFT, pos=start)
    middle = (start + end) / 2
    qtbot.mouseMove(canvas, QPoint(round(middle.x()), round(middle.y())))
    qtbot.mouseMove(canvas, end)
    qtbot.mouseRelease(canvas, LEFT, pos=end)


def lane_centre(canvas, lane):
    top, height = next((t, h) for name, t, h, _r in canvas.lanes() if name == lane)
    return top + height / 2


def test_the_demo_road_map_has_a_lane_per_department_and_every_milestone(view):
    canvas = view.canvas
    w = saved(view.path)
    assert [lane for lane, *_ in canvas.lanes()] == [d.id for d in w.departments] + [None]
    assert set(canvas.bar_rects()) == {m.id for m in w.blueprint.milestones}
    assert canvas.span() == ("2027-01", "2028-12")
    # each bar sits in its department's lane and spans its months
    mw = canvas.month_width()
    rect = canvas.bar_rects()["m-calendar"]  # IT & Digital, January to May 2027
    top, height = next((t, h) for lane, t, h, _r in canvas.lanes() if lane == "dig")
    assert top <= rect.top() and rect.bottom() <= top + height
    assert rect.width() == pytest.approx(5 * mw - 2)
    assert rect.left() == pytest.approx(canvas.month_x("2027-01") + 1)


def test_a_typed_milestone_starts_with_the_period_and_is_undone(view, qtbot):
    before = len(saved(view.path).blueprint.milestones)
    view.new_title.setFocus()
    qtbot.keyClicks(view.new_title, "Complaints dashboard live")
    qtbot.keyClick(view.new_title, Qt.Key.Key_Return)
    new = saved(view.path).blueprint.milestones[-1]
    assert (new.title, new.start, new.end, new.lane) == (
        "Complaints dashboard live", "2027-01", "2027-03", None)
    assert view.current == new.id and new.id in view.canvas.bar_rects()
    undo(qtbot, view.new_title)
    assert len(saved(view.path).blueprint.milestones) == before
    assert new.id not in view.canvas.bar_rects()


def test_dragging_a_bar_moves_it_by_whole_months_and_into_another_lane(view, qtbot):
    canvas = view.canvas
    rect = canvas.bar_rects()["m-crews"]  # Field Installations, April to September 2028
    mw = canvas.month_width()
    start = rect.center()
    end = start + QPoint(0, 0)
    end.setX(start.x() - 2 * mw - 3)  # a little past two months: rounds to two
    end.setY(lane_centre(canvas, "svc"))
    drag(qtbot, canvas, start, end)
    moved = ms(view, "m-crews")
    assert (moved.start, moved.end, moved.lane) == ("2028-02", "2028-07", "svc")
    assert view.current == "m-crews"
    assert canvas.bar_rects()["m-crews"].left() == pytest.approx(canvas.month_x("2028-02") + 1)
    undo(qtbot, canvas)
    back = ms(view, "m-crews")
    assert (back.start, back.end, back.lane) == ("2028-04", "2028-09", "fld")


def test_dragging_an_end_changes_only_that_date(view, qtbot):
    canvas = view.canvas
    mw = canvas.month_width()
    rect = canvas.bar_rects()["m-commission"]  # Sales, July 2027 to March 2028
    right = rect.topRight() + QPoint(-3, int(rect.height() / 2))
    drag(qtbot, canvas, right, right + QPoint(int(3 * mw), 0))
    assert (ms(view, "m-commission").start, ms(view, "m-commission").end) == (
        "2027-07", "2028-06")
    rect = canvas.bar_rects()["m-commission"]
    left = rect.topLeft() + QPoint(3, int(rect.height() / 2))
    drag(qtbot, canvas, left, left - QPoint(int(mw), 0))
    assert (ms(view, "m-commission").start, ms(view, "m-commission").end) == (
        "2027-06", "2028-06")
    # an end cannot be dragged past the other one: the bar stays at least a month long
    rect = canvas.bar_rects()["m-commission"]
    right = rect.topRight() + QPoint(-3, int(rect.height() / 2))
    drag(qtbot, canvas, right, right - QPoint(int(40 * mw), 0))
    assert (ms(view, "m-commission").start, ms(view, "m-commission").end) == (
        "2027-06", "2027-06")
    undo(qtbot, canvas)
    undo(qtbot, canvas)
    undo(qtbot, canvas)
    assert (ms(view, "m-commission").start, ms(view, "m-commission").end) == (
        "2027-07", "2028-03")


def test_a_click_without_a_drag_chooses_and_writes_nothing(view, qtbot):
    canvas = view.canvas
    steps = view.window_.stack.count()
    centre = canvas.bar_rects()["m-rebook"].center().toPoint()
    qtbot.mouseClick(canvas, LEFT, pos=centre)
    assert view.current == "m-rebook" and view.title.text() == ms(view, "m-rebook").title
    assert view.window_.stack.count() == steps


def test_keys_move_resize_change_lane_and_delete(view, qtbot):
    canvas = view.canvas
    qtbot.mouseClick(canvas, LEFT, pos=canvas.bar_rects()["m-rebook"].center().toPoint())
    # Customer Care, April to July 2027
    qtbot.keyClick(canvas, Qt.Key.Key_Right)
    qtbot.keyClick(canvas, Qt.Key.Key_Right)
    assert (ms(view, "m-rebook").start, ms(view, "m-rebook").end) == ("2027-06", "2027-09")
    qtbot.keyClick(canvas, Qt.Key.Key_Right, SHIFT)
    assert ms(view, "m-rebook").end == "2027-10"
    qtbot.keyClick(canvas, Qt.Key.Key_Left, ALT)
    assert ms(view, "m-rebook").start == "2027-05"
    qtbot.keyClick(canvas, Qt.Key.Key_Down)  # Customer Care → Billing & Finance
    assert ms(view, "m-rebook").lane == "fin"
    qtbot.keyClick(canvas, Qt.Key.Key_Delete)
    assert "m-rebook" not in {m.id for m in saved(view.path).blueprint.milestones}
    for _ in range(6):
        undo(qtbot, canvas)
    back = ms(view, "m-rebook")
    assert (back.start, back.end, back.lane) == ("2027-04", "2027-07", "svc")


def test_double_clicks_edit_a_bar_or_make_one_in_an_empty_place(view, qtbot):
    canvas = view.canvas
    qtbot.mouseDClick(canvas, LEFT, pos=canvas.bar_rects()["m-offers"].center().toPoint())
    assert view.current == "m-offers"
    qtbot.waitUntil(view.title.hasFocus)
    qtbot.keyClicks(view.title, "Offers checked")
    assert ms(view, "m-offers").title == "Offers checked"
    undo(qtbot, view.title)  # the run of typing is one step
    assert ms(view, "m-offers").title == "Offers quote checked line speeds"

    before = {m.id for m in saved(view.path).blueprint.milestones}
    x = canvas.month_x("2028-05") + canvas.month_width() / 2
    qtbot.mouseDClick(canvas, LEFT, pos=QPoint(round(x), round(lane_centre(canvas, "mkt"))))
    (new,) = [m for m in saved(view.path).blueprint.milestones if m.id not in before]
    assert (new.lane, new.start, new.end) == ("mkt", "2028-05", "2028-07")
    qtbot.waitUntil(view.title.hasFocus)
    qtbot.keyClicks(view.title, "Brand campaign")  # types over the chosen placeholder title
    assert ms(view, new.id).title == "Brand campaign"
    undo(qtbot, view.title)
    undo(qtbot, view.title)
    assert {m.id for m in saved(view.path).blueprint.milestones} == before


def test_an_agreed_improvement_without_a_milestone_is_listed_and_planned(view, qtbot):
    from cxworkshop.ops import blueprint as O

    page = view.window_.blueprint_page
    view.editor.board(O.delete_milestone, "m-firstbill", label="Delete milestone")
    assert [view.unplanned.item(i).data(Qt.ItemDataRole.UserRole)
            for i in range(view.unplanned.count())] == ["i-firstbill"]
    assert "(1)" in view.unplanned_title.text()
    view.unplanned.setFocus()
    view.unplanned.setCurrentRow(0)
    qtbot.keyClick(view.unplanned, Qt.Key.Key_Return)
    new = saved(view.path).blueprint.milestones[-1]
    # in the lane of the accountable executive's department, owned by them
    assert (new.improvement, new.lane, new.owner, new.start) == (
        "i-firstbill", "fin", "p-mensah", "2027-01")
    assert not view.unplanned.item(0).data(Qt.ItemDataRole.UserRole)
    assert page.workshop.blueprint.milestones[-1].id == new.id


def test_a_shorter_period_flags_milestones_outside_it_and_loses_none(view, qtbot):
    page = view.window_.blueprint_page
    page.start.setFocus()
    page.start.selectAll()
    qtbot.keyClicks(page.start, "2027-04")
    page.end.setFocus()  # leaving the field saves the period
    page.end.selectAll()
    qtbot.keyClicks(page.end, "2028-06")
    qtbot.keyClick(page.end, Qt.Key.Key_Return)
    bp = saved(view.path).blueprint
    assert (bp.start, bp.end) == ("2027-04", "2028-06")
    assert len(bp.milestones) == 11
    flagged = [view.outside.item(i).data(Qt.ItemDataRole.UserRole)
               for i in range(view.outside.count())]
    assert set(flagged) == {m.id for m, _ in MB.outside_period(bp.milestones, bp.start, bp.end)}
    assert len(flagged) == 7
    # the timeline widens to show them, and choosing one says why it is flagged
    assert view.canvas.span() == ("2027-01", "2028-12")
    view.outside.setCurrentRow(flagged.index("m-review"))
    qtbot.mouseClick(view.outside.viewport(), LEFT,
                     pos=view.outside.visualItemRect(view.outside.currentItem()).center())
    assert view.current == "m-review"
    assert "after the period ends" in view.problem.text()
    # an end before the start is refused in place and nothing is saved
    page.end.setFocus()
    page.end.selectAll()
    qtbot.keyClicks(page.end, "2026-01")
    qtbot.keyClick(page.end, Qt.Key.Key_Return)
    assert "before it starts" in page.problem.text()
    assert saved(view.path).blueprint.end == "2028-06"
    undo(qtbot, view.canvas)  # the end, then the start: each was saved as it was left
    assert (saved(view.path).blueprint.start, page.end.text()) == ("2027-04", "2028-12")
    undo(qtbot, view.canvas)
    bp = saved(view.path).blueprint
    assert (bp.start, bp.end) == ("2027-01", "2028-12")


def test_dates_typed_in_the_form_are_checked(view, qtbot):
    view.choose("m-review")
    view.end.setFocus()
    view.end.selectAll()
    qtbot.keyClicks(view.end, "2028-09")  # before its start, 2028-10
    qtbot.keyClick(view.end, Qt.Key.Key_Return)
    assert "cannot end before it starts" in view.problem.text()
    assert ms(view, "m-review").end == "2028-12"
    view.end.selectAll()
    qtbot.keyClicks(view.end, "2029-02")
    qtbot.keyClick(view.end, Qt.Key.Key_Return)
    assert ms(view, "m-review").end == "2029-02"
    assert "past the end of the period" in view.problem.text()


# -- found in review --------------------------------------------------------------------------

def test_clicking_a_bar_partly_scrolled_out_of_sight_does_not_move_it(view, qtbot):
    view.window_.resize(1000, 800)  # a laptop-sized window: the road map scrolls sideways
    bar = view.scroll.horizontalScrollBar()
    qtbot.waitUntil(lambda: bar.maximum() > 0)
    canvas = view.canvas
    before = {m.id: (m.start, m.end, m.lane) for m in saved(view.path).blueprint.milestones}
    width = view.scroll.viewport().width()
    oid, rect = next((oid, r) for oid, r in canvas.bar_rects().items()
                     if r.left() + 60 < width < r.right())
    press = QPoint(int(rect.left()) + 30, int(rect.center().y()))
    screen = canvas.mapToGlobal(press)
    qtbot.mousePress(canvas, LEFT, pos=press)
    nudge = canvas.mapFromGlobal(screen + QPoint(1, 0))  # the hand trembles by one pixel
    qtbot.mouseMove(canvas, nudge)
    qtbot.mouseRelease(canvas, LEFT, pos=nudge)
    assert view.current == oid
    after = {m.id: (m.start, m.end, m.lane) for m in saved(view.path).blueprint.milestones}
    assert after == before


def test_a_title_written_beside_its_bar_answers_as_the_bar(view, qtbot):
    canvas = view.canvas
    assert canvas._label_side(next(m for m in canvas.milestones if m.id == "m-firstbill"))[0] \
        == "right"
    rect = canvas.bar_rects()["m-firstbill"]
    on_title = QPoint(int(rect.right() + 40), int(rect.center().y()))
    before = len(saved(view.path).blueprint.milestones)
    qtbot.mouseDClick(canvas, LEFT, pos=on_title)
    assert len(saved(view.path).blueprint.milestones) == before  # edited, not a new one
    assert view.current == "m-firstbill"
    drag(qtbot, canvas, on_title, on_title + QPoint(round(canvas.month_width()), 0))
    assert ms(view, "m-firstbill").start == "2027-02"


def test_a_double_click_below_the_lanes_makes_nothing(view, qtbot):
    canvas = view.canvas
    below = canvas._height() + 20
    if below >= canvas.height():
        pytest.skip("the lanes fill the road map at this size")
    before = len(saved(view.path).blueprint.milestones)
    qtbot.mouseDClick(canvas, LEFT, pos=QPoint(round(canvas.month_x("2027-06")), round(below)))
    assert len(saved(view.path).blueprint.milestones) == before


def test_escape_during_a_drag_puts_the_bar_back_and_writes_nothing(view, qtbot):
    canvas = view.canvas
    steps = view.window_.stack.count()
    start = canvas.bar_rects()["m-crews"].center().toPoint()
    qtbot.mousePress(canvas, LEFT, pos=start)
    qtbot.mouseMove(canvas, start + QPoint(round(3 * canvas.month_width()), 0))
    assert canvas.bar_rects()["m-crews"].center().x() > start.x() + canvas.month_width()
    qtbot.keyClick(canvas, Qt.Key.Key_Escape)
    qtbot.mouseRelease(canvas, LEFT, pos=start + QPoint(round(3 * canvas.month_width()), 0))
    assert (ms(view, "m-crews").start, view.window_.stack.count()) == ("2028-04", steps)
    assert abs(canvas.bar_rects()["m-crews"].center().x() - start.x()) < 2


def test_a_space_typed_in_a_title_is_kept_and_each_visit_is_its_own_undo_step(view, qtbot):
    view.choose("m-review")
    view.title.setFocus()
    qtbot.waitUntil(view.title.hasFocus)
    view.title.selectAll()
    qtbot.keyClicks(view.title, "Brand c")
    qtbot.keyClick(view.title, Qt.Key.Key_Backspace)  # a typo: take the c back
    qtbot.keyClicks(view.title, "campaign")
    assert view.title.text() == "Brand campaign" == ms(view, "m-review").title
    view.new_title.setFocus()  # away, and back for more
    qtbot.waitUntil(view.new_title.hasFocus)
    view.title.setFocus()
    qtbot.waitUntil(view.title.hasFocus)
    view.title.end(False)
    qtbot.keyClicks(view.title, " review")
    assert ms(view, "m-review").title == "Brand campaign review"
    undo(qtbot, view.title)
    assert ms(view, "m-review").title == "Brand campaign"
    undo(qtbot, view.title)
    assert ms(view, "m-review").title == "Two-year programme review"


def test_a_period_complaint_goes_when_undo_shows_the_file_again(view, qtbot):
    page = view.window_.blueprint_page
    page.end.setFocus()
    page.end.selectAll()
    qtbot.keyClicks(page.end, "2028-06")
    qtbot.keyClick(page.end, Qt.Key.Key_Return)
    page.end.selectAll()
    qtbot.keyClicks(page.end, "2028-6")
    qtbot.keyClick(page.end, Qt.Key.Key_Return)
    assert page.problem.text()
    undo(qtbot, page.end)
    assert page.end.text() == "2028-12" and not page.problem.text()


def test_typed_dates_are_in_the_file_before_the_field_is_left(view, qtbot):
    view.choose("m-crews")
    view.start.setFocus()
    qtbot.waitUntil(view.start.hasFocus)
    view.start.selectAll()
    qtbot.keyClicks(view.start, "2028-0")  # not a month yet: nothing written
    assert ms(view, "m-crews").start == "2028-04"
    qtbot.keyClicks(view.start, "2")
    assert ms(view, "m-crews").start == "2028-02"  # written with the key, no Enter needed
    page = view.window_.blueprint_page
    page.end.setFocus()
    page.end.selectAll()
    qtbot.keyClicks(page.end, "2029-06")
    assert saved(view.path).blueprint.end == "2029-06"
    undo(qtbot, page.end)  # each run of typing is one step
    assert saved(view.path).blueprint.end == "2028-12"
    undo(qtbot, page.end)
    assert ms(view, "m-crews").start == "2028-04"


# -- found in the second review ---------------------------------------------------------------

def _one_lane_of_short_bars(tmp_path):
    from cxworkshop import model as m
    from cxworkshop.store import create_file
    from tests.ops.boards import demo_workshop

    w = demo_workshop()
    w.blueprint.milestones = [
        m.Milestone(f"x{i}", f"Milestone number {i} with a medium title",
                    MB.add_months("2027-01", 2 * i), MB.add_months("2027-01", 2 * i), lane="mkt")
        for i in range(12)]
    return create_file(tmp_path / "Short bars.cxw", w)


def test_a_narrower_window_never_hides_the_last_lanes(make_window, tmp_path, qtbot):
    window = make_window(_one_lane_of_short_bars(tmp_path))
    window.resize(3000, 900)
    window.go_blueprint()
    view = window.blueprint_page.roadmap_view
    canvas = view.canvas
    qtbot.waitUntil(lambda: canvas.isVisible() and canvas._height() <= canvas.height() + 0.5)
    window.resize(2000, 900)  # narrower only: more titles go beside their bars, rows stack
    bar = view.scroll.verticalScrollBar()
    qtbot.waitUntil(lambda: canvas.width() < 1900)
    # every lane can be reached: on screen or by scrolling
    qtbot.waitUntil(lambda: canvas._height()
                    <= view.scroll.viewport().height() + bar.maximum() + 0.5)


def test_a_title_with_no_room_beside_its_bar_never_covers_the_lane_names(make_window, tmp_path,
                                                                          qtbot):
    from cxworkshop import model as m
    from cxworkshop.store import create_file
    from tests.ops.boards import demo_workshop

    w = demo_workshop()
    w.blueprint.start, w.blueprint.end = "2027-01", "2027-12"
    title = ("Every regional sales team retrained on the new promise, with checked line speeds, "
             "live installation slots and first-bill explainers, signed off by the council")
    w.blueprint.milestones = [m.Milestone("m-long", title, "2027-01", "2027-11", lane="mkt")]
    window = make_window(create_file(tmp_path / "Long.cxw", w))
    window.resize(1100, 900)
    window.go_blueprint()
    canvas = window.blueprint_page.roadmap_view.canvas
    qtbot.waitUntil(canvas.isVisible)
    rect = canvas.bar_rects()["m-long"]
    assert canvas.bar_at(QPoint(60, int(rect.center().y()))) is None  # the lane's name
    assert canvas.bar_at(rect.center().toPoint()) == "m-long"


def test_a_month_typed_and_put_back_leaves_no_undo_step(view, qtbot):
    view.choose("m-crews")
    stack = view.window_.stack
    steps = stack.count()
    view.start.setFocus()
    qtbot.waitUntil(view.start.hasFocus)
    view.start.end(False)
    qtbot.keyClick(view.start, Qt.Key.Key_Backspace)
    qtbot.keyClicks(view.start, "5")  # 2028-05, written
    assert ms(view, "m-crews").start == "2028-05"
    qtbot.keyClick(view.start, Qt.Key.Key_Backspace)
    qtbot.keyClicks(view.start, "4")  # back to 2028-04
    qtbot.keyClick(view.start, Qt.Key.Key_Return)
    assert ms(view, "m-crews").start == "2028-04" and stack.count() == steps


def test_a_refused_month_puts_back_what_its_typing_wrote(view, qtbot):
    view.choose("m-crews")
    view.start.setFocus()
    qtbot.waitUntil(view.start.hasFocus)
    view.start.selectAll()
    qtbot.keyClicks(view.start, "2027-041")  # wrote 2027-04 on the way, then stopped reading
    qtbot.keyClick(view.start, Qt.Key.Key_Return)
    assert "2027-01" in view.problem.text()
    assert ms(view, "m-crews").start == "2028-04"


def test_a_refused_period_puts_back_what_its_typing_wrote(view, qtbot):
    page = view.window_.blueprint_page
    steps = view.window_.stack.count()
    page.end.setFocus()
    qtbot.waitUntil(page.end.hasFocus)
    page.end.selectAll()
    qtbot.keyClicks(page.end, "2028-061")  # wrote 2028-06 on the way
    qtbot.keyClick(page.end, Qt.Key.Key_Return)
    assert "2027-01" in page.problem.text()
    assert saved(view.path).blueprint.end == "2028-12"
    assert view.window_.stack.count() == steps
