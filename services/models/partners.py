"""Community partners: cafés, schools, volunteer teams …"""

from django.core.validators import RegexValidator
from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import (
    FieldPanel,
    InlinePanel,
)
from wagtail.fields import RichTextField
from wagtail.models import Page
from wagtail.search import index

from home.models import BasePage, IndexPage
from home.translations import synchronised
from services.models.common import (
    PARTNER_TYPE_LABELS,
    PARTNER_TYPES,
    RICH_FEATURES,
    DirectoryPage,
    LanguageListField,
    Location,
    OpeningHours,
    opening_context,
    phone_validator,
)
from services.pictures import PARTNER_CARD, PARTNER_LOGO, SEARCH_LOGO

# Partners -------------------------------------------------------------------------------


class PartnerIndexPage(IndexPage):
    template = "services/partner_index_page.html"
    subpage_types = ["services.PartnerPage"]
    listing_view = "services.views.serve_partner_index"

    class Meta:
        verbose_name = _("partners list")
        verbose_name_plural = _("partners lists")


class PartnerOpeningHours(OpeningHours):
    page = ParentalKey("PartnerPage", related_name="opening_hours", on_delete=models.CASCADE)


class PartnerPage(Location, DirectoryPage):
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
        index.SearchField("names_in_other_languages"),
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

    def pictures_shown(self):
        logo = [(self.logo, sizes) for sizes in (PARTNER_LOGO, PARTNER_CARD, SEARCH_LOGO)]
        return [*logo, *super().pictures_shown()]

    @property
    def type_label(self):
        return PARTNER_TYPE_LABELS.get(self.partner_type, "")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        periods = [row.as_period() for row in self.opening_hours.all()]
        context.update(opening_context(periods, ()))
        return context
