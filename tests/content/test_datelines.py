"""The dateline an article opens with, in English and Arabic (a pure function: no files)."""

from __future__ import annotations

import datetime as dt

import pytest

from generator.content.datelines import Dateline, dateline


@pytest.mark.parametrize("text, expected", [
    ("MOSCOW, Feb 9 (Reuters) - Iran's top security official", Dateline(2, 9, None)),
    ("TEHRAN, 9 February 2023 - The talks", Dateline(2, 9, 2023)),
    ("WASHINGTON, Sept. 30, 2022 /Example/ --", Dateline(9, 30, 2022)),
    ("طهران - ٩ شباط (نورنيوز) - التقى", Dateline(2, 9, None)),
    ("موسكو، 12 أبريل 2024 (إرنا) -", Dateline(4, 12, 2024)),
    ("بيروت في 5 تشرين الأول عام 2023 -", Dateline(10, 5, 2023)),
    ("دمشق - 3 آب - قال", Dateline(8, 3, None)),
    ("No day named here.", None),
    ("March 2023 saw five rounds of talks.", None),  # a month and a year: no day
    ("On 30 February nothing happened.", None),  # no such day
    ("The Mayor said 3 things.", None),
])
def test_dateline(text: str, expected: Dateline | None) -> None:
    assert dateline(text) == expected


def test_only_the_start_of_the_text_is_read() -> None:
    assert dateline("x" * 300 + " MOSCOW, Feb 9") is None


def test_a_dateline_names_a_day() -> None:
    assert Dateline(2, 9, None).names(dt.date(2031, 2, 9))
    assert not Dateline(2, 9, 2023).names(dt.date(2031, 2, 9))
    assert str(Dateline(2, 9, 2023)) == "9 February 2023" and str(Dateline(12, 1, None)) == "1 December"


@pytest.mark.parametrize("text, expected", [
    ("TEHRAN, March 15 (Tasnim) – Iran's", Dateline(3, 15, None)),
    ("موسكو ١٥ مارس (نورنيوز) -", Dateline(3, 15, None)),
    ("8 February 2023 – The dialogue opened", Dateline(2, 8, 2023)),
    ("بغداد، 2 كانون الثاني -", Dateline(1, 2, None)),
])
def test_datelines_new_briefing_reads(text: str, expected: Dateline) -> None:
    assert dateline(text) == expected


@pytest.mark.parametrize("named, today, expected", [
    (Dateline(3, 15, None), dt.date(2024, 1, 10), dt.date(2023, 3, 15)),  # not after today: last year's
    (Dateline(3, 15, None), dt.date(2024, 3, 15), dt.date(2024, 3, 15)),  # today itself
    (Dateline(2, 29, None), dt.date(2027, 6, 1), dt.date(2024, 2, 29)),  # the latest leap year
    (Dateline(3, 15, 2020), dt.date(2024, 1, 10), dt.date(2020, 3, 15)),  # its own year, as written
])
def test_the_year_is_the_latest_not_after_today(named: Dateline, today: dt.date, expected: dt.date) -> None:
    assert named.latest_until(today) == expected
