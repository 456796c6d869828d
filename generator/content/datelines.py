"""The day an article's dateline names ("MOSCOW, Feb 9 (Reuters) -", "طهران - 9 شباط"), to compare with its `date`."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from typing import Optional

# A dateline opens the article: only its first characters are read.
HEAD_CHARS = 200

EN_MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
             "November", "December")
_EN_MONTH = (r"(?P<month>Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?"
             r"|Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?")
_DAY = r"(?P<day>\d{1,2})(?:st|nd|rd|th)?"
_YEAR = r"(?:,?\s+(?P<year>\d{4}))?"
_EN_PATTERNS = (
    re.compile(rf"\b{_EN_MONTH}\s+{_DAY}\b{_YEAR}", re.IGNORECASE),  # Feb 9, 2023
    re.compile(rf"\b{_DAY}\s+{_EN_MONTH}(?![a-z]){_YEAR}", re.IGNORECASE),  # 9 February 2023
)

# Arabic month names as written after hamza is folded (see _FOLD): the
# Egyptian and Gulf forms of the Latin names, and the Levantine ones.
_AR_MONTHS = {
    "يناير": 1, "فبراير": 2, "مارس": 3, "ابريل": 4, "مايو": 5, "يونيو": 6, "يونيه": 6, "يوليو": 7, "يوليه": 7,
    "اغسطس": 8, "سبتمبر": 9, "اكتوبر": 10, "نوفمبر": 11, "ديسمبر": 12,
    "كانون الثاني": 1, "شباط": 2, "اذار": 3, "نيسان": 4, "ايار": 5, "حزيران": 6, "تموز": 7, "اب": 8, "ايلول": 9,
    "تشرين الاول": 10, "تشرين الثاني": 11, "كانون الاول": 12,
}
_AR_PATTERN = re.compile(
    r"(?<!\d)(?P<day>\d{1,2})\s+(?:من\s+)?(?P<month>"
    + "|".join(sorted((re.escape(name) for name in _AR_MONTHS), key=len, reverse=True))
    + r")(?!\w)(?:\s+(?:عام\s+)?(?P<year>\d{4}))?"
)
# Hamza on alif, and Arabic-Indic and Persian digits, folded for matching.
_FOLD = str.maketrans("أإآ٠١٢٣٤٥٦٧٨٩۰۱۲۳۴۵۶۷۸۹", "ااا01234567890123456789")


@dataclass(frozen=True)
class Dateline:
    month: int
    day: int
    year: Optional[int]  # when the dateline gives one

    def names(self, day: dt.date) -> bool:
        """Whether the dateline is this day (a dateline without a year names it in any year)."""
        return (self.month, self.day) == (day.month, day.day) and self.year in (None, day.year)

    def latest_until(self, today: dt.date) -> Optional[dt.date]:
        """The day it names: its own year's, or (without one) the latest such day not after today."""
        if self.year is not None:
            return dt.date(self.year, self.month, self.day)
        for year in range(today.year, today.year - 8, -1):  # 29 February recurs within 8 years
            try:
                day = dt.date(year, self.month, self.day)
            except ValueError:
                continue
            if day <= today:
                return day
        return None

    def __str__(self) -> str:
        return f"{self.day} {EN_MONTHS[self.month - 1]}" + (f" {self.year}" if self.year else "")


def dateline(body: str) -> Optional[Dateline]:
    """The first day named at the start of the article's text, if any."""
    head = body.strip()[:HEAD_CHARS].translate(_FOLD)
    found = [m for pattern in _EN_PATTERNS for m in pattern.finditer(head)]
    found += list(_AR_PATTERN.finditer(head))
    for match in sorted(found, key=lambda m: m.start()):
        month_name = match["month"].rstrip(".")
        month = _AR_MONTHS.get(month_name) or _en_month(month_name)
        year = int(match["year"]) if match["year"] else None
        try:
            dt.date(year or 2000, month, int(match["day"]))  # 2000: a leap year, for 29 February
        except ValueError:
            continue
        return Dateline(month, int(match["day"]), year)
    return None


def _en_month(name: str) -> int:
    return next(index for index, full in enumerate(EN_MONTHS, 1) if full.lower().startswith(name.lower()[:3]))
