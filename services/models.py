"""The community directory: service guides, partners and public spaces.

Text is translated with wagtail-localize; facts (coordinates, phones, addresses
on the web, opening-hours rows, languages spoken, images) are synchronised, so
an editor changes them once in Chinese and every locale follows.
"""

import datetime
from zoneinfo import ZoneInfo

from django import forms
from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator, RegexValidator
from django.db import models
from django.utils import timezone
from django.utils.dates import WEEKDAYS
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import (
    FieldPanel,
    FieldRowPanel,
    InlinePanel,
    MultiFieldPanel,
)
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Orderable, Page, TranslatableMixin
from wagtail.search import index

from home.models import BasePage
from home.translations import synchronised
from services import collation, maps, opening
from services.blocks import GalleryBlock, StepsBlock

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


class ServiceCategory(TranslatableMixin, models.Model):
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
    override_translatable_fields = synchronised("slug", "sort_order")

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


# Services -------------------------------------------------------------------------------


def review_cutoff():
    """Guides last checked before this day need checking again (YOULIN_SERVICE_REVIEW_DAYS)."""
    return timezone.localdate() - datetime.timedelta(days=settings.YOULIN_SERVICE_REVIEW_DAYS)


class ServiceIndexPage(BasePage):
    intro = models.TextField(_("introduction"), blank=True)

    template = "services/service_index_page.html"
    parent_page_types = ["home.HomePage"]
    subpage_types = ["services.ServicePage"]
    max_count_per_parent = 1

    content_panels = [*Page.content_panels, FieldPanel("intro")]
    search_fields = [*Page.search_fields, index.SearchField("intro")]

    class Meta:
        verbose_name = _("services list")
        verbose_name_plural = _("services lists")

    def serve(self, request, *args, **kwargs):
        from services.views import serve_service_index

        return serve_service_index(self, request)


class ServiceOpeningHours(OpeningHours):
    page = ParentalKey("ServicePage", related_name="opening_hours", on_delete=models.CASCADE)


