"""The toolkit under every app: cache tags and the page cache, paginators for big tables,
generic admin mixins, the audit model, public list helpers and the shared template tags.

It imports no app and nothing else of ``newsroom``: apps build on it, never the reverse
(an import contract in ``make lint`` keeps it so). See docs/architecture.md.
"""
