"""Partners' calendars: where each comes from, what was imported from it, and each run's report.

A `CalendarSource` is one partner's calendar, by URL or uploaded file. Each event
imported from it is remembered by UID in `ImportedEvent`, with the value of every field
as it was imported: a field whose page value no longer matches has been changed by an
editor, and the import leaves it alone from then on. Each run leaves an `ImportRun`:
added, updated, cancelled and skipped events, with reasons, shown in the admin.
"""

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel

from imports.reasons import message

WHEN_REMOVED_CANCEL, WHEN_REMOVED_UNPUBLISH = "cancel", "unpublish"
URL_SCHEMES = ("http://", "https://", "webcal://", "webcals://")


def validate_calendar_url(value):
    if value and not value.strip().lower().startswith(URL_SCHEMES):
        raise ValidationError(_("Enter an address starting with https://, http:// or webcal://."))


LAST_RUN_FIELDS = (
    "started_at",
    "error",
    "error_params",
    "added",
    "updated",
    "cancelled",
    "skipped",
)


class CalendarSourceQuerySet(models.QuerySet):
    def with_last_run(self):
        """Each calendar with its last run's counts (`last_<field>`), in the same query."""
        latest = ImportRun.objects.filter(source=models.OuterRef("pk")).order_by("-started_at")
        return self.annotate(
            **{f"last_{name}": models.Subquery(latest.values(name)[:1]) for name in LAST_RUN_FIELDS}
        )


