import uuid
from pathlib import PurePath

from django.conf import settings
from django.core.files.storage import default_storage
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from articles.validators import validate_photo_file
from people.models import Person
from shows.models import Show


def photo_upload_to(instance, filename):
    """photos/2024/04/<random>.jpg: no editor file names (or their secrets) in public URLs."""
    suffix = PurePath(filename).suffix.lower() or ".jpg"
    if suffix == ".jpeg":
        suffix = ".jpg"
    now = timezone.now()
    return f"photos/{now:%Y/%m}/{uuid.uuid4().hex}{suffix}"


class PhotoQuerySet(models.QuerySet):
    def search(self, text):
        text = text.strip()
        return self.filter(
            models.Q(caption__icontains=text)
            | models.Q(credit__icontains=text)
            | models.Q(event__icontains=text)
        )


class Photo(models.Model):
    """A picture in the photo library, with the caption and credit it must always carry."""

    image = models.ImageField(
        _("image"),
        upload_to=photo_upload_to,
        width_field="width",
        height_field="height",
        max_length=255,
        validators=[validate_photo_file],
        help_text=_("JPEG, PNG or WebP."),
    )
    width = models.PositiveIntegerField(_("width"), editable=False, default=0)
    height = models.PositiveIntegerField(_("height"), editable=False, default=0)
    caption = models.TextField(
        _("caption"),
        help_text=_(
            "Who, what event, where, when: “Shun Oguri at the Hammer Museum Gala in the "
            "Garden in Westwood, California, on 14 October 2017.”"
        ),
    )
    credit = models.CharField(
        _("credit line"),
        max_length=200,
        help_text=_("Photographer/Agency, e.g. “Axelle/Bauer-Griffin/FilmMagic”."),
    )
    alt_text = models.CharField(
        _("alt text"),
        max_length=300,
        help_text=_(
            "What the picture shows, for readers who cannot see it. Not a copy of the caption."
        ),
    )
    taken_on = models.DateField(_("date taken"), null=True, blank=True)
    event = models.CharField(
        _("event"),
        max_length=200,
        blank=True,
        help_text=_("E.g. “Tokyo International Film Festival”."),
    )
    place = models.CharField(
        _("place"), max_length=200, blank=True, help_text=_("E.g. “Hibiya Step Square, Tokyo”.")
    )
    people = models.ManyToManyField(
        Person,
        verbose_name=_("people pictured"),
        blank=True,
        related_name="photos",
    )
    shows = models.ManyToManyField(
        Show, verbose_name=_("shows pictured"), blank=True, related_name="photos"
    )
    focal_x = models.PositiveSmallIntegerField(
        _("focal point across (%)"),
        default=50,
        validators=[MinValueValidator(0), MaxValueValidator(100)],
        help_text=_(
            "What must stay in a cropped card: 0 is the left edge, 100 the right. "
            "Click the preview to set it."
        ),
    )
    focal_y = models.PositiveSmallIntegerField(
        _("focal point down (%)"),
        default=50,
        validators=[MinValueValidator(0), MaxValueValidator(100)],
        help_text=_("0 is the top edge, 100 the bottom."),
    )
    # SHA-256 of the file as uploaded: the same file uploaded twice is found (the library).
    content_hash = models.CharField(
        _("content hash"), max_length=64, blank=True, editable=False, db_index=True
    )
    renditions = models.JSONField(
        _("renditions"),
        default=dict,
        blank=True,
        editable=False,
        help_text=_("The resized copies readers download, made once when the photo is saved."),
    )
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("uploaded by"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        editable=False,
        related_name="+",
    )
    uploaded_at = models.DateTimeField(_("uploaded at"), auto_now_add=True)

    objects = PhotoQuerySet.as_manager()

    class Meta:
        ordering = ["-uploaded_at", "-pk"]
        verbose_name = _("photo")
        indexes = [models.Index(fields=["-taken_on"], name="photo_taken_idx")]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(focal_x__lte=100, focal_y__lte=100),
                name="photo_focal_point_in_frame",
            )
        ]

    def __str__(self):
        caption = " ".join(self.caption.split())
        return caption if len(caption) <= 80 else f"{caption[:79]}…"

    def thumbnail_url(self):
        """The smallest card crop, or the original until the renditions are made."""
        cards = (self.renditions or {}).get("card") or []
        if cards:
            return default_storage.url(cards[0][3] if len(cards[0]) > 3 else cards[0][2])
        return self.image.url if self.image else ""


class KeyArt(models.Model):
    """A show's key art: the poster or still its page and cards lead with."""

    show = models.OneToOneField(
        Show, verbose_name=_("show"), on_delete=models.CASCADE, related_name="key_art"
    )
    photo = models.ForeignKey(
        Photo,
        verbose_name=_("key art"),
        on_delete=models.CASCADE,
        related_name="+",
        help_text=_("The poster or still the show's page and cards lead with."),
    )

    class Meta:
        verbose_name = _("key art")
        verbose_name_plural = _("key art")

    def __str__(self):
        return f"{self.show}: {self.photo}"


class Headshot(models.Model):
    """A person's headshot, shown on their page."""

    person = models.OneToOneField(
        Person, verbose_name=_("person"), on_delete=models.CASCADE, related_name="headshot"
    )
    photo = models.ForeignKey(
        Photo,
        verbose_name=_("headshot"),
        on_delete=models.CASCADE,
        related_name="+",
        help_text=_("A recent portrait, face near the focal point."),
    )

    class Meta:
        verbose_name = _("headshot")

    def __str__(self):
        return f"{self.person}: {self.photo}"
