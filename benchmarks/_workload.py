"""Synthetic workshops, deterministic for a given seed.

`interchange_document()` builds an INTERCHANGE v1 document (a plain dict, as a script or a
spreadsheet export would write it) with every section filled in; its size is set by the number
of Discover notes. Texts have the length of real sticky notes and facilitator notes.
"""

from __future__ import annotations

import random

DEPARTMENTS = (
    ("d-mkt", "Marketing", "#E69F00"),
    ("d-sal", "Sales", "#56B4E9"),
    ("d-svc", "Customer Service", "#009E73"),
    ("d-ops", "Operations", "#F0E442"),
    ("d-fin", "Finance", "#0072B2"),
    ("d-it", "IT", "#D55E00"),
)
FIRST = ("Dana", "Sam", "Priya", "Jonas", "Mei", "Tomás", "Aisha", "Lars", "Chloé", "Kwame",
         "Yuki", "Olga", "Rafael", "Noor", "Ben", "Ines", "Hamid", "Zoë", "Ravi", "Greta")
LAST = ("Lee", "Ortiz", "Nair", "Berg", "Chen", "García", "Okafor", "Nilsson", "Dubois",
        "Mensah", "Tanaka", "Ivanova", "Costa", "Haddad", "Wright", "Silva", "Karimi", "Novak")
ROLES = ("Director", "Head of Team", "Manager", "Lead", "Analyst", "Specialist")
SUBJECTS = ("Customers", "Leads", "Invoices", "Complaints", "Field visits", "Renewals",
            "Contracts", "Onboarding calls", "Refunds", "Service tickets", "Orders", "Promotions",
            "Our website", "The call-back queue", "Price changes", "Installations")
PROBLEMS = ("wait too long for", "are handed over without", "get lost between", "arrive late for",
            "are promised more than we deliver on", "bounce between three teams for",
            "are measured on volume, not on", "have no single owner for",
            "are changed without telling", "repeat their story because of")
OBJECTS = ("a reply", "the right context", "sales and service", "the first appointment",
           "the installation date", "quality", "the billing team", "the customer's history",
           "a clear answer", "the contract terms", "an escalation path", "the follow-up call")
TAILS = ("", "", "", " — especially after a price change", " (seen weekly in the complaint log)",
         ", and nobody tracks it", " when the system is down", " at the end of each quarter",
         "; the customer calls us twice", " because targets pull the other way")


def note_text(rng: random.Random) -> str:
    """One sticky note: 30 to 140 characters, like the ones written in a workshop."""
    text = f"{rng.choice(SUBJECTS)} {rng.choice(PROBLEMS)} {rng.choice(OBJECTS)}{rng.choice(TAILS)}"
    if rng.random() < 0.15:
        text += f"\n{rng.choice(SUBJECTS)} {rng.choice(PROBLEMS)} {rng.choice(OBJECTS)}."
    return text


