"""Importing one partner's calendar into event pages, and reporting what was done.

The file is fetched (imports.fetch) or read from the uploaded document, read into items
(imports.reading), and each item is created or updated as an EventPage in the source's
language under that language's event calendar, each in a transaction of its own: an
event that cannot be saved is reported and rolled back, and the others go on. A file
that cannot be fetched or read changes nothing at all.

Re-import is by UID. For every field the value imported last time is kept
(ImportedEvent.imported); if the page's latest revision no longer has it, an editor has
changed it, and the import leaves that field alone for good. Changes are saved as a new
revision and published at once for a trusted source, else submitted to the page's
approval workflow (editorial/roles.py sets it up), as an editor's change would be.
"""

import datetime
import re
import unicodedata

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import URLValidator
from django.db import DatabaseError, transaction
from django.utils import timezone

from events.choices import STATUS_CANCELLED, STATUS_SCHEDULED
from events.models import EventDateChange, EventIndexPage, EventOrganiser, EventPage
from events.models.pages import CALENDAR_ROUTES
from home.slugs import free_slug
from imports.fetch import FetchError, fetch
from imports.models import WHEN_REMOVED_UNPUBLISH, ImportedEvent, ImportRun
from imports.reading import CalendarError, read
from services.models import PublicSpacePage

PAST_DAYS = 30  # events that ended within the last month are still updated
SUMMARY_LENGTH = 1000
# The fields an import writes, in the order an editor reads them in the report.
SCALARS = [
    "title",
    "summary",
    "status",
    "start_date",
    "start_time",
    "end_date",
    "end_time",
    "all_day",
    "timezone",
    "repeat",
    "repeat_interval",
    "repeat_weekdays",
    "repeat_monthly_by",
    "repeat_until",
    "repeat_count",
    "category",
    "venue",
    "venue_address",
    "online_url",
    "registration_url",
]
FOREIGN_KEYS = {"category", "venue"}
CHILDREN = ["date_changes", "organisers"]


def window(now):
    horizon = getattr(settings, "EVENTS_HORIZON_DAYS", 400)
    return now - datetime.timedelta(days=PAST_DAYS), now + datetime.timedelta(days=horizon)


