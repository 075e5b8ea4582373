"""Public spaces: the service centre, reading bar, classrooms, garden."""

from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import (
    FieldPanel,
    FieldRowPanel,
    InlinePanel,
    MultiFieldPanel,
)
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Orderable, Page
from wagtail.search import index

from home.models import BasePage, IndexPage
from home.translations import synchronised
from services import opening
from services.blocks import GalleryBlock
from services.models.common import (
    RICH_FEATURES,
    DirectoryPage,
    Location,
    OpeningHours,
    _open_now,
    opening_context,
    phone_validator,
)
from services.pictures import SEARCH_PHOTO, SPACE_CARD, SPACE_PHOTO

# Public spaces --------------------------------------------------------------------------


class SpaceIndexPage(IndexPage):
    template = "services/space_index_page.html"
    subpage_types = ["services.PublicSpacePage"]
    listing_view = "services.views.serve_space_index"

    class Meta:
        verbose_name = _("public spaces list")
        verbose_name_plural = _("public spaces lists")


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


class PublicSpacePage(Location, DirectoryPage):
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
        index.SearchField("names_in_other_languages"),
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

    def pictures_shown(self):
        # The gallery's photos are image blocks, which BasePage finds.
        photo = [(self.image, sizes) for sizes in (SPACE_PHOTO, SPACE_CARD, SEARCH_PHOTO)]
        return [*photo, *super().pictures_shown()]

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
        context.update(opening_context(self.periods(), self.exceptions()))
        context["special_days"] = opening.upcoming_exceptions(
            self.exceptions(), timezone.localdate()
        )
        return context
