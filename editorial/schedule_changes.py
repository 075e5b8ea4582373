"""Schedule changes that go live at once: cancel or move one date, cancel or postpone an event.

An 8 pm cancellation cannot wait for a supervisor, so editors publish these changes
themselves, from a small form ("Cancel or move a date", editorial/views.py) that
works on a phone. Text changes keep the approval workflow. What makes that safe:

* the form has no text fields, and `ScheduleChange.apply` touches nothing but the
  event's status and its changed dates (`EventDateChange` rows);
* the change is applied to the **live** revision and published as a new revision,
  so a pending draft's text is never published with it. The pending draft gets the
  same change in a new revision on top of it, so that when a supervisor approves it
  the cancellation is not undone; its approval workflow goes on (Wagtail would
  cancel it on publish);
* the schedule is one for all languages (events read it from the schedule owner), so
  the owner and each of its live translations get the change, as a sync would;
* it is in the page's history: Wagtail's "Published" entry with the revision, and an
  "editorial.schedule_change" entry saying what changed; and it is e-mailed to the
  supervisors (those who have not turned off "submitted" notifications) and listed
  on their dashboard (`recent_changes`).

Publishing sends Wagtail's `page_published`, which rebuilds the occurrences and
invalidates the feeds and the page cache (events/signals.py, home/page_cache.py).
"""

import datetime
from dataclasses import dataclass

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.mail import send_mail
from django.db import transaction
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from wagtail.actions.publish_page_revision import PublishPageRevisionAction
from wagtail.log_actions import LogFormatter, log
from wagtail.models import PageLogEntry
from wagtail.users.models import UserProfile

from editorial.roles import MODERATORS
from events.choices import ACTION_CANCEL, ACTION_MOVE, STATUS_CHOICES
from events.dates import day_label, time_label
from events.models import EventDateChange, EventPage

LOG_ACTION = "editorial.schedule_change"
CANCEL_DATE, MOVE_DATE, RESTORE_DATE, SET_STATUS = "cancel", "move", "restore", "status"


@dataclass(frozen=True)
class ScheduleChange:
    """One change to an event's schedule; applied to any copy of the page, in memory."""

    action: str
    date: datetime.date | None = None
    new_date: datetime.date | None = None
    new_start_time: datetime.time | None = None
    new_end_time: datetime.time | None = None
    status: str = ""

    def apply(self, page):
        """Change `page` (an EventPage, e.g. a revision's object): status or one date only."""
        if self.action == SET_STATUS:
            page.status = self.status
            return
        changes = list(page.date_changes.all())
        earlier = next((c for c in changes if c.date == self.date), None)
        kept = [c for c in changes if c.date != self.date]
        if self.action == CANCEL_DATE:
            kept.append(EventDateChange(date=self.date, action=ACTION_CANCEL))
        elif self.action == MOVE_DATE:
            kept.append(
                EventDateChange(
                    date=self.date,
                    action=ACTION_MOVE,
                    new_date=self.new_date,
                    new_start_time=self.new_start_time,
                    new_end_time=self.new_end_time,
                    # Moving a moved date again keeps the venue it was moved to.
                    new_venue_id=earlier.new_venue_id if earlier is not None else None,
                )
            )
        page.date_changes = sorted(kept, key=lambda c: c.date)

    def as_data(self):
        """For the log entry: plain strings, formatted in the reader's language later."""
        return {
            "action": self.action,
            "date": self.date and self.date.isoformat(),
            "new_date": self.new_date and self.new_date.isoformat(),
            "new_start_time": self.new_start_time and self.new_start_time.strftime("%H:%M"),
            "new_end_time": self.new_end_time and self.new_end_time.strftime("%H:%M"),
            "status": self.status,
        }

    @classmethod
    def from_data(cls, data):
        def day(value):
            return datetime.date.fromisoformat(value) if value else None

        def clock(value):
            return datetime.time.fromisoformat(value) if value else None

        return cls(
            action=data.get("action", ""),
            date=day(data.get("date")),
            new_date=day(data.get("new_date")),
            new_start_time=clock(data.get("new_start_time")),
            new_end_time=clock(data.get("new_end_time")),
            status=data.get("status") or "",
        )

    def describe(self):
        """What changed, in the active language: "Cancelled Sat 16 Jan"."""
        if self.action == SET_STATUS:
            label = dict(STATUS_CHOICES).get(self.status, self.status)
            return _("Event status set to “%(status)s”") % {"status": label}
        day = day_label(self.date) if self.date else ""
        if self.action == CANCEL_DATE:
            return _("Cancelled %(date)s") % {"date": day}
        if self.action == RESTORE_DATE:
            return _("%(date)s takes place as planned again") % {"date": day}
        new = day_label(self.new_date or self.date)
        times = "–".join(time_label(t) for t in (self.new_start_time, self.new_end_time) if t)
        return _("Moved %(date)s to %(new)s") % {"date": day, "new": f"{new} {times}".strip()}


