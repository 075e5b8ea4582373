"""Importing a calendar into event pages: what is kept, re-import by UID, approval, reports."""

import datetime
from zoneinfo import ZoneInfo

import pytest
import recurring_ical_events
from icalendar import Calendar
from wagtail.models import Revision

from editorial.roles import setup_roles
from events.models import EventPage, Occurrence
from imports import importer
from imports.importer import import_source
from imports.models import WHEN_REMOVED_UNPUBLISH, CalendarSource, ImportedEvent, ImportRun
from tests.imports.conftest import fixture

pytestmark = pytest.mark.django_db


def page_of(source, uid):
    return ImportedEvent.objects.get(source=source, key=uid).page.specific


def imported_pages(source):
    return [
        e.page.specific for e in ImportedEvent.objects.filter(source=source).select_related("page")
    ]


GOOGLE_SALON = "4h2k9sd0q1mlr8vcl6l7a3f5bn@google.com"
GOOGLE_SINGLE = "7c0tq2bq8p6ik5l2q1r0s9m8n7@google.com"
GOOGLE_FAIR = "1a2b3c4d5e6f7g8h9i0j@google.com"
GOOGLE_CANCELLED = "0zzcancelledzz0@google.com"


def test_google_calendar_is_imported_as_events_in_the_source_language(source, calendar):
    run = import_source(source, fixture("google.ics"))
    assert (run.error, run.added, run.updated, run.skipped, run.past) == ("", 4, 0, 0, 1)
    salon = page_of(source, GOOGLE_SALON)
    assert salon.live and salon.locale == calendar.home.zh.locale
    assert salon.get_parent().specific == calendar.index.zh
    assert salon.title == "沐言咖啡英语角"
    assert salon.summary == "每周六晚上的英语角，欢迎邻居们来聊天。\n免费，饮品自理。"
    assert [o.partner_id for o in salon.organisers.all()] == [calendar.yam.zh.pk]
    assert salon.category == calendar.salon_category
    assert (salon.repeat, salon.repeat_weekdays, salon.repeat_until) == (
        "weekly",
        "5",
        datetime.date(2027, 3, 26),
    )
    assert (salon.start_date, salon.start_time, salon.end_time, salon.timezone) == (
        datetime.date(2027, 1, 16),
        datetime.time(19),
        datetime.time(21),
        "Asia/Shanghai",
    )
    # No space has that address: it is kept as written.
    assert salon.venue is None and salon.venue_address.startswith("沐言咖啡")
    changes = [
        (c.date, c.action, c.new_date, c.new_start_time, c.new_venue_id)
        for c in salon.date_changes.order_by("date")
    ]
    assert changes == [
        (datetime.date(2027, 1, 30), "cancel", None, None, None),
        (
            datetime.date(2027, 2, 6),
            "move",
            datetime.date(2027, 2, 7),
            datetime.time(15),
            calendar.centre.zh.pk,
        ),
    ]


def test_location_matching_a_space_becomes_the_venue(source, calendar):
    import_source(source, fixture("google.ics"))
    single = page_of(source, GOOGLE_SINGLE)
    assert single.venue_id == calendar.centre.zh.pk and single.venue_address == ""


def test_all_day_and_cancelled_events(source):
    import_source(source, fixture("google.ics"))
    fair = page_of(source, GOOGLE_FAIR)
    assert fair.all_day and (fair.start_date, fair.end_date) == (
        datetime.date(2027, 2, 5),
        datetime.date(2027, 2, 7),
    )
    assert page_of(source, GOOGLE_CANCELLED).status == "cancelled"


@pytest.mark.parametrize("name", ["google.ics", "outlook.ics", "apple.ics", "meetup.ics"])
def test_imported_dates_are_the_files_own_dates(source, calendar, name):
    """Every occurrence on the site is one that recurring-ical-events finds in the file."""
    source.locale = calendar.home.en.locale
    source.save()
    run = import_source(source, fixture(name))
    assert run.error == "" and run.skipped == 0
    start = datetime.datetime(2026, 12, 20, tzinfo=datetime.UTC)
    end = datetime.datetime(2027, 12, 31, tzinfo=datetime.UTC)
    expected = set()
    for component in recurring_ical_events.of(Calendar.from_ical(fixture(name))).between(
        start, end
    ):
        if str(component.get("STATUS", "")).upper() == "CANCELLED" and component.get(
            "RECURRENCE-ID"
        ):
            continue
        begin = component.decoded("DTSTART")
        if isinstance(begin, datetime.datetime):
            expected.add(begin.astimezone(datetime.UTC))
        else:
            expected.add(begin)
    found = set()
    # A cancelled event keeps its dates on the calendar, marked; recurring-ical-events drops them.
    rows = Occurrence.objects.filter(cancelled=False, start__gte=start, start__lt=end)
    for row in rows.exclude(event__status="cancelled"):
        if row.all_day:
            zone = ZoneInfo(row.event.specific.timezone)
            found.add(row.start.astimezone(zone).date())
        else:
            found.add(row.start.astimezone(datetime.UTC))
    assert found == expected


