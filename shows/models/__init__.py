from .credit import Credit, CreditRole, KnownFor
from .show import Show, ShowKind, ShowStatus, ShowTitle, StatusChange, TitleKind
from .taxonomy import Company, Country, Genre, Language, Platform

__all__ = [
    "Company",
    "Country",
    "Credit",
    "CreditRole",
    "Genre",
    "KnownFor",
    "Language",
    "Platform",
    "Show",
    "ShowKind",
    "ShowStatus",
    "ShowTitle",
    "StatusChange",
    "TitleKind",
]
