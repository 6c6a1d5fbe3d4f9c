from django.db import models
from django.utils.translation import gettext_lazy as _

from people.models import Person

from .show import Show


class CreditRole(models.TextChoices):
    """In the order crews are usually listed."""

    CREATOR = "creator", _("creator")
    DIRECTOR = "director", _("director")
    WRITER = "writer", _("writer")
    SHOWRUNNER = "showrunner", _("showrunner")
    EXECUTIVE_PRODUCER = "executive_producer", _("executive producer")
    PRODUCER = "producer", _("producer")
    COMPOSER = "composer", _("composer")
    CAST = "cast", _("cast")


class CreditQuerySet(models.QuerySet):
    def cast(self):
        return self.filter(role=CreditRole.CAST)

    def crew(self):
        return self.exclude(role=CreditRole.CAST)


class Credit(models.Model):
    """A person's part in a show. One person may hold several: writer and director, say."""

    show = models.ForeignKey(Show, on_delete=models.CASCADE, related_name="credits")
    person = models.ForeignKey(
        Person,
        verbose_name=_("person"),
        on_delete=models.PROTECT,
        related_name="credits",
        help_text=_("Start typing a name in either script."),
    )
    role = models.CharField(_("role"), max_length=20, choices=CreditRole.choices)
    role_detail = models.CharField(
        _("detail"),
        max_length=100,
        blank=True,
        help_text=_("Optional precision, e.g. “screenplay”, “adaptation”, “episodes 1-4”."),
    )
    character_name = models.CharField(
        _("character"),
        max_length=200,
        blank=True,
        help_text=_("Cast only: the character's name, e.g. “Sosuke Fujiwara”."),
    )
    character_description = models.CharField(
        _("character description"),
        max_length=300,
        blank=True,
        help_text=_("Cast only: one line about the character."),
    )
    billing_order = models.PositiveSmallIntegerField(
        _("billing order"),
        default=100,
        help_text=_("Lower comes first: 1 for the lead. Crew follow the same rule within a role."),
    )

    objects = CreditQuerySet.as_manager()

    class Meta:
        ordering = ["billing_order", "pk"]
        verbose_name = _("credit")
        constraints = [
            models.UniqueConstraint(
                fields=["show", "person", "role", "character_name"],
                name="credit_unique_person_role_character",
                violation_error_message=_(
                    "This person already has this role (and character) on this show."
                ),
            ),
            models.CheckConstraint(
                condition=models.Q(role__in=CreditRole.values), name="credit_role_valid"
            ),
            models.CheckConstraint(
                condition=models.Q(role=CreditRole.CAST)
                | models.Q(character_name="", character_description=""),
                name="credit_character_only_for_cast",
                violation_error_message=_("Only cast credits have a character."),
            ),
        ]
        indexes = [models.Index(fields=["show", "role", "billing_order"], name="credit_show_idx")]

    def __str__(self):
        label = self.get_role_display()
        if self.character_name:
            label = f"{label}: {self.character_name}"
        return f"{self.person} - {label} ({self.show})"


class KnownFor(models.Model):
    """A tracked show a person is known for, e.g. Shun Oguri in Godzilla vs. Kong."""

    person = models.ForeignKey(Person, on_delete=models.CASCADE, related_name="known_for_shows")
    show = models.ForeignKey(
        Show, verbose_name=_("show"), on_delete=models.CASCADE, related_name="known_for_people"
    )
    note = models.CharField(
        _("as"),
        max_length=200,
        blank=True,
        help_text=_("The part, e.g. “as Ren Serizawa”."),
    )
    ordering = models.PositiveSmallIntegerField(_("order"), default=0)

    class Meta:
        ordering = ["ordering", "pk"]
        verbose_name = _("known for")
        verbose_name_plural = _("known for (tracked shows)")
        constraints = [
            models.UniqueConstraint(fields=["person", "show"], name="known_for_unique"),
        ]

    def __str__(self):
        return f"{self.person} in {self.show}"
