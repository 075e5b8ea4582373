"""The calendar page and the event page; see the package docstring for the schedule owner."""

import datetime

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import (
    FieldPanel,
    FieldRowPanel,
    HelpPanel,
    InlinePanel,
    MultiFieldPanel,
)
from wagtail.contrib.routable_page.models import RoutablePageMixin, path, re_path
from wagtail.fields import StreamField
from wagtail.models import Page
from wagtail.search import index

from events import schedule as sched
from events.choices import (
    AUDIENCE_CHOICES,
    MONTHLY_BY_CHOICES,
    REPEAT_CHOICES,
    SHARED_FIELDS,
    STATUS_CHOICES,
    STATUS_SCHEDULED,
    TIMEZONE_CHOICES,
)
from events.forms import EventPageForm
from events.models.parts import EventCategory, WeekdaysField
from events.pictures import EVENT_PICTURE, EVENT_SEARCH_PICTURE
from home.blocks import BodyBlock
from home.models import BasePage, IndexPage
from home.translations import synchronised
from services.models import LanguageListField

# Addresses the calendar page answers itself (EventIndexPage's routes): an event with one of
# these slugs would be hidden behind the calendar view.
CALENDAR_ROUTES = frozenset(
    {"today", "weekend", "month", "week", "ics", "rss", "atom", "subscribe"}
    | {"category", "venue", "organiser"}
)


def default_start_date():
    return timezone.localdate() + datetime.timedelta(days=7)


class EventIndexPage(RoutablePageMixin, IndexPage):
    """The calendar: upcoming list, month, week, today and this weekend (see events/views.py)."""

    template = "events/event_index_page.html"
    subpage_types = ["events.EventPage"]

    class Meta:
        verbose_name = _("event calendar")
        verbose_name_plural = _("event calendars")

    @path("")
    def upcoming_view(self, request):
        from events import views

        return views.upcoming(request, self)

    @path("today/")
    def today_view(self, request):
        from events import views

        return views.today(request, self)

    @path("weekend/")
    def weekend_view(self, request):
        from events import views

        return views.weekend(request, self)

    @path("month/")
    @re_path(r"^month/(?P<year>[0-9]{4})/(?P<month>[0-9]{1,2})/$")
    def month_view(self, request, year=None, month=None):
        from events import views

        return views.month(request, self, year, month)

    @path("week/")
    @re_path(r"^week/(?P<year>[0-9]{4})/(?P<week>[0-9]{1,2})/$")
    def week_view(self, request, year=None, week=None):
        from events import views

        return views.week(request, self, year, week)

    # Subscriptions (events/feeds.py, events/subscribe.py): the same filters as the views.
    @re_path(r"^(?P<format>ics|rss|atom)/$", name="feed")
    @re_path(
        r"^(?P<kind>category|venue|organiser)/(?P<slug>[-\w]+)/(?P<format>ics|rss|atom)/$",
        name="topic_feed",
    )
    def feed_view(self, request, format, kind=None, slug=None):
        from events import feeds

        return feeds.feed_view(request, self, format, kind, slug)

    @path("subscribe/")
    def subscribe_view(self, request):
        from events import subscribe

        return subscribe.subscribe(request, self)

    def sub_url(self, name, *args, **kwargs):
        """URL of a calendar view in this index's locale (routablepageurl is not locale-aware)."""
        return self.url + self.reverse_subpage(name, args=args, kwargs=kwargs)


