"""The agenda timer on a fake clock: it counts down, pauses, turns amber then red at the right
moments, moves between items keeping the time each took, hands each change of minutes out once,
follows edits of the agenda, and a restarted app continues from the minutes in the file."""

from __future__ import annotations

from dataclasses import replace

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from cxworkshop.model import AgendaItem
from cxworkshop.model.timer import AgendaTimer, clock_text, opening_index


class Clock:
    """A clock that moves only when told to."""

    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now

    def run(self, seconds: float) -> None:
        self.now += seconds


def agenda() -> list[AgendaItem]:
    return [AgendaItem("a-intro", "Welcome", None, 10),
            AgendaItem("a-fail", "Where we let customers down", "discover", 60),
            AgendaItem("a-close", "Close", None, 15)]


def timer(items=None) -> tuple[AgendaTimer, Clock]:
    clock = Clock()
    return AgendaTimer(agenda() if items is None else items, clock), clock


def test_clock_text_counts_down_then_up_over_time():
    assert clock_text(12 * 60 + 5) == "12:05"
    assert clock_text(59.2) == "01:00"  # a second is shown until it has all gone
    assert clock_text(0.4) == "00:01"
    assert clock_text(0) == "00:00"
    assert clock_text(-0.4) == "+00:01"
    assert clock_text(-90) == "+01:30"
    assert clock_text(3723) == "1:02:03"
    assert clock_text(-3600) == "+1:00:00"
    assert clock_text(59 * 60 + 59) == "59:59"


def test_the_timer_opens_on_the_first_item_not_done():
    items = agenda()
    assert opening_index(items) == 0
    items[0].actual_minutes = 12
    assert opening_index(items) == 1
    done = [replace(i, actual_minutes=5) for i in items]
    assert opening_index(done) == 2  # all done: the last item
    assert opening_index([]) == -1
    t, _ = timer(items)
    assert t.index == 1 and t.current.id == "a-fail" and not t.running


def test_an_empty_agenda_has_no_current_item_and_nothing_happens():
    t, clock = timer([])
    assert t.index == -1 and t.current is None
    t.start()
    t.next()
    t.previous()
    t.go(3)
    clock.run(100)
    assert not t.running
    assert (t.elapsed(), t.remaining(), t.phase(), t.actual_minutes()) == (0, 0, "calm", None)
    assert t.take_unsaved() == []


def test_the_items_are_a_copy():
    items = agenda()
    t, _ = timer(items)
    items.pop()
    assert len(t.items) == 3


def test_it_counts_down_only_while_running():
    t, clock = timer()
    clock.run(50)
    assert t.elapsed() == 0 and t.remaining() == 600  # not started: time stands still
    t.start()
    assert t.running
    clock.run(125)
    assert t.elapsed() == 125
    assert clock_text(t.remaining()) == "07:55"
    t.pause()
    clock.run(1000)
    assert t.elapsed() == 125 and not t.running
    t.toggle()
    clock.run(5)
    assert t.elapsed() == 130
    t.toggle()
    assert not t.running
    t.pause()  # pausing twice changes nothing
    t.start()
    t.start()  # nor starting twice
    clock.run(10)
    assert t.elapsed() == 140


def test_amber_then_red_at_the_right_moments():
    def phases(planned: int, *seconds_left: float) -> tuple[str, ...]:
        seen = []
        for left in seconds_left:
            t, clock = timer([AgendaItem("x", "Item", None, planned)])
            t.start()
            clock.run(planned * 60 - left)
            seen.append(t.phase())
        return tuple(seen)

    # 3 minutes: a fifth is 36 s, so the last stretch is the least, 60 s
    assert phases(3, 180, 60.5, 60, 0.5, 0, -30) == (
        "calm", "calm", "amber", "amber", "red", "red")
    # 10 minutes: a fifth, 120 s
    assert phases(10, 120.5, 120, 1, 0) == ("calm", "amber", "amber", "red")
    # 60 minutes: a fifth is 12 minutes, so the most, 300 s
    assert phases(60, 300.5, 300, 1) == ("calm", "amber", "amber")


