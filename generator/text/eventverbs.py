"""Which kind of event a sentence reports, from its verb: a meeting, a call or a visit (pure).

Sentences are compared after `arabic.normalize` (hamza on alif, ى, ة and
tanween folded, Latin lower-cased), so the Arabic forms below are written
folded too. Only verbs count: the nouns (زيارة, "visit" in "during his visit")
name the occasion of a meeting far more often than the event reported.
"""

from __future__ import annotations

import re
from typing import Optional

from generator.text.arabic import normalize

# A word may carry the conjunction و or ف, and future س, before the verb.
_AR_LEAD = r"(?<!\w)[وف]?س?"
_AR_END = r"(?!\w)"

_AR_CALL = re.compile(
    _AR_LEAD + r"(?:اجر(?:ي|ت|يا|تا|وا)|يجري|تجري|يجريان)\s+(?:\S+\s+){0,3}?(?:اتصالا|اتصال|مكالمه)"
    r"|(?<!\w)[وف]?(?:اتصال|مكالمه)\s+هاتفي"
)
_AR_MEETING = re.compile(
    _AR_LEAD
    + r"(?:التقي|التقت|التقيا|التقتا|التقوا|التقاه|التقاها|يلتقي|تلتقي|يلتقيان"
    r"|استقبل|استقبلت|استقبلا|استقبلوا|استقبله|استقبلها|يستقبل|تستقبل"
    r"|اجتمع|اجتمعت|اجتمعا|اجتمعوا|يجتمع|تجتمع|يجتمعان)" + _AR_END
    + r"|" + _AR_LEAD + r"(?:بحث|بحثت|بحثا|بحثوا|يبحث|تبحث)\s+مع"
)
# زاره is left out: folded, it is also وزارة ("ministry") after و.
_AR_VISIT = re.compile(_AR_LEAD + r"(?:زار|زارت|زارا|زاروا|يزور|تزور)" + _AR_END)

# Not "called": in news it is mostly "called for".
_EN_CALL = re.compile(r"\b(?:by (?:tele)?phone|(?:tele)?phone (?:call|conversation|talks?))\b")
_EN_MEETING = re.compile(r"\b(?:met|meets|meet with|received|receives|(?:held|holds|hold) talks)\b")
_EN_VISIT = re.compile(r"\b(?:visited|is visiting|was visiting|visits)\b")

# Checked in this order: a call is often "held talks by phone", and a
# meeting is often reported on a visit ("visited Moscow and met ...").
_KINDS: dict[str, tuple[tuple[str, re.Pattern[str]], ...]] = {
    "ar": (("call", _AR_CALL), ("meeting", _AR_MEETING), ("visit", _AR_VISIT)),
    "en": (("call", _EN_CALL), ("meeting", _EN_MEETING), ("visit", _EN_VISIT)),
}


def event_type(sentence: str, lang: str) -> Optional[str]:
    """`call`, `meeting` or `visit` when the sentence has such a verb, else None."""
    folded = normalize(sentence)
    for kind, verb in _KINDS[lang]:
        if verb.search(folded):
            return kind
    return None


# A sentence ends at . ! ? ؟ before a space, or at a line break: a full stop
# inside a number ("1.5") has no space after it, and one after a lone capital
# is an initial ("U.S. envoy", "J. Smith").
_SENTENCE_END = re.compile(r"(?:[!?؟]|(?<!(?<![A-Za-z])[A-Z])\.)(?=\s)|\n")


def sentence_spans(text: str) -> list[tuple[int, int]]:
    """(start, end) of each sentence of the text, in order."""
    spans: list[tuple[int, int]] = []
    start = 0
    for end in _SENTENCE_END.finditer(text):
        if text[start:end.end()].strip():
            spans.append((start, end.end()))
        start = end.end()
    if text[start:].strip():
        spans.append((start, len(text)))
    return spans