def interchange_document(notes: int = 2000, *, seed: int = 2026,
                         participants_per_department: int = 5) -> dict:
    rng = random.Random(seed)
    depts = [{"id": i, "name": n, "color": c} for i, n, c in DEPARTMENTS]
    dept_ids = [d["id"] for d in depts]
    people = []
    for d, dept in enumerate(dept_ids):
        for k in range(participants_per_department):
            n = d * participants_per_department + k
            people.append({"id": f"p{n + 1:03d}",
                           "name": f"{FIRST[n % len(FIRST)]} {LAST[(n * 7) % len(LAST)]}",
                           "department": dept, "role": ROLES[k % len(ROLES)], "senior": k == 0})
    pids = [p["id"] for p in people]

    # Notes on a grid, 40 across, 200 x 140 units apart; runs of 8 notes make a cluster.
    columns, cluster_size = 40, 8
    n_clusters = max(1, notes // 5 // cluster_size)  # a fifth of the notes are clustered
    note_list, clusters = [], []
    for i in range(notes):
        x, y = 40.0 + (i % columns) * 200.0, 60.0 + (i // columns) * 140.0
        c = i // cluster_size
        note_list.append({
            "id": f"n{i + 1:05d}", "text": note_text(rng),
            "kind": rng.choice(("challenge", "challenge", "barrier", "idea")),
            "department": rng.choice(dept_ids),
            "dimension": rng.choice(("people", "process", "technology", None)),
            "author": rng.choice(pids) if rng.random() < 0.7 else None,
            "cluster": f"c{c + 1:03d}" if c < n_clusters else None,
            "x": x, "y": y, "w": 180.0, "h": 120.0,
            "color": "#FFD166" if rng.random() < 0.05 else None,
            "private": rng.random() < 0.02,
        })
    for c in range(n_clusters):
        members = note_list[c * cluster_size:(c + 1) * cluster_size]
        x0, y0 = min(n["x"] for n in members), min(n["y"] for n in members)
        x1, y1 = max(n["x"] for n in members) + 180.0, max(n["y"] for n in members) + 120.0
        clusters.append({"id": f"c{c + 1:03d}", "title": f"{rng.choice(SUBJECTS)} theme {c + 1}",
                         "x": x0 - 20.0, "y": y0 - 40.0, "w": x1 - x0 + 40.0, "h": y1 - y0 + 60.0})
    links, seen = [], set()
    while len(links) < max(1, notes // 7):
        a, b = rng.sample(range(notes), 2)
        if (a, b) in seen:
            continue
        seen.add((a, b))
        links.append({"id": f"l{len(links) + 1:04d}", "from": note_list[a]["id"],
                      "to": note_list[b]["id"], "label": rng.choice(("leads to", "causes", ""))})

    statements = [{"id": f"st-{s}", "title": s.title(), "text": f"Our {s} is shared by every department."}
                  for s in ("belief", "vision", "measures", "rewards", "voice")]
    responses = [
        {"id": f"r{k + 1:03d}", "instrument": "five", "statement": s["id"], "department": d,
         "participant": None, "score": rng.randint(1, 5),
         "evidence": "We argued about this for a while; " + note_text(rng).lower(), "private": False}
        for k, (d, s) in enumerate((d, s) for d in dept_ids for s in statements)
    ]
    improvements = []
    for k in range(12):
        improvements.append({
            "id": f"i{k + 1:02d}", "title": f"Fix: {note_text(rng)[:60]}",
            "description": " ".join(note_text(rng) for _ in range(3)),
            "notes": [n["id"] for n in rng.sample(note_list, min(4, notes))],
            "impact": rng.randint(1, 5), "effort": rng.randint(1, 5),
            "status": rng.choice(("proposed", "agreed", "parked")),
            "accountable": rng.choice(pids), "measure": "Complaint calls per 1,000 customers",
            "roadblocks": ["Targets pull the other way"], "votes": [],
        })
    for pid in pids:  # five dots each, over two or three improvements
        left = 5
        for imp in rng.sample(improvements, 3):
            if left:
                dots = rng.randint(1, left)
                imp["votes"].append({"participant": pid, "dots": dots})
                left -= dots
    return {
        "format": "cxworkshop",
        "version": 1,
        "workshop": {"title": "Benchmark: a very busy alignment day", "organisation": "Northwind",
                     "date": "2026-11-23", "location": "Board room", "facilitator": "Alex Morgan",
                     "current_stage": "discover"},
        "departments": depts,
        "participants": people,
        "agenda": [{"id": f"a-{s}", "title": f"{s.title()} session", "stage": s, "minutes": 60,
                    "actual_minutes": None} for s in ("discover", "ambition", "priorities", "blueprint")],
        "discover": {"notes": note_list, "clusters": clusters, "links": links},
        "diagnostics": {
            "instruments": [{"id": "five", "title": "Five statements", "scale": "agreement",
                             "statements": statements}],
            "responses": responses,
        },
        "ambition": {
            "cx_definition": "Customers get one answer, from whoever they ask, the first time.",
            "vision": "The easiest telecom to deal with in the region.",
            "destination": "Complaints halved and every promise kept by the end of 2028.",
            "horizon": "2028-12-31", "approach": "top-down", "programme_name": "One Northwind",
            "companions": [{"id": "s1", "name": "Field engineers' union", "side": "external",
                            "role": "ally", "department": None, "note": "Wants fewer repeat visits"},
                           {"id": "s2", "name": "Finance controllers", "side": "internal",
                            "role": "sceptic", "department": "d-fin", "note": ""}],
        },
        "priorities": {
            "dots_per_participant": 5,
            "votes_revealed": True,
            "improvements": improvements,
            "decisions": [
                {"id": f"dec{k + 1}", "text": f"Go ahead with {imp['title'][:40]}",
                 "improvement": imp["id"], "date": "2026-11-23",
                 "positions": [{"department": d, "stance": rng.choice(("agree", "reservations")),
                                "note": ""} for d in dept_ids]}
                for k, imp in enumerate(improvements[:4])
            ],
            "social_contract": {
                "preamble": "We serve one customer together.",
                "rules": [{"id": f"rule{k + 1}", "text": t} for k, t in enumerate((
                    "No department changes a customer-facing promise alone",
                    "A complaint has one owner from first call to close",
                    "We share the churn figures every month"))],
                "signatures": [{"department": d, "participant": pids[i * participants_per_department],
                                "date": "2026-11-23"} for i, d in enumerate(dept_ids)],
            },
        },
        "blueprint": {
            "start": "2027-01", "end": "2028-12",
            "milestones": [{"id": f"m{k + 1:02d}", "title": f"Milestone {k + 1}",
                            "improvement": improvements[k]["id"], "lane": dept_ids[k % 6],
                            "start": f"2027-{k % 12 + 1:02d}", "end": f"2028-{k % 12 + 1:02d}",
                            "owner": rng.choice(pids)} for k in range(12)],
            "measures": [{"id": f"k{k + 1}", "name": f"Measure {k + 1}", "unit": "calls",
                          "baseline": 42.0 + k, "target": 25.0, "due": "2027-12-31",
                          "owner": rng.choice(pids), "improvement": improvements[k]["id"]}
                         for k in range(6)],
            "council": {"operational_cadence": "monthly", "strategic_cadence": "quarterly",
                        "chair": pids[0], "members": pids[::participants_per_department],
                        "agenda": ["Review the actions agreed last time", "Measures against targets"]},
        },
        "actions": [{"id": f"act{k + 1:02d}", "text": note_text(rng), "owner": rng.choice(pids),
                     "due": f"2026-12-{k % 28 + 1:02d}", "status": "open",
                     "improvement": improvements[k % 12]["id"]} for k in range(20)],
    }


# -- a big Discover board ----------------------------------------------------------------------

BOARD_DEPARTMENTS = (*DEPARTMENTS, ("d-hr", "People & Culture", "#CC79A7"))
#: How much each department says, relative to the others (a room is never even).
BOARD_WEIGHTS = (1.3, 1.2, 1.6, 1.0, 0.6, 0.9, 0.7)
SHORT = ("No single owner", "Nobody calls back", "Too many hand-offs", "Targets conflict",
         "Billing errors", "Slow refunds", "Data is not shared", "Forms are too long",
         "We promise too much", "Escalations get lost")
CLUSTER_TITLES = ("Hand-offs", "Billing", "Waiting", "Ownership", "Promises", "Systems",
                  "Targets", "Information", "Field work", "Complaints")


def board_note_text(rng: random.Random) -> str:
    """A sticky note of 20 to 140 characters: a quarter short phrases, half one sentence, a
    quarter a long one that fills the card."""
    roll = rng.random()
    if roll < 0.25:
        text = rng.choice(SHORT)
        if len(text) < 20 or rng.random() < 0.5:
            text += f" for {rng.choice(SUBJECTS).lower()}"
    elif roll < 0.75:
        text = f"{rng.choice(SUBJECTS)} {rng.choice(PROBLEMS)} {rng.choice(OBJECTS)}"
    else:
        text = (f"{rng.choice(SUBJECTS)} {rng.choice(PROBLEMS)} {rng.choice(OBJECTS)}"
                f"{rng.choice(TAILS[3:])}; {rng.choice(SUBJECTS).lower()} {rng.choice(PROBLEMS)} "
                f"{rng.choice(OBJECTS)}")
    if len(text) > 140:
        text = text[:140].rsplit(" ", 1)[0].rstrip(",;—- ")
    return text


def board_workshop(n_notes: int, seed: int = 2026, *, participants_per_department: int = 5):
    """A workshop whose Discover board has `n_notes` notes laid out in department lanes, as
    `model.board.arrange(notes, departments, "departments")` places them, left in the free
    layout with cluster frames drawn around runs of notes inside the lanes (about a fifth of
    the notes are clustered, 8 to a frame) and about n/50 links, most between neighbours in a
    lane, some across departments. 7 departments, 5 participants each; about 8 % of the notes
    have no department. Deterministic for a seed. Returns a `cxworkshop.model.Workshop`.
    """
    from cxworkshop import model as m
    from cxworkshop.model import board as B

    rng = random.Random(seed)
    departments = [m.Department(i, n, c) for i, n, c in BOARD_DEPARTMENTS]
    dept_ids = [d.id for d in departments]
    people = []
    for d, dept in enumerate(dept_ids):
        for k in range(participants_per_department):
            n = d * participants_per_department + k
            people.append(m.Participant(f"p{n + 1:03d}",
                                        f"{FIRST[n % len(FIRST)]} {LAST[(n * 7) % len(LAST)]}",
                                        dept, ROLES[k % len(ROLES)], k == 0))
    notes = []
    for i in range(n_notes):
        department = (rng.choices(dept_ids, weights=BOARD_WEIGHTS)[0] if rng.random() >= 0.08
                      else None)
        author = rng.choice([p.id for p in people if p.department == department]
                            or [p.id for p in people]) if rng.random() < 0.7 else None
        notes.append(m.Note(
            id=f"n{i + 1:05d}", text=board_note_text(rng),
            kind=rng.choices(("challenge", "barrier", "idea"), weights=(5, 4, 1))[0],
            department=department,
            dimension=rng.choice(("people", "process", "technology", None)), author=author,
            color="#FFD166" if rng.random() < 0.03 else None, private=rng.random() < 0.02))
    lanes, places = B.arrange(notes, departments, "departments")
    for note in notes:
        note.x, note.y = places[note.id]

    # Cluster frames: 2 rows x 4 columns of cells, here and there down each lane.
    by_cell = {(n.x, n.y): n for n in notes}
    clusters = []
    for lane in lanes:
        rows = 1 + max((int((n.y - B.LANE_TOP) // B.CELL_H) for n in notes
                        if lane.x <= n.x < lane.x + lane.width), default=-1)
        for r in range(0, rows - 1, 2):
            for c in range(0, lane.columns - 3, 4):
                if rng.random() >= 0.2:
                    continue
                members = [by_cell.get((lane.x + (c + dc) * B.CELL_W, B.LANE_TOP + (r + dr) * B.CELL_H))
                           for dr in range(2) for dc in range(4)]
                members = [n for n in members if n is not None]
                if len(members) < 2:
                    continue
                cid = f"c{len(clusters) + 1:04d}"
                x0 = lane.x + c * B.CELL_W - 8
                y0 = B.LANE_TOP + r * B.CELL_H - 8
                clusters.append(m.Cluster(cid, f"{rng.choice(CLUSTER_TITLES)} {len(clusters) + 1}",
                                          x0, y0, 4 * B.CELL_W - B.GAP + 16, 2 * B.CELL_H - B.GAP + 16))
                for n in members:
                    n.cluster = cid

    # Links: about n/50, seven in ten between near neighbours of one lane, the rest anywhere.
    links, seen = [], set()
    order = sorted(range(n_notes), key=lambda k: (notes[k].x // 1000, notes[k].y, notes[k].x))
    while len(links) < max(1, n_notes // 50):
        if rng.random() < 0.7:
            k = rng.randrange(n_notes)
            a, b = order[k], order[min(n_notes - 1, k + rng.randint(1, 12))]
        else:
            a, b = rng.sample(range(n_notes), 2)
        if a == b or (a, b) in seen:
            continue
        seen.add((a, b))
        links.append(m.Link(f"l{len(links) + 1:05d}", notes[a].id, notes[b].id,
                            rng.choice(("leads to", "causes", "", "", ""))))

    return m.Workshop(
        workshop=m.WorkshopInfo(title=f"Benchmark: a {n_notes:,}-note board",
                                organisation="Northwind", date="2026-11-23",
                                location="Board room", facilitator="Alex Morgan",
                                current_stage="discover"),
        departments=departments, participants=people,
        agenda=[m.AgendaItem(f"a-{s}", f"{s.title()} session", s, 60)
                for s in ("discover", "ambition", "priorities", "blueprint")],
        discover=m.Discover(notes=notes, clusters=clusters, links=links))


# -- a whole workshop, every stage filled in, for the report ------------------------------------

ROADBLOCKS = ("Targets pull the other way", "No budget until the next plan",
              "The CRM cannot show the history", "Two teams own the same step",
              "Works councils must be consulted", "The supplier contract runs until 2028")
MEASURE_NAMES = ("Complaint calls per 1,000 customers", "First-contact resolution",
                 "Days from order to installation", "Repeat field visits", "Refund lead time",
                 "Net Promoter Score", "Billing corrections per month", "Call-backs kept",
                 "Escalations open over 10 days", "Customer effort score")


def report_workshop(seed: int = 2026, *, notes: int = 2000, improvements: int = 40,
                    actions: int = 100, milestones: int = 40, measures: int = 15):
    """A workshop at the end of its day, as big as the report's benchmark asks: the
    `board_workshop(notes)` Discover board (lanes, clusters, links across departments), the
    demo's two diagnostic instruments scored by every department, an ambition with companions,
    `improvements` improvements (impact and effort 1-5, mixed statuses, accountable people,
    measures, roadblocks, dot votes within the budget), decisions with every department's
    stance, a signed social contract, a 24-month blueprint with `milestones` milestones in the
    department lanes and `measures` measures, a council, and `actions` actions. Deterministic
    for a seed; passes `cxworkshop.model.check`. Returns a `cxworkshop.model.Workshop`.
    """
    import copy

    from cxworkshop import model as m
    from cxworkshop.demo import demo_workshop
    from cxworkshop.model import blueprint as MB
    from cxworkshop.model import vocabulary as V

    w = board_workshop(notes, seed)
    rng = random.Random(seed * 31 + 7)
    dept_ids = [d.id for d in w.departments]
    pids = [p.id for p in w.participants]
    per_dept = {d: [p.id for p in w.participants if p.department == d] for d in dept_ids}
    w.workshop.title = "Benchmark: a very busy alignment day"
    w.workshop.current_stage = "blueprint"

    # Diagnostics: the demo's instruments, one score per department and statement.
    instruments = copy.deepcopy(demo_workshop().diagnostics.instruments)
    responses = []
    for ins in instruments:
        lo, hi = V.SCALE_RANGES[ins.scale]
        for st in ins.statements:
            for d in dept_ids:
                evidence = ("We argued about this for a while; " + board_note_text(rng).lower()
                            if rng.random() < 0.4 else "")
                responses.append(m.Response(f"r{len(responses) + 1:04d}", ins.id, st.id,
                                            rng.randint(lo, hi), department=d,
                                            evidence=evidence, private=rng.random() < 0.03))
    w.diagnostics = m.Diagnostics(instruments=instruments, responses=responses)

    w.ambition = m.Ambition(
        cx_definition="Customers get one answer, from whoever they ask, the first time.",
        vision="The easiest telecom to deal with in the region.",
        destination="Complaints halved and every promise kept by the end of 2028.",
        horizon="2028-12-31", approach="top-down", programme_name="One Northwind",
        companions=[m.Companion(f"s{k + 1}", name, side, role, dept, note)
                    for k, (name, side, role, dept, note) in enumerate((
                        ("Field engineers' union", "external", "ally", None,
                         "Wants fewer repeat visits"),
                        ("Finance controllers", "internal", "sceptic", "d-fin", ""),
                        ("Executive board", "internal", "sponsor", None, "Reviews quarterly"),
                        ("Billing supplier", "external", "neutral", None, ""),
                        ("Regional sales leads", "internal", "blocker", "d-sal",
                         "Fear for their bonus")))])

    note_ids = [n.id for n in w.discover.notes]
    imps = []
    for k in range(improvements):
        imps.append(m.Improvement(
            id=f"i{k + 1:03d}", title=f"Fix: {board_note_text(rng)[:70]}",
            description=" ".join(board_note_text(rng) + "." for _ in range(rng.randint(1, 4))),
            notes=rng.sample(note_ids, rng.randint(0, 6)),
            impact=rng.randint(1, 5), effort=rng.randint(1, 5),
            status=rng.choices(V.IMPROVEMENT_STATUSES, weights=(3, 5, 2))[0],
            accountable=rng.choice(pids) if rng.random() < 0.9 else None,
            measure=rng.choice(MEASURE_NAMES) if rng.random() < 0.8 else "",
            roadblocks=rng.sample(ROADBLOCKS, rng.randint(0, 3))))
    for pid in pids:  # five dots each, over one to three improvements
        left = 5
        for imp in rng.sample(imps, 3):
            if left:
                dots = rng.randint(1, left)
                imp.votes.append(m.Vote(pid, dots))
                left -= dots
    decisions = [m.Decision(f"dec{k + 1:02d}", f"Go ahead with {imp.title[5:50]}", imp.id,
                            "2026-11-23",
                            [m.Position(d, rng.choices(V.STANCES, weights=(6, 3, 1))[0],
                                        "Only if the budget follows" if rng.random() < 0.2 else "")
                             for d in dept_ids])
                 for k, imp in enumerate(rng.sample(imps, 10))]
    contract = m.SocialContract(
        preamble="We serve one customer together.",
        rules=[m.Rule(f"rule{k + 1}", t) for k, t in enumerate((
            "No department changes a customer-facing promise alone",
            "A complaint has one owner from first call to close",
            "We share the churn figures every month",
            "Whoever takes the call owns the answer until the customer has it",
            "Targets are set together, across departments",
            "We tell the front line before we tell the customer",
            "Every hand-off carries the customer's history",
            "We meet as a council, not as a set of departments"))],
        signatures=[m.Signature(d, per_dept[d][0], "2026-11-23") for d in dept_ids])
    w.priorities = m.Priorities(dots_per_participant=5, votes_revealed=True, improvements=imps,
                                decisions=decisions, social_contract=contract)

    start, end = "2027-01", "2028-12"  # 24 months
    plan = []
    for k in range(milestones):
        first = MB.add_months(start, rng.randrange(0, 24))
        last = min(MB.add_months(first, rng.randrange(0, 7)), end)
        plan.append(m.Milestone(f"m{k + 1:03d}", f"Milestone {k + 1}: {board_note_text(rng)[:50]}",
                                first, last, improvement=rng.choice(imps).id,
                                lane=dept_ids[k % len(dept_ids)], owner=rng.choice(pids)))
    kpis = [m.Measure(f"k{k + 1:02d}", MEASURE_NAMES[k % len(MEASURE_NAMES)]
                      + (f" ({w.departments[k % len(dept_ids)].name})" if k >= 10 else ""),
                      rng.choice(("calls", "%", "days", "points", "")),
                      round(rng.uniform(20, 80), 1), round(rng.uniform(5, 60), 1),
                      f"{rng.choice((2027, 2028))}-{rng.randint(1, 12):02d}-28",
                      rng.choice(pids), rng.choice(imps).id)
            for k in range(measures)]
    council = m.Council("monthly", "quarterly", chair=pids[0],
                        members=[per_dept[d][0] for d in dept_ids] + [per_dept[dept_ids[0]][1]],
                        agenda=["Review the actions agreed last time", "Measures against targets",
                                "Roadblocks to clear", "Milestones due next quarter",
                                "What customers told us this month"])
    w.blueprint = m.Blueprint(start, end, plan, kpis, council)

    w.actions = [m.Action(f"act{k + 1:03d}", board_note_text(rng),
                          owner=rng.choice(pids) if rng.random() < 0.95 else None,
                          due=f"{rng.choice((2026, 2027))}-{rng.randint(1, 12):02d}-"
                              f"{rng.randint(1, 28):02d}" if rng.random() < 0.9 else None,
                          status=rng.choices(V.ACTION_STATUSES, weights=(6, 3, 1))[0],
                          improvement=rng.choice(imps).id if rng.random() < 0.8 else None)
                 for k in range(actions)]
    m.check(w)
    return w
