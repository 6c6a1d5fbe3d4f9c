"""Generic admin mixins, each configured per admin by attributes: edit conflicts
(``conflicts``), history and compare (``history``), big change lists (``paging``), filters
checked before they reach the database (``filters``), the "who saved it" record
(``audit``), the rights checked on inline rows (``rights``), autosave (``autosave``),
the live preview (``preview``) and who else has a record open, and locks (``presence``)."""

from .audit import AuditedAdmin
from .autosave import AutosavedAdmin
from .conflicts import ConflictCheckedAdmin, ConflictCheckedForm
from .filters import ValidatedFiltersAdmin
from .history import HistoryCompareAdmin
from .paging import EstimatedCountAdmin
from .presence import PresenceAdmin
from .preview import LivePreviewAdmin
from .rights import CheckedInlinesAdmin

__all__ = [
    "AuditedAdmin",
    "AutosavedAdmin",
    "CheckedInlinesAdmin",
    "ConflictCheckedAdmin",
    "ConflictCheckedForm",
    "EstimatedCountAdmin",
    "HistoryCompareAdmin",
    "LivePreviewAdmin",
    "PresenceAdmin",
    "ValidatedFiltersAdmin",
]
