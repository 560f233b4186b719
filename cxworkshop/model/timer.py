"""The agenda timer: which agenda item the room is on, how long it has run and how long is
left, and the minutes each item took, for the file.

Pure Python, with the clock passed in (seconds, never going back; `time.monotonic` by
default), so a test moves time by hand. The timer never writes the file: `take_unsaved()`
hands out the minutes the file does not hold yet, and whoever owns the file records them.
"""

from __future__ import annotations

import math
import time
from collections.abc import Callable, Sequence

from .workshop import AgendaItem

#: An item left within this many seconds (started by mistake) gets no minutes recorded.
MISTAKE_SECONDS = 30.0
#: The last stretch of an item ("amber"): this share of its planned time, within the bounds.
AMBER_SHARE = 0.2
AMBER_MIN_SECONDS = 60.0
AMBER_MAX_SECONDS = 300.0


def clock_text(seconds: float) -> str:
    """Time left as a clock shows it: "12:05"; "+01:30" once over time; "1:02:03" past an
    hour. Whole seconds are counted up from the partial one, so each second shows once: 0.4 s
    left is "00:01", none "00:00", 0.4 s over "+00:01"."""
    if not math.isfinite(seconds):
        return "--:--"
    over = seconds < 0
    whole = math.ceil(abs(seconds))
    hours, rest = divmod(whole, 3600)
    minutes, secs = divmod(rest, 60)
    shown = f"{hours}:{minutes:02d}:{secs:02d}" if hours else f"{minutes:02d}:{secs:02d}"
    return f"+{shown}" if over else shown


def opening_index(items: Sequence[AgendaItem]) -> int:
    """Where a timer opens: the first item that has no actual minutes yet, else the last
    item; -1 when there are none."""
    for i, item in enumerate(items):
        if item.actual_minutes is None:
            return i
    return len(items) - 1


def _minutes(seconds: float) -> int:
    """Seconds as whole minutes, rounded half up."""
    return math.floor(seconds / 60 + 0.5)


