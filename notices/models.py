"""Notices: the notice board (`NoticeIndexPage`), its notices, the areas they concern,
and the "Contact the centre" form page.

A notice's facts (kind, dates, areas, linked pages, attachments) are synchronised:
they are changed on the Chinese page and every translation follows. An urgent notice
shows as a banner on every page while it is valid (notices/alerts.py).
"""

import datetime

from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import (
    FieldPanel,
    FieldRowPanel,
    HelpPanel,
    InlinePanel,
    MultiFieldPanel,
    PageChooserPanel,
)
from wagtail.contrib.forms.models import AbstractEmailForm, AbstractFormField
from wagtail.contrib.forms.panels import FormSubmissionsPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path, re_path
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Orderable, Page, TranslatableMixin
from wagtail.search import index

from home.blocks import BodyBlock
from home.models import BasePage, IndexPage, ReviewedSnippet
from home.translations import SNIPPET_FACTS, synchronised

KIND_GENERAL = "general"
KIND_SERVICE_CHANGE = "service-change"
KIND_URGENT = "urgent"
KIND_CHOICES = [
    (KIND_GENERAL, _("Notice")),
    (KIND_SERVICE_CHANGE, _("Service change")),
    (KIND_URGENT, _("Urgent alert")),
]
KIND_LABELS = dict(KIND_CHOICES)

# Addresses the notice board answers itself: a notice with one of these slugs would be hidden.
BOARD_ROUTES = frozenset({"archive", "rss", "atom"})


def default_valid_from():
    return timezone.now().replace(second=0, microsecond=0)


class NoticeArea(ReviewedSnippet):
    """A part of the community a notice can concern: one residential compound, translated."""

    name = models.CharField(_("name"), max_length=80)
    slug = models.SlugField(
        _("short name for links"),
        max_length=60,
        allow_unicode=False,
        help_text=_("Lower-case letters, numbers and hyphens, the same in every language."),
    )
    sort_order = models.PositiveSmallIntegerField(_("order"), default=0)

    override_translatable_fields = [*SNIPPET_FACTS, *synchronised("slug", "sort_order")]
    panels = [FieldPanel("name"), FieldPanel("slug"), FieldPanel("sort_order")]

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("residential compound")
        verbose_name_plural = _("residential compounds")
        ordering = ["sort_order", "name"]

    def __str__(self):
        return self.name


class NoticeIndexPage(RoutablePageMixin, IndexPage):
    """The notice board: current notices, the archive and the feeds (notices/views.py)."""

    template = "notices/notice_index_page.html"
    subpage_types = ["notices.NoticePage"]

    class Meta:
        verbose_name = _("notice board")
        verbose_name_plural = _("notice boards")

    @path("")
    def current_view(self, request):
        from notices import views

        return views.notice_list(request, self, archive=False)

    @path("archive/")
    def archive_view(self, request):
        from notices import views

        return views.notice_list(request, self, archive=True)

    @re_path(r"^(?P<format>rss|atom)/$", name="feed")
    def feed_view(self, request, format):
        from notices import feeds

        return feeds.feed_view(request, self, format)

    def sub_url(self, name, *args, **kwargs):
        """URL of a route in this board's locale (routablepageurl is not locale-aware)."""
        return self.url + self.reverse_subpage(name, args=args, kwargs=kwargs)


class NoticePage(BasePage):
    """One notice: what happens, when it is valid, where, and what it concerns."""

    summary = models.TextField(
        _("summary"),
        help_text=_("One or two sentences: shown in the list, the feeds and the urgent banner."),
    )
    body = StreamField(BodyBlock(), verbose_name=_("full text"), blank=True)
    kind = models.CharField(_("kind"), max_length=20, choices=KIND_CHOICES, default=KIND_GENERAL)
    valid_from = models.DateTimeField(
        _("valid from"),
        default=default_valid_from,
        db_index=True,
        help_text=_("When the notice takes effect; the list shows the newest first."),
    )
    valid_until = models.DateTimeField(
        _("valid until"),
        null=True,
        blank=True,
        db_index=True,
        help_text=_(
            "After this the notice moves to the archive. Required for an urgent alert: "
            "its banner shows on every page until then."
        ),
    )
    whole_community = models.BooleanField(
        _("whole community"),
        default=True,
        help_text=_("Untick to name the residential compounds concerned below."),
    )

    # Text is translated; the facts are the Chinese page's, in every language.
    override_translatable_fields = [
        *BasePage.override_translatable_fields,
        *synchronised("kind", "valid_from", "valid_until", "whole_community"),
        *synchronised("areas", "related_pages", "attachments"),
    ]

    template = "notices/notice_page.html"
    parent_page_types = ["notices.NoticeIndexPage"]
    subpage_types = []

    search_fields = [
        *Page.search_fields,
        index.SearchField("summary"),
        index.SearchField("body"),
        index.FilterField("valid_from"),
    ]

    content_panels = [*Page.content_panels, FieldPanel("summary"), FieldPanel("body")]
    detail_panels = [
        HelpPanel(
            content=_(
                "Kind, dates, compounds, links and attachments are shared by every language: "
                "change them on the Chinese page; translations follow when you publish."
            )
        ),
        FieldPanel("kind"),
        FieldRowPanel([FieldPanel("valid_from"), FieldPanel("valid_until")]),
        MultiFieldPanel(
            [
                FieldPanel("whole_community"),
                InlinePanel("areas", label=_("Residential compound")),
            ],
            heading=_("Who it concerns"),
        ),
        InlinePanel(
            "related_pages",
            heading=_("Services, spaces and events concerned"),
            label=_("Page"),
        ),
        InlinePanel("attachments", heading=_("Attachments"), label=_("Document")),
    ]
    extra_tabs = [(_("Details"), detail_panels)]

    class Meta:
        verbose_name = _("notice")
        verbose_name_plural = _("notices")

    @property
    def is_urgent(self):
        return self.kind == KIND_URGENT

    def is_expired(self, now=None):
        return self.valid_until is not None and self.valid_until <= (now or timezone.now())

    def clean(self):
        super().clean()
        errors = {}
        if self.valid_until and self.valid_from and self.valid_until <= self.valid_from:
            errors["valid_until"] = _("A notice cannot end before it starts.")
        if self.kind == KIND_URGENT:
            if not self.valid_until:
                errors["valid_until"] = _(
                    "An urgent alert needs an end: its banner shows until then."
                )
            elif self.valid_from and self.valid_until - self.valid_from > datetime.timedelta(
                days=31
            ):
                errors["valid_until"] = _(
                    "An urgent alert can show for at most 31 days; publish a notice instead."
                )
        if self.slug in BOARD_ROUTES:
            errors["slug"] = _("“%(slug)s” is an address of the notice board; choose another.") % {
                "slug": self.slug
            }
        if errors:
            raise ValidationError(errors)

    def get_context(self, request, *args, **kwargs):
        from notices import views

        context = super().get_context(request, *args, **kwargs)
        context.update(views.notice_context(request, self))
        return context


