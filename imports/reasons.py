"""What an import report says, in the reader's language: reasons and notes by code.

Runs store codes and parameters (imports.models.ImportRun.details), and the admin
translates them when it shows them, so a report reads in whichever language the
editor uses.
"""

from django.core.exceptions import FieldDoesNotExist
from django.utils.translation import gettext_lazy as _

MESSAGES = {
    # The whole calendar
    "bad_url": _("“%(url)s” is not an http, https or webcal address."),
    "dns": _("The server name %(host)s could not be found."),
    "private_address": _(
        "%(host)s points at an address inside a private network (%(address)s); "
        "calendars are only fetched from the public internet."
    ),
    "timeout": _("The server took too long to answer."),
    "tls": _("The secure connection to %(host)s could not be checked."),
    "connection": _("The server could not be reached (%(detail)s)."),
    "http_status": _("The server answered with an error (HTTP %(status)s)."),
    "redirect_loop": _("The address redirects in a loop (%(url)s)."),
    "too_many_redirects": _("The address redirects more than %(count)s times."),
    "too_large": _("The calendar is larger than %(limit)s MB."),
    "no_file": _("The calendar has neither an address nor an uploaded file."),
    "empty": _("The calendar file is empty."),
    "html": _("The address gives a web page, not a calendar: use the calendar's .ics address."),
    "not_calendar": _("This is not an iCalendar (.ics) file."),
    "truncated": _("The calendar file is cut off before its end."),
    "invalid": _("The calendar file cannot be read (%(detail)s)."),
    "no_events_index": _("There is no event calendar page in %(language)s to add events to."),
    # One event
    "no_uid": _("The event has no UID, so it could not be recognised next time."),
    "no_dtstart": _("The event has no start date (DTSTART)."),
    "no_title": _("The event has no title (SUMMARY)."),
    "duplicate_uid": _("Another event in the file has the same UID (%(uid)s); kept the newest."),
    "invalid_event": _("The event cannot be read (%(detail)s)."),
    "too_many_dates": _(
        "The event repeats in a way the calendar cannot hold, on %(count)s dates: too many "
        "to add one by one."
    ),
    "error": _("The event could not be saved (%(detail)s)."),
    # Notes on events that were imported
    "unknown_zone": _("Unknown time zone “%(zone)s”: times read as %(default)s."),
    "dates_split": _(
        "The repeat rule cannot be held by the calendar: added as %(count)s separate dates."
    ),
    "kept_local": _("Kept the editors' own changes to: %(fields)s."),
    "awaiting_approval": _("Waiting for a supervisor's approval."),
}


def field_names(names):
    """Field names ("title, start_time") as the editor's form labels them, in their language."""
    from events.models import EventPage

    labels = []
    for name in names.split(", "):
        try:
            labels.append(str(EventPage._meta.get_field(name).verbose_name))
        except FieldDoesNotExist:
            labels.append(name)
    return ", ".join(labels)


def message(code, params=None):
    text = MESSAGES.get(code)
    if text is None:
        return code
    params = dict(params or {})
    if code == "kept_local":
        params["fields"] = field_names(params.get("fields", ""))
    try:
        return str(text) % params
    except (KeyError, TypeError, ValueError):
        return str(text)
