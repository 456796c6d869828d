"""`briefing suggest <slug>`: what a briefing's text shows but its front matter lacks (pure).

The text is read by the same rules `new briefing --from-file` proposes with
(`drafting.py`: the one matcher, place finder and dateline reader); here the
proposal is compared with what the original already records.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Optional

from .content.datelines import Dateline, dateline
from .content.model import Briefing, Corpus
from .drafting import EVENT_SEEN, ProposedDate, ProposedEvent, propose_on
from .linking.names import PLACE

SUGGESTION = "suggestion"


@dataclass(frozen=True)
class Suggestion:
    """One line of `suggest`, and the change `--write` makes for it."""

    path: str
    line: int
    message: str
    key: str  # the front matter key it changes: date, location, actors or events
    date: Optional[dt.date] = None
    location: Optional[str] = None
    actor: Optional[str] = None
    event: Optional[ProposedEvent] = None

    def format(self) -> str:
        return f"{self.path}:{self.line}: {SUGGESTION}: {self.message}"


def suggestions(corpus: Corpus, briefing: Briefing) -> list[Suggestion]:
    original = briefing.original
    body = original.body
    named = dateline(body)
    day = _dateline_day(named, briefing.date) if named else None
    # Offices are resolved on the day the text names, which is what `date` should be.
    on = ProposedDate(day or briefing.date, day is not None, str(named) if named else "")
    proposal = propose_on(corpus, body, original.lang, briefing.source.url, on)

    def line_of(key: str) -> int:
        offset = proposal.seen_at.get(key, 0)
        return original.body_line + body.count("\n", 0, offset)

    found: list[Suggestion] = []
    if day is not None and day != briefing.date:
        found.append(Suggestion(original.path, briefing.date_line,
                                f"the dateline names {named}: date: {day.isoformat()} (not {briefing.date.isoformat()})",
                                "date", date=day))
    recorded_location = briefing.location.id if briefing.location else None
    if proposal.location and proposal.location != recorded_location:
        where = briefing.location.line if briefing.location else line_of(PLACE + proposal.location)
        instead = f" (not {recorded_location})" if recorded_location else ""
        found.append(Suggestion(original.path, where,
                                f"the first paragraph names the place {proposal.location}: location: {proposal.location}{instead}",
                                "location", location=proposal.location))
    tagged = {ref.id for ref in briefing.actors}
    for actor_id in proposal.actors:
        if actor_id not in tagged:
            found.append(Suggestion(original.path, line_of(actor_id),
                                    f"the text names {actor_id}, not in actors", "actors", actor=actor_id))
    event = proposal.event
    if event and not _recorded(briefing, event):
        found.append(Suggestion(original.path, line_of(EVENT_SEEN),
                                f"a {event.type} of {', '.join(event.participants)} on {event.date.isoformat()}"
                                f" is not in events (id {event.id})", "events", event=event))
    return found


def _dateline_day(named: Dateline, recorded: dt.date) -> dt.date:
    """The day a dateline names: its year's, or (without one) the one nearest the recorded date."""
    if named.year is not None:
        return dt.date(named.year, named.month, named.day)
    candidates = []
    for year in (recorded.year - 1, recorded.year, recorded.year + 1):
        try:
            candidates.append(dt.date(year, named.month, named.day))
        except ValueError:
            continue  # 29 February of a common year
    return min(candidates, key=lambda day: (abs((day - recorded).days), day)) if candidates else recorded


def _recorded(briefing: Briefing, event: ProposedEvent) -> bool:
    """The event is there when one of the same type names the same participants (its date is `date`'s matter)."""
    return any(e.type == event.type and {p.id for p in e.participants} == set(event.participants)
               for e in briefing.events)
