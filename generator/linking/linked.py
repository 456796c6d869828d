"""The linked model: a briefing with its texts linked, and the actors it involves.

Apart from link.py so that the indexes across briefings (relations.py) can
use it without importing the linker.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Mapping, Optional

from ..content.model import Briefing, Document


@dataclass(frozen=True)
class LinkedDoc:
    doc: Document
    paragraphs: tuple[str, ...]  # sanitised HTML with mention links, one per displayed paragraph
    summary: tuple[str, ...]  # sanitised HTML key points with mention links


@dataclass(frozen=True)
class LinkedBriefing:
    briefing: Briefing
    docs: Mapping[str, LinkedDoc]  # by language
    involved: tuple[str, ...]  # actor ids: tagged or event participants
    mentioned: tuple[str, ...]  # actor ids found in the text only

    def doc(self, lang: str) -> Optional[LinkedDoc]:
        return self.docs.get(lang)

    def shown(self, lang: str) -> LinkedDoc:
        """What the edition in `lang` shows first: its language's text, else the original."""
        return self.docs.get(lang) or self.docs[self.briefing.original.lang]

    @property
    def actors(self) -> tuple[str, ...]:
        return self.involved + self.mentioned


def involved(briefing: Briefing) -> tuple[str, ...]:
    """Actors a briefing is about: tagged, or taking part in its events."""
    ids = [ref.id for ref in briefing.actors]
    for event in briefing.events:
        ids.extend(ref.id for ref in event.participants)
    return tuple(dict.fromkeys(ids))
