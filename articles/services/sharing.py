"""Preview links for outside reviewers: signed, read-only, expiring, revocable."""

import datetime

from django.core import signing
from django.db import transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from articles.models import ShareLink
from newsroom.core.rules import require

SHARE_SALT = "articles.share-link"
_signer = signing.Signer(salt=SHARE_SALT)


@transaction.atomic
def create_share_link(*, article, by, days):
    """A link to the article's preview that works without login for `days` days."""
    require(by, "articles.publish_article", message=_("Only editors make preview links."))
    return ShareLink.objects.create(
        article=article, created_by=by, expires_at=timezone.now() + datetime.timedelta(days=days)
    )


@transaction.atomic
def revoke_share_links(*, links, by):
    """Revoke these links now (those already revoked keep their time). Returns the count."""
    require(by, "articles.change_sharelink")
    return links.filter(revoked_at__isnull=True).update(revoked_at=timezone.now())


def share_url(link):
    """The link's address: the same every time it is shown (signed, no timestamp)."""
    return reverse("articles:share", args=[_signer.sign(str(link.pk))])


def share_link_for(token):
    """The id of the link a token names, or None if it is not one we signed. Tokens from
    before addresses were stable (timestamped) still open their link."""
    try:
        return int(_signer.unsign(token))
    except (signing.BadSignature, ValueError):
        pass
    try:
        return int(signing.loads(token, salt=SHARE_SALT))
    except (signing.BadSignature, ValueError, TypeError):
        return None
