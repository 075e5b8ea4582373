"""What an event is made of besides its page: categories, organisers, changed dates, occurrences."""

import datetime

from django import forms
from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import (
    FieldPanel,
    FieldRowPanel,
)
from wagtail.models import Orderable, TranslatableMixin

from events import schedule as sched
from events.choices import (
    ACTION_CANCEL,
    ACTION_MOVE,
    WEEKDAY_CHOICES,
)
from home.models import ReviewedSnippet, VersionNumber
from home.translations import SNIPPET_FACTS, synchronised


class EventCategory(ReviewedSnippet):
    """What kind of event (English salon, Chinese class, festival …), translated per locale."""

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
        verbose_name = _("event category")
        verbose_name_plural = _("event categories")
        ordering = ["sort_order", "name"]

    def __str__(self):
        return self.name


class WeekdaysField(models.CharField):
    """Weekdays as "0,5" (Monday = 0), edited as checkboxes."""

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("max_length", 20)
        kwargs.setdefault("blank", True)
        super().__init__(*args, **kwargs)

    def formfield(self, **kwargs):
        return forms.TypedMultipleChoiceField(
            choices=WEEKDAY_CHOICES,
            widget=forms.CheckboxSelectMultiple,
            required=False,
            label=self.verbose_name,
            help_text=self.help_text,
        )

    def to_python(self, value):
        if isinstance(value, list | tuple):
            return ",".join(sorted({str(v) for v in value if str(v).isdigit()}))
        return value or ""

    def get_prep_value(self, value):
        return self.to_python(value)


class EventOrganiser(Orderable):
    """A partner organising the event: a shared fact, synchronised to every translation."""

    page = ParentalKey("events.EventPage", related_name="organisers", on_delete=models.CASCADE)
    partner = models.ForeignKey(
        "services.PartnerPage",
        verbose_name=_("partner"),
        on_delete=models.CASCADE,
        related_name="+",
    )
    panels = [FieldPanel("partner")]

    class Meta(Orderable.Meta):
        verbose_name = _("organiser")


class EventDateChange(Orderable):
    """One date of a repeating event cancelled, or moved to another time or venue."""

    page = ParentalKey("events.EventPage", related_name="date_changes", on_delete=models.CASCADE)
    date = models.DateField(_("date it was planned for"))
    action = models.CharField(
        _("what happens"),
        max_length=10,
        choices=[(ACTION_CANCEL, _("Cancelled")), (ACTION_MOVE, _("Moved"))],
        default=ACTION_CANCEL,
    )
    new_date = models.DateField(_("new date"), null=True, blank=True)
    new_start_time = models.TimeField(_("new start time"), null=True, blank=True)
    new_end_time = models.TimeField(_("new end time"), null=True, blank=True)
    new_venue = models.ForeignKey(
        "services.PublicSpacePage",
        verbose_name=_("new venue"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    panels = [
        FieldRowPanel([FieldPanel("date"), FieldPanel("action")]),
        FieldRowPanel(
            [FieldPanel("new_date"), FieldPanel("new_start_time"), FieldPanel("new_end_time")]
        ),
        FieldPanel("new_venue"),
    ]

    class Meta(Orderable.Meta):
        verbose_name = _("change to one date")
        verbose_name_plural = _("changes to single dates")

    def to_change(self, event):
        if self.action == ACTION_CANCEL:
            return sched.Change(cancelled=True)
        start_time = self.new_start_time or event.start_time or datetime.time(0)
        start = datetime.datetime.combine(self.new_date or self.date, start_time)
        end = None
        if self.new_end_time:
            end = datetime.datetime.combine(start.date(), self.new_end_time)
        elif event.start_time and event.end_time:
            planned = datetime.datetime.combine(self.date, event.start_time)
            end = start + (datetime.datetime.combine(self.date, event.end_time) - planned)
        return sched.Change(start=start, end=end, venue_id=self.new_venue_id)


class OccurrenceQuerySet(models.QuerySet):
    def between(self, start, end):
        """Occurrences overlapping [start, end): one indexed range query."""
        return self.filter(start__lt=end, end__gt=start)

    def visible(self):
        return self.filter(cancelled=False)


class Occurrence(models.Model):
    """One materialised date of an event, shared by every locale of its translation group."""

    event = models.ForeignKey(
        "events.EventPage", on_delete=models.CASCADE, related_name="occurrences"
    )
    translation_key = models.UUIDField(db_index=True)
    start = models.DateTimeField()
    end = models.DateTimeField()
    original_start = models.DateTimeField()
    all_day = models.BooleanField(default=False)
    cancelled = models.BooleanField(default=False)
    moved = models.BooleanField(default=False)
    venue = models.ForeignKey(
        "services.PublicSpacePage",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    objects = OccurrenceQuerySet.as_manager()

    class Meta:
        ordering = ["start"]
        indexes = [
            models.Index(fields=["start", "end"], name="occurrence_range"),
            models.Index(fields=["end"], name="occurrence_end"),
        ]

    def __str__(self):
        return f"{self.event_id} @ {self.start:%Y-%m-%d %H:%M}"


class FeedsVersion(VersionNumber):
    """Goes up in the same transaction as any change a feed shows; cached feed bodies are
    kept under it (events/feed_cache.py)."""

    class Meta:
        verbose_name = _("feeds version")
        verbose_name_plural = _("feeds version")