def calendar_bytes(source):
    if source.document_id:
        limit = getattr(settings, "IMPORTS_MAX_BYTES", 10 * 1024 * 1024)
        with source.document.file.open("rb") as file:
            data = file.read(limit + 1)
        if len(data) > limit:
            raise FetchError("too_large", limit=limit // (1024 * 1024))
        return data
    if source.url.strip():
        return fetch(source.url)
    raise FetchError("no_file")


def events_index(locale):
    index = EventIndexPage.objects.filter(locale=locale).order_by("path").first()
    if index is None:
        raise CalendarError("no_events_index", language=locale.get_display_name())
    return index


# Turning items into page values ---------------------------------------------------------------


def _normal(text):
    text = unicodedata.normalize("NFKC", text or "").casefold()
    return re.sub(r"[\s,，、.。()（）\-·:：;；]+", "", text)


class Venues:
    """Matches an event's LOCATION text to a public space, by name and address."""

    def __init__(self, locale):
        spaces = list(
            PublicSpacePage.objects.live().only(
                "id", "title", "address", "locale_id", "translation_key"
            )
        )
        in_source = {s.translation_key: s for s in spaces if s.locale_id == locale.pk}
        self.spaces = [in_source.get(s.translation_key, s) for s in spaces]

    def match(self, location):
        text = _normal(location)
        if not text:
            return None
        tiers = [
            lambda s: (
                text in {_normal(s.title), _normal(f"{s.title}{s.address}")}
                or (len(_normal(s.address)) >= 6 and text == _normal(s.address))
            ),
            lambda s: text.startswith(_normal(s.title)),
            lambda s: len(_normal(s.address)) >= 6 and _normal(s.address) in text,
        ]
        for tier in tiers:
            found = {s.translation_key: s for s in self.spaces if tier(s)}
            if len(found) == 1:
                return next(iter(found.values()))
            if len(found) > 1:
                return None  # two spaces fit: leave the address as written
        return None


def _url(value, max_length=200):
    value = (value or "").strip()
    if not value or len(value) > max_length:
        return ""
    try:
        URLValidator(schemes=["http", "https"])(value)
    except ValidationError:
        return ""
    return value


def page_values(source, item, venues):
    """{field: value} for the page, as Python values (foreign keys as ids)."""
    values = dict.fromkeys(SCALARS)
    values.update(item.schedule_fields())
    location = item.location
    online = _url(location, 200) if location.lower().startswith("http") else ""
    venue = None if online else venues.match(location)
    if venue is None and not location and source.default_venue_id:
        venue_id = source.default_venue_id
    else:
        venue_id = venue.pk if venue else None
    values.update(
        title=item.title[:255],
        summary=(item.description or item.title)[:SUMMARY_LENGTH],
        status=STATUS_CANCELLED if item.cancelled else STATUS_SCHEDULED,
        category=source.category_id,
        venue=venue_id,
        venue_address="" if (venue_id or online) else location,
        online_url=online,
        registration_url=_url(item.url),
    )
    changes = []
    for row in item.change_rows():
        location = row.pop("location")
        moved_to = venues.match(location) if location else None
        changes.append({**row, "new_venue": moved_to.pk if moved_to else None})
    values["date_changes"] = changes
    values["organisers"] = [source.partner_id]
    return values


def _json(value):
    if isinstance(value, datetime.date | datetime.time):
        return value.isoformat()
    if isinstance(value, list):
        return [_json(v) for v in value]
    if isinstance(value, dict):
        return {k: _json(v) for k, v in value.items()}
    return value


def current_values(page):
    """The page's own values of the imported fields, in the same form as page_values()."""
    values = {}
    for name in SCALARS:
        values[name] = getattr(page, f"{name}_id" if name in FOREIGN_KEYS else name)
    values["date_changes"] = [
        {
            "date": c.date,
            "action": c.action,
            "new_date": c.new_date,
            "new_start_time": c.new_start_time,
            "new_end_time": c.new_end_time,
            "new_venue": c.new_venue_id,
        }
        for c in sorted(page.date_changes.all(), key=lambda c: c.date)
    ]
    values["organisers"] = [o.partner_id for o in page.organisers.all()]
    return values


def apply_values(page, values):
    for name, value in values.items():
        if name == "date_changes":
            page.date_changes = [
                EventDateChange(
                    date=row["date"],
                    action=row["action"],
                    new_date=row["new_date"],
                    new_start_time=row["new_start_time"],
                    new_end_time=row["new_end_time"],
                    new_venue_id=row["new_venue"],
                )
                for row in value
            ]
        elif name == "organisers":
            page.organisers = [EventOrganiser(partner_id=pk) for pk in value]
        elif name in FOREIGN_KEYS:
            setattr(page, f"{name}_id", value)
        else:
            setattr(page, name, value)


# Saving --------------------------------------------------------------------------------------


def release(source, page, revision):
    """Publish `revision` (trusted source) or submit the page for approval. Returns a note."""
    if source.trusted:
        revision.publish()
        return None
    workflow = page.get_workflow()
    if workflow is None:
        return None  # no approval step on this site: left as a draft for an editor
    state = page.current_workflow_state
    if state is None or state.status != state.STATUS_IN_PROGRESS:
        workflow.start(page, None)
    return ("awaiting_approval", {})


def create(source, index, item, values):
    page = EventPage(locale=index.locale, live=False)
    apply_values(page, values)
    slug = free_slug(values["title"], index, page, fallback="event")
    if slug in CALENDAR_ROUTES:
        slug = free_slug(f"{slug} event", index, page)
    page.slug = slug
    index.add_child(instance=page)
    return page, page.save_revision(log_action=True)


def import_item(source, index, item, imported, venues):
    """(action, page, reasons) for one item, creating or updating its page."""
    values = page_values(source, item, venues)
    snapshot = _json(values)
    reasons = list(item.notes)
    if imported is None or imported.page_id is None:
        if imported is not None:
            return "unchanged", None, []  # an editor deleted the page: it stays deleted
        page, revision = create(source, index, item, values)
        ImportedEvent.objects.create(
            source=source, key=item.key, uid=item.uid, page=page, imported=snapshot
        )
        note = release(source, page, revision)
        return "added", page, reasons + ([note] if note else [])
    page = imported.page.specific
    latest = page.get_latest_revision_as_object()
    current = _json(current_values(latest))
    changed, kept = {}, []
    for name, new in snapshot.items():
        if name in imported.imported and current[name] != imported.imported[name]:
            if new != current[name]:
                kept.append(name)
            continue  # changed by an editor: theirs from now on
        if new != current[name]:
            changed[name] = values[name]
        imported.imported[name] = new
    was_removed = imported.removed
    imported.removed = False
    imported.save(update_fields=["imported", "removed"])
    if kept:
        reasons.append(("kept_local", {"fields": ", ".join(kept)}))
    if not changed and not (was_removed and not page.live):
        return "unchanged", page, reasons if kept else []
    apply_values(latest, changed)
    note = release(source, page, latest.save_revision(log_action=True))
    return "updated", page, reasons + ([note] if note else [])


def remove(source, imported):
    """The event left the partner's calendar: cancel or unpublish it, as the source says."""
    page = imported.page.specific
    imported.removed = True
    imported.save(update_fields=["removed"])
    if source.when_removed == WHEN_REMOVED_UNPUBLISH:
        if page.live:
            page.unpublish(log_action=True)
        return "unpublished", page, []
    latest = page.get_latest_revision_as_object()
    if latest.status == STATUS_CANCELLED:
        return None, page, []
    if imported.imported.get("status", STATUS_SCHEDULED) != latest.status:
        return None, page, [("kept_local", {"fields": "status"})]
    latest.status = STATUS_CANCELLED
    imported.imported["status"] = STATUS_CANCELLED
    imported.save(update_fields=["imported"])
    note = release(source, page, latest.save_revision(log_action=True))
    return "cancelled", page, [note] if note else []


def _still_to_come(page, now):
    last = page.repeat_until or page.end_date or page.start_date
    return page.repeat or last >= timezone.localdate(now)


def _line(action, uid, title, page=None, reasons=()):
    return {
        "action": action,
        "uid": uid,
        "title": title,
        "page": page.pk if page is not None else None,
        "reasons": [[code, params] for code, params in reasons],
    }


def import_source(source, data=None, now=None):
    """Import one calendar now; returns its ImportRun (saved)."""
    now = now or timezone.now()
    run = ImportRun(source=source, started_at=now)
    try:
        index = events_index(source.locale)
        if data is None:
            data = calendar_bytes(source)
        start, end = window(now)
        reading = read(data, default_zone=settings.TIME_ZONE, window_start=start, window_end=end)
    except (FetchError, CalendarError) as error:
        run.error, run.error_params = error.code, error.params
        run.finished_at = timezone.now()
        run.save()
        return run
    details = []
    for skipped in reading.skipped:
        run.skipped += 1
        details.append(
            _line("skipped", skipped.uid, skipped.title, None, [(skipped.code, skipped.params)])
        )
    run.past = reading.past
    venues = Venues(source.locale)
    known = {e.key: e for e in source.events.select_related("page")}
    for item in reading.items:
        try:
            with transaction.atomic():
                action, page, reasons = import_item(
                    source, index, item, known.get(item.key), venues
                )
        except (ValidationError, DatabaseError, ValueError, TypeError) as error:
            run.skipped += 1
            details.append(
                _line(
                    "skipped", item.uid, item.title, None, [("error", {"detail": str(error)[:300]})]
                )
            )
            continue
        setattr(run, action, getattr(run, action) + 1)
        if action != "unchanged" or reasons:
            details.append(_line(action, item.uid, item.title, page, reasons))
    present = {item.key for item in reading.items}
    for key, imported in known.items():
        if imported.removed or key in present or imported.page_id is None:
            continue
        if imported.uid in reading.keys_seen and (
            key == imported.uid or not _still_to_come(imported.page, now)
        ):
            continue  # still in the file (over, or skipped this time with a reason): kept
        with transaction.atomic():
            action, page, reasons = remove(source, imported)
        if action:
            run.cancelled += 1
            details.append(_line(action, imported.uid, page.title, page, reasons))
    run.details = details
    run.finished_at = timezone.now()
    run.save()
    return run