def test_outlook_calendar_in_english_with_windows_zones(source, calendar):
    source.locale = calendar.home.en.locale
    source.save()
    run = import_source(source, fixture("outlook.ics"))
    assert run.added == 4
    pages = {p.title: p for p in imported_pages(source)}
    seoul = pages["Seoul partners' meeting"]
    assert (seoul.timezone, seoul.start_time) == ("Asia/Seoul", datetime.time(10))
    assert seoul.online_url == "https://meet.example.org/yam-seoul" and seoul.venue is None
    desk = pages["Newcomers' help desk"]
    assert (desk.repeat, desk.repeat_monthly_by, desk.repeat_count) == ("monthly", "weekday", 6)
    assert desk.venue_id == calendar.classroom.en.pk  # "Shared classroom" in English
    assert all(p.locale == calendar.home.en.locale for p in pages.values())


def test_reimporting_the_same_file_changes_nothing(source):
    import_source(source, fixture("google.ics"))
    revisions = Revision.objects.count()
    run = import_source(source, fixture("google.ics"))
    assert (run.added, run.updated, run.cancelled, run.unchanged) == (0, 0, 0, 4)
    assert run.details == []
    assert Revision.objects.count() == revisions
    assert EventPage.objects.count() == 4


def test_changed_event_is_updated(source):
    import_source(source, fixture("google.ics"))
    changed = (
        fixture("google.ics")
        .replace(
            b"DTSTART:20270120T110000Z\r\nDTEND:20270120T123000Z",
            b"DTSTART:20270120T113000Z\r\nDTEND:20270120T130000Z",
        )
        .replace("咖啡拉花体验课".encode(), "咖啡拉花入门课".encode())
    )
    assert changed != fixture("google.ics")
    run = import_source(source, changed)
    assert (run.added, run.updated, run.unchanged) == (0, 1, 3)
    single = page_of(source, GOOGLE_SINGLE)
    assert (single.title, single.start_time) == ("咖啡拉花入门课", datetime.time(19, 30))
    assert [line["action"] for line in run.details] == ["updated"]


def test_a_field_changed_by_an_editor_is_never_overwritten(source):
    import_source(source, fixture("google.ics"))
    page = page_of(source, GOOGLE_SINGLE)
    page.title = "咖啡拉花体验课（社区版）"
    page.save_revision().publish()
    changed = (
        fixture("google.ics")
        .replace("咖啡拉花体验课".encode(), "咖啡拉花入门课".encode())
        .replace(b"DTSTART:20270120T110000Z", b"DTSTART:20270120T113000Z")
    )
    run = import_source(source, changed)
    page = page_of(source, GOOGLE_SINGLE)
    assert page.title == "咖啡拉花体验课（社区版）"  # the editor's
    assert page.start_time == datetime.time(19, 30)  # the partner's
    (line,) = run.details
    assert ["kept_local", {"fields": "title"}] in line["reasons"]
    # Still theirs at the next import, even when the partner changes the title again.
    again = changed.replace("咖啡拉花入门课".encode(), "拉花课".encode())
    import_source(source, again)
    assert page_of(source, GOOGLE_SINGLE).title == "咖啡拉花体验课（社区版）"


def test_event_removed_from_the_calendar_is_cancelled(source):
    import_source(source, fixture("google.ics"))
    without = fixture("google.ics").replace(b"UID:7c0tq2bq8p6ik5l2q1r0s9m8n7@google.com", b"UID:x")
    without = without.replace(b"UID:x", b"UID:7c0tq2bq8p6ik5l2q1r0s9m8n7@google.com", 0)
    start = without.index(b"BEGIN:VEVENT\r\nDTSTART:20270120T110000Z")
    end = without.index(b"END:VEVENT", start) + len(b"END:VEVENT\r\n")
    without = without[:start] + without[end:]
    run = import_source(source, without)
    assert run.cancelled == 1
    page = page_of(source, GOOGLE_SINGLE)
    assert page.live and page.status == "cancelled"
    assert [line["action"] for line in run.details] == ["cancelled"]
    # Removed once is reported once.
    assert import_source(source, without).cancelled == 0


def test_event_removed_from_the_calendar_is_unpublished_when_the_source_says_so(source):
    source.when_removed = WHEN_REMOVED_UNPUBLISH
    source.save()
    import_source(source, fixture("meetup.ics"))
    data = fixture("meetup.ics")
    start = data.index(
        b"BEGIN:VEVENT\r\nDTSTAMP:20270112T020304Z\r\nDTSTART;TZID=Asia/Shanghai:20270130"
    )
    end = data.index(b"END:VEVENT", start) + len(b"END:VEVENT\r\n")
    run = import_source(source, data[:start] + data[end:])
    assert (run.cancelled, run.unchanged) == (1, 2)
    assert not page_of(source, "event_300000003@meetup.com").live


