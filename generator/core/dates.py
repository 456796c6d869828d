"""Today's date, for the checks that compare content with it (dates an analyst forgot to correct)."""

from __future__ import annotations

import datetime as dt
import os
from typing import Mapping, Optional

# Stands in for today's date (YYYY-MM-DD): for tests, which must not depend on the day they run.
TODAY_VARIABLE = "BRIEFING_TODAY"


def today_from(environ: Mapping[str, str], clock: dt.date) -> tuple[dt.date, Optional[str]]:
    """Today (the clock's, or BRIEFING_TODAY's), and a problem with BRIEFING_TODAY if there is one."""
    given = environ.get(TODAY_VARIABLE)
    if not given:
        return clock, None
    try:
        return dt.date.fromisoformat(given), None
    except ValueError:
        return clock, f"must be a date written YYYY-MM-DD (it stands in for today, for tests), not '{given}'"


def today() -> tuple[dt.date, Optional[str]]:
    return today_from(os.environ, dt.date.today())
