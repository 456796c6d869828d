"""The verbs that make a sentence a meeting, call or visit, and sentence bounds (pure functions)."""

from __future__ import annotations

import pytest

from generator.text.eventverbs import event_type, sentence_spans


@pytest.mark.parametrize("sentence, expected", [
    ("التقى الأدميرال شمخاني باتروشيف في موسكو", "meeting"),
    ("والتقت الوزيرة نظيرها", "meeting"),
    ("التقيا في موسكو", "meeting"),
    ("استقبلَ الرئيس الضيف", "meeting"),
    ("واستقبله في مكتبه", "meeting"),
    ("اجتمعوا في طهران", "meeting"),
    ("وبحث معه القضايا المشتركة", "meeting"),
    ("وأجرى اتصالاً هاتفياً مع نظيره", "call"),
    ("أجرت الوزيرة مكالمة مع نظيرها", "call"),
    ("وزار شمخاني موسكو", "visit"),
    ("يزور الوزير بكين غداً", "visit"),
    ("أعلنت وزارة الخارجية", None),  # وزارة, "ministry", is no visit
    ("في اليوم الثاني من زيارته", None),  # the noun is not the verb
    ("في هذا الاجتماع، أعرب", None),
    ("التقرير السنوي", None),
])
def test_arabic(sentence: str, expected: str | None) -> None:
    assert event_type(sentence, "ar") == expected


@pytest.mark.parametrize("sentence, expected", [
    ("Shamkhani met Patrushev in Moscow.", "meeting"),
    ("The president received the envoy.", "meeting"),
    ("The two held talks on Tuesday.", "meeting"),
    ("Araghchi spoke by phone with Lavrov.", "call"),
    ("They held talks by telephone.", "call"),  # a call, though "held talks" is there too
    ("Shoigu visited Tehran.", "visit"),
    ("Lavrov and Araghchi held a phone call.", "call"),
    ("Shamkhani called for restraint from Patrushev.", None),
    ("During his visit to Moscow he said", None),
    ("The meeting was postponed.", None),
    ("Sometimes they meet again.", None),
])
def test_english(sentence: str, expected: str | None) -> None:
    assert event_type(sentence, "en") == expected


def test_sentences() -> None:
    text = "One. Two is 1.5 times U.S. size! Three؟ Four\nFive"
    assert [text[s:e].strip() for s, e in sentence_spans(text)] == ["One.", "Two is 1.5 times U.S. size!", "Three؟", "Four", "Five"]
