"""Release dates that are only partly known: "2025", "Spring 2025", "March 2025", "14 March 2025".

A window is stored as a date plus its precision. The date is normalised to the first day of
what is known (1 January for a year, the first day of the season's first month, the first of
the month), so windows sort by date and nothing renders a day nobody announced.

Seasons follow the TV and anime broadcast quarters, which never straddle a year:
Winter = January-March, Spring = April-June, Summer = July-September, Autumn = October-December.
"""

import datetime
import re
from dataclasses import dataclass

from django.db import models
from django.utils import dateformat
from django.utils.translation import gettext_lazy as _


class Precision(models.TextChoices):
    YEAR = "year", _("year")
    SEASON = "season", _("season")
    MONTH = "month", _("month")
    DAY = "day", _("day")


SEASON_START_MONTHS = {"winter": 1, "spring": 4, "summer": 7, "autumn": 10}
SEASON_NAMES = {month: name.capitalize() for name, month in SEASON_START_MONTHS.items()}
_SEASON_ALIASES = {**SEASON_START_MONTHS, "fall": 10}
_MONTHS = {
    name: number
    for number in range(1, 13)
    for name in (
        datetime.date(2000, number, 1).strftime("%B").lower(),
        datetime.date(2000, number, 1).strftime("%b").lower(),
    )
}
_MONTHS["sept"] = 9


def _year(text):
    year = int(text)
    if not 1870 <= year <= 2200:
        raise ValueError(f"{year} is not a plausible release year.")
    return year


def _month(text):
    try:
        return _MONTHS[text.lower().rstrip(".")]
    except KeyError:
        raise ValueError(f"“{text}” is not a month name.") from None


@dataclass(frozen=True, order=True)
class ReleaseWindow:
    date: datetime.date
    precision: str

    def __post_init__(self):
        if self.precision not in Precision.values:
            raise ValueError(f"Unknown precision {self.precision!r}.")
        if self.date != self.normalise(self.date, self.precision):
            raise ValueError(f"{self.date} is not the start of a {self.precision}.")

    @staticmethod
    def normalise(date, precision):
        """The first day of the year, season or month that `date` falls in."""
        if precision == Precision.YEAR:
            return date.replace(month=1, day=1)
        if precision == Precision.SEASON:
            return date.replace(month=(date.month - 1) // 3 * 3 + 1, day=1)
        if precision == Precision.MONTH:
            return date.replace(day=1)
        return date

    @classmethod
    def of(cls, date, precision):
        """A window from a stored date and precision, or None when nothing is known."""
        if date is None or not precision:
            return None
        return cls(cls.normalise(date, precision), precision)

    @classmethod
    def parse(cls, text):
        """Read what an editor typed. Raises ValueError with a message an editor can act on."""
        cleaned = " ".join(text.replace(",", " ").split()).strip()
        lowered = cleaned.lower()
        try:
            if re.fullmatch(r"\d{4}", lowered):
                return cls(datetime.date(_year(lowered), 1, 1), Precision.YEAR)
            if m := re.fullmatch(r"(\d{4})-(\d{1,2})-(\d{1,2})", lowered):
                year, month, day = m.groups()
                return cls(datetime.date(_year(year), int(month), int(day)), Precision.DAY)
            if m := re.fullmatch(r"(\d{4})-(\d{1,2})", lowered):
                year, month = m.groups()
                return cls(datetime.date(_year(year), int(month), 1), Precision.MONTH)
            if m := re.fullmatch(r"([a-z]+) (\d{4})", lowered):
                word, year = m.groups()
                if word in _SEASON_ALIASES:
                    start = _SEASON_ALIASES[word]
                    return cls(datetime.date(_year(year), start, 1), Precision.SEASON)
                return cls(datetime.date(_year(year), _month(word), 1), Precision.MONTH)
            if m := re.fullmatch(r"(\d{1,2})(?:st|nd|rd|th)? ([a-z.]+) (\d{4})", lowered):
                day, month, year = m.groups()
                return cls(datetime.date(_year(year), _month(month), int(day)), Precision.DAY)
            if m := re.fullmatch(r"([a-z.]+) (\d{1,2})(?:st|nd|rd|th)? (\d{4})", lowered):
                month, day, year = m.groups()
                return cls(datetime.date(_year(year), _month(month), int(day)), Precision.DAY)
        except ValueError as error:
            if "day is out of range" in str(error) or "month must be" in str(error):
                raise ValueError(f"“{cleaned}” is not a real date.") from None
            raise
        raise ValueError(
            f"“{cleaned}” is not a release window. Write what is known: “2025”, "
            "“Spring 2025”, “March 2025” or “14 March 2025”."
        )

    def __str__(self):
        if self.precision == Precision.YEAR:
            return str(self.date.year)
        if self.precision == Precision.SEASON:
            return f"{SEASON_NAMES[self.date.month]} {self.date.year}"
        if self.precision == Precision.MONTH:
            return dateformat.format(self.date, "F Y")
        return dateformat.format(self.date, "j F Y")

    @property
    def exact(self):
        """The day is known."""
        return self.precision == Precision.DAY

    @property
    def end(self):
        """The last day the window covers (the day itself when the day is known)."""
        if self.precision == Precision.DAY:
            return self.date
        months = {Precision.MONTH: 1, Precision.SEASON: 3, Precision.YEAR: 12}[self.precision]
        month = self.date.month - 1 + months
        following = datetime.date(self.date.year + month // 12, month % 12 + 1, 1)
        return following - datetime.timedelta(days=1)

    @property
    def month(self):
        """The window as far as a calendar's month can hold it: its month for a day or a
        month, itself for a season or a year (never a made-up month)."""
        if self.precision in (Precision.DAY, Precision.MONTH):
            return ReleaseWindow(self.date.replace(day=1), Precision.MONTH)
        return self

    @property
    def iso(self):
        """ISO 8601 at the known precision ("2025", "2025-03", "2025-03-14"), for machines.

        A season has no ISO form; it gives the year, the most that is certain.
        """
        if self.precision in (Precision.YEAR, Precision.SEASON):
            return f"{self.date.year:04d}"
        if self.precision == Precision.MONTH:
            return self.date.strftime("%Y-%m")
        return self.date.isoformat()
