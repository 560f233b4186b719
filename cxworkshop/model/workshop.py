"""The workshop as plain Python values, one dataclass per object of INTERCHANGE v1.

Field defaults are the documented defaults of the interchange format: a field absent from a
JSON document takes exactly this value, and exporting writes it back.
"""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(slots=True)
class WorkshopInfo:
    title: str = ""
    organisation: str = ""
    date: str | None = None
    location: str = ""
    facilitator: str = ""
    current_stage: str = "discover"


@dataclass(slots=True)
class Department:
    id: str
    name: str
    color: str | None = None


@dataclass(slots=True)
class Participant:
    id: str
    name: str
    department: str | None = None
    role: str = ""
    senior: bool = False


@dataclass(slots=True)
class AgendaItem:
    id: str
    title: str
    stage: str | None = None
    minutes: int = 0
    actual_minutes: int | None = None


@dataclass(slots=True)
class Note:
    id: str
    text: str
    kind: str = "challenge"
    department: str | None = None
    dimension: str | None = None
    author: str | None = None
    cluster: str | None = None
    x: float = 0.0
    y: float = 0.0
    w: float = 180.0
    h: float = 120.0
    color: str | None = None
    private: bool = False


@dataclass(slots=True)
class Cluster:
    id: str
    title: str = ""
    x: float = 0.0
    y: float = 0.0
    w: float = 260.0
    h: float = 200.0


@dataclass(slots=True)
class Link:
    """An arrow between two notes; `from`/`to` in JSON (reserved words in Python)."""

    id: str
    source: str
    target: str
    label: str = ""


@dataclass(slots=True)
class Statement:
    id: str
    title: str
    text: str = ""


@dataclass(slots=True)
class Instrument:
    id: str
    title: str
    scale: str
    statements: list[Statement] = field(default_factory=list)


@dataclass(slots=True)
class Response:
    id: str
    instrument: str
    statement: str
    score: int
    department: str | None = None
    participant: str | None = None
    evidence: str = ""
    private: bool = False


@dataclass(slots=True)
class Discover:
    notes: list[Note] = field(default_factory=list)
    clusters: list[Cluster] = field(default_factory=list)
    links: list[Link] = field(default_factory=list)


@dataclass(slots=True)
class Diagnostics:
    instruments: list[Instrument] = field(default_factory=list)
    responses: list[Response] = field(default_factory=list)


@dataclass(slots=True)
class Companion:
    id: str
    name: str
    side: str = "internal"
    role: str = "neutral"
    department: str | None = None
    note: str = ""


@dataclass(slots=True)
class Ambition:
    cx_definition: str = ""
    vision: str = ""
    destination: str = ""
    horizon: str | None = None
    approach: str | None = None
    programme_name: str = ""
    companions: list[Companion] = field(default_factory=list)


@dataclass(slots=True)
class Vote:
    participant: str
    dots: int


@dataclass(slots=True)
class Improvement:
    id: str
    title: str
    description: str = ""
    notes: list[str] = field(default_factory=list)
    impact: int | None = None
    effort: int | None = None
    status: str = "proposed"
    accountable: str | None = None
    measure: str = ""
    roadblocks: list[str] = field(default_factory=list)
    votes: list[Vote] = field(default_factory=list)


@dataclass(slots=True)
class Position:
    department: str
    stance: str
    note: str = ""


@dataclass(slots=True)
class Decision:
    id: str
    text: str
    improvement: str | None = None
    date: str | None = None
    positions: list[Position] = field(default_factory=list)


@dataclass(slots=True)
class Rule:
    id: str
    text: str


@dataclass(slots=True)
class Signature:
    department: str
    participant: str | None = None
    date: str | None = None


@dataclass(slots=True)
class SocialContract:
    preamble: str = ""
    rules: list[Rule] = field(default_factory=list)
    signatures: list[Signature] = field(default_factory=list)


@dataclass(slots=True)
class Priorities:
    dots_per_participant: int = 5
    votes_revealed: bool = False
    improvements: list[Improvement] = field(default_factory=list)
    decisions: list[Decision] = field(default_factory=list)
    social_contract: SocialContract = field(default_factory=SocialContract)


@dataclass(slots=True)
class Milestone:
    id: str
    title: str
    start: str
    end: str
    improvement: str | None = None
    lane: str | None = None
    owner: str | None = None


@dataclass(slots=True)
class Measure:
    id: str
    name: str
    unit: str = ""
    baseline: float | None = None
    target: float | None = None
    due: str | None = None
    owner: str | None = None
    improvement: str | None = None


@dataclass(slots=True)
class Council:
    operational_cadence: str = "monthly"
    strategic_cadence: str | None = "quarterly"
    chair: str | None = None
    members: list[str] = field(default_factory=list)
    agenda: list[str] = field(default_factory=list)


@dataclass(slots=True)
class Blueprint:
    start: str | None = None
    end: str | None = None
    milestones: list[Milestone] = field(default_factory=list)
    measures: list[Measure] = field(default_factory=list)
    council: Council = field(default_factory=Council)


@dataclass(slots=True)
class Action:
    id: str
    text: str
    owner: str | None = None
    due: str | None = None
    status: str = "open"
    improvement: str | None = None


@dataclass(slots=True)
class Workshop:
    """A whole workshop: what a session file holds and what one JSON document describes."""

    workshop: WorkshopInfo = field(default_factory=WorkshopInfo)
    departments: list[Department] = field(default_factory=list)
    participants: list[Participant] = field(default_factory=list)
    agenda: list[AgendaItem] = field(default_factory=list)
    discover: Discover = field(default_factory=Discover)
    diagnostics: Diagnostics = field(default_factory=Diagnostics)
    ambition: Ambition = field(default_factory=Ambition)
    priorities: Priorities = field(default_factory=Priorities)
    blueprint: Blueprint = field(default_factory=Blueprint)
    actions: list[Action] = field(default_factory=list)
