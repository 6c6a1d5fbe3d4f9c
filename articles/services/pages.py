"""Static pages (About, the policies, Contact): saved and deleted by editors, checked on
the server, their address kept in step with their parents', and purged once it commits."""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import ProtectedError
from django.utils.translation import gettext as _

from articles import cache_tags
from articles.models import StaticPage
from newsroom.core.cache import purge, tag_of
from newsroom.core.rules import require

# What the footer, a parent's list of subpages and the sitemap show of a page.
LISTED = ("title", "path", "published", "in_footer", "menu_order", "parent_id", "modified_at")


@transaction.atomic
def save_page(*, page, by):
    """Save a page (its blocks are saved next, by the desk, in the same transaction). Its
    address follows its slug and parent; when it moves, every page under it moves with it.
    A page readers see in a list (the footer, its parent's subpages, the sitemap) purges
    the lists when what they show of it changed."""
    require(by, "articles.change_staticpage" if page.pk else "articles.add_staticpage")
    before = StaticPage.objects.filter(pk=page.pk).values(*LISTED).first() if page.pk else None
    if page.parent_id:
        page.parent = StaticPage.objects.get(pk=page.parent_id)  # its address as stored now
    page.path = page.address()
    page.full_clean(exclude=["created_by", "modified_by"])
    page.stamp(by)
    page.save()
    moved = []
    if before and before["path"] != page.path:
        moved = _move_subpages(before["path"], page.path)
    after = {name: getattr(page, name) for name in LISTED}
    listed = before is None or {k: v for k, v in before.items() if k != "modified_at"} != {
        k: v for k, v in after.items() if k != "modified_at"
    }
    purge(page, *(tag_of(child) for child in moved), cache_tags.PAGES if listed or moved else None)
    return page


def _move_subpages(old, new):
    subpages = list(StaticPage.objects.filter(path__startswith=old).exclude(path=new))
    for child in subpages:
        child.path = new + child.path[len(old) :]
    StaticPage.objects.bulk_update(subpages, ["path"])
    return subpages


@transaction.atomic
def delete_page(*, page, by):
    """Delete a page and its blocks. A page with pages under it stays until they are moved
    or deleted."""
    require(by, "articles.delete_staticpage")
    tags = [tag_of(page), cache_tags.PAGES]
    try:
        page.delete()
    except ProtectedError:
        raise ValidationError(
            _("“%(page)s” has pages under it: move or delete them first.") % {"page": page}
        ) from None
    purge(*tags)