def test_an_item_planned_at_no_minutes_is_over_at_once():
    t, _ = timer([AgendaItem("x", "Photo", None, 0)])
    assert t.phase() == "red"


def test_next_records_the_item_left_and_keeps_running():
    t, clock = timer()
    t.start()
    clock.run(9 * 60 + 40)
    t.next()
    assert t.current.id == "a-fail" and t.running and t.elapsed() == 0
    clock.run(61)
    assert t.take_unsaved() == [("a-intro", 10), ("a-fail", 1)]
    assert t.take_unsaved() == []  # each once
    t.pause()
    t.next()
    assert t.current.id == "a-close" and not t.running  # paused stays paused


def test_next_at_the_last_item_pauses_there_and_previous_at_the_first():
    t, clock = timer()
    t.go(2)
    t.start()
    clock.run(60)
    t.next()
    assert t.index == 2 and not t.running and t.elapsed() == 60
    t.go(0)
    t.start()
    t.previous()
    assert t.index == 0 and not t.running
    t.start()
    t.go(-5)
    assert t.index == 0 and not t.running


def test_coming_back_to_an_item_continues_its_time():
    t, clock = timer()
    t.start()
    clock.run(200)
    t.next()
    clock.run(100)
    t.previous()
    assert t.current.id == "a-intro" and t.running and t.elapsed() == 200
    clock.run(10)
    assert t.elapsed() == 210
    t.go(1)
    assert t.elapsed() == 100


def test_take_unsaved_gives_each_change_of_minutes_once():
    t, clock = timer()
    assert t.actual_minutes() is None and t.take_unsaved() == []  # never started, had none
    t.start()
    clock.run(29)
    assert t.take_unsaved() == []  # no "0 minutes" over nothing
    clock.run(1)
    assert t.take_unsaved() == [("a-intro", 1)]  # half a minute rounds up
    clock.run(59)
    assert t.take_unsaved() == []  # 89 s is still a minute
    clock.run(1)
    assert t.actual_minutes() == 2
    assert t.take_unsaved() == [("a-intro", 2)]
    assert t.take_unsaved() == []
    t.pause()
    assert t.take_unsaved() == []


def test_an_item_started_by_mistake_and_left_at_once_keeps_no_minutes():
    t, clock = timer()
    t.start()
    clock.run(12)
    assert t.actual_minutes() == 0
    t.next()
    clock.run(600)
    t.pause()
    assert t.take_unsaved() == [("a-fail", 10)]
    t.previous()
    assert t.current.id == "a-intro" and t.elapsed() == 12  # its few seconds are not lost


def test_an_item_that_had_minutes_is_never_cleared_by_a_mistake():
    items = agenda()
    items[2].actual_minutes = 0
    t, clock = timer(items)
    t.go(2)
    t.start()
    clock.run(10)
    t.previous()
    assert t.take_unsaved() == []  # still 0, as the file says


def test_a_restarted_app_continues_from_the_recorded_minutes():
    items = agenda()
    items[0].actual_minutes = 12
    t, clock = timer(items)
    t.previous()  # it opened on the next item not done
    assert t.current.id == "a-intro" and t.elapsed() == 12 * 60
    assert t.actual_minutes() == 12 and t.phase() == "red"
    t.start()
    clock.run(60)
    assert clock_text(t.remaining()) == "+03:00"
    assert t.take_unsaved() == [("a-intro", 13)]
    done = [replace(i, actual_minutes=5) for i in agenda()]
    again, _ = timer(done)
    assert again.current.id == "a-close" and again.elapsed() == 300


