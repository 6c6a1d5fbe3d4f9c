"""The blocks an article body is made of, in order (django-content-editor plugins)."""

from content_editor.models import create_plugin_base
from django.db import models
from django.utils.translation import gettext_lazy as _
from django_prose_editor.fields import ProseEditorField, create_sanitizer

from articles.embeds import parse_video_url, validate_video_url
from newsroom.core.text import xml_safe
from people.models import Person

from .article import Article
from .photo import Photo

ArticlePlugin = create_plugin_base(Article)


def block_written(sender, instance, **kwargs):
    """A body block was written or deleted: its article's stored body HTML is stale
    (connected in ``ArticlesConfig.ready`` to every block model's ``post_save`` and
    ``post_delete``: saves, raw saves as django-reversion makes, deletions one by one or by
    queryset). The desk renders the body again when the article is saved; a page showing a
    stale body renders it afresh (``articles.rendering.current_body``).
    ``QuerySet.update()`` and ``bulk_create`` send no signal: whoever uses them calls
    ``body_changed``."""
    body_changed(instance.parent_id)


def body_changed(*article_ids):
    """The stored body HTML of these articles no longer matches their blocks."""
    Article.objects.filter(pk__in=article_ids).exclude(body_format="").update(body_format="")


# What the editor offers is exactly what the sanitiser lets through (nh3 via prose-editor).
RICH_TEXT_EXTENSIONS = {
    "Bold": True,
    "Italic": True,
    "Strike": True,
    "Subscript": True,
    "Superscript": True,
    "Heading": {"levels": [2, 3]},
    "BulletList": True,
    "OrderedList": True,
    "ListItem": True,
    "Blockquote": True,
    "HardBreak": True,
    "HorizontalRule": True,
    "Link": {"enableTarget": False, "protocols": ["http", "https", "mailto"]},
}


class RichText(ArticlePlugin):
    template_name = "articles/blocks/richtext.html"

    text = ProseEditorField(
        _("text"),
        extensions=RICH_TEXT_EXTENSIONS,
        # Control characters go first (applied last to first), so that a link's scheme is
        # judged as a browser reads it: "java\x01script:" is "javascript:", and dropped.
        sanitize=[create_sanitizer, xml_safe],
        help_text=_("Paragraphs, subheadings, lists and links. Pasted styling is removed."),
    )

    class Meta:
        verbose_name = _("text")
        verbose_name_plural = _("text")

    def __str__(self):
        return self.get_text_excerpt(12)


class PhotoBlock(ArticlePlugin):
    template_name = "articles/blocks/photo.html"

    photo = models.ForeignKey(
        Photo, verbose_name=_("photo"), on_delete=models.PROTECT, related_name="+"
    )
    caption_override = models.TextField(
        _("caption for this article"),
        blank=True,
        help_text=_("Leave empty to use the photo's own caption. The credit line always shows."),
    )

    class Meta:
        verbose_name = _("photo")
        verbose_name_plural = _("photos")

    def __str__(self):
        return str(self.photo)

    @classmethod
    def get_queryset(cls):
        return cls.objects.select_related("photo")

    @property
    def caption(self):
        return self.caption_override or self.photo.caption


class QuoteStyle(models.TextChoices):
    DIRECT = "direct", _("direct quote: their exact words")
    REPORTED = "reported", _("reported speech: the gist, in our words")


class Quote(ArticlePlugin):
    template_name = "articles/blocks/quote.html"

    text = models.TextField(
        _("text"),
        help_text=_(
            "A direct quote only when these are the exact words reported; otherwise choose "
            "reported speech and write the gist in your own words."
        ),
    )
    style = models.CharField(
        _("style"), max_length=10, choices=QuoteStyle.choices, default=QuoteStyle.REPORTED
    )
    person = models.ForeignKey(
        Person,
        verbose_name=_("speaker"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="quotes",
        help_text=_("The person who said it, when the site tracks them."),
    )
    speaker = models.CharField(
        _("speaker (text)"),
        max_length=200,
        blank=True,
        help_text=_(
            "Only when the speaker is not a tracked person, e.g. “a Netflix spokesperson”."
        ),
    )
    context = models.CharField(
        _("context"),
        max_length=300,
        blank=True,
        help_text=_("When and where, e.g. “speaking about the series as filming began”."),
    )

    class Meta:
        verbose_name = _("quote")
        verbose_name_plural = _("quotes")
        constraints = [
            models.CheckConstraint(
                condition=models.Q(person__isnull=False) | ~models.Q(speaker=""),
                name="quote_has_speaker",
                violation_error_message=_("Say who said it: pick a person or name the speaker."),
            ),
            models.CheckConstraint(
                condition=models.Q(style__in=QuoteStyle.values), name="quote_style_valid"
            ),
        ]

    def __str__(self):
        return f"{self.speaker_name}: {self.text[:60]}"

    @classmethod
    def get_queryset(cls):
        return cls.objects.select_related("person")

    @property
    def is_direct(self):
        return self.style == QuoteStyle.DIRECT

    @property
    def speaker_name(self):
        return self.person.name if self.person_id else self.speaker


class VideoEmbed(ArticlePlugin):
    template_name = "articles/blocks/video.html"

    url = models.URLField(
        _("video address"),
        validators=[validate_video_url],
        help_text=_("A YouTube or Vimeo link. Readers load the player only when they click."),
    )
    title = models.CharField(
        _("title"), max_length=200, help_text=_("What the video is, e.g. “Official teaser”.")
    )
    caption = models.CharField(_("caption"), max_length=300, blank=True)

    class Meta:
        verbose_name = _("video")
        verbose_name_plural = _("videos")

    def __str__(self):
        return self.title

    @property
    def video(self):
        return parse_video_url(self.url)


BLOCK_MODELS = [RichText, PhotoBlock, Quote, VideoEmbed]