class EventPage(RoutablePageMixin, BasePage):
    """One event, single or repeating; its facts live on the schedule owner (see module doc)."""

    summary = models.TextField(
        _("summary"), help_text=_("One or two sentences shown in the calendar and in feeds.")
    )
    body = StreamField(BodyBlock(), verbose_name=_("description"), blank=True)
    image = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("picture"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    image_alt = models.CharField(_("picture description"), max_length=200, blank=True)
    category = models.ForeignKey(
        EventCategory,
        verbose_name=_("category"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    audience = models.CharField(
        _("who it is for"), max_length=20, choices=AUDIENCE_CHOICES, default="everyone"
    )
    languages = LanguageListField(
        _("languages used at the event"), help_text=_("Tick every language people can use there.")
    )
    is_free = models.BooleanField(_("free"), default=True)
    price = models.CharField(
        _("price"), max_length=120, blank=True, help_text=_("e.g. “¥30, dinner included”.")
    )
    price_amount = models.DecimalField(
        _("price in yuan"),
        max_digits=8,
        decimal_places=2,
        null=True,
        blank=True,
        help_text=_("The amount alone (e.g. 30), the same in every language; for search engines."),
    )
    registration_url = models.URLField(_("registration link"), blank=True)
    capacity = models.PositiveIntegerField(
        _("places"), null=True, blank=True, help_text=_("Leave empty if there is no limit.")
    )
    is_full = models.BooleanField(_("fully booked"), default=False)
    venue = models.ForeignKey(
        "services.PublicSpacePage",
        verbose_name=_("venue"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("A public space of the community. Or write an address below."),
    )
    venue_address = models.TextField(_("other address"), blank=True)
    online_url = models.URLField(_("online link"), blank=True)
    status = models.CharField(
        _("status"), max_length=20, choices=STATUS_CHOICES, default=STATUS_SCHEDULED
    )

    start_date = models.DateField(_("date"), default=default_start_date)
    start_time = models.TimeField(_("starts at"), null=True, blank=True)
    end_date = models.DateField(
        _("last day"), null=True, blank=True, help_text=_("Only for events over several days.")
    )
    end_time = models.TimeField(_("ends at"), null=True, blank=True)
    all_day = models.BooleanField(_("all day"), default=False)
    timezone = models.CharField(
        _("time zone"), max_length=64, choices=TIMEZONE_CHOICES, default=settings.TIME_ZONE
    )
    repeat = models.CharField(_("repeats"), max_length=10, choices=REPEAT_CHOICES, blank=True)
    repeat_interval = models.PositiveSmallIntegerField(
        _("every"), default=1, help_text=_("1 = every week/month, 2 = every other one …")
    )
    repeat_weekdays = WeekdaysField(_("on these weekdays (weekly)"))
    repeat_monthly_by = models.CharField(
        _("monthly on"), max_length=20, choices=MONTHLY_BY_CHOICES, default=sched.BY_DATE
    )
    repeat_until = models.DateField(_("until"), null=True, blank=True)
    repeat_count = models.PositiveSmallIntegerField(_("or this many times"), null=True, blank=True)

    # Text is translated; every fact is synchronised (and read from the schedule owner anyway).
    override_translatable_fields = [
        *BasePage.override_translatable_fields,
        *synchronised(*(name for name in SHARED_FIELDS if name != "category")),
        *synchronised("date_changes", "organisers"),
    ]

    template = "events/event_page.html"
    base_form_class = EventPageForm
    parent_page_types = ["events.EventIndexPage"]
    subpage_types = []

    search_fields = [
        *Page.search_fields,
        index.SearchField("summary"),
        index.SearchField("body"),
        index.SearchField("venue_and_organiser_names"),
        index.SearchField("names_in_other_languages"),
        index.FilterField("start_date"),
    ]

    content_panels = [
        *Page.content_panels,
        FieldPanel("summary"),
        MultiFieldPanel([FieldPanel("image"), FieldPanel("image_alt")], heading=_("Picture")),
        FieldPanel("body"),
    ]
    schedule_panels = [
        HelpPanel(
            content=_(
                "The date, time, place and status are shared by every language. Change them "
                "on the page in the language the event was first written in; translations follow "
                "as soon as you publish."
            )
        ),
        FieldRowPanel([FieldPanel("start_date"), FieldPanel("start_time"), FieldPanel("end_time")]),
        FieldRowPanel([FieldPanel("all_day"), FieldPanel("end_date")]),
        FieldPanel("timezone"),
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("repeat"), FieldPanel("repeat_interval")]),
                FieldPanel("repeat_weekdays"),
                FieldPanel("repeat_monthly_by"),
                FieldRowPanel([FieldPanel("repeat_until"), FieldPanel("repeat_count")]),
            ],
            heading=_("Repeating"),
        ),
        InlinePanel(
            "date_changes",
            heading=_("Cancelled or moved dates"),
            label=_("Change to one date"),
            help_text=_("To cancel or move a single date of a repeating event."),
        ),
        FieldPanel("status"),
    ]
    details_panels = [
        FieldPanel("category"),
        MultiFieldPanel(
            [FieldPanel("venue"), FieldPanel("venue_address"), FieldPanel("online_url")],
            heading=_("Where"),
        ),
        InlinePanel("organisers", heading=_("Organisers"), label=_("Organiser")),
        FieldRowPanel([FieldPanel("audience"), FieldPanel("languages")]),
        MultiFieldPanel(
            [
                FieldRowPanel(
                    [FieldPanel("is_free"), FieldPanel("price_amount"), FieldPanel("price")]
                ),
                FieldPanel("registration_url"),
                FieldRowPanel([FieldPanel("capacity"), FieldPanel("is_full")]),
            ],
            heading=_("Price and registration"),
        ),
    ]
    extra_tabs = [
        (_("Date and time"), schedule_panels),
        (_("Details"), details_panels),
    ]

    class Meta:
        verbose_name = _("event")
        verbose_name_plural = _("events")

    # Schedule owner ---------------------------------------------------------------------

    @cached_property
    def schedule_owner(self):
        """The original page of this translation group; its facts are the event's facts."""
        if not self.translation_key:
            return self
        owner = (
            EventPage.objects.filter(translation_key=self.translation_key)
            .select_related("category", "venue", "image")
            .order_by("pk")
            .first()
        )
        return owner or self

    def pictures_shown(self):
        # Every translation shows the schedule owner's picture; search engines get it, or
        # the venue's photo or first organiser's logo in its place (structured_data.py).
        from events.structured_data import event_image

        owner = self.schedule_owner
        first = owner.organisers.select_related("partner").first()
        partners = [first.partner] if first is not None and first.partner else []
        search = event_image(owner, [owner.venue], partners)
        return [
            (owner.image, EVENT_PICTURE),
            (search, EVENT_SEARCH_PICTURE),
            *super().pictures_shown(),
        ]

    @property
    def is_schedule_owner(self):
        return self.schedule_owner.pk == self.pk

    def venue_and_organiser_names(self):
        """The venue's and organisers' titles in this page's language, for search.

        They are shared facts stored as source-locale pages; like the event page, use
        each one's live translation into this page's locale, else the page itself.
        """
        from services.models import PartnerPage, PublicSpacePage
        from services.queries import in_locale

        owner = self.schedule_owner
        places = [owner.venue] if owner.venue else []
        partners = [o.partner for o in owner.organisers.select_related("partner")]
        venues = in_locale(PublicSpacePage, {p.translation_key for p in places}, self.locale)
        local = in_locale(PartnerPage, {p.translation_key for p in partners}, self.locale)
        names = [venues[p.translation_key].title for p in places if p.translation_key in venues]
        names += [local[p.translation_key].title for p in partners if p.translation_key in local]
        return " ".join(names)

    def clean(self):
        super().clean()
        if self.end_date and self.end_date < self.start_date:
            raise ValidationError({"end_date": _("The event cannot end before it starts.")})
        if self.slug in CALENDAR_ROUTES:
            raise ValidationError(
                {
                    "slug": _("“%(slug)s” is the address of a calendar view; choose another slug.")
                    % {"slug": self.slug}
                }
            )

    def to_schedule(self, changes=None):
        """This page's own schedule fields as an events.schedule.Schedule."""
        start_time = datetime.time(0, 0) if self.all_day else (self.start_time or datetime.time(0))
        start = datetime.datetime.combine(self.start_date, start_time)
        last_day = self.end_date or self.start_date
        if self.all_day:
            end = datetime.datetime.combine(last_day, datetime.time(0, 0))
        else:
            end_time = self.end_time or start_time
            end = datetime.datetime.combine(last_day, end_time)
            if end < start:  # e.g. 22:00–01:00
                end += datetime.timedelta(days=1)
        rule = None
        if self.repeat:
            weekdays = tuple(int(d) for d in (self.repeat_weekdays or "").split(",") if d.isdigit())
            rule = sched.Rule(
                frequency=self.repeat,
                interval=self.repeat_interval or 1,
                weekdays=weekdays,
                monthly_by=self.repeat_monthly_by,
                until=self.repeat_until,
                count=self.repeat_count,
            )
        if changes is None:
            changes = {c.date: c.to_change(self) for c in self.date_changes.all()}
        return sched.Schedule(
            start=start,
            end=end,
            timezone=self.timezone or settings.TIME_ZONE,
            all_day=self.all_day,
            rule=rule,
            changes=changes,
        )

    @path("ics/", name="ics")
    def ics_view(self, request):
        from events import views

        return views.event_ics(request, self)

    def get_context(self, request, *args, **kwargs):
        from events import views

        context = super().get_context(request, *args, **kwargs)
        context.update(views.event_context(request, self))
        return context
