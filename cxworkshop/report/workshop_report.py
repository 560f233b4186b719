"""The workshop report: the PDF people keep after the day.

In order: a cover (the workshop, who took part, by department); "At a glance" (the agreed
improvements and who answers for each, the quick wins, the decisions with every department's
stance, the headline measures); then one chapter per stage (Discover, Diagnostics, Ambition,
Priorities, the social contract on a page of its own, Blueprint) and the list of every action.
A section with nothing in it says so in one line. Pages carry a running header and "page N of
M"; A4 or US Letter.

Private notes and private scores stay out unless the facilitator asks for them
(`include_private`); the report then says how many were left out. Every typed text is escaped
and set in fonts that have its characters (see `common.text`). The same workshop always gives
the same bytes. No Qt here: the pictures are reportlab.graphics drawings (`charts`).
"""

from __future__ import annotations

import os
from collections.abc import Callable
from xml.sax.saxutils import escape

from .. import model as m
from ..model import blueprint as MB
from ..model import board as B
from ..model import diagnostics as MD
from ..model import priorities as MP
from ..model import vocabulary as V
from . import charts, fonts
from .common import (
    CADENCES,
    NOTHING,
    Cancelled,
    Story,
    build,
    date,
    flag,
    frame,
    number,
    period,
    plain,
    plural,
    table,
    text,
    write_pdf,
)

__all__ = ["PAPERS", "Cancelled", "ReportError", "private_counts", "report_pdf", "write_report"]

PAPERS = {"a4": "A4", "letter": "US Letter"}

DIMENSIONS = {"people": "People", "process": "Process", "technology": "Technology"}
STANCES = {"agree": "agrees", "reservations": "has reservations", "disagree": "disagrees"}
STATUSES = {"proposed": "proposed", "agreed": "agreed", "parked": "parked"}
ACTION_STATUSES = {"open": "open", "done": "done", "dropped": "dropped"}
ROLES = {"sponsor": "sponsor", "ally": "ally", "neutral": "neutral", "sceptic": "sceptic",
         "blocker": "blocker"}
APPROACHES = {"top-down": "top-down: led from the executive team",
              "bottom-up": "bottom-up: grown from the front line"}

#: Share of the progress bar the story's making takes; the layout takes the rest.
STORY_SHARE = 10


class ReportError(Exception):
    """The report cannot be written; `str()` is one sentence naming the file."""


def private_counts(workshop: m.Workshop) -> tuple[int, int]:
    """How many notes and how many scores are marked private."""
    return (sum(n.private for n in workshop.discover.notes),
            sum(r.private for r in workshop.diagnostics.responses))


def _pagesize(paper: str):
    from reportlab.lib.pagesizes import A4, letter

    sizes = {"a4": A4, "letter": letter}
    if paper not in sizes:
        raise ValueError(f'"{paper}" is not a paper size; expected one of {", ".join(sizes)}')
    return sizes[paper]


