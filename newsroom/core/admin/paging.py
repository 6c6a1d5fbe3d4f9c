"""Change lists that open fast on millions of rows."""

from newsroom.core.paginator import EstimatedCountPaginator


class EstimatedCountAdmin:
    """Unfiltered lists are counted from the planner's statistics, and a filtered list
    never also counts the whole table ("of 1,000,000 total")."""

    paginator = EstimatedCountPaginator
    show_full_result_count = False