def test_set_items_keeps_the_current_item_when_others_are_inserted_or_deleted():
    t, clock = timer()
    t.go(1)
    t.start()
    clock.run(90)
    items = agenda()
    items.insert(0, AgendaItem("a-coffee", "Coffee", None, 15))
    t.set_items(items)
    assert (t.index, t.current.id, t.running, t.elapsed()) == (2, "a-fail", True, 90)
    t.set_items([i for i in items if i.id not in ("a-coffee", "a-intro")])
    assert (t.index, t.current.id, t.elapsed()) == (0, "a-fail", 90)
    clock.run(10)
    assert t.elapsed() == 100
    renamed = [replace(i, title="Where it hurts", minutes=1) if i.id == "a-fail" else i
               for i in t.items]
    t.set_items(renamed)
    assert t.current.title == "Where it hurts" and t.phase() == "red"


def test_set_items_stays_at_the_same_place_when_the_current_item_is_deleted():
    t, clock = timer()
    t.go(1)
    t.start()
    clock.run(90)
    t.set_items([i for i in agenda() if i.id != "a-fail"])
    assert (t.index, t.current.id, t.running, t.elapsed()) == (1, "a-close", True, 0)
    assert t.take_unsaved() == []
    t.set_items(agenda()[:1])
    assert t.index == 0 and t.current.id == "a-intro"
    t.set_items([])
    assert (t.index, t.current, t.running) == (-1, None, False)
    t.set_items(agenda())
    assert t.index == 0


def test_the_timers_own_minutes_coming_back_from_the_file_change_nothing():
    t, clock = timer()
    t.start()
    clock.run(95)
    (saved,) = t.take_unsaved()
    assert saved == ("a-intro", 2)
    stale = agenda()  # a refresh that read the file before the minutes were written
    t.set_items(stale)
    assert t.elapsed() == 95 and t.take_unsaved() == []
    written = [replace(i, actual_minutes=2) if i.id == "a-intro" else i for i in agenda()]
    t.set_items(written)
    assert t.elapsed() == 95 and t.take_unsaved() == []
    clock.run(60)
    assert t.take_unsaved() == [("a-intro", 3)]


def test_minutes_corrected_in_the_file_count_from_then_on():
    t, clock = timer()
    t.start()
    clock.run(300)
    t.next()
    assert t.take_unsaved() == [("a-intro", 5)]
    items = agenda()
    items[0].actual_minutes = 8  # the facilitator corrects what the first item took
    t.set_items(items)
    assert t.take_unsaved() == []
    t.previous()
    assert t.elapsed() == 8 * 60
    items[0].actual_minutes = 20  # and, while it is current, once more
    t.set_items(items)
    assert t.elapsed() == 20 * 60 and t.running
    clock.run(60)
    assert t.take_unsaved() == [("a-intro", 21)]


@settings(max_examples=150, deadline=None)
@given(st.lists(st.tuples(st.sampled_from(["start", "pause", "toggle", "next", "previous",
                                           "go", "take"]),
                          st.integers(-1, 4), st.floats(0, 900)),
                max_size=40))
def test_time_runs_only_while_running_and_never_backwards(steps):
    t, clock = timer()
    given_out: dict[str, int] = {}
    for verb, index, seconds in steps:
        before, was_running, item = t.elapsed(), t.running, t.current
        clock.run(seconds)
        if was_running:
            assert t.elapsed() == pytest.approx(before + seconds)
        else:
            assert t.elapsed() == before
        aim = {"next": t.index + 1, "previous": t.index - 1, "go": index}.get(verb)
        if verb == "go":
            t.go(index)
        elif verb == "take":
            for oid, minutes in t.take_unsaved():
                assert given_out.get(oid) != minutes  # each change once
                assert minutes > 0 or oid in given_out  # never 0 over nothing
                given_out[oid] = minutes
        else:
            getattr(t, verb)()
        assert 0 <= t.index < 3
        if t.current is item:
            assert t.elapsed() >= before - 1e-9  # switching items aside, time never goes back
        if aim is not None:  # moving keeps running or paused; past either end it pauses
            assert t.running == (was_running and 0 <= aim < 3)
            assert t.index == max(0, min(aim, 2))
