from content_editor.models import Region
from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from newsroom.core.models import AuditedModel
from people.models import Person
from shows.models import Show

from .author import Author, Tag
from .photo import Photo


class ArticleKind(models.TextChoices):
    NEWS = "news", _("news")
    EXPLAINER = "explainer", _("explainer / what we know")
    FEATURE = "feature", _("feature")
    REVIEW = "review", _("review")
    LIST = "list", _("list")


class ArticleStatus(models.TextChoices):
    DRAFT = "draft", _("draft")
    IN_REVIEW = "in_review", _("in review")
    PUBLISHED = "published", _("published")
    ARCHIVED = "archived", _("archived")


class ArticleQuerySet(models.QuerySet):
    def published(self, *, now=None):
        """What readers may see: published, and its publish time has come.

        The one rule for every public view, feed, sitemap and search. A scheduled article is
        simply a published one whose time is still ahead, so nothing has to run to release it.
        """
        return self.filter(status=ArticleStatus.PUBLISHED, publish_at__lte=now or timezone.now())

    def scheduled(self, *, now=None):
        return self.filter(status=ArticleStatus.PUBLISHED, publish_at__gt=now or timezone.now())

    def search(self, text):
        """Admin search: headline or dek contains the text."""
        text = text.strip()
        return self.filter(models.Q(headline__icontains=text) | models.Q(dek__icontains=text))

    def for_cards(self):
        """What a card needs in one query: the hero photo (bylines come by prefetch); never the
        body, as text or HTML (kilobytes a card does not show)."""
        return (
            self.defer("search_document", "body_html")
            .select_related("hero_photo")
            .prefetch_related(
                models.Prefetch("bylines", queryset=ArticleAuthor.objects.select_related("author"))
            )
        )


def article_search_vector():
    """The weighted full-text vector of an article on PostgreSQL: headline, dek, body.

    The GIN index (migration articles 0002) is built on exactly this expression, so queries
    that use it are answered from the index.
    """
    from django.contrib.postgres.search import SearchVector

    return (
        SearchVector("headline", weight="A", config=SEARCH_CONFIG)
        + SearchVector("dek", weight="B", config=SEARCH_CONFIG)
        + SearchVector("search_document", weight="C", config=SEARCH_CONFIG)
    )


SEARCH_CONFIG = "english"


