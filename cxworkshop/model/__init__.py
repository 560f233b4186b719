"""The workshop as plain Python: dataclasses, vocabularies and rules. No Qt, no SQL, no I/O."""

from .blueprint import new_workshop
from .rules import Problem, WorkshopInvalid, check, problems
from .workshop import (
    Action,
    AgendaItem,
    Ambition,
    Blueprint,
    Cluster,
    Companion,
    Council,
    Decision,
    Department,
    Diagnostics,
    Discover,
    Improvement,
    Instrument,
    Link,
    Measure,
    Milestone,
    Note,
    Participant,
    Position,
    Priorities,
    Response,
    Rule,
    Signature,
    SocialContract,
    Statement,
    Vote,
    Workshop,
    WorkshopInfo,
)

__all__ = [
    "Action", "AgendaItem", "Ambition", "Blueprint", "Cluster", "Companion", "Council",
    "Decision", "Department", "Diagnostics", "Discover", "Improvement", "Instrument", "Link",
    "Measure", "Milestone", "Note", "Participant", "Position", "Priorities", "Problem",
    "Response", "Rule", "Signature", "SocialContract", "Statement", "Vote", "Workshop",
    "WorkshopInfo", "WorkshopInvalid", "check", "new_workshop", "problems",
]