class ScheduleChangeFormatter(LogFormatter):
    """The history's line for a schedule change, in the reader's admin language."""

    label = _("Schedule change")

    def format_message(self, log_entry):
        message = ScheduleChange.from_data(log_entry.data.get("change", {})).describe()
        note = log_entry.data.get("note")
        return f"{message} ({note})" if note else message


class PublishKeepingReview(PublishPageRevisionAction):
    """Wagtail's publish, except that a pending draft's approval workflow goes on.

    Wagtail cancels the workflow of whatever it publishes (WAGTAIL_WORKFLOW_CANCEL_ON_PUBLISH);
    here the draft under review is not what is published, so its review must not end.
    `_current_workflow_states` is the attribute Wagtail's own prefetch fills.
    """

    def _after_publish(self):
        self.object._current_workflow_states = []
        try:
            super()._after_publish()
        finally:
            del self.object._current_workflow_states


def live_pages(event):
    """The schedule owner and its live translations, owner first (fresh from the database)."""
    owner = event.schedule_owner
    return list(
        EventPage.objects.filter(translation_key=owner.translation_key, live=True)
        .select_related("locale")
        .order_by("pk")
    )


def _publish_on_live(page, change, user):
    """Publish `change` on top of `page`'s live revision; carry it into a pending draft."""
    pending = None
    if page.latest_revision_id and page.latest_revision_id != page.live_revision_id:
        pending = page.latest_revision
    base = page.live_revision.as_object() if page.live_revision_id else page
    change.apply(base)
    revision = base.save_revision(user=user, log_action=False)
    PublishKeepingReview(revision, user=user, log_action=True).execute(skip_permission_checks=True)
    if pending is not None:
        draft = pending.as_object()
        change.apply(draft)
        # The author's work in progress, already checked when it was saved.
        draft.save_revision(user=user, log_action=False, clean=False)
    return revision


@transaction.atomic
def publish_schedule_change(event, change, user, note=""):
    """Publish `change` on `event` in every language; log it and tell the supervisors.

    Returns the schedule owner as now published.
    """
    pages = live_pages(event)
    revisions = {page.pk: _publish_on_live(page, change, user) for page in pages}
    owner = EventPage.objects.get(pk=pages[0].pk)
    log(
        instance=owner,
        action=LOG_ACTION,
        user=user,
        revision=revisions[owner.pk],
        data={"change": change.as_data(), "note": note, "pages": sorted(revisions)},
    )
    transaction.on_commit(lambda: notify_supervisors(owner, change, user, note))
    return owner


def supervisors_to_tell(excluding):
    """Active moderators with an e-mail address who want "submitted" notifications."""
    users = (
        get_user_model()
        .objects.filter(is_active=True, groups__name=MODERATORS)
        .exclude(email="")
        .exclude(pk=excluding.pk)
        .distinct()
    )
    profiles = {p.user_id: p for p in UserProfile.objects.filter(user__in=users)}
    return [
        (user, profiles.get(user.pk))
        for user in users
        if profiles.get(user.pk) is None or profiles[user.pk].submitted_notifications
    ]


def notify_supervisors(page, change, user, note=""):
    """One e-mail per supervisor, in their admin language. Returns how many were sent."""
    base_url = getattr(settings, "WAGTAILADMIN_BASE_URL", "")
    history = base_url + reverse("wagtailadmin_pages:history", args=[page.pk])
    sent = 0
    for supervisor, profile in supervisors_to_tell(excluding=user):
        language = (profile.preferred_language if profile else "") or settings.LANGUAGE_CODE
        with translation.override(language):
            subject = _("Schedule change published: %(title)s") % {"title": page.title}
            lines = [
                _("%(user)s published a change to the schedule of “%(title)s” without approval:")
                % {"user": user.get_full_name() or user.get_username(), "title": page.title},
                "",
                change.describe(),
            ]
            if note:
                lines.append(_("Reason: %(note)s") % {"note": note})
            lines += ["", _("History of the page: %(url)s") % {"url": history}]
            sent += send_mail(subject, "\n".join(lines), None, [supervisor.email])
    return sent


def recent_changes(days=7, limit=10):
    """The latest schedule changes published without approval, newest first."""
    since = timezone.now() - datetime.timedelta(days=days)
    return list(
        PageLogEntry.objects.filter(action=LOG_ACTION, timestamp__gte=since)
        .select_related("user", "page")
        .order_by("-timestamp")[:limit]
    )
