"""Forms of the editorial app: "Cancel or move a date" (editorial/schedule_changes.py)."""

import datetime

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from editorial.schedule_changes import (
    CANCEL_DATE,
    MOVE_DATE,
    RESTORE_DATE,
    SET_STATUS,
    ScheduleChange,
)
from events.choices import STATUS_CHOICES
from events.dates import day_label, on_clock, time_label
from events.models import Occurrence

UPCOMING_DATES = 12

ACTION_CHOICES = [
    (CANCEL_DATE, _("Cancel one date")),
    (MOVE_DATE, _("Move one date")),
    (RESTORE_DATE, _("Undo a cancelled or moved date")),
    (SET_STATUS, _("Change the whole event’s status")),
]


def upcoming_dates(event, limit=UPCOMING_DATES):
    """(planned date, label) of the event's next dates as published, changed ones marked."""
    zone = event.timezone
    today = timezone.localdate()
    start = timezone.make_aware(datetime.datetime.combine(today, datetime.time.min))
    rows = Occurrence.objects.filter(
        translation_key=event.translation_key, original_start__gte=start
    ).order_by("original_start")[:limit]
    choices = []
    for row in rows:
        planned = on_clock(row.original_start, zone)
        label = day_label(planned.date())
        if not row.all_day:
            label += f" {time_label(planned)}"
        if row.cancelled:
            label = _("%(date)s (cancelled)") % {"date": label}
        elif row.moved:
            label = _("%(date)s (moved)") % {"date": label}
        choices.append((planned.date().isoformat(), label))
    return choices


class ScheduleChangeForm(forms.Form):
    """One change: a date cancelled, moved or restored, or the event's status. No text fields."""

    action = forms.ChoiceField(
        label=_("What happens"), choices=ACTION_CHOICES, widget=forms.RadioSelect
    )
    date = forms.TypedChoiceField(
        label=_("Which date"),
        coerce=datetime.date.fromisoformat,
        required=False,
    )
    new_date = forms.DateField(
        label=_("New date"),
        required=False,
        widget=forms.DateInput(attrs={"type": "date"}),
        help_text=_("Leave empty to keep the day and change only the time."),
    )
    new_start_time = forms.TimeField(
        label=_("New start time"), required=False, widget=forms.TimeInput(attrs={"type": "time"})
    )
    new_end_time = forms.TimeField(
        label=_("New end time"), required=False, widget=forms.TimeInput(attrs={"type": "time"})
    )
    status = forms.ChoiceField(label=_("Event status"), choices=STATUS_CHOICES, required=False)
    note = forms.CharField(
        label=_("Reason (for the supervisors)"),
        max_length=200,
        required=False,
        help_text=_("e.g. “the teacher is ill”. Not shown on the site."),
    )

    def __init__(self, *args, event, **kwargs):
        super().__init__(*args, **kwargs)
        self.event = event
        self.dates = upcoming_dates(event)
        self.fields["date"].choices = [("", "—"), *self.dates]
        self.fields["status"].initial = event.status
        self.changed_dates = {c.date for c in event.date_changes.all()}

    def clean(self):
        cleaned = super().clean()
        action = cleaned.get("action")
        if action in (CANCEL_DATE, MOVE_DATE, RESTORE_DATE) and not cleaned.get("date"):
            self.add_error("date", _("Choose the date."))
        if action == RESTORE_DATE and cleaned.get("date") not in (None, *self.changed_dates):
            self.add_error("date", _("This date is neither cancelled nor moved."))
        if action == MOVE_DATE:
            new_date, start, end = (
                cleaned.get("new_date"),
                cleaned.get("new_start_time"),
                cleaned.get("new_end_time"),
            )
            if not (new_date or start or end):
                self.add_error("new_date", _("Give the new date, time or both."))
            elif new_date and new_date < timezone.localdate():
                self.add_error("new_date", _("The new date has passed."))
            start = start or self.event.start_time
            if start and end and end <= start:
                self.add_error("new_end_time", _("The moved date must end after it starts."))
        if action == SET_STATUS and not cleaned.get("status"):
            self.add_error("status", _("Choose the status."))
        return cleaned

    def change(self):
        data = self.cleaned_data
        action = data["action"]
        if action == SET_STATUS:
            return ScheduleChange(action=action, status=data["status"])
        if action == MOVE_DATE:
            return ScheduleChange(
                action=action,
                date=data["date"],
                new_date=data.get("new_date"),
                new_start_time=data.get("new_start_time"),
                new_end_time=data.get("new_end_time"),
            )
        return ScheduleChange(action=action, date=data["date"])