class NoticeAreaLink(Orderable):
    """A compound a notice concerns; a shared fact, synchronised to every translation."""

    page = ParentalKey(NoticePage, related_name="areas", on_delete=models.CASCADE)
    area = models.ForeignKey(
        NoticeArea,
        verbose_name=_("residential compound"),
        on_delete=models.CASCADE,
        related_name="+",
    )

    panels = [FieldPanel("area")]

    class Meta(Orderable.Meta):
        verbose_name = _("residential compound")


class NoticeRelatedPage(Orderable):
    """A service guide, public space or event the notice is about."""

    page = ParentalKey(NoticePage, related_name="related_pages", on_delete=models.CASCADE)
    target = models.ForeignKey(
        "wagtailcore.Page", verbose_name=_("page"), on_delete=models.CASCADE, related_name="+"
    )

    panels = [
        PageChooserPanel(
            "target", ["services.ServicePage", "services.PublicSpacePage", "events.EventPage"]
        )
    ]

    class Meta(Orderable.Meta):
        verbose_name = _("page concerned")


class NoticeAttachment(Orderable):
    """A document to download with the notice (a PDF of the official notice, a form)."""

    page = ParentalKey(NoticePage, related_name="attachments", on_delete=models.CASCADE)
    document = models.ForeignKey(
        "wagtaildocs.Document",
        verbose_name=_("document"),
        on_delete=models.CASCADE,
        related_name="+",
    )

    panels = [FieldPanel("document")]

    class Meta(Orderable.Meta):
        verbose_name = _("attachment")


# Contact the centre ------------------------------------------------------------------------


class ContactFormField(TranslatableMixin, AbstractFormField):
    """A field of the contact form; its label, help text and choices are translated."""

    page = ParentalKey("notices.ContactPage", related_name="form_fields", on_delete=models.CASCADE)

    # The submission's keys and the field's type are one fact for every language, so the
    # admin's list of submissions has the same columns whatever language they came in.
    override_translatable_fields = synchronised("clean_name", "field_type", "required")

    class Meta(TranslatableMixin.Meta):
        ordering = ["sort_order"]


class ContactPage(AbstractEmailForm, BasePage):
    """A form residents write to the centre with; each message is kept and e-mailed.

    Spam is kept out without third-party services: a field people cannot see (bots fill
    it in) and a limit of messages per address (notices/contact.py).
    """

    intro = RichTextField(_("introduction"), blank=True, features=["bold", "italic", "link"])
    privacy_note = RichTextField(
        _("privacy note"),
        features=["bold", "italic", "link"],
        help_text=_("What happens to the message and how long it is kept; shown under the form."),
    )
    thank_you_text = RichTextField(_("thank-you text"), blank=True, features=["bold", "link"])

    template = "notices/contact_page.html"
    landing_page_template = "notices/contact_page_landing.html"
    parent_page_types = ["home.HomePage"]
    subpage_types = []
    max_count_per_parent = 1

    override_translatable_fields = [
        *BasePage.override_translatable_fields,
        *synchronised("to_address", "from_address", "subject"),
    ]

    content_panels = [
        *Page.content_panels,
        FormSubmissionsPanel(),
        FieldPanel("intro"),
        InlinePanel("form_fields", label=_("Form field")),
        FieldPanel("privacy_note"),
        FieldPanel("thank_you_text"),
    ]
    email_panels = [
        HelpPanel(
            content=_("Each message is kept under Forms in the admin and sent to this address.")
        ),
        FieldRowPanel([FieldPanel("to_address"), FieldPanel("from_address")]),
        FieldPanel("subject"),
    ]
    extra_tabs = [(_("E-mail"), email_panels)]

    class Meta:
        verbose_name = _("contact form")
        verbose_name_plural = _("contact forms")

    def get_form_class(self):
        from notices.contact import contact_form_class

        return contact_form_class(super().get_form_class())

    def serve(self, request, *args, **kwargs):
        from notices.contact import serve_contact_page

        return serve_contact_page(self, request, super().serve, *args, **kwargs)

    def process_form_submission(self, form):
        """Store the message, then e-mail the centre (a mail failure loses nothing)."""
        from notices.contact import send_notification

        submission = self.get_submission_class().objects.create(
            form_data=form.cleaned_data, page=self
        )
        send_notification(self, form)
        return submission

    def render_landing_page(self, request, form_submission=None, *args, **kwargs):
        from notices.contact import count_message

        count_message(request)
        return super().render_landing_page(request, form_submission, *args, **kwargs)