class AgendaTimer:
    """Counts the current agenda item's time against its plan.

    `index` is the current item (-1 when there are none) and `running` whether its time runs.
    Leaving an item (next, previous, go) keeps the time it took, so coming back continues it
    and `take_unsaved()` can hand its minutes out for the file.
    """

    def __init__(self, items: Sequence[AgendaItem], clock: Callable[[], float] = time.monotonic):
        self._clock = clock
        self.items: list[AgendaItem] = list(items)
        self.index: int = opening_index(self.items)
        self.running: bool = False
        #: What the file holds (or will, once what `take_unsaved` gave out is recorded).
        self._file: dict[str, int | None] = {i.id: i.actual_minutes for i in self.items}
        #: What the items last given said, and every value `take_unsaved` gave out, to tell
        #: an edit from elsewhere from our own minutes coming back.
        self._read: dict[str, int | None] = dict(self._file)
        self._ours: dict[str, set[int]] = {}
        #: Seconds spent on items that were run and then left, by id.
        self._spent: dict[str, float] = {}
        #: Items run in this timer's life (an item never run keeps what the file says).
        self._ran: set[str] = set()
        self._banked = 0.0  # seconds of the current item before the present run
        self._since = 0.0  # the clock when the present run began
        self._enter()

    # -- reading ----------------------------------------------------------------------------------

    @property
    def current(self) -> AgendaItem | None:
        return self.items[self.index] if 0 <= self.index < len(self.items) else None

    def elapsed(self) -> float:
        """Seconds spent on the current item: what its actual minutes said when it became
        current (or the time it was run before, if it was left and came back), plus the time
        it has run since."""
        if self.current is None:
            return 0.0
        if not self.running:
            return self._banked
        return self._banked + max(0.0, self._clock() - self._since)

    def remaining(self) -> float:
        """Planned seconds minus elapsed; negative when over time."""
        item = self.current
        return 0.0 if item is None else item.minutes * 60 - self.elapsed()

    def phase(self) -> str:
        """"calm"; "amber" in the last stretch of the planned time (a fifth of it, at least a
        minute and at most five); "red" once no time is left; "calm" with no current item."""
        item = self.current
        if item is None:
            return "calm"
        left = self.remaining()
        if left <= 0:
            return "red"
        stretch = min(AMBER_MAX_SECONDS, max(AMBER_MIN_SECONDS, AMBER_SHARE * item.minutes * 60))
        return "amber" if left <= stretch else "calm"

    def actual_minutes(self) -> int | None:
        """The current item's elapsed time in whole minutes, rounded half up; None when it was
        never started and had none."""
        item = self.current
        if item is None:
            return None
        if item.id not in self._ran and self._file.get(item.id) is None:
            return None
        return _minutes(self.elapsed())

    # -- moving -------------------------------------------------------------------------------------

    def start(self) -> None:
        item = self.current
        if item is None or self.running:
            return
        self.running = True
        self._since = self._clock()
        self._ran.add(item.id)

    def pause(self) -> None:
        if not self.running:
            return
        self._banked = self.elapsed()
        self.running = False

    def toggle(self) -> None:
        if self.running:
            self.pause()
        else:
            self.start()

    def next(self) -> None:
        """Leave the current item (its time is kept) for the next; running stays running. At
        the last item the timer pauses there."""
        self.go(self.index + 1)

    def previous(self) -> None:
        """Back to the item before, by the same rules as `next`; at the first it pauses."""
        self.go(self.index - 1)

    def go(self, index: int) -> None:
        """Make item `index` current, by the same rules as `next`: an index past either end
        stays on the item at that end and pauses."""
        if not self.items:
            return
        target = max(0, min(index, len(self.items) - 1))
        if target != self.index:
            running = self.running
            self._leave()
            self.index = target
            self._enter()
            if running:
                self.start()
        if target != index:
            self.pause()

    def set_items(self, items: Sequence[AgendaItem]) -> None:
        """The agenda was edited: keep the current item (found by its id) with its elapsed
        time, else stay at the same place (clamped). An item's actual minutes changed from
        elsewhere (the facilitator corrected them) count from then on, the current item's
        too; our own minutes coming back from the file change nothing."""
        old = self.current
        running = self.running
        self.items = list(items)
        ids = {i.id for i in self.items}
        corrected: set[str] = set()
        for item in self.items:
            value = item.actual_minutes
            known = item.id in self._read
            ours = value == self._read.get(item.id) or value in self._ours.get(item.id, ())
            if not known or not ours:
                if known:
                    corrected.add(item.id)
                    self._ran.discard(item.id)
                    self._ours.pop(item.id, None)
                self._file[item.id] = value
                self._spent.pop(item.id, None)
            self._read[item.id] = value
        for gone in set(self._read) - ids:
            for table in (self._read, self._file, self._spent, self._ours):
                table.pop(gone, None)
            self._ran.discard(gone)

        if old is not None and old.id in ids:
            self.index = next(i for i, x in enumerate(self.items) if x.id == old.id)
            if old.id in corrected:  # continue from the corrected minutes
                self._banked = (self._file[old.id] or 0) * 60.0
                self._since = self._clock()
                if running:
                    self._ran.add(old.id)
            return
        if old is None:
            self.index = opening_index(self.items)
        else:
            self.index = min(self.index, len(self.items) - 1)
        self.running = False
        self._enter()
        if running:
            self.start()

    # -- saving -------------------------------------------------------------------------------------

    def take_unsaved(self) -> list[tuple[str, int]]:
        """(item id, actual minutes) the file does not have yet, in agenda order, each given
        once. An item that had no minutes gets none for less than half a minute's run."""
        out: list[tuple[str, int]] = []
        current = self.current
        for item in self.items:
            if current is not None and item.id == current.id:
                if item.id not in self._ran:
                    continue
                seconds = self.elapsed()
            elif item.id in self._spent:
                seconds = self._spent[item.id]
            else:
                continue
            minutes = _minutes(seconds)
            had = self._file.get(item.id)
            if minutes == had or (had is None and minutes == 0):
                continue
            self._file[item.id] = minutes
            self._ours.setdefault(item.id, set()).add(minutes)
            out.append((item.id, minutes))
        return out

    def not_saved(self, item_id: str) -> None:
        """Writing what `take_unsaved` gave for `item_id` failed: give it out again next time."""
        if item_id in self._file:
            self._file[item_id] = -1  # no real count of minutes: the next take differs from it

    # -- inside -------------------------------------------------------------------------------------

    def _enter(self) -> None:
        """Make the item at `index` current (paused): its time continues from where it was."""
        item = self.current
        self._since = self._clock()
        if item is None:
            self._banked = 0.0
        elif item.id in self._spent:
            self._banked = self._spent[item.id]
        else:
            self._banked = (self._file.get(item.id) or 0) * 60.0

    def _leave(self) -> None:
        """Pause the current item and keep its time for saving and for coming back."""
        self.pause()
        item = self.current
        if item is not None and item.id in self._ran:
            self._spent[item.id] = self._banked
