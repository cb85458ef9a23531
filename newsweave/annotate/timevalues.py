"""Calendar intervals of TIMEX3 date values: the days that "2020-11-20", "2020-W47" or "2020-11" cover."""

from __future__ import annotations

import datetime as dt
import re

_DAY = re.compile(r"^\d{4}-\d{2}-\d{2}$")
_WEEK = re.compile(r"^(\d{4})-W(\d{2})$")
_MONTH = re.compile(r"^(\d{4})-(\d{2})$")


def is_day(value: str) -> bool:
    return bool(_DAY.match(value))


def value_interval(value: str) -> tuple[dt.date, dt.date] | None:
    """First and last day of a day, ISO-week or month value; None for other values (years, durations...)."""
    try:
        if _DAY.match(value):
            d = dt.date.fromisoformat(value)
            return d, d
        m = _WEEK.match(value)
        if m:
            start = dt.date.fromisocalendar(int(m.group(1)), int(m.group(2)), 1)
            return start, start + dt.timedelta(days=6)
        m = _MONTH.match(value)
        if m:
            y, mo = int(m.group(1)), int(m.group(2))
            start = dt.date(y, mo, 1)
            return start, dt.date(y + (mo == 12), mo % 12 + 1, 1) - dt.timedelta(days=1)
    except ValueError:
        return None
    return None


def intervals_meet(a: tuple[dt.date, dt.date], b: tuple[dt.date, dt.date]) -> bool:
    return a[0] <= b[1] and b[0] <= a[1]
