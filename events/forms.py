"""Forms of the events app: the calendar's filters, and the event editor's form.

The editor's form checks a schedule as a whole and shows translations' facts read-only.
"""

import datetime

from django import forms
from django.conf import settings
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from events import schedule as sched
from events.choices import (
    ACTION_MOVE,
    DEFAULT_START_TIME,
    SHARED_FIELDS,
    timezone_choices_for_editors,
)
from home.forms import BasePageForm

FREE_SPELLINGS = ("", "1", "on", "true")


class CalendarFilterForm(forms.Form):
    """The calendar's filters: validated from the query string and rendered as its dropdowns.

    `options` is `events.queries.filter_options(locale)`: the values each filter knows,
    labelled in the visitor's language. An unknown value makes the form invalid, which
    the calendar answers with its 400 page.
    """

    category = forms.ChoiceField(label=_("Category"), required=False)
    venue = forms.ChoiceField(label=_("Venue"), required=False)
    organiser = forms.ChoiceField(label=_("Organiser"), required=False)
    audience = forms.ChoiceField(label=_("Who it is for"), required=False)
    language = forms.ChoiceField(label=_("Language used"), required=False)
    free = forms.BooleanField(
        label=_("Free events only"),
        required=False,
        widget=forms.CheckboxInput(attrs={"value": "1"}),
    )

    ANY = {
        "category": _("All categories"),
        "venue": _("All venues"),
        "organiser": _("All organisers"),
        "audience": _("Everyone"),
        "language": _("Any language"),
    }

    def __init__(self, data, options):
        super().__init__(data, auto_id="filter-%s", label_suffix="")
        for name, any_label in self.ANY.items():
            self.fields[name].choices = [("", any_label), *options[name]]

    def clean_free(self):
        # "1", "on" and "true" in any case; a checkbox sends "on" when it has no value.
        if self.data.get("free", "").strip().lower() not in FREE_SPELLINGS:
            raise ValidationError(_("Choose free events or all events."), code="invalid")
        return self.cleaned_data["free"]

    @property
    def choice_fields(self):
        return [self[name] for name in self.ANY]


def show_rows_read_only(formset):
    """The rows are shown, but no edit, deletion or added row gets through.

    The formset keeps its DELETE fields, which Wagtail's InlinePanel expects; disabled
    fields take their values from the saved rows whatever the browser sends.
    """
    formset.extra = 0
    # Wagtail's "Add" button stops at max_num; a row sent anyway is refused, not saved.
    formset.max_num = formset.initial_form_count()
    formset.validate_max = True
    # The row's id stays enabled: a browser leaves disabled inputs out of what it sends,
    # and a formset without the id of a saved row fails (MultiValueDictKeyError) or, sent
    # empty by an autosave, saves the row again as a new one (an organiser shown twice).
    pk_name = formset.model._meta.pk.name
    for form in formset.forms:
        for name, field in form.fields.items():
            if name != pk_name:
                field.disabled = True


class EventPageForm(BasePageForm):
    """Translations show the shared facts read-only: they are changed on the source page."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        page = self.instance
        if "timezone" in self.fields:
            self.fields["timezone"].choices = timezone_choices_for_editors()
        if not page.pk:
            self.start_from_the_last_event()
        if not page.pk and self.initial.get("start_time") is None:
            self.initial["start_time"] = DEFAULT_START_TIME
        if page.pk and not page.is_schedule_owner:
            for name in SHARED_FIELDS:
                if name in self.fields:
                    self.fields[name].disabled = True
            for name in ("date_changes", "organisers"):
                if name in self.formsets:
                    show_rows_read_only(self.formsets[name])

    # What a new event takes from the last one its author wrote: most weeks it is the same
    # place, the same kind of event and the same hours.
    CARRIED_OVER = (
        "venue",
        "category",
        "audience",
        "languages",
        "start_time",
        "end_time",
        "timezone",
    )

    def start_from_the_last_event(self):
        """Fill a new event's form from its author's latest event in that language (one query)."""
        user = getattr(self, "for_user", None)
        if user is None or not user.is_authenticated or self.parent_page is None:
            return
        model = type(self.instance)
        last = (
            model.objects.filter(owner=user, locale_id=self.parent_page.locale_id)
            .order_by("-pk")
            .only(*self.CARRIED_OVER)
            .first()
        )
        if last is None:
            return
        for name in self.CARRIED_OVER:
            value = getattr(last, model._meta.get_field(name).attname)
            if name in self.fields and value not in (None, "", []):
                self.initial[name] = value

    def clean(self):
        cleaned = super().clean()
        start, end = cleaned.get("start_date"), cleaned.get("end_date")
        if start and end and end < start:
            self.add_error("end_date", _("The event cannot end before it starts."))
        if not cleaned.get("all_day") and start and not cleaned.get("start_time"):
            self.add_error("start_time", _("Give a start time, or tick “all day”."))
        if (
            cleaned.get("repeat") == sched.MONTHLY
            and cleaned.get("repeat_monthly_by") == sched.BY_LAST_WEEKDAY
            and start
            and not sched.is_last_weekday(start)
        ):
            self.add_error(
                "repeat_monthly_by",
                _("The date is not the last such weekday of its month: choose another date."),
            )
        if cleaned.get("repeat_count") and cleaned.get("repeat_until"):
            self.add_error("repeat_until", _("Choose either an end date or a number of times."))
        if start and not self.errors:
            self.clean_date_changes(cleaned)
        return cleaned

    def clean_date_changes(self, cleaned):
        """Each change names a date the rule gives; a moved date ends after it starts."""
        formset = self.formsets.get("date_changes")
        if formset is None:
            return
        probe = type(self.instance)(
            **{
                name: cleaned.get(name)
                for name in ("start_date", "start_time", "end_date", "end_time", "all_day")
            },
            timezone=cleaned.get("timezone") or settings.TIME_ZONE,
            repeat=cleaned.get("repeat") or "",
            repeat_interval=cleaned.get("repeat_interval") or 1,
            repeat_weekdays=",".join(cleaned.get("repeat_weekdays") or []),
            repeat_monthly_by=cleaned.get("repeat_monthly_by") or sched.BY_DATE,
            repeat_until=cleaned.get("repeat_until"),
            repeat_count=cleaned.get("repeat_count"),
        )
        schedule = probe.to_schedule(changes={})
        for form in formset.forms:
            if not form.is_valid() or not form.has_changed() or formset._should_delete_form(form):
                continue
            change = form.cleaned_data
            day = change.get("date")
            if day is None:
                continue
            midnight = datetime.datetime.combine(day, datetime.time.min)
            if not sched.local_starts(schedule, midnight, midnight + datetime.timedelta(days=1)):
                form.add_error(
                    "date",
                    _("The event does not take place on %(date)s: choose one of its dates.")
                    % {"date": day.isoformat()},
                )
                continue
            if change.get("action") != ACTION_MOVE:
                continue
            if not (
                change.get("new_date")
                or change.get("new_start_time")
                or change.get("new_end_time")
                or change.get("new_venue")
            ):
                form.add_error("new_date", _("Give the new date, time or venue of the moved date."))
                continue
            new_start = change.get("new_start_time") or cleaned.get("start_time")
            new_end = change.get("new_end_time")
            if new_end is not None and new_start is not None and new_end <= new_start:
                form.add_error("new_end_time", _("The moved date must end after it starts."))
        if any(form.errors for form in formset.forms):
            self.add_error(
                None, _("Check the cancelled or moved dates on the “Date and time” tab.")
            )
