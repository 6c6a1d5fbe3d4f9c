"""What the desk announces when readers' pages change through a bulk update, which sends no
model signal: the site's page cache listens (newsroom/invalidation.py)."""

from django.dispatch import Signal

# Sent with article_ids: the approved comments of these articles (and so their counts) changed.
comments_changed = Signal()
