"""What the directory's pages share: languages, categories, opening hours, places."""

from zoneinfo import ZoneInfo

from django import forms
from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator, RegexValidator
from django.db import models
from django.utils import timezone
from django.utils.dates import WEEKDAYS
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import (
    FieldPanel,
    FieldRowPanel,
)
from wagtail.models import Orderable, TranslatableMixin

from home.models import BasePage, ReviewedSnippet
from home.translations import SNIPPET_FACTS, synchronised
from services import collation, maps, opening

RICH_FEATURES = ["bold", "italic", "link", "ul", "ol"]

# Languages a counter, shop or space can serve visitors in. The labels are Django's
# own language names, so they come translated.
LANGUAGE_CHOICES = [
    ("zh", _("Chinese")),
    ("en", _("English")),
    ("ko", _("Korean")),
    ("ja", _("Japanese")),
    ("ru", _("Russian")),
    ("fr", _("French")),
    ("de", _("German")),
    ("es", _("Spanish")),
    ("ar", _("Arabic")),
]
LANGUAGE_LABELS = dict(LANGUAGE_CHOICES)

PARTNER_TYPES = [
    ("cafe", _("Café or shop")),
    ("restaurant", _("Restaurant")),
    ("social", _("Social organisation")),
    ("school", _("School or university")),
    ("enterprise", _("Enterprise")),
    ("volunteer", _("Volunteer team")),
    ("public", _("Public body")),
]
PARTNER_TYPE_LABELS = dict(PARTNER_TYPES)

WEEKDAY_CHOICES = list(WEEKDAYS.items())  # Monday = 0, as date.weekday()

phone_validator = RegexValidator(
    r"^[0-9+()\- ]{3,30}$", _("Digits, spaces, +, - and brackets only.")
)


class LanguageListField(models.CharField):
    """Language codes stored as ",en,ko," so one LIKE finds a language on any database."""

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("max_length", 100)
        kwargs.setdefault("blank", True)
        kwargs.setdefault("default", list)
        super().__init__(*args, **kwargs)

    def from_db_value(self, value, expression, connection):
        return self.to_python(value)

    def to_python(self, value):
        if not value:
            return []
        if isinstance(value, list | tuple):
            return [code for code in value if code]
        return [code for code in value.strip(",").split(",") if code]

    def get_prep_value(self, value):
        if isinstance(value, str):  # a lookup value such as ",ko,"
            return value
        chosen = set(value or [])
        codes = [code for code, _label in LANGUAGE_CHOICES if code in chosen]
        return f",{','.join(codes)}," if codes else ""

    def value_to_string(self, obj):
        return self.get_prep_value(self.value_from_object(obj))

    def formfield(self, **kwargs):
        return forms.MultipleChoiceField(
            choices=LANGUAGE_CHOICES,
            widget=forms.CheckboxSelectMultiple,
            required=not self.blank,
            label=self.verbose_name,
            help_text=self.help_text,
        )

    def validate(self, value, model_instance):
        unknown = set(value or []) - set(LANGUAGE_LABELS)
        if unknown:
            raise ValidationError(_("Unknown language code."))


# Categories -----------------------------------------------------------------------------


class ServiceCategory(ReviewedSnippet):
    """A heading of the services list (health, education …), translated like any snippet."""

    name = models.CharField(_("name"), max_length=80)
    slug = models.SlugField(
        _("short name in links"),
        max_length=40,
        help_text=_("Lower-case letters and hyphens, e.g. health. The same in every language."),
    )
    sort_order = models.PositiveSmallIntegerField(
        _("position"), default=100, help_text=_("Smaller numbers come first in the list.")
    )

    panels = [FieldPanel("name"), FieldPanel("slug"), FieldPanel("sort_order")]
    override_translatable_fields = [*SNIPPET_FACTS, *synchronised("slug", "sort_order")]

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("service category")
        verbose_name_plural = _("service categories")
        ordering = ["sort_order", "name"]

    def __str__(self):
        return self.name


# Shared parts ---------------------------------------------------------------------------


class OpeningHours(Orderable):
    """One opening period on a weekday; a day may have several (morning and afternoon)."""

    weekday = models.PositiveSmallIntegerField(_("day"), choices=WEEKDAY_CHOICES)
    opens = models.TimeField(_("opens"))
    closes = models.TimeField(
        _("closes"),
        help_text=_("If it closes after midnight, enter the time on the next morning."),
    )

    panels = [FieldRowPanel([FieldPanel("weekday"), FieldPanel("opens"), FieldPanel("closes")])]

    class Meta(Orderable.Meta):
        abstract = True

    def as_period(self):
        return opening.Period(self.weekday, self.opens, self.closes)


class DirectoryPage(BasePage):
    """What services, partners and spaces share: a summary and an A–Z position."""

    summary = models.TextField(
        _("summary"),
        blank=True,
        help_text=_("One or two sentences shown under the title and in lists."),
    )
    # Filled in on every save from the page's own title in its own language.
    initial = models.CharField(_("index letter"), max_length=4, editable=False, db_index=True)
    sort_key = models.CharField(max_length=320, editable=False, db_index=True)

    class Meta:
        abstract = True

    def save(self, *args, **kwargs):
        self.update_sort_key()
        return super().save(*args, **kwargs)

    def update_sort_key(self):
        language = self.locale.language_code if self.locale_id else settings.LANGUAGE_CODE
        self.initial = collation.initial(self.title, language)
        self.sort_key = collation.sort_key(self.title, language)

    def translations(self):
        """This page in every locale (itself included), without `page.localized`."""
        return type(self).objects.filter(translation_key=self.translation_key)


class Location(models.Model):
    """A street address and a point (WGS-84, as a phone's GPS gives it)."""

    address = models.TextField(_("address"), blank=True)
    latitude = models.DecimalField(
        _("latitude"),
        max_digits=9,
        decimal_places=6,
        null=True,
        blank=True,
        validators=[MinValueValidator(-90), MaxValueValidator(90)],
        help_text=_("GPS latitude (WGS-84), e.g. 30.808100. Leave empty if unknown."),
    )
    longitude = models.DecimalField(
        _("longitude"),
        max_digits=9,
        decimal_places=6,
        null=True,
        blank=True,
        validators=[MinValueValidator(-180), MaxValueValidator(180)],
        help_text=_("GPS longitude (WGS-84), e.g. 103.890500."),
    )

    location_panels = [
        FieldPanel("address"),
        FieldRowPanel([FieldPanel("latitude"), FieldPanel("longitude")], heading=_("Map point")),
    ]
    location_synchronised = synchronised("latitude", "longitude")

    class Meta:
        abstract = True

    @property
    def has_point(self):
        return self.latitude is not None and self.longitude is not None

    def map_links(self):
        if not self.has_point:
            return []
        return maps.map_links(self.latitude, self.longitude, self.title, self.address)


def _open_now(periods, exceptions, now=None):
    now = now or timezone.now()
    return opening.is_open(now, periods, exceptions, ZoneInfo(settings.TIME_ZONE))


def opening_context(periods, exceptions, now=None):
    """What the opening-hours section shows: the week, "open now", the next opening, today."""
    now = now or timezone.now()
    tz = ZoneInfo(settings.TIME_ZONE)
    open_now = opening.is_open(now, periods, exceptions, tz) if periods else None
    return {
        "week": opening.weekly_table(periods),
        "open_now": open_now,
        "opens_next": opening.next_opening(now, periods, exceptions, tz)
        if open_now is False
        else None,
        "today": timezone.localtime(now, tz).date(),
    }
