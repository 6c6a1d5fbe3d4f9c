"""Static pages: About, the ethics and corrections policies, Contact, Privacy. Each is
served at its own address, made of its slug and its parents' (``/about/team/``), with a body
of blocks as an article has (text and photos), published or kept as a draft."""

from content_editor.models import Region, create_plugin_base
from django.core.exceptions import ValidationError
from django.db import models
from django.urls import Resolver404, resolve
from django.utils.translation import gettext_lazy as _
from django_prose_editor.fields import ProseEditorField, create_sanitizer

from newsroom.core.models import AuditedModel
from newsroom.core.text import xml_safe

from .blocks import RICH_TEXT_EXTENSIONS
from .photo import Photo

RICH_TEXT_SANITIZE = [create_sanitizer, xml_safe]  # as an article's text block
PAGE_DEPTH = 4  # about/newsroom/team/standards/ is as deep as a site's pages go


class StaticPage(AuditedModel):
    title = models.CharField(_("title"), max_length=200)
    slug = models.SlugField(
        _("slug"),
        max_length=100,
        allow_unicode=True,
        help_text=_("The last part of the page's address. Do not change it once published."),
    )
    parent = models.ForeignKey(
        "self",
        verbose_name=_("parent page"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="children",
        help_text=_("A page under another one has its address under it: /about/team/."),
    )
    path = models.CharField(
        _("address"),
        max_length=500,
        unique=True,
        editable=False,
        error_messages={"unique": _("Another page is already at this address.")},
        help_text=_("Made from the slugs of the page and its parents when it is saved."),
    )
    menu_order = models.IntegerField(
        _("menu order"),
        default=0,
        help_text=_("Lower first, in the site's footer and among a page's subpages."),
    )
    published = models.BooleanField(
        _("published"),
        default=False,
        help_text=_("Untick to keep it as a draft readers never see."),
    )
    in_footer = models.BooleanField(
        _("in the footer"),
        default=False,
        help_text=_("Listed in every page's footer (top-level pages only)."),
    )
    summary = models.TextField(
        _("summary"),
        max_length=300,
        blank=True,
        help_text=_("For search engines and link previews."),
    )

    regions = [Region(key="body", title=_("Body"))]

    class Meta:
        ordering = ["path"]
        verbose_name = _("static page")

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return "/" + self.path

    def address(self):
        """The path this page has, from its parents' (as stored) and its own slug."""
        return (self.parent.path if self.parent_id else "") + f"{self.slug}/"

    def ancestors(self):
        chain, page = [], self.parent
        while page is not None and len(chain) <= PAGE_DEPTH:
            chain.insert(0, page)
            page = page.parent
        return chain

    def clean(self):
        super().clean()
        if not self.slug:
            return
        if self.parent_id:
            if self.pk and (self.parent_id == self.pk or self in self.parent.ancestors()):
                raise ValidationError({"parent": _("A page cannot be under itself.")})
            if len(self.parent.ancestors()) + 1 >= PAGE_DEPTH:
                raise ValidationError(
                    {"parent": _("Pages go %(depth)s levels deep at most.") % {"depth": PAGE_DEPTH}}
                )
        taken = address_taken("/" + self.address())
        if taken:
            raise ValidationError(
                {
                    "slug": _("That address belongs to another part of the site (%(what)s).")
                    % {"what": taken}
                }
            )


def address_taken(path):
    """What else on the site answers at `path` ("" when nothing does, or a page would)."""
    try:
        match = resolve(path)
    except Resolver404:
        return ""
    if (match.namespace, match.url_name) == ("static", "page"):
        return ""
    return match.route or match.url_name or path


PagePlugin = create_plugin_base(StaticPage)


class PageText(PagePlugin):
    template_name = "articles/blocks/richtext.html"

    text = ProseEditorField(
        _("text"),
        extensions=RICH_TEXT_EXTENSIONS,
        sanitize=RICH_TEXT_SANITIZE,
        help_text=_("Paragraphs, subheadings, lists and links. Pasted styling is removed."),
    )

    class Meta:
        verbose_name = _("text")
        verbose_name_plural = _("text")

    def __str__(self):
        return self.get_text_excerpt(12)


class PagePhoto(PagePlugin):
    template_name = "articles/blocks/photo.html"

    photo = models.ForeignKey(
        Photo, verbose_name=_("photo"), on_delete=models.PROTECT, related_name="+"
    )
    caption_override = models.TextField(
        _("caption on this page"),
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


PAGE_BLOCK_MODELS = [PageText, PagePhoto]