class CalendarSource(models.Model):
    """A partner's calendar that is imported into the site's events."""

    name = models.CharField(_("name"), max_length=120)
    partner = models.ForeignKey(
        "services.PartnerPage",
        verbose_name=_("partner"),
        on_delete=models.CASCADE,
        related_name="+",
        help_text=_("Named as the organiser of every event imported from this calendar."),
    )
    url = models.CharField(
        _("calendar address"),
        max_length=2000,
        blank=True,
        validators=[validate_calendar_url],
        help_text=_(
            "The calendar's .ics or webcal:// address (in Google Calendar: "
            "Settings → Integrate calendar → Public address in iCal format)."
        ),
    )
    document = models.ForeignKey(
        "wagtaildocs.Document",
        verbose_name=_("or an uploaded .ics file"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    locale = models.ForeignKey(
        "wagtailcore.Locale",
        verbose_name=_("language of the calendar"),
        on_delete=models.PROTECT,
        related_name="+",
        help_text=_("Events are created in this language, ready to be translated."),
    )
    category = models.ForeignKey(
        "events.EventCategory",
        verbose_name=_("category"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    default_venue = models.ForeignKey(
        "services.PublicSpacePage",
        verbose_name=_("venue when none is given"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_(
            "A place written in an event is matched to a public space by its name or address; "
            "otherwise the address is kept as it is written. This space is used when an event "
            "names no place at all."
        ),
    )
    trusted = models.BooleanField(
        _("publish without approval"),
        default=False,
        help_text=_("Otherwise every new or changed event waits for a supervisor's approval."),
    )
    when_removed = models.CharField(
        _("when an event disappears from the calendar"),
        max_length=10,
        choices=[
            (WHEN_REMOVED_CANCEL, _("Mark it cancelled")),
            (WHEN_REMOVED_UNPUBLISH, _("Unpublish it")),
        ],
        default=WHEN_REMOVED_CANCEL,
    )
    active = models.BooleanField(_("import regularly"), default=True)

    objects = CalendarSourceQuerySet.as_manager()

    panels = [
        FieldPanel("name"),
        FieldPanel("partner"),
        MultiFieldPanel(
            [FieldPanel("url"), FieldPanel("document")], heading=_("Where the calendar is")
        ),
        FieldRowPanel([FieldPanel("locale"), FieldPanel("category")]),
        FieldPanel("default_venue"),
        # Publishing without approval is a moderator's right (editorial/roles.py).
        FieldPanel("trusted", permission="imports.trust_calendarsource"),
        FieldRowPanel([FieldPanel("when_removed"), FieldPanel("active")]),
    ]

    class Meta:
        verbose_name = _("partner calendar")
        verbose_name_plural = _("partner calendars")
        ordering = ["name"]
        permissions = [
            ("trust_calendarsource", _("Can let a partner calendar publish without approval"))
        ]

    def __str__(self):
        return self.name

    def clean(self):
        super().clean()
        if bool(self.url.strip()) == bool(self.document_id):
            raise ValidationError(
                _("Give either the calendar's address or an uploaded .ics file, not both.")
                if self.url.strip()
                else _("Give the calendar's address or upload its .ics file.")
            )

    def last_run(self):
        return self.runs.order_by("-started_at").first()

    def last_import(self):
        """The last run in a few words, for the admin's list of calendars."""
        if hasattr(self, "last_started_at"):  # CalendarSource.objects.with_last_run()
            run = None
            if self.last_started_at is not None:
                run = ImportRun(
                    source=self, **{name: getattr(self, f"last_{name}") for name in LAST_RUN_FIELDS}
                )
        else:
            run = self.last_run()
        if run is None:
            return _("Not imported yet")
        return run.error_message() if run.failed else run.summary()


class ImportedEvent(models.Model):
    """One event of a source calendar, by UID, and what was imported into it last time."""

    source = models.ForeignKey(CalendarSource, on_delete=models.CASCADE, related_name="events")
    key = models.CharField(max_length=600)  # the UID, or UID#start for one date of a series
    uid = models.CharField(max_length=500)
    page = models.ForeignKey(
        "events.EventPage", null=True, on_delete=models.SET_NULL, related_name="+"
    )
    imported = models.JSONField(default=dict)  # {field: value as imported, in JSON}
    removed = models.BooleanField(default=False)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["source", "key"], name="imported_event_once")
        ]

    def __str__(self):
        return self.key


class ImportRun(models.Model):
    """What one import of one calendar did: counts and a line per event that needs a word."""

    source = models.ForeignKey(
        CalendarSource, verbose_name=_("calendar"), on_delete=models.CASCADE, related_name="runs"
    )
    started_at = models.DateTimeField(_("started"))
    finished_at = models.DateTimeField(_("finished"), null=True)
    error = models.CharField(max_length=40, blank=True)  # a reason code: nothing was imported
    error_params = models.JSONField(default=dict)
    added = models.PositiveIntegerField(_("added"), default=0)
    updated = models.PositiveIntegerField(_("updated"), default=0)
    unchanged = models.PositiveIntegerField(_("unchanged"), default=0)
    cancelled = models.PositiveIntegerField(_("cancelled or unpublished"), default=0)
    skipped = models.PositiveIntegerField(_("skipped"), default=0)
    past = models.PositiveIntegerField(_("already over"), default=0)
    # [{"action": "added"|"updated"|"cancelled"|"unpublished"|"skipped", "uid", "title",
    #   "page": id, "reasons": [[code, params], ...]}]
    details = models.JSONField(default=list)

    class Meta:
        verbose_name = _("calendar import")
        verbose_name_plural = _("calendar imports")
        ordering = ["-started_at"]
        indexes = [models.Index(fields=["source", "-started_at"], name="import_run_latest")]

    def __str__(self):
        return f"{self.source} {self.started_at:%Y-%m-%d %H:%M}"

    @property
    def failed(self):
        return bool(self.error)

    def error_message(self):
        return message(self.error, self.error_params) if self.error else ""

    def lines(self):
        """The details with their reasons in the reader's language."""
        return [
            {**line, "messages": [message(code, params) for code, params in line["reasons"]]}
            for line in self.details
        ]

    def summary(self):
        return _(
            "%(added)s added, %(updated)s updated, %(cancelled)s cancelled or unpublished, "
            "%(skipped)s skipped"
        ) % {
            "added": self.added,
            "updated": self.updated,
            "cancelled": self.cancelled,
            "skipped": self.skipped,
        }
