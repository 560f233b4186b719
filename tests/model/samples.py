"""Small hand-built workshops the model, store and ops tests share (no Qt, no I/O)."""

from __future__ import annotations

from cxworkshop import model as m


def full_workshop() -> m.Workshop:
    """A valid workshop with something in every section, and references between them."""
    return m.Workshop(
        workshop=m.WorkshopInfo(
            title="Customer journey day", organisation="Acme", date="2026-11-23",
            location="Room 4", facilitator="Kim", current_stage="priorities",
        ),
        departments=[
            m.Department("d-sales", "Sales", "#E69F00"),
            m.Department("d-ops", "Operations", "#56B4E9"),
            m.Department("d-it", "IT"),
        ],
        participants=[
            m.Participant("p-ann", "Ann", "d-sales", "Head of sales", True),
            m.Participant("p-bob", "Bob", "d-ops", "Planner"),
            m.Participant("p-cat", "Cat", "d-sales"),
            m.Participant("p-dan", "Dan"),
        ],
        agenda=[
            m.AgendaItem("a-1", "Welcome", None, 10),
            m.AgendaItem("a-2", "Discover", "discover", 60, 75),
        ],
        discover=m.Discover(
            notes=[
                m.Note("n-1", "Invoices are late", "challenge", "d-sales", "process", "p-ann",
                       "c-1", 10.0, 20.0),
                m.Note("n-2", "Old CRM", "barrier", "d-it", "technology", "p-bob", None,
                       300.0, 20.0, 200.0, 100.0, "#FFFFFF", True),
                m.Note("n-3", "Self-service portal", "idea", None, None, "p-dan"),
            ],
            clusters=[m.Cluster("c-1", "Billing", 0.0, 0.0, 400.0, 300.0)],
            links=[m.Link("l-1", "n-1", "n-2", "causes")],
        ),
        diagnostics=m.Diagnostics(
            instruments=[
                m.Instrument("i-1", "Customer focus", "agreement", [
                    m.Statement("s-1", "We listen", "We act on complaints"),
                    m.Statement("s-2", "We measure"),
                ]),
                m.Instrument("i-2", "Strength", "strength", [m.Statement("s-3", "Data")]),
            ],
            responses=[
                m.Response("r-1", "i-1", "s-1", 4, department="d-sales"),
                m.Response("r-2", "i-1", "s-2", 2, participant="p-bob", evidence="survey"),
                m.Response("r-3", "i-2", "s-3", 3, department="d-ops", participant="p-bob",
                           private=True),
            ],
        ),
        ambition=m.Ambition(
            cx_definition="Easy to deal with", vision="Best in class", destination="NPS 50",
            horizon="2028-12-31", approach="top-down", programme_name="Clear",
            companions=[
                m.Companion("co-1", "CFO", "internal", "sponsor", "d-sales", "Budget"),
                m.Companion("co-2", "Partner", "external", "sceptic"),
            ],
        ),
        priorities=m.Priorities(
            dots_per_participant=5, votes_revealed=True,
            improvements=[
                m.Improvement("im-1", "Faster invoices", "Bill on delivery", ["n-1", "n-2"], 5, 2,
                              "agreed", "p-ann", "Days to invoice", ["Legacy ERP", "Budget"],
                              [m.Vote("p-ann", 3), m.Vote("p-bob", 2)]),
                m.Improvement("im-2", "Portal", notes=["n-3"], votes=[m.Vote("p-ann", 2)]),
            ],
            decisions=[
                m.Decision("de-1", "Start with invoices", "im-1", "2026-11-23", [
                    m.Position("d-sales", "agree"),
                    m.Position("d-ops", "reservations", "Capacity"),
                ]),
            ],
            social_contract=m.SocialContract(
                "We commit", [m.Rule("ru-1", "Be on time"), m.Rule("ru-2", "Speak up")],
                [m.Signature("d-sales", "p-ann", "2026-11-23"), m.Signature("d-ops")],
            ),
        ),
        blueprint=m.Blueprint(
            start="2027-01", end="2027-12",
            milestones=[m.Milestone("ms-1", "Pilot", "2027-01", "2027-03", "im-1", "d-sales",
                                    "p-ann")],
            measures=[m.Measure("me-1", "Days to invoice", "days", 30.0, 5.0, "2027-12-31",
                                "p-bob", "im-1")],
            council=m.Council("monthly", None, "p-ann", ["p-ann", "p-bob"], ["Review", "Plan"]),
        ),
        actions=[
            m.Action("ac-1", "Book room", "p-cat", "2026-12-01", "done"),
            m.Action("ac-2", "Send notes", None, None, "open", "im-2"),
        ],
    )
