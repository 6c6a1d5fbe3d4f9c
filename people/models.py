from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from newsroom.core.models import AuditedModel


class PersonQuerySet(models.QuerySet):
    def named(self, value):
        """What a reader typed in a filter box: the slug, every word of the name, or part of
        the name in the person's own script."""
        value = value.strip()
        words = models.Q()
        for word in value.split()[:8]:
            words &= models.Q(name__icontains=word)
        return self.filter(models.Q(slug=value) | words | models.Q(native_name__icontains=value))

    def search(self, text):
        """Match either script: "Shun Oguri" and "小栗旬" find the same person."""
        text = text.strip()
        return self.filter(models.Q(name__icontains=text) | models.Q(native_name__icontains=text))


class Person(AuditedModel):
    """Anyone the newsroom covers: cast, crew, creators."""

    name = models.CharField(
        _("name"),
        max_length=200,
        help_text=_("The name readers know, in Latin script, e.g. “Shun Oguri”."),
    )
    slug = models.SlugField(
        _("slug"),
        max_length=200,
        unique=True,
        help_text=_("The last part of the person's web address. Lowercase letters, digits, -."),
    )
    native_name = models.CharField(
        _("name in own script"),
        max_length=200,
        blank=True,
        help_text=_("The name as written in the person's own script, e.g. 小栗旬 or 한효주."),
    )
    bio = models.TextField(
        _("short bio"),
        blank=True,
        help_text=_("Two or three plain sentences: who they are and what they are known for."),
    )
    birth_date = models.DateField(
        _("birth date"),
        null=True,
        blank=True,
        help_text=_("Only when publicly confirmed. Leave empty if unsure."),
    )
    known_for = models.TextField(
        _("known for (text)"),
        blank=True,
        help_text=_(
            "Works the person is known for that the site does not track, one per line, "
            "e.g. “Godzilla vs. Kong (as Ren Serizawa)”. Tracked shows are linked below."
        ),
    )
    objects = PersonQuerySet.as_manager()

    class Meta:
        ordering = ["name"]
        verbose_name = _("person")
        verbose_name_plural = _("people")
        indexes = [models.Index(fields=["native_name"], name="person_native_name_idx")]

    def __str__(self):
        if self.native_name and self.native_name != self.name:
            return f"{self.name} ({self.native_name})"
        return self.name

    def get_absolute_url(self):
        return reverse("pages:person", kwargs={"slug": self.slug})

    @property
    def known_for_lines(self):
        return [line.strip() for line in self.known_for.splitlines() if line.strip()]