def test_untrusted_calendar_waits_for_approval(source):
    setup_roles()
    source.trusted = False
    source.save()
    run = import_source(source, fixture("meetup.ics"))
    assert run.added == 3
    for page in imported_pages(source):
        assert not page.live
        assert page.workflow_in_progress
    assert all(["awaiting_approval", {}] in line["reasons"] for line in run.details)
    assert not Occurrence.objects.exists()  # nothing on the calendar before approval


def test_untrusted_update_of_a_live_event_waits_for_approval(source):
    setup_roles()
    import_source(source, fixture("google.ics"))  # trusted: live
    source.trusted = False
    source.save()
    changed = fixture("google.ics").replace("咖啡拉花体验课".encode(), "咖啡拉花入门课".encode())
    import_source(source, changed)
    page = page_of(source, GOOGLE_SINGLE)
    assert page.title == "咖啡拉花体验课"  # the live version is unchanged …
    assert page.get_latest_revision_as_object().title == "咖啡拉花入门课"  # … the draft waits
    assert page.workflow_in_progress


def test_bad_events_are_reported_and_the_rest_imported(source):
    run = import_source(source, fixture("duplicates.ics"))
    assert (run.added, run.skipped) == (2, 2)
    codes = {
        line["uid"]: line["reasons"][0][0] for line in run.details if line["action"] == "skipped"
    }
    assert codes == {"nostart@example.org": "no_dtstart", "same@example.org": "duplicate_uid"}
    assert page_of(source, "same@example.org").title == "New copy"
    assert page_of(source, "fine@example.org").timezone == "Europe/London"


def test_an_event_that_fails_to_save_is_rolled_back_alone(source, monkeypatch):
    real = importer.create

    def failing(source, index, item, values):
        created = real(source, index, item, values)
        if item.uid == GOOGLE_FAIR:
            raise ValueError("disk full")
        return created

    monkeypatch.setattr(importer, "create", failing)
    run = import_source(source, fixture("google.ics"))
    assert (run.added, run.skipped) == (3, 1)
    assert not ImportedEvent.objects.filter(key=GOOGLE_FAIR).exists()
    assert not EventPage.objects.filter(title="春节市集").exists()
    (line,) = [line for line in run.details if line["action"] == "skipped"]
    assert line["reasons"] == [["error", {"detail": "disk full"}]]


@pytest.mark.parametrize(
    ("data", "code"),
    [
        (b"<html><body>Sign in</body></html>", "html"),
        (fixture("google.ics")[:2000], "truncated"),
        (b"", "empty"),
    ],
)
def test_an_unusable_file_changes_nothing(source, data, code):
    import_source(source, fixture("google.ics"))
    pages = {p.pk: (p.title, p.live, p.status) for p in imported_pages(source)}
    run = import_source(source, data)
    assert run.error == code and run.failed
    assert (run.added, run.updated, run.cancelled) == (0, 0, 0)
    assert {p.pk: (p.title, p.live, p.status) for p in imported_pages(source)} == pages
    assert ImportRun.objects.filter(source=source).count() == 2


def test_uploaded_file_is_imported(source, calendar):
    from django.core.files.base import ContentFile
    from wagtail.documents.models import Document

    document = Document.objects.create(
        title="meetup", file=ContentFile(fixture("meetup.ics"), name="meetup.ics")
    )
    source.url = ""
    source.document = document
    source.save()
    assert import_source(source).added == 3


def test_calendar_without_an_events_page_in_its_language_is_reported(source, calendar):
    from wagtail.models import Locale

    source.locale = Locale.objects.create(language_code="fr")
    source.save()
    run = import_source(source, fixture("google.ics"))
    assert run.error == "no_events_index"


def test_the_source_needs_an_address_or_a_file(calendar):
    from django.core.exceptions import ValidationError

    source = CalendarSource(name="x", partner=calendar.yam.zh, locale=calendar.home.zh.locale)
    with pytest.raises(ValidationError):
        source.full_clean()
    source.url = "ftp://example.org/calendar.ics"
    with pytest.raises(ValidationError) as raised:
        source.full_clean()
    assert "url" in raised.value.message_dict
    source.url = "webcal://example.org/calendar.ics"
    source.full_clean()


def test_a_page_an_editor_deleted_is_not_created_again(source):
    import_source(source, fixture("google.ics"))
    page_of(source, GOOGLE_SINGLE).delete()
    run = import_source(source, fixture("google.ics"))
    assert (run.added, run.unchanged) == (0, 4)
    assert not EventPage.objects.filter(title="咖啡拉花体验课").exists()
