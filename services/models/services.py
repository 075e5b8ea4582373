"""Service guides: how to get one thing done, step by step."""

import datetime

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import (
    FieldPanel,
    InlinePanel,
)
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Page
from wagtail.search import index

from home.models import BasePage, IndexPage
from home.translations import synchronised
from services.blocks import StepsBlock
from services.models.common import (
    RICH_FEATURES,
    DirectoryPage,
    LanguageListField,
    OpeningHours,
    ServiceCategory,
    phone_validator,
)

# Services -------------------------------------------------------------------------------


def review_cutoff():
    """Guides last checked before this day need checking again (YOULIN_SERVICE_REVIEW_DAYS)."""
    return timezone.localdate() - datetime.timedelta(days=settings.YOULIN_SERVICE_REVIEW_DAYS)


class ServiceIndexPage(IndexPage):
    template = "services/service_index_page.html"
    subpage_types = ["services.ServicePage"]
    listing_view = "services.views.serve_service_index"

    class Meta:
        verbose_name = _("services list")
        verbose_name_plural = _("services lists")


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
        default=timezone.localdate,
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
