"""The Blueprint stage: the period the plan covers, then three tabs. The road map (milestones in
one lane per department over months and quarters), the measures that show whether customers
notice, and the CX council that keeps the plan alive after the day.

The page reads what the three tabs need from the file and hands each tab the workshop; the
tabs show it and turn the facilitator's gestures into ops through the `Editor`.
"""

from __future__ import annotations

from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QVBoxLayout,
    QWidget,
)

from ...model import Workshop, rules
from ...model import blueprint as MB
from ...ops import Batch
from ...ops import actions as A
from ...ops import blueprint as O
from ...ops import priorities as P
from ..editor import Editor, FieldEdit
from ..pages import LazyTabs

SECTIONS = ("departments", "participants", "priorities", "blueprint", "actions")


class BlueprintPage(QWidget):
    def __init__(self, editor: Editor, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("page.blueprint")
        self.editor = editor
        self.session = editor.session
        self.workshop = Workshop()
        self._stale = True
        self._origin: dict[tuple, tuple[str | None, str | None]] = {}  # typing run → period

        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 6, 8, 8)
        top = QHBoxLayout()
        title = QLabel("Blueprint")
        title.setObjectName("pageTitle")
        top.addWidget(title)
        top.addSpacing(24)
        top.addWidget(QLabel("Period from"))
        self.start = FieldEdit()
        self.start.setObjectName("blueprint.start")
        self.end = FieldEdit()
        self.end.setObjectName("blueprint.end")
        for field in (self.start, self.end):
            field.setPlaceholderText("2027-01")
            field.setMaximumWidth(130)
            field.textEdited.connect(self._period_typed)
            field.editingFinished.connect(self._period_done)
        top.addWidget(self.start)
        top.addWidget(QLabel("to"))
        top.addWidget(self.end)
        self.period_words = QLabel("")
        self.period_words.setObjectName("hint")
        top.addSpacing(12)
        top.addWidget(self.period_words, 1)
        self.problem = QLabel("")
        self.problem.setObjectName("problem")
        top.addWidget(self.problem)
        layout.addLayout(top)

        # the page reads the file before any tab hears of a change (tabs connect later)
        editor.board_changed.connect(self.follow)
        editor.changed.connect(self._changed)
        self.tabs = LazyTabs("blueprint.tabs", self._built)
        self.tabs.add_later("roadmap", "Road map", self._roadmap)
        self.tabs.add_later("measures", "Measures", self._measures)
        self.tabs.add_later("council", "CX council", self._council)
        self.tabs.view("roadmap")  # the first tab shows at once; the others when first shown
        layout.addWidget(self.tabs, 1)

    # -- the tabs ---------------------------------------------------------------------------------

    def _roadmap(self) -> QWidget:
        from .roadmap import RoadmapView

        return RoadmapView(self.editor)

    def _measures(self) -> QWidget:
        from .measures import MeasuresView

        return MeasuresView(self.editor)

    def _council(self) -> QWidget:
        from .council import CouncilView

        return CouncilView(self.editor)

    def _built(self, view) -> None:
        if not self._stale:
            view.show_workshop(self.workshop)

    @property
    def roadmap_view(self):
        return self.tabs.view("roadmap")

    @property
    def measures_view(self):
        return self.tabs.view("measures")

    @property
    def council_view(self):
        return self.tabs.view("council")

    def show_tab(self, key: str) -> None:
        self.tabs.show_tab(key)

    # -- reading the file ---------------------------------------------------------------------------

    def reload(self) -> None:
        self.workshop = self.session.load(SECTIONS)
        self._stale = False
        bp = self.workshop.blueprint
        shown = True
        for field, value in ((self.start, bp.start), (self.end, bp.end)):
            if not field.hasFocus() or self.editor.replaying:
                field.setText(value or "")
            else:
                shown = False
            field.setEnabled(not self.session.read_only)
        if shown:  # both fields say what the file holds: no complaint about what they said
            self.problem.setText("")
        self.period_words.setText(MB.period_words(bp.start, bp.end))
        for view in self.tabs.views.values():
            view.show_workshop(self.workshop)

    def showEvent(self, event) -> None:  # noqa: N802 - Qt's name
        super().showEvent(event)
        if self._stale:
            self.reload()

    def follow(self, batch: Batch) -> None:
        if batch.section in (O.SECTION, P.SECTION, A.SECTION):
            if self.isVisible():
                self.reload()
            else:
                self._stale = True

    def _changed(self, section: str) -> None:
        if section in ("departments", "participants"):
            self._stale = True
            if self.isVisible():
                self.reload()

    # -- the period -----------------------------------------------------------------------------------

    def _period_typed(self, _text: str = "") -> None:
        """Save the period at each key once both fields make a period (a run of typing is one
        undo step); what does not make one yet is said when the field is left (and so is
        an emptied field: clearing it is meant once the facilitator moves on)."""
        if _text.strip():
            self._period_done(typing=True)

    def _period_done(self, typing: bool = False) -> None:
        if self.session.read_only:
            return
        start = self.start.text().strip() or None
        end = self.end.text().strip() or None
        problem = None
        if any(v is not None and not rules.is_month(v) for v in (start, end)):
            problem = "Write months like 2027-01."
        else:
            problem = MB.period_problem(start, end)
        bp = self.workshop.blueprint
        run = ("period", self.editor.run)
        if problem:
            if not typing:
                origin = self._origin.pop(run, None)
                if origin is not None and origin != (bp.start, bp.end):
                    # take back what this run wrote on the way ("2028-061" wrote 2028-06)
                    self.editor.board(O.set_period, *origin, label="Set the blueprint period",
                                      merge_key=run)
                self.problem.setText(problem)  # (after the page showed the file again)
                self._origin.clear()
                self.editor.seal()
            return
        self.problem.setText("")
        if (start, end) != (bp.start, bp.end):
            if typing:
                self._origin.setdefault(run, (bp.start, bp.end))
            self.editor.board(O.set_period, start, end, label="Set the blueprint period",
                              merge_key=run if typing else None)
        if not typing:
            self._origin.clear()
            self.editor.seal()
