"""Generic admin mixins, each configured per admin by attributes: edit conflicts
(``conflicts``), history and compare (``history``), big change lists (``paging``), filters
checked before they reach the database (``filters``) and the "who saved it" record
(``audit``)."""

from .audit import AuditedAdmin
from .conflicts import ConflictCheckedAdmin, ConflictCheckedForm
from .filters import ValidatedFiltersAdmin
from .history import HistoryCompareAdmin
from .paging import EstimatedCountAdmin

__all__ = [
    "AuditedAdmin",
    "ConflictCheckedAdmin",
    "ConflictCheckedForm",
    "EstimatedCountAdmin",
    "HistoryCompareAdmin",
    "ValidatedFiltersAdmin",
]
