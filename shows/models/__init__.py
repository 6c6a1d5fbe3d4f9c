from .credit import Credit, CreditRole, KnownFor
from .releases import Availability, AvailabilityKind, Episode, Season
from .show import Show, ShowKind, ShowStatus, ShowTitle, StatusChange, TitleKind
from .taxonomy import Company, Country, Genre, Language, Platform

__all__ = [
    "Availability",
    "AvailabilityKind",
    "Company",
    "Country",
    "Credit",
    "CreditRole",
    "Episode",
    "Genre",
    "KnownFor",
    "Language",
    "Platform",
    "Season",
    "Show",
    "ShowKind",
    "ShowStatus",
    "ShowTitle",
    "StatusChange",
    "TitleKind",
]