def report_pdf(workshop: m.Workshop, *, paper: str = "a4", include_private: bool = False,
               progress: Callable[[int, int], bool | None] | None = None) -> tuple[bytes, int]:
    """The report of `workshop` as PDF bytes, and its number of pages. `progress(done, of)`
    hears how far it has gone (0 to 100); returning False from it stops the work with
    `Cancelled`."""
    size = _pagesize(paper)
    fonts.register()
    info = workshop.workshop
    title = plain(info.title) or "Untitled workshop"
    organisation = plain(info.organisation)
    header = f"{organisation} · {title}" if organisation else title
    width, height = frame(size)

    def told(done: int, of: int) -> bool | None:
        return progress(done, of) if progress is not None else None

    if told(0, 100) is False:
        raise Cancelled()
    story = _Report(workshop, width, height, include_private=include_private).story()
    if told(STORY_SHARE, 100) is False:
        raise Cancelled()

    def laid_out(done: int, of: int) -> bool | None:
        return told(STORY_SHARE + (100 - STORY_SHARE) * done // max(1, of), 100)

    done = build(story, pagesize=size, footer_title=f"{title} — workshop report",
                 header=header + " — CX workshop report", plain_first_page=True,
                 title=f"{title} — CX workshop report", author=organisation,
                 subject="Customer-experience alignment workshop: the report",
                 progress=laid_out if progress is not None else None)
    told(100, 100)
    return done


def write_report(workshop: m.Workshop, path: str | os.PathLike[str], *, overwrite: bool,
                 paper: str = "a4", include_private: bool = False,
                 progress: Callable[[int, int], bool | None] | None = None) -> int:
    """Write the report to `path`, whole or not at all, and return its number of pages.
    Raises `ReportError` (one sentence naming `path`) when it is a folder, exists (and not
    `overwrite`) or cannot be written, and `Cancelled` when `progress` asked to stop; nothing
    is written then."""
    return write_pdf(path, lambda: report_pdf(workshop, paper=paper,
                                              include_private=include_private,
                                              progress=progress),
                     overwrite=overwrite, what="report", problem=ReportError)


# ---------------------------------------------------------------------------------------------


class _Report(Story):
    def __init__(self, workshop: m.Workshop, width: float, height: float, *,
                 include_private: bool):
        super().__init__(workshop, width, height)
        self.include_private = include_private
        self.notes = [n for n in workshop.discover.notes if include_private or not n.private]
        self.responses = [r for r in workshop.diagnostics.responses
                          if include_private or not r.private]
        self.colours = charts.department_colours(workshop)
        self.department_list = workshop.departments

    # helpers ---------------------------------------------------------------------------------

    def nothing(self, words: str):
        return self.p(escape(words), self.s.note)

    def chapter(self, number_: int, title: str, lead: str) -> list[object]:
        from reportlab.platypus import PageBreak

        return [PageBreak(), self.p(f"{number_}. {escape(title)}", self.s.h1),
                self.p(escape(lead), self.s.lead)]

    def person_name(self, pid: str | None, *, missing: str = NOTHING) -> str:
        person = self.person(pid)
        return text(person.name) if person else escape(missing)

    def department_name(self, did: str | None) -> str | None:
        return self.departments.get(did) if did else None

    def drawing(self, drawing):
        """A chart, kept whole (never cut across a page)."""
        return drawing

    def facts(self, rows: list[tuple[str, str]], widths=(0.28, 0.72)):
        s = self.s
        return table([[self.p(escape(k), s.label), self.p(v, s.cell)] for k, v in rows],
                     self.cols(*widths), header=False)

    def header_row(self, *titles: str, right: tuple[int, ...] = ()) -> list[object]:
        return [self.p(escape(t), self.s.head_right if i in right else self.s.head)
                for i, t in enumerate(titles)]

    # the story -------------------------------------------------------------------------------

    def story(self) -> list[object]:
        return [*self.cover(), *self.glance(), *self.discover(), *self.diagnostics(),
                *self.ambition(), *self.priorities(), *self.contract(), *self.blueprint(),
                *self.actions(), *self.every_note()]

    def cover(self) -> list[object]:
        from reportlab.platypus import Spacer

        s = self.s
        info = self.w.workshop
        out: list[object] = [Spacer(1, self.height * 0.12)]
        out.append(self.p("Customer-experience alignment workshop", s.lead))
        out.append(self.p(text(info.title) if info.title.strip() else "Untitled workshop",
                          s.title))
        if info.organisation.strip():
            out.append(self.p(text(info.organisation), s.subtitle))
        programme = self.w.ambition.programme_name
        if programme.strip():
            out.append(self.p(f"Programme: {text(programme)}", s.subtitle))
        out.append(Spacer(1, 18))
        facts = [("Date", escape(date(info.date)) if info.date else "not recorded"),
                 ("Location", text(info.location) if info.location.strip() else "not recorded"),
                 ("Facilitator", text(info.facilitator) if info.facilitator.strip()
                  else "not recorded")]
        out.append(self.facts(facts))
        left_out = self.left_out()
        if left_out:
            out.append(self.p(escape(left_out), s.note))
        out.append(Spacer(1, 18))
        out += self.participants()
        return out

    def left_out(self) -> str:
        if self.include_private:
            notes, scores = private_counts(self.w)
            if notes or scores:
                return "This copy includes the private notes and scores."
            return ""
        notes, scores = private_counts(self.w)
        parts = [plural(n, what) for n, what in ((notes, "private note"),
                                                  (scores, "private score")) if n]
        if not parts:
            return ""
        return f"Left out of this report: {' and '.join(parts)}."

    def participants(self) -> list[object]:
        s = self.s
        heading = self.p("Who took part", s.h3)
        people = self.w.participants
        if not people:
            return [heading, self.nothing("No participants were recorded.")]
        rows = [self.header_row("Department", "Participants")]
        groups: list[tuple[str, list[m.Participant]]] = []
        for department in self.w.departments:
            members = [p for p in people if p.department == department.id]
            if members:
                groups.append((department.name, members))
        rest = [p for p in people if p.department not in self.departments]
        if rest:
            groups.append(("No department", rest))
        for name, members in groups:
            listed = "<br/>".join(
                text(p.name) + (f", {text(p.role)}" if p.role.strip() else "")
                + (" (senior executive)" if p.senior else "") for p in members)
            rows.append([self.p(text(name), s.label), self.p(listed, s.cell)])
        return self.keep([heading], table(rows, self.cols(0.3, 0.7)))

    def day(self) -> list[object]:
        s = self.s
        items = self.w.agenda
        if not items:
            return []
        stages = {"discover": "Discover", "ambition": "Ambition", "priorities": "Priorities",
                  "blueprint": "Blueprint"}
        rows = [self.header_row("The day", "Stage", "Planned", "Took", right=(2, 3))]
        for item in items:
            rows.append([self.p(text(item.title), s.cell),
                         self.p(escape(stages.get(item.stage or "", NOTHING)), s.cell),
                         self.p(f"{item.minutes} min", s.cell_right),
                         self.p(f"{item.actual_minutes} min" if item.actual_minutes is not None
                                else escape(NOTHING), s.cell_right)])
        return self.keep([self.p("How the day ran", s.h2)],
                         table(rows, self.cols(0.52, 0.18, 0.15, 0.15)))

    # at a glance -----------------------------------------------------------------------------

    def glance(self) -> list[object]:
        from reportlab.platypus import PageBreak

        s = self.s
        out: list[object] = [PageBreak(), self.p("At a glance", s.h1),
                             self.p("What the room agreed, who answers for it, and how progress "
                                    "will be measured.", s.lead)]
        improvements = self.w.priorities.improvements
        agreed = [i for i in improvements if i.status == "agreed"]
        heading = self.p("Agreed improvements", s.h2)
        if agreed:
            rows = [self.header_row("Improvement", "Accountable executive")]
            for improvement in agreed:
                person = self.person(improvement.accountable)
                who = (self.name_and_department(person) if person
                       else flag("no accountable executive yet"))
                rows.append([self.p(text(improvement.title), s.cell), self.p(who, s.cell)])
            out += self.keep([heading], table(rows, self.cols(0.6, 0.4)))
        else:
            out += [heading, self.nothing("No improvement has been agreed.")]
        quick = [i for i in improvements if MP.quadrant(i.impact, i.effort) == "quick_wins"]
        heading = self.p("Quick wins", s.h2)
        if quick:
            rows = [[self.p("•", s.cell), self.p(text(i.title) + f" <font color='#4D4D4D'>"
                                                   f"({escape(STATUSES.get(i.status, i.status))}"
                                                   ")</font>", s.cell)] for i in quick]
            out += self.keep([heading, self.p("High impact for little effort.", s.intro)],
                             self.listing(rows, marker=0.04, room=1.5))
        else:
            out += [heading, self.nothing("No improvement was scored high impact, low effort.")]
        heading = self.p("Decisions", s.h2)
        decisions = self.w.priorities.decisions
        if decisions:
            rows = [self.header_row("Decision", "Where each department stands")]
            for decision in decisions:
                rows.append([self.p(text(decision.text), s.cell),
                             self.p(self.stances(decision), s.cell)])
            out += self.keep([heading], table(rows, self.cols(0.5, 0.5)))
        else:
            out += [heading, self.nothing("No decision was recorded.")]
        heading = self.p("Headline measures", s.h2)
        measures = self.w.blueprint.measures
        if measures:
            rows = [self.header_row("Measure", "From", "To", "By", right=(1, 2))]
            for measure in measures:
                unit = f" {text(measure.unit)}" if measure.unit.strip() else ""
                rows.append([self.p(text(measure.name), s.cell),
                             self.p(escape(number(measure.baseline)) + unit, s.cell_right),
                             self.p(escape(number(measure.target)) + unit, s.cell_right),
                             self.p(escape(date(measure.due, short=True)), s.cell)])
            out += self.keep([heading], table(rows, self.cols(0.49, 0.17, 0.17, 0.17)))
        else:
            out += [heading, self.nothing("No measure was set.")]
        out += self.day()
        return out

    def stances(self, decision: m.Decision) -> str:
        """Each department's stance in words ("Sales agrees"), one per line; those that took
        none are named as such."""
        lines = []
        for department, stance, note in MP.strip(decision, self.w.departments):
            words = STANCES.get(stance, stance) if stance else "has not taken a position"
            line = f"<b>{text(department.name)}</b> {escape(words)}"
            if note.strip():
                line += f": {text(note)}"
            lines.append(line)
        return "<br/>".join(lines) if lines else escape(NOTHING)

    # discover --------------------------------------------------------------------------------

    def discover(self) -> list[object]:
        s = self.s
        out = self.chapter(1, "Discover: challenges and barriers",
                           "What stands between each department and a better customer "
                           "experience, as the room put it on the board.")
        notes = self.notes
        if not notes and not self.w.discover.clusters:
            return [*out, self.nothing("Nothing was put on the board.")]
        kinds = {kind: sum(n.kind == kind for n in notes) for kind in V.NOTE_KINDS}
        out.append(self.p(escape(
            f"The board holds {plural(kinds['challenge'], 'challenge')}, "
            f"{plural(kinds['barrier'], 'barrier')} and {plural(kinds['idea'], 'idea')}, in "
            f"{plural(len(self.w.discover.clusters), 'cluster')}."), s.note))
        picture = charts.board(self.w, notes, self.width, self.height * 0.62)
        if picture is not None:
            out.append(self.drawing(picture))
            out.append(self.p("Zoom in: every note is in the picture with its text.",
                              s.cell_small))
        out += self.barriers()
        out += self.chains()
        return out

    def barriers(self) -> list[object]:
        s = self.s
        heading = self.p("Barriers by department", s.h2)
        barriers = [n for n in self.notes if n.kind == "barrier"]
        if not barriers:
            return [heading, self.nothing("No note was marked as a barrier.")]
        columns = [*V.DIMENSIONS, None]
        used = [c for c in columns if any(n.dimension == c for n in barriers)]
        rows = [self.header_row("Department", *(DIMENSIONS.get(c, "Not sorted") for c in used))]
        departments = [(d.id, d.name) for d in self.w.departments]
        if any(n.department not in self.departments for n in barriers):
            departments.append((None, "No department"))
        for did, name in departments:
            mine = [n for n in barriers if (n.department if n.department in self.departments
                                            else None) == did]
            if not mine:
                continue
            row = [self.p(text(name), s.label)]
            for column in used:
                cell = [n for n in mine if n.dimension == column]
                row.append(self.p("<br/>".join(f"• {text(n.text)}" for n in cell)
                                  if cell else escape(NOTHING), s.cell))
            rows.append(row)
        first = 0.22
        rest = (1 - first) / len(used)
        return self.keep([heading, self.p("Each barrier as written, under people, process or "
                                          "technology.", s.intro)],
                         table(rows, self.cols(first, *[rest] * len(used))))

    def chains(self) -> list[object]:
        s = self.s
        heading = self.p("Across departments", s.h2)
        summary = B.summarise(self.notes, self.w.discover.links)
        crossing = summary.crossing
        if not crossing:
            return [heading, self.nothing("No link joins notes of two departments.")]
        by_id = {n.id: n for n in self.notes}
        rows = []
        for chain in _chains(crossing):
            parts = []
            for i, (note_id, link) in enumerate(chain):
                note = by_id[note_id]
                department = self.department_name(note.department) or "No department"
                if i:
                    parts.append(" <b>→</b> " + (f"<i>({text(link.label)})</i> "
                                                if link and link.label.strip() else ""))
                parts.append(f"<b>{text(department)}</b>: “{text(note.text)}”")
            rows.append([self.p(f"{len(rows) + 1}.", s.cell_right),
                         self.p("".join(parts), s.cell)])
        intro = self.p(escape(f"{plural(len(crossing), 'link')} join notes of different "
                              "departments; read each chain as “this leads to that”."), s.intro)
        return self.keep([heading, intro], self.listing(rows))

    # diagnostics -----------------------------------------------------------------------------

    def diagnostics(self) -> list[object]:
        s = self.s
        out = self.chapter(2, "Diagnostics",
                           "How each department scored the statements of each instrument, "
                           "and where they differ most.")
        instruments = self.w.diagnostics.instruments
        if not instruments:
            return [*out, self.nothing("No instrument was used.")]
        order = [d.id for d in self.w.departments]
        names = {**self.departments, MD.NO_DEPARTMENT: "No department"}
        for instrument in instruments:
            results = MD.analyse(instrument, self.responses, self.people, "department", order)
            keys = [d.id for d in self.w.departments] + [MD.NO_DEPARTMENT]
            groups = [(k, names[k], self.colours.get(k or None, charts.NO_DEPARTMENT_COLOUR))
                      for k in keys if any(k in r.groups for r in results)]
            heading = self.p(text(instrument.title), s.h2)
            scored = sum(r.scored for r in results)
            if not scored:
                out += [heading, self.nothing("Nobody scored this instrument.")]
                continue
            lo, hi = MD.SCALES[instrument.scale]
            intro = self.p(escape(f"{plural(scored, 'score')} on a scale of {lo} to {hi}; each "
                                  "bar is a department's mean."), s.intro)
            legend = charts.legend([(name, colour) for _k, name, colour in groups], self.width)
            drawings = charts.instrument(results, instrument.scale, groups, self.width,
                                         self.height * 0.8)
            out += self.keep([heading, intro, legend], drawings[0])
            out += drawings[1:]
            out += self.debate(results, names)
            out += self.evidence(instrument)
        return out

    def debate(self, results, names) -> list[object]:
        s = self.s
        heading = self.p("Debate here first", s.h3)
        ranked = [r for r in MD.debate_first(results) if r.spread]
        if not ranked:
            return [heading, self.nothing("Fewer than two departments scored any statement, so "
                                          "there is no gap to discuss.")]
        rows = [self.header_row("Statement", "Gap", "Highest", "Lowest", right=(1,))]
        for result in ranked:
            high = max(result.groups, key=lambda k: result.groups[k])
            low = min(result.groups, key=lambda k: result.groups[k])
            rows.append([self.p(text(result.statement.title), s.cell),
                         self.p(f"{result.spread:.1f}", s.cell_right),
                         self.p(f"{text(names.get(high, high))} {result.groups[high]:.1f}", s.cell),
                         self.p(f"{text(names.get(low, low))} {result.groups[low]:.1f}", s.cell)])
        return self.keep([heading, self.p("The statements the departments scored furthest "
                                          "apart, widest gap first.", s.intro)],
                         table(rows, self.cols(0.46, 0.1, 0.22, 0.22)))

    def evidence(self, instrument: m.Instrument) -> list[object]:
        s = self.s
        heading = self.p("Evidence", s.h3)
        titles = {st.id: st.title for st in instrument.statements}
        given = [r for r in self.responses
                 if r.instrument == instrument.id and r.evidence.strip() and r.statement in titles]
        if not given:
            return [heading, self.nothing("No evidence was written down for these scores.")]
        rows = [self.header_row("Statement", "Who", "Score", "Evidence", right=(2,))]
        order = {st.id: i for i, st in enumerate(instrument.statements)}
        for response in sorted(given, key=lambda r: order[r.statement]):
            who = self.department_name(response.department)
            person = self.person(response.participant)
            if person is not None:
                who = person.name + (f" ({who})" if who else "")
            rows.append([self.p(text(titles[response.statement]), s.cell),
                         self.p(text(who) if who else escape(NOTHING), s.cell),
                         self.p(str(response.score), s.cell_right),
                         self.p(text(response.evidence), s.cell)])
        return self.keep([heading], table(rows, self.cols(0.27, 0.2, 0.1, 0.43)))

    # ambition --------------------------------------------------------------------------------

    def ambition(self) -> list[object]:
        s = self.s
        a = self.w.ambition
        out = self.chapter(3, "Ambition",
                           "What customer experience means here, and where the programme is "
                           "going.")
        said = False
        for title, value in (("What customer experience means to us", a.cx_definition),
                             ("Vision", a.vision), ("Destination", a.destination)):
            if value.strip():
                out += [self.p(escape(title), s.h2), self.p(text(value), s.quote)]
                said = True
        facts = []
        if a.programme_name.strip():
            facts.append(("Programme name", text(a.programme_name)))
        if a.horizon:
            facts.append(("Horizon", escape(date(a.horizon))))
        if a.approach:
            facts.append(("Approach", escape(APPROACHES.get(a.approach, a.approach))))
        if facts:
            out += self.keep([self.p("The programme", s.h2)], self.facts(facts))
            said = True
        companions = a.companions
        heading = self.p("Companions on the way", s.h2)
        if companions:
            rows = [self.header_row("Who", "Inside or outside", "Role", "Department", "Note")]
            for c in companions:
                rows.append([self.p(text(c.name), s.cell),
                             self.p("inside" if c.side == "internal" else "outside", s.cell),
                             self.p(escape(ROLES.get(c.role, c.role)), s.cell),
                             self.p(text(self.department_name(c.department) or NOTHING), s.cell),
                             self.p(text(c.note) if c.note.strip() else escape(NOTHING), s.cell)])
            out += self.keep([heading], table(rows, self.cols(0.22, 0.13, 0.12, 0.18, 0.35)))
            said = True
        if not said:
            out.append(self.nothing("The ambition was not written down."))
        return out

    # priorities ------------------------------------------------------------------------------

    def priorities(self) -> list[object]:
        s = self.s
        out = self.chapter(4, "Priorities",
                           "The improvements weighed by impact and effort, the room's votes, "
                           "and what was decided.")
        improvements = self.w.priorities.improvements
        if not improvements and not self.w.priorities.decisions:
            return [*out, self.nothing("No improvement was proposed and nothing was decided.")]
        numbers = {i.id: n for n, i in enumerate(improvements, 1)}
        placed = [(numbers[i.id], i) for i in improvements if MP.quadrant(i.impact, i.effort)]
        heading = self.p("Impact and effort", s.h2)
        if placed:
            out += self.keep([heading, self.p("Each number is an improvement in the table below.",
                                              s.intro)], charts.matrix(placed, self.width))
        else:
            out += [heading, self.nothing("No improvement was scored for impact and effort.")]
        out += self.votes()
        heading = self.p("Improvements", s.h2)
        if improvements:
            rows = [self.header_row("#", "Improvement", "Status", "Accountable", "Roadblocks",
                                    "Measure", right=(0,))]
            for improvement in improvements:
                q = MP.quadrant(improvement.impact, improvement.effort)
                status = escape(STATUSES.get(improvement.status, improvement.status))
                if q:
                    status += (f"<br/>{escape(MP.QUADRANT_TITLES[q].lower())} "
                               f"(impact {improvement.impact}, effort {improvement.effort})")
                person = self.person(improvement.accountable)
                who = text(person.name) if person else (
                    flag("nobody yet") if improvement.status == "agreed" else escape(NOTHING))
                title = f"<b>{text(improvement.title)}</b>"
                if improvement.description.strip():
                    title += f"<br/>{text(improvement.description)}"
                roadblocks = "<br/>".join(f"• {text(r)}" for r in improvement.roadblocks
                                          if r.strip()) or escape(NOTHING)
                measure = text(improvement.measure) if improvement.measure.strip() \
                    else escape(NOTHING)
                rows.append([self.p(str(numbers[improvement.id]), s.cell_right),
                             self.p(title, s.cell), self.p(status, s.cell_small),
                             self.p(who, s.cell), self.p(roadblocks, s.cell),
                             self.p(measure, s.cell)])
            out += self.keep([heading], table(rows, self.cols(0.05, 0.28, 0.13, 0.17, 0.2, 0.17)))
        out += self.decisions()
        return out

    def votes(self) -> list[object]:
        s = self.s
        heading = self.p("Votes", s.h2)
        tally = [(i, dots) for i, dots in MP.tally(self.w.priorities.improvements) if dots]
        if not tally:
            return [heading, self.nothing("No dots were cast.")]
        voters = MP.voters(self.w.priorities)
        most = max(dots for _i, dots in tally)
        rows = [self.header_row("Improvement", "Dots", "", right=(1,))]
        for improvement, dots in tally:
            rows.append([self.p(text(improvement.title), s.cell),
                         self.p(str(dots), s.cell_right), _Bar(dots / most, self.width * 0.3)])
        intro = self.p(escape(f"{plural(len(voters), 'participant')} placed "
                              f"{plural(sum(d for _i, d in tally), 'dot')}, up to "
                              f"{self.w.priorities.dots_per_participant} each."), s.intro)
        return self.keep([heading, intro], table(rows, self.cols(0.58, 0.1, 0.32)))

    def decisions(self) -> list[object]:
        s = self.s
        heading = self.p("Decision log", s.h2)
        decisions = self.w.priorities.decisions
        if not decisions:
            return [heading, self.nothing("No decision was recorded.")]
        rows = [self.header_row("Date", "Decision", "Where each department stands")]
        for decision in decisions:
            what = text(decision.text)
            improvement = self.improvements.get(decision.improvement or "")
            if improvement is not None:
                what += f"<br/><font color='#4D4D4D'>on {text(improvement.title)}</font>"
            rows.append([self.p(escape(date(decision.date, short=True)), s.cell),
                         self.p(what, s.cell), self.p(self.stances(decision), s.cell)])
        return self.keep([heading], table(rows, self.cols(0.14, 0.43, 0.43)))

    # the social contract ---------------------------------------------------------------------

    def contract(self) -> list[object]:
        from reportlab.platypus import PageBreak

        s = self.s
        contract = self.w.priorities.social_contract
        out: list[object] = [PageBreak(), self.p("The social contract", s.h1),
                             self.p("How the departments promised to work together.", s.lead)]
        if not contract.rules and not contract.preamble.strip():
            return [*out, self.nothing("No social contract was written."), PageBreak()]
        if contract.preamble.strip():
            out.append(self.p(text(contract.preamble), s.quote))
        if contract.rules:
            rows = [[self.p(f"{n}.", s.cell_right), self.p(text(rule.text), s.body)]
                    for n, rule in enumerate(contract.rules, 1)]
            out += self.keep([self.p("We agree", s.h2)], self.listing(rows))
        heading = self.p("Signed", s.h2)
        signed = {sig.department: sig for sig in contract.signatures}
        rows = [self.header_row("Department", "Signed by", "Date")]
        for department in self.w.departments:
            sig = signed.get(department.id)
            if sig is None:
                rows.append([self.p(text(department.name), s.label),
                             self.p(flag("not signed"), s.cell), self.p(escape(NOTHING), s.cell)])
            else:
                rows.append([self.p(text(department.name), s.label),
                             self.p(self.person_name(sig.participant, missing="for the department"),
                                    s.cell),
                             self.p(escape(date(sig.date, short=True)), s.cell)])
        if len(rows) == 1:
            return [*out, heading, self.nothing("No department is recorded, so nobody signed."),
                    PageBreak()]
        out += self.keep([heading], table(rows, self.cols(0.35, 0.4, 0.25)))
        out.append(PageBreak())
        return out

    # blueprint -------------------------------------------------------------------------------

    def blueprint(self) -> list[object]:
        s = self.s
        bp = self.w.blueprint
        out = self.chapter(5, "Blueprint",
                           "The road map, the numbers that show progress, and the council that "
                           "keeps the programme moving.")[1:]  # the contract's page ended
        span = period(bp.start, bp.end)
        out.append(self.p(escape(f"Period: {span}.") if span else "No period was set.", s.note))
        heading = self.p("Road map", s.h2)
        drawings = charts.gantt(self.w, self.width, self.height * 0.8)
        if drawings:
            out += self.keep([heading], drawings[0])
            out += drawings[1:]
            out += self.milestones()
            outside = MB.outside_period(bp.milestones, bp.start, bp.end)
            if outside:
                rows = [[self.p("⚠", s.cell_right), self.p(text(problem), s.cell)]
                        for _ms, problem in outside]
                out += self.keep([self.p("Outside the period", s.h3)], self.listing(rows))
            missing = MB.without_milestone(self.w.priorities.improvements, bp.milestones)
            if missing:
                out.append(self.p(flag("Agreed but with no milestone yet: ")
                                  + "; ".join(text(i.title) for i in missing) + ".", s.note))
        else:
            out += [heading, self.nothing("No milestone was planned.")]
        out += self.measures()
        out += self.council()
        return out

    def milestones(self) -> list[object]:
        s = self.s
        bp = self.w.blueprint
        lanes = {lane: i for i, lane in enumerate(MB.lanes(self.w.departments))}
        ranked = sorted(bp.milestones, key=lambda ms: (lanes.get(MB.lane_of(
            ms, self.w.departments), len(lanes)), ms.start, ms.end))
        rows = [self.header_row("Milestone", "Lane", "From", "To", "Owner")]
        for ms in ranked:
            lane = MB.lane_of(ms, self.w.departments)
            title = text(ms.title)
            improvement = self.improvements.get(ms.improvement or "")
            if improvement is not None:
                title += f"<br/><font color='#4D4D4D'>for {text(improvement.title)}</font>"
            rows.append([self.p(title, s.cell),
                         self.p(text(self.departments[lane]) if lane else "Across departments",
                                s.cell),
                         self.p(escape(_month_short(ms.start)), s.cell),
                         self.p(escape(_month_short(ms.end)), s.cell),
                         self.p(self.person_name(ms.owner), s.cell)])
        return self.keep([self.p("Milestones", s.h3)],
                         table(rows, self.cols(0.36, 0.2, 0.12, 0.12, 0.2)))

    def measures(self) -> list[object]:
        s = self.s
        heading = self.p("Measures", s.h2)
        measures = self.w.blueprint.measures
        if not measures:
            return [heading, self.nothing("No measure was set.")]
        rows = [self.header_row("Measure", "Baseline", "Target", "Trend", "Due", "Owner",
                                right=(1, 2))]
        for measure in measures:
            way = MB.direction(measure)
            owner = self.person(measure.owner)
            improvement = self.improvements.get(measure.improvement or "")
            name = text(measure.name)
            if improvement is not None:
                name += f"<br/><font color='#4D4D4D'>for {text(improvement.title)}</font>"
            unit = f" {text(measure.unit)}" if measure.unit.strip() else ""
            rows.append([
                self.p(name, s.cell),
                self.p(escape(number(measure.baseline)) + unit, s.cell_right),
                self.p(escape(number(measure.target)) + unit, s.cell_right),
                self.p({"up": "▲ up", "down": "▼ down"}.get(way, escape(NOTHING)), s.cell),
                self.p(escape(date(measure.due, short=True)), s.cell),
                self.p(text(owner.name) if owner else flag("nobody yet"), s.cell)])
        return self.keep([heading], table(rows, self.cols(0.3, 0.14, 0.14, 0.11, 0.12, 0.19)))

    def council(self) -> list[object]:
        s = self.s
        council = self.w.blueprint.council
        chair = self.person(council.chair)
        members = [p for p in (self.person(pid) for pid in council.members) if p is not None]
        facts = [
            ("Chair", self.name_and_department(chair) if chair else flag("no chair named yet")),
            ("Operational council", "meets " + escape(CADENCES.get(
                council.operational_cadence, council.operational_cadence))),
            ("Strategic council", "meets " + escape(CADENCES.get(
                council.strategic_cadence, council.strategic_cadence))
             if council.strategic_cadence else "not set up"),
            ("Members", "<br/>".join(self.name_and_department(p) for p in members)
             if members else "none named yet"),
        ]
        out = self.keep([self.p("The CX council", s.h2)], self.facts(facts))
        heading = self.p("Standing agenda", s.h3)
        if council.agenda:
            rows = [[self.p(f"{n}.", s.cell_right), self.p(text(item), s.cell)]
                    for n, item in enumerate(council.agenda, 1)]
            out += self.keep([heading], self.listing(rows))
        else:
            out += [heading, self.nothing("No standing agenda was agreed.")]
        return out

    # actions ---------------------------------------------------------------------------------

    def actions(self) -> list[object]:
        s = self.s
        out = self.chapter(6, "Actions", "Everything someone took away, open actions first.")
        actions = self.w.actions
        if not actions:
            return [*out, self.nothing("No action was recorded.")]
        order = {status: i for i, status in enumerate(V.ACTION_STATUSES)}
        ranked = sorted(actions, key=lambda a: (order.get(a.status, 9), a.due is None,
                                                a.due or ""))
        counts = [f"{sum(a.status == st for a in actions)} {st}"
                  for st in V.ACTION_STATUSES if any(a.status == st for a in actions)]
        rows = [self.header_row("Action", "Owner", "Due", "Status", "Improvement")]
        for action in ranked:
            owner = self.person(action.owner)
            who = self.name_and_department(owner) if owner else (
                flag("nobody yet") if action.status == "open" else escape(NOTHING))
            improvement = self.improvements.get(action.improvement or "")
            rows.append([self.p(text(action.text), s.cell), self.p(who, s.cell),
                         self.p(escape(date(action.due, short=True)), s.cell),
                         self.p(escape(ACTION_STATUSES.get(action.status, action.status)), s.cell),
                         self.p(text(improvement.title) if improvement else escape(NOTHING),
                                s.cell_small)])
        intro = self.p(escape(f"{plural(len(actions), 'action')}: {', '.join(counts)}."),
                       s.intro)
        heads, lead = out[1:], out[:1]  # the chapter's page break stays outside the keep
        return [*lead, *self.keep([*heads, intro], table(rows, self.cols(0.34, 0.2, 0.12, 0.11,
                                                                             0.23)))]

    # appendix --------------------------------------------------------------------------------

    def every_note(self) -> list[object]:
        """Every note as written, cluster by cluster: the board's picture is for the shape of
        the day, this is for reading (and searching) every word of it."""
        s = self.s
        if not self.notes:
            return []
        out = self.chapter(7, "Appendix: every note on the board",
                           "Cluster by cluster, in the order they were put up; notes in no "
                           "cluster come last.")
        clusters = self.w.discover.clusters
        groups = [(c.title.strip() or "Untitled cluster", [n for n in self.notes
                                                           if n.cluster == c.id])
                  for c in clusters]
        known = {c.id for c in clusters}
        groups.append(("In no cluster", [n for n in self.notes if n.cluster not in known]))
        for title, notes in groups:
            if not notes:
                continue
            heading = self.p(f"{text(title)} <font color='#4D4D4D'>"
                             f"({escape(plural(len(notes), 'note'))})</font>", s.h3)
            for start in range(0, len(notes), APPENDIX_ROWS):
                rows = [self.header_row("Note", "Department", "Kind")]
                for note in notes[start:start + APPENDIX_ROWS]:
                    kind = note.kind + (f", {note.dimension}" if note.dimension else "")
                    if note.private:
                        kind += ", private"
                    rows.append([self.p(text(note.text), s.cell),
                                 self.p(text(self.department_name(note.department) or NOTHING),
                                        s.cell_small),
                                 self.p(escape(kind), s.cell_small)])
                grid = table(rows, self.cols(0.62, 0.2, 0.18))
                out += self.keep([heading], grid) if start == 0 else [grid]
        return out


APPENDIX_ROWS = 40  # notes per table in the appendix: long tables split slowly


def _month_short(value: str) -> str:
    """"2027-01" -> "Jan 2027"; not a month: as stored."""
    from ..model.rules import is_month

    return f"{MB.month_name(value, short=True)} {value[:4]}" if is_month(value) else value


def _chains(links: list[m.Link]) -> list[list[tuple[str, m.Link | None]]]:
    """The links as chains a reader can follow: each chain starts at a note no link leads to
    (or, in a loop, at the loop's first link) and follows links onward; a note with two links
    out starts a branch. Each step is (note id, the link that led to it: None for the first)."""
    out: list[list[tuple[str, m.Link | None]]] = []
    onward: dict[str, list[m.Link]] = {}
    incoming: set[str] = set()
    for link in links:
        onward.setdefault(link.source, []).append(link)
        incoming.add(link.target)
    used: set[str] = set()
    starts = [link.source for link in links if link.source not in incoming]
    starts += [link.source for link in links]  # loops, and what the starts did not reach
    for start in dict.fromkeys(starts):
        pending = [[(start, None)]]
        while pending:
            chain = pending.pop(0)
            while True:
                nxt = [link for link in onward.get(chain[-1][0], []) if link.id not in used]
                if not nxt:
                    break
                for extra in nxt[1:]:
                    used.add(extra.id)
                    pending.append([(chain[-1][0], None), (extra.target, extra)])
                used.add(nxt[0].id)
                chain.append((nxt[0].target, nxt[0]))
            if len(chain) > 1:
                out.append(chain)
    return out


class _Bar:
    """A plain horizontal bar for a table cell: a share (0 to 1) of the given width."""

    def __new__(cls, share: float, width: float):
        from reportlab.graphics.shapes import Rect

        drawing = charts.new_drawing(width, 10)
        drawing.add(Rect(0, 1, max(1.0, share * (width - 10)), 8,
                         fillColor=charts._hex("#1F3A5F"), strokeColor=None))
        return drawing
