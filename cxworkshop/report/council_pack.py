"""The council pack: the few pages the chair of the CX council takes to its first meeting.

In order: who sits on the council and how often it meets; its standing agenda, numbered; the
open actions, grouped by owner (owners by name, actions without one last); the measures with
their baselines, targets and owners; the agreed improvements with their accountable executives.
Anything missing is said in words ("no owner yet", "nothing yet"), never left as an empty table
or shown by colour alone. Every page has "page N of M" and the workshop's title at its foot.

The PDF is A4, set in the bundled DejaVu Sans (see `fonts`), and built with `invariant=1`: the
same workshop always gives the same bytes. Every text a participant typed is escaped before it
reaches reportlab's paragraph markup, so `<b>` or `&` print as typed. No Qt here.
"""

from __future__ import annotations

import os
from xml.sax.saxutils import escape

from .. import model as m
from .common import CADENCES, NOTHING, Story, build, frame, number, write_pdf
from .common import date as _date
from .common import flag as _flag
from .common import period as _period
from .common import plain as _plain
from .common import plural as _plural
from .common import table as _table
from .common import text as _text

TITLE = "CX council: first meeting pack"

class CouncilPackError(Exception):
    """The council pack cannot be written; `str()` is one sentence naming the file."""


class _Pack(Story):
    """The story (list of flowables) for one workshop."""

    # sections --------------------------------------------------------------------------------

    def story(self) -> list[object]:
        return [*self.heading(), *self.council(), *self.agenda(), *self.actions(),
                *self.measures(), *self.agreed()]

    def heading(self) -> list[object]:
        from reportlab.platypus import Spacer

        info = self.w.workshop
        names = [_text(t) for t in (info.organisation, info.title) if t.strip()]
        held = (f"Workshop held on {_date(info.date)}" if info.date
                else "The workshop's date is not recorded")
        if info.facilitator.strip():
            held += f", facilitated by {_text(info.facilitator)}"
        return [
            self.p(escape(TITLE), self.s.title),
            self.p(" · ".join(names) if names else "Untitled workshop", self.s.subtitle),
            self.p(held + ".", self.s.subtitle),
            self.p("What the workshop handed to the council: who sits on it and how often it "
                   "meets, its standing agenda, the actions still open, the measures it "
                   "watches and the improvements it answers for.", self.s.lead),
            Spacer(1, 2),
        ]

    def council(self) -> list[object]:
        council = self.w.blueprint.council
        s = self.s
        chair = self.person(council.chair)
        strategic = council.strategic_cadence
        period = _period(self.w.blueprint.start, self.w.blueprint.end)
        facts = [
            ("Chair", self.name_and_department(chair) if chair else _flag("no chair named yet")),
            ("Operational council", "meets " + escape(CADENCES.get(
                council.operational_cadence, council.operational_cadence))),
            ("Strategic council", "meets " + escape(CADENCES.get(strategic, strategic))
             if strategic else "not set up"),
            ("Blueprint period", escape(period) if period else "not set yet"),
        ]
        out = self.keep([self.p("1. The council", s.h2)],
                        _table([[self.p(k, s.label), self.p(v, s.cell)] for k, v in facts],
                               self.cols(0.3, 0.7), header=False))
        members = [p for p in (self.person(pid) for pid in council.members) if p is not None]
        if not members:
            out += [self.p("Members", s.h3),
                    self.p("No members named yet: invite a lead from each department.", s.note)]
            return out
        rows = [[self.p("Name", s.head), self.p("Department", s.head), self.p("Role", s.head)]]
        for person in members:
            name = _text(person.name)
            if chair is not None and person.id == chair.id:
                name += " (chair)"
            rows.append([self.p(name, s.cell), self.p(_text(self.department_of(person) or
                                                            NOTHING), s.cell),
                         self.p(_text(person.role or NOTHING), s.cell)])
        out += self.keep([self.p(f"Members ({len(members)})", s.h3)],
                         _table(rows, self.cols(0.32, 0.3, 0.38)))
        return out

    def agenda(self) -> list[object]:
        s = self.s
        items = self.w.blueprint.council.agenda
        heading = self.p("2. Standing agenda", s.h2)
        if not items:
            return [heading,
                    self.p("Nothing yet: agree the standing agenda at this meeting.", s.note)]
        rows = [[self.p(f"{n}.", s.cell_right), self.p(_text(item), s.cell)]
                for n, item in enumerate(items, 1)]
        return self.keep([heading], self.listing(rows, room=1.5))

    def actions(self) -> list[object]:
        s = self.s
        out: list[object] = []
        heads = [self.p("3. Open actions by owner", s.h2)]
        open_ = [a for a in self.w.actions if a.status == "open"]
        closed = len(self.w.actions) - len(open_)
        if not open_:
            return [*heads, self.p("Nothing yet: no action is open." + (
                f" ({_plural(closed, 'action')} done or dropped.)" if closed else ""), s.note)]
        groups: dict[str | None, list[m.Action]] = {}
        for action in open_:
            owner = self.person(action.owner)
            groups.setdefault(owner.id if owner else None, []).append(action)
        order = sorted(groups, key=lambda pid: (pid is None, self._name_key(pid)))
        summary = f"{_plural(len(open_), 'open action')}, by owner"
        if closed:
            summary += f"; {_plural(closed, 'more is', 'more are')} done or dropped and not listed"
        heads.append(self.p(summary + ".", s.intro))
        for pid in order:
            owner = self.person(pid)
            if owner is None:
                title = _flag("No owner yet")
            else:
                department = self.department_of(owner)
                title = _text(owner.name) + (f" · {_text(department)}" if department else "")
            rows = [[self.p("Action", s.head), self.p("Due", s.head),
                     self.p("Improvement", s.head)]]
            for action in sorted(groups[pid], key=lambda a: (a.due is None, a.due or "")):
                improvement = self.improvements.get(action.improvement or "")
                rows.append([self.p(_text(action.text), s.cell),
                             self.p(escape(_date(action.due, short=True)), s.cell),
                             self.p(_text(improvement.title) if improvement else NOTHING,
                                    s.cell)])
            out += self.keep([*heads, self.p(title, s.h3)], _table(rows, self.cols(0.5, 0.15, 0.35)))
            heads = []
        return out

    def _name_key(self, pid: str | None) -> tuple[str, str, str]:
        person = self.person(pid)
        if person is None:
            return ("", "", "")
        return (person.name.casefold(), person.name, person.id)

    def measures(self) -> list[object]:
        s = self.s
        heading = self.p("4. Measures", s.h2)
        measures = self.w.blueprint.measures
        if not measures:
            return [heading, self.p("Nothing yet: no measure has been set. Agree one number per "
                                    "improvement, with a baseline, a target and who reports it.",
                                    s.note)]
        rows = [[self.p("Measure", s.head), self.p("Unit", s.head),
                 self.p("Baseline", s.head_right), self.p("Target", s.head_right),
                 self.p("Due", s.head), self.p("Owner", s.head)]]
        for measure in measures:
            owner = self.person(measure.owner)
            rows.append([
                self.p(_text(measure.name), s.cell),
                self.p(_text(measure.unit) if measure.unit.strip() else NOTHING, s.cell),
                self.p(escape(number(measure.baseline)), s.cell_right),
                self.p(escape(number(measure.target)), s.cell_right),
                self.p(escape(_date(measure.due, short=True)), s.cell),
                self.p(_text(owner.name) if owner else _flag("no owner"), s.cell),
            ])
        return self.keep([heading], _table(rows, self.cols(0.29, 0.14, 0.125, 0.1, 0.15, 0.195)))

    def agreed(self) -> list[object]:
        s = self.s
        heading = self.p("5. Agreed improvements", s.h2)
        improvements = self.w.priorities.improvements
        agreed = [i for i in improvements if i.status == "agreed"]
        others = [i for i in improvements if i.status != "agreed"]
        left_out = ""
        if others:
            counts = [f"{n} {status}" for status in ("proposed", "parked")
                      if (n := sum(i.status == status for i in others))]
            left_out = (f" Not listed: {' and '.join(counts)} "
                        f"improvement{'' if len(others) == 1 else 's'}.")
        if not agreed:
            return [heading,
                    self.p("Nothing yet: no improvement has been agreed." + left_out, s.note)]
        rows = [[self.p("Improvement", s.head), self.p("Accountable executive", s.head),
                 self.p("How we will know", s.head)]]
        for improvement in agreed:
            person = self.person(improvement.accountable)
            if person is None:
                who = _flag("no accountable executive yet")
            else:
                department = self.department_of(person)
                who = _text(person.name) + (f"<br/>{_text(department)}" if department else "")
            measure = (_text(improvement.measure) if improvement.measure.strip()
                       else _flag("no measure yet"))
            rows.append([self.p(_text(improvement.title), s.cell), self.p(who, s.cell),
                         self.p(measure, s.cell)])
        out = self.keep([heading], _table(rows, self.cols(0.38, 0.25, 0.37)))
        if left_out:
            out.append(self.p(left_out.strip(), s.note))
        return out


# ---------------------------------------------------------------------------------------------
# The document


def _render(workshop: m.Workshop) -> tuple[bytes, int]:
    """The PDF's bytes and its number of pages."""
    from reportlab.lib.pagesizes import A4

    info = workshop.workshop
    title = _plain(info.title) or "Untitled workshop"
    return build(_Pack(workshop, *frame(A4)).story(), pagesize=A4,
                 footer_title=title, title=f"{TITLE} — {title}", author=_plain(info.organisation),
                 subject="The CX council's first meeting pack")


def council_pack_pdf(workshop: m.Workshop) -> bytes:
    """The council pack of `workshop` as PDF bytes; the same workshop gives the same bytes."""
    return _render(workshop)[0]


def write_council_pack(workshop: m.Workshop, path: str | os.PathLike[str], *,
                       overwrite: bool) -> int:
    """Write the council pack to `path`, whole or not at all, and return its number of pages.
    Raises `CouncilPackError` (one sentence naming `path`) when it is a folder, exists (and not
    `overwrite`) or cannot be written; nothing is written then."""
    return write_pdf(path, lambda: _render(workshop), overwrite=overwrite, what="council pack",
                     problem=CouncilPackError)
