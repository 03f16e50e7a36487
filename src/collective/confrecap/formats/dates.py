"""Dates in a write-up: front matter values, 'March 13–17', 'Day 2' headings."""

from datetime import date
from datetime import datetime
from datetime import timedelta

import re


MONTHS = [
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
]
WEEKDAYS = [
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
]
_MONTH = (
    r"(jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|"
    r"aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)"
)
_NUMBERS = [
    "one",
    "two",
    "three",
    "four",
    "five",
    "six",
    "seven",
    "eight",
    "nine",
    "ten",
]
DAY_HEADING = re.compile(
    rf"^(?:day\s+(\d+|{'|'.join(_NUMBERS)})|({'|'.join(WEEKDAYS)}))\b", re.IGNORECASE
)
_ORDINALS = ["first", "second", "third", "fourth", "fifth"]
# 'Conference - Day 1', 'First Day', 'Día 2', 'Tag 2' anywhere in a short heading.
OTHER_DAY_HEADING = re.compile(
    rf"\b(?:(?:day|d[íi]a|tag)\s+(\d+|{'|'.join(_NUMBERS)})|"
    rf"({'|'.join(_ORDINALS)})\s+day)\b",
    re.IGNORECASE,
)
EXPLICIT_DATE = re.compile(
    rf"\b{_MONTH}\.?\s+(\d{{1,2}})(?:st|nd|rd|th)?,?\s+(\d{{4}})"
)
_DATE_FORMATS = ("%Y-%m-%d", "%Y/%m/%d", "%B %d, %Y", "%b %d, %Y", "%d %B %Y")
_DATE_FORMATS += ("%d %b %Y", "%d.%m.%Y", "%A, %B %d, %Y")


def read_date(value):
    """A date from a front matter value (date, ISO or written out), or None."""
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    text = " ".join(str(value).split())
    try:
        return datetime.fromisoformat(text.replace("Z", "+00:00")).date()
    except ValueError:
        pass
    for pattern in _DATE_FORMATS:
        try:
            return datetime.strptime(text, pattern).date()
        except ValueError:
            continue
    return None


def _month(name):
    name = name.lower()
    return next(i for i, m in enumerate(MONTHS, 1) if m.startswith(name[:3]))


_RANGE = re.compile(
    rf"\b{_MONTH}\.?\s+(\d{{1,2}})(?!\d)(?:st|nd|rd|th)?"
    rf"(?:\s*(?:-|to|through|until|and)\s*(?:{_MONTH}\.?\s+)?(\d{{1,2}})"
    rf"(?:st|nd|rd|th)?)?(?:,?\s+(\d{{4}}))?",
    re.IGNORECASE,
)
_RANGE_DAY_FIRST = re.compile(
    rf"\b(\d{{1,2}})(?:st|nd|rd|th)?(?:\s*(?:-|to)\s*(\d{{1,2}})(?:st|nd|rd|th)?)?\s+"
    rf"{_MONTH}\b(?:,?\s+(\d{{4}}))?",
    re.IGNORECASE,
)


_GERMAN_MONTHS = {
    "januar": "january", "jänner": "january", "februar": "february",
    "märz": "march", "maerz": "march", "april": "april", "mai": "may",
    "juni": "june", "juli": "july", "august": "august",
    "september": "september", "oktober": "october", "november": "november",
    "dezember": "december",
}  # fmt: skip
_GERMAN = re.compile(
    r"\b(\d{1,2})\.\s*(?:(?:-|bis)\s*(\d{1,2})\.\s*)?("
    + "|".join(_GERMAN_MONTHS)
    + r")\b(?:\s+(\d{4}))?",
    re.IGNORECASE,
)


def _english_months(text):
    """'13.-17. März 2023' → '13-17 march 2023' (day-first, as in English)."""

    def english(match):
        day, day2, month, year = match.groups()
        days = f"{day}-{day2}" if day2 else day
        month = _GERMAN_MONTHS[month.lower()]
        return f"{days} {month}" + (f" {year}" if year else "")

    return _GERMAN.sub(english, text)


def dates_in(text, year, written, warnings):
    """(start, end) from 'ran from March 13–17' in the introduction."""
    text = re.sub(r"\s*[–—−]\s*", "-", text)
    text = _english_months(text)
    match = _RANGE.search(text)
    if match:
        month, day, month2, day2, found_year = match.groups()
    else:
        match = _RANGE_DAY_FIRST.search(text)
        if not match:
            return None, None
        day, day2, month, found_year = match.groups()
        month2 = None
    year = int(found_year) if found_year else year
    if year is None:
        warnings.append(f"Dates '{match.group(0)}' found, but no year: not used.")
        return None, None
    try:
        start = date(year, _month(month), int(day))
        end = date(year, _month(month2 or month), int(day2 or day))
    except ValueError:
        warnings.append(f"'{match.group(0)}' is not a date I can read: not used.")
        return None, None
    if not found_year and written and start > written:
        start, end = start.replace(year=year - 1), end.replace(year=year - 1)
    if end < start:
        end = end.replace(year=end.year + 1)
    return start, end


def day_date(text, plan):
    """The date a day heading stands for ('Day 2', 'Tuesday', 'March 14, 2023')."""
    explicit = EXPLICIT_DATE.search(text)
    if explicit:
        month, day, year = explicit.groups()
        try:
            return date(int(year), _month(month), int(day))
        except ValueError:
            return None
    if plan.start is None:
        return None
    match = DAY_HEADING.match(text.strip())
    if match is None:
        other = OTHER_DAY_HEADING.search(text)
        if other is None:
            return None
        number = (other.group(1) or "").lower()
        if other.group(2):
            offset = _ORDINALS.index(other.group(2).lower()) + 1
        else:
            offset = int(number) if number.isdigit() else _NUMBERS.index(number) + 1
        return plan.start + timedelta(days=offset - 1)
    if match.group(1):
        number = match.group(1).lower()
        offset = int(number) if number.isdigit() else _NUMBERS.index(number) + 1
        return plan.start + timedelta(days=offset - 1)
    weekday = WEEKDAYS.index(match.group(2).lower())
    return plan.start + timedelta(days=(weekday - plan.start.weekday()) % 7)