class ServicePage(DirectoryPage):
    """How to get one thing done: who, where, when, what to bring, step by step."""

    category = models.ForeignKey(
        ServiceCategory,
        verbose_name=_("category"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    government_service = models.BooleanField(
        _("offered by a government office"),
        default=True,
        help_text=_(
            "Untick for a service run by a hospital, a company or volunteers; "
            "search engines are told which."
        ),
    )
    steps = StreamField(StepsBlock(), verbose_name=_("steps"), blank=True)
    documents = RichTextField(
        _("documents to bring"),
        blank=True,
        features=RICH_FEATURES,
        help_text=_("A bulleted list is easiest to read."),
    )
    fees = models.TextField(_("fees"), blank=True, help_text=_("For example: Free of charge."))
    where_space = models.ForeignKey(
        "services.PublicSpacePage",
        verbose_name=_("where to go (a public space)"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("Choose the space if the service is offered in one of ours."),
    )
    where_address = models.TextField(
        _("where to go (address)"),
        blank=True,
        help_text=_("Or write the office's name and address here."),
    )
    hours_note = models.CharField(
        _("note on opening hours"),
        max_length=200,
        blank=True,
        help_text=_("For example: closed on public holidays."),
    )
    counter_languages = LanguageListField(
        _("languages spoken at the counter"),
        help_text=_("Tick every language the staff can help in."),
    )
    phone = models.CharField(_("phone"), max_length=30, blank=True, validators=[phone_validator])
    email = models.EmailField(_("e-mail"), blank=True)
    online_url = models.URLField(
        _("online application"), blank=True, help_text=_("Where to apply or book online.")
    )
    last_reviewed = models.DateField(
        _("last checked"),
        default=datetime.date.today,
        help_text=_("The day someone last checked this guide is still correct."),
    )

    template = "services/service_page.html"
    parent_page_types = ["services.ServiceIndexPage"]
    subpage_types = []

    override_translatable_fields = [
        *BasePage.override_translatable_fields,
        *synchronised(
            "government_service",
            "where_space",
            "counter_languages",
            "phone",
            "email",
            "online_url",
            "last_reviewed",
            "opening_hours",
        ),
    ]
    search_fields = [
        *Page.search_fields,
        index.SearchField("summary"),
        index.SearchField("steps"),
        index.SearchField("documents"),
        index.FilterField("category"),
    ]

    content_panels = [
        *Page.content_panels,
        FieldPanel("category"),
        FieldPanel("government_service"),
        FieldPanel("summary"),
        FieldPanel("steps"),
        FieldPanel("documents"),
        FieldPanel("fees"),
    ]
    where_panels = [
        FieldPanel("where_space"),
        FieldPanel("where_address"),
        InlinePanel("opening_hours", heading=_("Opening hours"), label=_("Opening period")),
        FieldPanel("hours_note"),
        FieldPanel("counter_languages"),
    ]
    contact_panels = [
        FieldPanel("phone"),
        FieldPanel("email"),
        FieldPanel("online_url"),
        FieldPanel("last_reviewed"),
    ]
    content_heading = _("Guide")
    extra_tabs = [
        (_("Where and when"), where_panels),
        (_("Contact and review"), contact_panels),
    ]

    class Meta:
        verbose_name = _("service guide")
        verbose_name_plural = _("service guides")

    @property
    def needs_review(self):
        return self.last_reviewed < review_cutoff()

    def get_context(self, request, *args, **kwargs):
        from services import queries

        context = super().get_context(request, *args, **kwargs)
        context.update(queries.service_detail(self))
        return context


# Partners -------------------------------------------------------------------------------


class PartnerIndexPage(BasePage):
    intro = models.TextField(_("introduction"), blank=True)

    template = "services/partner_index_page.html"
    parent_page_types = ["home.HomePage"]
    subpage_types = ["services.PartnerPage"]
    max_count_per_parent = 1

    content_panels = [*Page.content_panels, FieldPanel("intro")]
    search_fields = [*Page.search_fields, index.SearchField("intro")]

    class Meta:
        verbose_name = _("partners list")
        verbose_name_plural = _("partners lists")

    def serve(self, request, *args, **kwargs):
        from services.views import serve_partner_index

        return serve_partner_index(self, request)


class PartnerOpeningHours(OpeningHours):
    page = ParentalKey("PartnerPage", related_name="opening_hours", on_delete=models.CASCADE)


class PartnerPage(Location, DirectoryPage):  # noqa: DJ008 (Page.__str__ is the title)
    """A community partner: a café, a school, a volunteer team …"""

    partner_type = models.CharField(_("type"), max_length=20, choices=PARTNER_TYPES)
    logo = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("logo"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    description = RichTextField(_("about"), blank=True, features=RICH_FEATURES)
    offers = RichTextField(
        _("offers for residents"),
        blank=True,
        features=RICH_FEATURES,
        help_text=_("Discounts, free classes, things residents can borrow …"),
    )
    languages = LanguageListField(_("languages spoken"))
    hours_note = models.CharField(_("note on opening hours"), max_length=200, blank=True)
    website = models.URLField(_("website"), blank=True)
    phone = models.CharField(_("phone"), max_length=30, blank=True, validators=[phone_validator])
    wechat_id = models.CharField(
        _("WeChat ID"),
        max_length=40,
        blank=True,
        validators=[RegexValidator(r"^[A-Za-z0-9_\-]{3,40}$", _("Letters, digits, - and _."))],
    )

    template = "services/partner_page.html"
    parent_page_types = ["services.PartnerIndexPage"]
    subpage_types = []

    override_translatable_fields = [
        *BasePage.override_translatable_fields,
        *Location.location_synchronised,
        *synchronised(
            "partner_type",
            "logo",
            "languages",
            "website",
            "phone",
            "wechat_id",
            "opening_hours",
        ),
    ]
    search_fields = [
        *Page.search_fields,
        index.SearchField("summary"),
        index.SearchField("description"),
        index.SearchField("offers"),
        index.FilterField("partner_type"),
    ]

    content_panels = [
        *Page.content_panels,
        FieldPanel("partner_type"),
        FieldPanel("summary"),
        FieldPanel("logo"),
        FieldPanel("description"),
        FieldPanel("offers"),
        FieldPanel("languages"),
    ]
    where_panels = [
        *Location.location_panels,
        InlinePanel("opening_hours", heading=_("Opening hours"), label=_("Opening period")),
        FieldPanel("hours_note"),
    ]
    contact_panels = [FieldPanel("website"), FieldPanel("phone"), FieldPanel("wechat_id")]
    content_heading = _("Partner")
    extra_tabs = [
        (_("Where and when"), where_panels),
        (_("Contact"), contact_panels),
    ]

    class Meta:
        verbose_name = _("partner")
        verbose_name_plural = _("partners")

    @property
    def type_label(self):
        return PARTNER_TYPE_LABELS.get(self.partner_type, "")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        periods = [row.as_period() for row in self.opening_hours.all()]
        context["week"] = opening.weekly_table(periods)
        context["open_now"] = _open_now(periods, ()) if periods else None
        return context


# Public spaces --------------------------------------------------------------------------


class SpaceIndexPage(BasePage):
    intro = models.TextField(_("introduction"), blank=True)

    template = "services/space_index_page.html"
    parent_page_types = ["home.HomePage"]
    subpage_types = ["services.PublicSpacePage"]
    max_count_per_parent = 1

    content_panels = [*Page.content_panels, FieldPanel("intro")]
    search_fields = [*Page.search_fields, index.SearchField("intro")]

    class Meta:
        verbose_name = _("public spaces list")
        verbose_name_plural = _("public spaces lists")

    def serve(self, request, *args, **kwargs):
        from services.views import serve_space_index

        return serve_space_index(self, request)


class SpaceOpeningHours(OpeningHours):
    page = ParentalKey("PublicSpacePage", related_name="opening_hours", on_delete=models.CASCADE)


class SpaceHoursException(Orderable):
    """A date with different hours: closed for a holiday, or open late for a festival."""

    page = ParentalKey("PublicSpacePage", related_name="hours_exceptions", on_delete=models.CASCADE)
    date = models.DateField(_("date"))
    closed = models.BooleanField(_("closed all day"), default=True)
    opens = models.TimeField(_("opens"), null=True, blank=True)
    closes = models.TimeField(_("closes"), null=True, blank=True)

    panels = [
        FieldRowPanel(
            [FieldPanel("date"), FieldPanel("closed"), FieldPanel("opens"), FieldPanel("closes")]
        )
    ]

    class Meta(Orderable.Meta):
        verbose_name = _("special day")

    def clean(self):
        if not self.closed and not (self.opens and self.closes):
            raise ValidationError(_("Tick “closed all day” or give the opening and closing time."))

    def as_exception(self):
        return opening.DayException(self.date, self.closed, self.opens, self.closes)


class PublicSpacePage(Location, DirectoryPage):  # noqa: DJ008 (Page.__str__ is the title)
    """A room or place residents can use: the service centre, the reading bar, the garden."""

    image = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("main photo"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    image_alt = models.CharField(
        _("main photo description"),
        max_length=200,
        blank=True,
        help_text=_("Describe the photo for people who cannot see it."),
    )
    description = RichTextField(_("about the space"), blank=True, features=RICH_FEATURES)
    facilities = RichTextField(
        _("facilities"),
        blank=True,
        features=RICH_FEATURES,
        help_text=_("A bulleted list: projector, kitchen, Wi-Fi …"),
    )
    step_free = models.BooleanField(_("step-free entrance"), default=False)
    accessible_toilet = models.BooleanField(_("accessible toilet"), default=False)
    lift = models.BooleanField(_("lift"), default=False)
    capacity = models.PositiveIntegerField(
        _("capacity"), null=True, blank=True, help_text=_("How many people fit in.")
    )
    how_to_book = RichTextField(_("how to book"), blank=True, features=RICH_FEATURES)
    booking_url = models.URLField(_("online booking"), blank=True)
    phone = models.CharField(_("phone"), max_length=30, blank=True, validators=[phone_validator])
    hours_note = models.CharField(_("note on opening hours"), max_length=200, blank=True)
    gallery = StreamField(GalleryBlock(), verbose_name=_("photo gallery"), blank=True)

    template = "services/public_space_page.html"
    parent_page_types = ["services.SpaceIndexPage"]
    subpage_types = []

    override_translatable_fields = [
        *BasePage.override_translatable_fields,
        *Location.location_synchronised,
        *synchronised(
            "image",
            "step_free",
            "accessible_toilet",
            "lift",
            "capacity",
            "booking_url",
            "phone",
            "opening_hours",
            "hours_exceptions",
        ),
    ]
    search_fields = [
        *Page.search_fields,
        index.SearchField("summary"),
        index.SearchField("description"),
        index.SearchField("facilities"),
    ]

    content_panels = [
        *Page.content_panels,
        FieldPanel("summary"),
        MultiFieldPanel([FieldPanel("image"), FieldPanel("image_alt")], heading=_("Main photo")),
        FieldPanel("description"),
        FieldPanel("facilities"),
        FieldPanel("gallery"),
    ]
    where_panels = [
        *Location.location_panels,
        InlinePanel("opening_hours", heading=_("Opening hours"), label=_("Opening period")),
        InlinePanel(
            "hours_exceptions",
            heading=_("Holidays and special days"),
            label=_("Special day"),
        ),
        FieldPanel("hours_note"),
    ]
    access_panels = [
        MultiFieldPanel(
            [FieldPanel("step_free"), FieldPanel("accessible_toilet"), FieldPanel("lift")],
            heading=_("Accessibility"),
        ),
        FieldPanel("capacity"),
        FieldPanel("how_to_book"),
        FieldPanel("booking_url"),
        FieldPanel("phone"),
    ]
    content_heading = _("Space")
    extra_tabs = [
        (_("Where and when"), where_panels),
        (_("Access and booking"), access_panels),
    ]

    class Meta:
        verbose_name = _("public space")
        verbose_name_plural = _("public spaces")

    def periods(self):
        return [row.as_period() for row in self.opening_hours.all()]

    def exceptions(self):
        return [row.as_exception() for row in self.hours_exceptions.all()]

    def is_open_now(self, now=None):
        """None when no hours are known; reads prefetched rows in listings."""
        periods = self.periods()
        if not periods:
            return None
        return _open_now(periods, self.exceptions(), now)

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["week"] = opening.weekly_table(self.periods())
        context["open_now"] = self.is_open_now()
        context["special_days"] = opening.upcoming_exceptions(
            self.exceptions(), timezone.localdate()
        )
        return context