class Article(AuditedModel):
    headline = models.CharField(
        _("headline"),
        max_length=200,
        help_text=_("The title readers see. Aim for under 70 characters."),
    )
    slug = models.SlugField(
        _("slug"),
        max_length=200,
        unique=True,
        help_text=_("The last part of the article's web address. Do not change it once published."),
    )
    dek = models.TextField(
        _("dek"),
        max_length=400,
        blank=True,
        help_text=_("One or two sentences under the headline; also the summary in feeds."),
    )
    kind = models.CharField(
        _("kind"), max_length=20, choices=ArticleKind.choices, default=ArticleKind.NEWS
    )
    status = models.CharField(
        _("status"),
        max_length=20,
        choices=ArticleStatus.choices,
        default=ArticleStatus.DRAFT,
        help_text=_("Published with a future publish time means scheduled."),
    )
    publish_at = models.DateTimeField(
        _("publish time"),
        null=True,
        blank=True,
        help_text=_("When it goes live. In the future, the article waits until then."),
    )
    significant_update_at = models.DateTimeField(
        _("significant update"),
        null=True,
        blank=True,
        help_text=_("Shown to readers as “Updated”. Set for new facts, not for typo fixes."),
    )
    hero_photo = models.ForeignKey(
        Photo,
        verbose_name=_("hero photo"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="hero_of",
        help_text=_("The lead picture, shown with its caption and credit."),
    )
    authors = models.ManyToManyField(
        Author,
        verbose_name=_("bylines"),
        through="ArticleAuthor",
        related_name="articles",
        blank=True,
    )
    shows = models.ManyToManyField(
        Show,
        verbose_name=_("shows covered"),
        blank=True,
        related_name="articles",
        help_text=_("Each covered show gets a live fact box on the article."),
    )
    people = models.ManyToManyField(
        Person, verbose_name=_("people covered"), blank=True, related_name="articles"
    )
    tags = models.ManyToManyField(Tag, verbose_name=_("tags"), blank=True, related_name="articles")
    search_document = models.TextField(
        _("searchable text"),
        blank=True,
        editable=False,
        help_text=_("The body as plain text, kept for search when the article is saved."),
    )
    body_html = models.TextField(
        _("body as HTML"),
        blank=True,
        editable=False,
        help_text=_("The body blocks rendered when the article is saved (pages show this)."),
    )
    body_format = models.CharField(
        _("body format"),
        max_length=16,
        blank=True,
        editable=False,
        help_text=_(
            "Which templates rendered the stored body; empty when a block changed since. A "
            "body in another format is rendered again when it is next shown."
        ),
    )
    # The last time it was submitted for review, and by whom (the editors' review queue).
    submitted_at = models.DateTimeField(_("submitted for review"), null=True, editable=False)
    submitted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        editable=False,
        related_name="+",
        verbose_name=_("submitted by"),
    )
    comment_count = models.PositiveIntegerField(
        _("approved comments"),
        default=0,
        editable=False,
        help_text=_("Kept up to date when comments are posted and moderated."),
    )
    comments_open = models.BooleanField(
        _("comments open"), default=True, help_text=_("Untick to close the comment thread.")
    )
    sticky = models.BooleanField(
        _("pinned"),
        default=False,
        db_default=False,
        help_text=_("A sticky post on the site it was imported from, kept for the record."),
    )
    seo_title = models.CharField(
        _("search engine title"),
        max_length=200,
        blank=True,
        default="",
        db_default="",
        help_text=_("The title search engines show, when it differs from the headline."),
    )
    meta_description = models.CharField(
        _("meta description"),
        max_length=320,
        blank=True,
        default="",
        db_default="",
        help_text=_("The summary search engines show; the dek when empty."),
    )
    canonical_url = models.URLField(
        _("canonical address"),
        blank=True,
        default="",
        db_default="",
        help_text=_("Only when the story's original lives elsewhere (syndicated copy)."),
    )
    comments_close_at = models.DateTimeField(
        _("close comments at"),
        null=True,
        blank=True,
        help_text=_(
            "Empty: comments close automatically some days after publication (the site's "
            "setting). Set a date to keep an evergreen story open longer, or close it sooner."
        ),
    )
    objects = ArticleQuerySet.as_manager()

    # The body is an ordered sequence of blocks (django-content-editor plugins).
    regions = [Region(key="body", title=_("Body"))]

    class Meta:
        ordering = ["-publish_at", "-pk"]
        verbose_name = _("article")
        permissions = [
            ("publish_article", "Can publish, schedule, unpublish and archive articles"),
        ]
        indexes = [
            models.Index(fields=["status", "-publish_at"], name="article_published_idx"),
            # The admin's list: unscheduled work first, then the newest publish time
            # (PostgreSQL sorts NULLs first in a descending index, as the admin orders).
            models.Index(
                models.F("publish_at").desc(),
                models.F("id").desc(),
                name="article_desk_idx",
            ),
        ]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(status__in=ArticleStatus.values), name="article_status_valid"
            ),
            models.CheckConstraint(
                condition=models.Q(kind__in=ArticleKind.values), name="article_kind_valid"
            ),
            models.CheckConstraint(
                condition=~models.Q(status=ArticleStatus.PUBLISHED)
                | models.Q(publish_at__isnull=False),
                name="article_published_has_time",
                violation_error_message=_("A published article needs a publish time."),
            ),
        ]

    def __str__(self):
        return self.headline

    def get_absolute_url(self):
        return reverse("articles:detail", kwargs={"slug": self.slug})

    @property
    def updated_at(self):
        """The "Updated" time readers see: only a significant update after publication."""
        update, published = self.significant_update_at, self.publish_at
        if update and published and update > published:
            return update
        return None

    @property
    def is_live(self):
        return (
            self.status == ArticleStatus.PUBLISHED
            and self.publish_at is not None
            and self.publish_at <= timezone.now()
        )

    @property
    def is_scheduled(self):
        return (
            self.status == ArticleStatus.PUBLISHED
            and self.publish_at is not None
            and self.publish_at > timezone.now()
        )


class ArticleAuthor(models.Model):
    """A byline, in the order the article lists its authors."""

    article = models.ForeignKey(Article, on_delete=models.CASCADE, related_name="bylines")
    author = models.ForeignKey(
        Author, verbose_name=_("author"), on_delete=models.PROTECT, related_name="bylines"
    )
    position = models.PositiveSmallIntegerField(_("order"), default=0)

    class Meta:
        ordering = ["position", "pk"]
        verbose_name = _("byline")
        constraints = [
            models.UniqueConstraint(fields=["article", "author"], name="byline_unique_author"),
        ]

    def __str__(self):
        return str(self.author)


class ShareLink(models.Model):
    """A read-only preview of an unpublished article for an outside reviewer: no login, signed
    address, expires, can be revoked."""

    article = models.ForeignKey(Article, on_delete=models.CASCADE, related_name="share_links")
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("created by"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    expires_at = models.DateTimeField(_("expires"))
    revoked_at = models.DateTimeField(_("revoked"), null=True, blank=True)

    class Meta:
        ordering = ["-created_at", "-pk"]
        verbose_name = _("preview share link")

    def __str__(self):
        return f"{self.article} (until {self.expires_at:%Y-%m-%d %H:%M})"

    @property
    def is_usable(self):
        return self.revoked_at is None and self.expires_at > timezone.now()
