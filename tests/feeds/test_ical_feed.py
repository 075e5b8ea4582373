"""iCalendar feeds read as clients read them: icalendar, recurring-ical-events, vobject."""

import datetime
import io
import re
from email.utils import parsedate_to_datetime
from zoneinfo import ZoneInfo

import icalendar
import pytest
import recurring_ical_events
import vobject
from django.core.cache import cache
from django.core.management import call_command
from django.db import connection
from django.db.models import F
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from wagtail.actions.delete_page import DeletePageAction
from wagtail.models import Page, PageLogEntry

from events import feed_cache
from events.models import EventDateChange, EventPage, Occurrence
from tests.conftest import publish
from tests.events.conftest import make_event, next_weekday
from tests.feeds.conftest import alternate, fetch_calendar, local_path, vevents

SHANGHAI = ZoneInfo("Asia/Shanghai")


def feed(client, language="en"):
    """The feed a client finds through the calendar page's <link rel="alternate">."""
    return fetch_calendar(client, alternate(client, f"/{language}/events/", "text/calendar"))


def test_calendar_page_advertises_ics_rss_and_atom(client, calendar):
    for content_type, path in (
        ("text/calendar", "/en/events/ics/"),
        ("application/rss+xml", "/en/events/rss/"),
        ("application/atom+xml", "/en/events/atom/"),
    ):
        assert local_path(alternate(client, "/en/events/", content_type)) == path


def test_filtered_calendar_advertises_the_matching_feed(client, calendar):
    url = alternate(client, "/ko/events/month/?category=english-salon&free=1", "text/calendar")
    assert local_path(url) == "/ko/events/ics/?category=english-salon&free=1"


def test_feed_has_calendar_properties_and_a_vtimezone_for_every_tzid(client, salon):
    cal = feed(client)
    assert str(cal["VERSION"]) == "2.0"
    assert str(cal["PRODID"]) == "-//Youlin//Community events//EN"
    assert str(cal["CALSCALE"]) == "GREGORIAN"
    assert str(cal["X-WR-TIMEZONE"]) == "Asia/Shanghai"
    assert cal.get_used_tzids() == {"Asia/Shanghai"}
    assert cal.get_missing_tzids() == set()


def test_refresh_interval_is_a_duration_and_outlook_gets_a_ttl(client, salon):
    body = client.get("/en/events/ics/").content.decode()
    assert "\r\nREFRESH-INTERVAL;VALUE=DURATION:PT1H\r\n" in body
    assert "\r\nX-PUBLISHED-TTL:PT1H\r\n" in body


def test_vobject_validates_the_feed(client, salon):
    body = client.get("/en/events/ics/").content.decode()
    parsed = vobject.readOne(body)
    assert parsed.validate(raiseException=True)
    assert len(parsed.vevent_list) == 2


def test_vobject_would_notice_a_missing_dtstamp(client, salon):
    body = client.get("/en/events/ics/").content.decode()
    broken = "\r\n".join(line for line in body.split("\r\n") if not line.startswith("DTSTAMP"))
    with pytest.raises(vobject.base.ValidateError):
        vobject.readOne(broken).validate(raiseException=True)


def test_salon_is_one_rule_with_an_exdate_and_a_recurrence_id(client, salon):
    series, moved = vevents(feed(client))
    saturday = next_weekday(5)
    assert series["RRULE"]["FREQ"] == ["WEEKLY"] and series["RRULE"]["COUNT"] == [10]
    assert series["DTSTART"].dt == datetime.datetime.combine(saturday, datetime.time(19), SHANGHAI)
    assert series["DTSTART"].params["TZID"] == "Asia/Shanghai"
    exdates = [d.dt for d in series["EXDATE"].dts]
    assert exdates == [
        datetime.datetime.combine(
            saturday + datetime.timedelta(weeks=1), datetime.time(19), SHANGHAI
        )
    ]
    assert series["EXDATE"].params["TZID"] == series["DTSTART"].params["TZID"]
    assert moved["UID"] == series["UID"]
    assert moved["RECURRENCE-ID"].dt == datetime.datetime.combine(
        saturday + datetime.timedelta(weeks=2), datetime.time(19), SHANGHAI
    )
    assert moved["DTSTART"].dt == datetime.datetime.combine(
        saturday + datetime.timedelta(weeks=2, days=1), datetime.time(15), SHANGHAI
    )
    assert str(moved["LOCATION"]) == "Shared classroom"


def test_expanding_the_feed_gives_the_sites_own_occurrences(client, salon):
    cal = feed(client)
    first = next_weekday(5) - datetime.timedelta(days=1)
    start = datetime.datetime.combine(first, datetime.time(0), SHANGHAI)
    end = start + datetime.timedelta(days=31)
    expanded = sorted(e["DTSTART"].dt for e in recurring_ical_events.of(cal).between(start, end))
    expected = sorted(
        Occurrence.objects.filter(
            translation_key=salon.zh.translation_key, cancelled=False, start__lt=end, end__gt=start
        ).values_list("start", flat=True)
    )
    assert len(expanded) == len(expected) == 4  # five Saturdays, one cancelled, one moved
    assert expanded == expected


def test_summaries_and_calendar_name_are_in_the_feeds_language(client, salon):
    names = {
        "zh-hans": ("活动日历", "詹叔英语沙龙", "英语沙龙"),
        "en": ("Events", "Uncle Zhan's English Salon", "English salon"),
        "ko": ("행사", "잔 아저씨 영어 살롱", "영어 살롱"),
    }
    for language, (calname, summary, category) in names.items():
        cal = feed(client, language)
        assert str(cal["X-WR-CALNAME"]) == str(cal["NAME"]) == calname
        assert {str(e["SUMMARY"]) for e in vevents(cal)} == {summary}
        assert [str(c) for c in vevents(cal)[0]["CATEGORIES"].cats] == [category]


def test_uids_stay_the_same_between_fetches_and_differ_per_locale(client, salon):
    def identity(language):
        return [
            (str(e["UID"]), e["DTSTAMP"].dt, e["LAST-MODIFIED"].dt, int(e["SEQUENCE"]))
            for e in vevents(feed(client, language))
        ]

    first = identity("en")
    cache.clear()  # a cold rebuild must give the same answer, not just the cached bytes
    assert identity("en") == first
    uids = {language: {uid for uid, *_ in identity(language)} for language in ("zh-hans", "ko")}
    assert len({first[0][0], *uids["zh-hans"], *uids["ko"]}) == 3


def test_republishing_changes_sequence_last_modified_and_etag(client, salon):
    # Published an hour ago: iCalendar times have whole seconds, and tests are fast.
    EventPage.objects.filter(translation_key=salon.zh.translation_key).update(
        last_published_at=F("last_published_at") - datetime.timedelta(hours=1)
    )
    before = client.get("/en/events/ics/")
    (series_before, _moved) = vevents(icalendar.Calendar.from_ical(before.content))
    salon.zh.start_time = datetime.time(18, 30)
    publish(salon.zh)
    after = client.get("/en/events/ics/")  # cached body invalidated by the publish
    assert after["ETag"] != before["ETag"]
    series_after = vevents(icalendar.Calendar.from_ical(after.content))[0]
    assert series_after["UID"] == series_before["UID"]
    assert int(series_after["SEQUENCE"]) > int(series_before["SEQUENCE"])
    assert series_after["LAST-MODIFIED"].dt > series_before["LAST-MODIFIED"].dt
    assert series_after["DTSTART"].dt.time() == datetime.time(18, 30)


def test_http_headers_for_polling_clients(client, salon):
    response = client.get("/en/events/ics/")
    assert response["Content-Type"] == "text/calendar; charset=utf-8"
    assert response["ETag"].startswith('"')
    assert response["Last-Modified"].endswith("GMT")
    assert "public" in response["Cache-Control"] and "max-age=" in response["Cache-Control"]


def test_conditional_get_answers_304(client, salon):
    response = client.get("/en/events/ics/")
    by_etag = client.get("/en/events/ics/", HTTP_IF_NONE_MATCH=response["ETag"])
    assert by_etag.status_code == 304 and by_etag.content == b""
    assert by_etag["ETag"] == response["ETag"]
    by_date = client.get("/en/events/ics/", HTTP_IF_MODIFIED_SINCE=response["Last-Modified"])
    assert by_date.status_code == 304
    stale = client.get("/en/events/ics/", HTTP_IF_NONE_MATCH='"something-else"')
    assert stale.status_code == 200


def test_event_ics_answers_304_too(client, salon):
    response = client.get("/en/events/english-salon/ics/")
    assert response.status_code == 200
    again = client.get("/en/events/english-salon/ics/", HTTP_IF_NONE_MATCH=response["ETag"])
    assert again.status_code == 304


def test_lines_fold_at_75_octets_with_crlf_without_splitting_characters(client, calendar):
    make_event(
        calendar,
        "long",
        title="国际友邻服务中心" * 8,
        ko="국제이웃서비스센터 주말 한국어 교실과 함께하는 긴 제목" * 3,
        summary="社区" * 100,
    )
    body = client.get("/ko/events/ics/").content
    assert body.endswith(b"\r\n")
    lines = body.split(b"\r\n")[:-1]
    assert all(b"\n" not in line and b"\r" not in line for line in lines)
    assert max(len(line) for line in lines) <= 75
    for line in lines:
        line.decode("utf-8")  # a UTF-8 sequence split across a fold would fail here
    summary = vevents(icalendar.Calendar.from_ical(body))[0]["SUMMARY"]
    assert str(summary) == "국제이웃서비스센터 주말 한국어 교실과 함께하는 긴 제목" * 3


def test_until_is_utc_when_dtstart_has_a_tzid(client, calendar):
    until = next_weekday(0, weeks=4)
    make_event(calendar, "class", repeat="weekly", repeat_until=until, start_date=next_weekday(0))
    series = vevents(feed(client))[0]
    value = series["RRULE"]["UNTIL"][0]
    assert value == datetime.datetime.combine(until, datetime.time(23, 59, 59), SHANGHAI)
    assert value.utcoffset() == datetime.timedelta(0)
    assert re.search(r"UNTIL=\d{8}T\d{6}Z", series.to_ical().decode())


def test_all_day_event_uses_dates_with_an_exclusive_end(client, calendar):
    day = next_weekday(2)
    make_event(
        calendar,
        "festival",
        all_day=True,
        start_time=None,
        end_time=None,
        start_date=day,
        end_date=day + datetime.timedelta(days=2),
        repeat="weekly",
        repeat_count=3,
        changes=[EventDateChange(date=day + datetime.timedelta(weeks=1), action="cancel")],
    )
    series = vevents(feed(client))[0]
    assert series["DTSTART"].dt == day and not isinstance(series["DTSTART"].dt, datetime.datetime)
    assert series["DTEND"].dt == day + datetime.timedelta(days=3)
    assert [d.dt for d in series["EXDATE"].dts] == [day + datetime.timedelta(weeks=1)]
    assert series["EXDATE"].params.get("VALUE") == "DATE"


def test_cancelled_event_has_status_cancelled(client, calendar):
    make_event(calendar, "called-off", status="cancelled")
    assert str(vevents(feed(client))[0]["STATUS"]) == "CANCELLED"


@pytest.mark.parametrize(
    ("language", "summary"),
    [
        ("en", "Cancelled: Event called-off"),
        ("zh-hans", "已取消：活动 called-off"),
        ("ko", "취소됨: 행사 called-off"),
    ],
)
def test_a_cancelled_events_summary_says_so_in_the_feeds_language(
    client, calendar, language, summary
):
    """Google is reported to ignore STATUS:CANCELLED in subscriptions: the title says it too."""
    make_event(calendar, "called-off", status="cancelled")
    for path in (f"/{language}/events/ics/", f"/{language}/events/called-off/ics/"):
        (vevent,) = vevents(fetch_calendar(client, path))
        assert str(vevent["SUMMARY"]) == summary
        assert str(vevent["STATUS"]) == "CANCELLED"


@pytest.mark.parametrize(
    ("language", "banner"),
    [("en", "Moved online"), ("zh-hans", "改为线上"), ("ko", "온라인으로 변경")],
)
def test_an_event_moved_online_says_so_in_page_and_feed_alike(client, calendar, language, banner):
    make_event(
        calendar,
        "host-evening",
        status="moved_online",
        venue=calendar.centre.zh,
        online_url="https://meeting.example.org/hosts",
    )
    page = client.get(f"/{language}/events/host-evening/").content.decode()
    assert f"<strong>{banner}</strong>" in page
    for path in (f"/{language}/events/ics/", f"/{language}/events/host-evening/ics/"):
        (vevent,) = vevents(fetch_calendar(client, path))
        assert str(vevent["SUMMARY"]).startswith(banner)
        assert str(vevent["STATUS"]) == "CONFIRMED"
        assert str(vevent["LOCATION"]) == "https://meeting.example.org/hosts"
        assert "GEO" not in vevent


def test_location_geo_url_organizer_and_categories(client, salon):
    series = vevents(feed(client))[0]
    assert str(series["LOCATION"]) == "International Neighbour Service Centre, 双柏社区"
    assert (series["GEO"].latitude, series["GEO"].longitude) == (30.80812, 103.89153)
    assert str(series["URL"]) == "http://testserver/en/events/english-salon/"
    assert str(series["ORGANIZER"]) == "http://testserver/en/partners/yam/"
    assert series["ORGANIZER"].params["CN"] == "YAM Volunteers"
    assert "Uncle Zhan" not in str(series["DESCRIPTION"])  # the summary, not the title
    assert str(series["DESCRIPTION"]).endswith("http://testserver/en/events/english-salon/")


@pytest.mark.parametrize(
    "path",
    [
        "/en/events/category/english-salon/ics/",
        "/en/events/venue/centre/ics/",
        "/en/events/organiser/yam/ics/",
        "/en/events/ics/?category=english-salon",
        "/en/events/ics/?venue=centre&language=en",
    ],
)
def test_topic_and_filtered_feeds_hold_the_matching_events(client, calendar, salon, path):
    make_event(calendar, "chinese-class", category=calendar.class_category)
    assert len(vevents(feed(client))) == 3  # the salon (with its moved date) and the class
    titles = {str(e["SUMMARY"]) for e in vevents(fetch_calendar(client, path))}
    assert titles == {"Uncle Zhan's English Salon"}


def test_topic_feed_is_named_for_its_topic(client, salon):
    cal = fetch_calendar(client, "/ko/events/category/english-salon/ics/")
    assert str(cal["X-WR-CALNAME"]) == "행사 · 영어 살롱"


@pytest.mark.parametrize(
    ("path", "status"),
    [
        ("/en/events/ics/?category=nonsense", 400),
        ("/en/events/ics/?free=maybe", 400),
        ("/en/events/ics/?venue=" + "x" * 500, 400),
        ("/en/events/ics/?category=%00", 400),
        ("/en/events/ics/?category=%ff%fe", 400),
        ("/en/events/ics/?page=abc&view=%3Cscript%3E", 200),
        ("/en/events/category/nonsense/ics/", 404),
        ("/en/events/venue/no-such-place/rss/", 404),
        ("/en/events/colour/red/ics/", 404),
        ("/en/events/ics.ics", 404),
        ("/en/events/json/", 404),
    ],
)
def test_odd_urls_get_400_or_404_never_500(client, calendar, path, status):
    assert client.get(path).status_code == status


def test_feed_costs_a_constant_number_of_queries(client, calendar, django_assert_max_num_queries):
    def event(n):
        make_event(
            calendar,
            f"event-{n}",
            english_only=True,
            venue=calendar.centre.zh,
            category=calendar.salon_category,
            organisers=[calendar.yam.zh],
            repeat="weekly",
            repeat_count=5,
            changes=[EventDateChange(date=next_weekday(5, weeks=1), action="cancel")],
        )

    event(0)
    with CaptureQueriesContext(connection) as small:
        assert client.get("/en/events/ics/").status_code == 200
    for n in range(1, 6):
        event(n)
    cache.clear()
    with django_assert_max_num_queries(len(small.captured_queries)):
        response = client.get("/en/events/ics/")
    assert len(vevents(icalendar.Calendar.from_ical(response.content))) == 6


def test_cached_feed_is_served_without_rebuilding(client, salon, django_assert_max_num_queries):
    client.get("/en/events/ics/")
    with CaptureQueriesContext(connection) as cold:
        cache.clear()
        client.get("/en/events/ics/")
    with django_assert_max_num_queries(len(cold.captured_queries) - 8):
        assert client.get("/en/events/ics/").status_code == 200


def next_dst_change(zone):
    """The first local date on or after next Monday on which `zone`'s UTC offset changes."""
    day = next_weekday(0)
    for _ in range(370):
        noon = datetime.datetime.combine(day, datetime.time(12), zone)
        if noon.utcoffset() != (noon + datetime.timedelta(days=1)).utcoffset():
            return day + datetime.timedelta(days=1)
        day += datetime.timedelta(days=1)
    raise AssertionError("no DST change within a year")


def test_series_across_a_dst_change_expands_like_the_site(client, calendar):
    """Berlin changes its clocks; every date stays at 19:00 local, exceptions included."""
    berlin = ZoneInfo("Europe/Berlin")
    change = next_dst_change(berlin)
    first = change - datetime.timedelta(days=(change.weekday() - 2) % 7 + 14)  # a Wednesday
    cancelled = first + datetime.timedelta(weeks=3)  # after the change
    moved_from = first + datetime.timedelta(weeks=4)
    make_event(
        calendar,
        "berlin",
        timezone="Europe/Berlin",
        start_date=first,
        repeat="weekly",
        repeat_count=6,
        changes=[
            EventDateChange(date=cancelled, action="cancel"),
            EventDateChange(
                date=moved_from,
                action="move",
                new_date=moved_from + datetime.timedelta(days=1),
                new_start_time=datetime.time(10),
                new_end_time=datetime.time(12),
                new_venue=calendar.classroom.zh,
            ),
        ],
    )
    cal = feed(client)
    assert cal.get_used_tzids() == {"Europe/Berlin"} and cal.get_missing_tzids() == set()
    series, moved = vevents(cal)
    assert [d.dt for d in series["EXDATE"].dts] == [
        datetime.datetime.combine(cancelled, datetime.time(19), berlin)
    ]
    assert moved["RECURRENCE-ID"].dt == datetime.datetime.combine(
        moved_from, datetime.time(19), berlin
    )
    assert str(moved["LOCATION"]) == "Shared classroom"
    start = datetime.datetime.combine(first, datetime.time(0), berlin)
    expanded = recurring_ical_events.of(cal).between(start, start + datetime.timedelta(weeks=7))
    got = [(e["DTSTART"].dt, e["DTEND"].dt, str(e.get("LOCATION", ""))) for e in expanded]
    site = [
        (o.start, o.end, o.venue.title if o.venue else "")
        for o in Occurrence.objects.filter(event__slug="berlin", cancelled=False)
        .select_related("venue")
        .order_by("start")
    ]
    assert len(got) == 5
    assert sorted(s for s, _e, _l in got) == [s for s, _e, _l in site]
    assert sorted(e for _s, e, _l in got) == [e for _s, e, _l in site]
    local = sorted(s.astimezone(berlin) for s, _e, _l in got)
    assert [s.time() for s in local] == [datetime.time(19)] * 3 + [datetime.time(10)] + [
        datetime.time(19)
    ]
    assert len({s.utcoffset() for s in local}) == 2  # both sides of the change


def series_identity(client):
    cache.clear()
    series = vevents(feed(client))[0]
    return int(series["SEQUENCE"]), series["LAST-MODIFIED"].dt


def test_sequence_never_goes_down_when_old_revisions_are_purged(client, salon):
    EventPage.objects.filter(translation_key=salon.zh.translation_key).update(
        last_published_at=F("last_published_at") - datetime.timedelta(hours=1)
    )
    salon.zh.start_time = datetime.time(18, 30)
    publish(salon.zh)
    before, _modified = series_identity(client)
    call_command("purge_revisions", stdout=io.StringIO())  # a routine clean-up in production
    assert series_identity(client)[0] >= before


def test_sequence_grows_with_every_schedule_or_status_change(client, salon):
    seen = [series_identity(client)]
    for step in range(1, 4):
        if step == 2:
            salon.zh.status = "cancelled"
        else:
            salon.zh.start_time = datetime.time(18, step)
        publish(salon.zh)
        # Each publish an hour after the last: tests are faster than iCalendar's seconds.
        EventPage.objects.filter(pk=salon.zh.pk).update(
            last_published_at=F("last_published_at") + datetime.timedelta(hours=step)
        )
        seen.append(series_identity(client))
    sequences = [sequence for sequence, _modified in seen]
    assert sequences == sorted(set(sequences)), sequences
    assert [modified for _sequence, modified in seen] == sorted({m for _s, m in seen})


def test_dtstamp_and_last_modified_are_utc_and_not_in_the_future(client, salon):
    body = client.get("/en/events/ics/").content.decode()
    stamps = re.findall(r"\r\n(?:DTSTAMP|LAST-MODIFIED):(\S+)\r\n", body)
    assert len(stamps) == 4  # the series and its moved date, two each
    assert all(re.fullmatch(r"\d{8}T\d{6}Z", s) for s in stamps), stamps
    for event in vevents(icalendar.Calendar.from_ical(body)):
        assert event["DTSTAMP"].dt == event["LAST-MODIFIED"].dt
        assert salon.zh.first_published_at.replace(microsecond=0) <= event["DTSTAMP"].dt
        assert event["DTSTAMP"].dt <= timezone.now()


def an_hour_ago():
    """Move every publish back an hour: HTTP dates have whole seconds, and tests are fast."""
    hour = datetime.timedelta(hours=1)
    EventPage.objects.update(
        first_published_at=F("first_published_at") - hour,
        last_published_at=F("last_published_at") - hour,
    )
    PageLogEntry.objects.update(timestamp=F("timestamp") - hour)


@pytest.mark.parametrize("path", ["/en/events/ics/", "/en/events/rss/", "/en/events/atom/"])
@pytest.mark.parametrize("how", ["unpublish", "delete"])
def test_last_modified_moves_forward_when_an_event_leaves_the_feed(
    client, calendar, salon, path, how
):
    EventPage.objects.filter(translation_key=salon.zh.translation_key).update(
        last_published_at=F("last_published_at") - datetime.timedelta(hours=1)
    )
    newer = make_event(calendar, "newer", en="Newer")
    an_hour_ago()
    before = client.get(path)
    assert "Newer" in before.content.decode()
    if how == "unpublish":
        newer.zh.unpublish()
    else:
        DeletePageAction(newer.en).execute()  # as the admin deletes, which Wagtail logs
    after = client.get(path)
    assert "Newer" not in after.content.decode()
    assert parsedate_to_datetime(after["Last-Modified"]) > parsedate_to_datetime(
        before["Last-Modified"]
    )
    # A client that polls with the date it saw gets the new body, not 304.
    again = client.get(path, HTTP_IF_MODIFIED_SINCE=before["Last-Modified"])
    assert again.status_code == 200 and again.content == after.content


def expanded_at(client, path, start, end):
    return sorted(
        (e["DTSTART"].dt, str(e.get("LOCATION", "")))
        for e in recurring_ical_events.of(fetch_calendar(client, path)).between(start, end)
    )


def test_a_date_moved_to_another_venue_moves_between_venue_feeds(client, salon):
    start = datetime.datetime.combine(next_weekday(5), datetime.time(0), SHANGHAI)
    end = start + datetime.timedelta(weeks=11)

    def site(slug):
        return sorted(
            Occurrence.objects.filter(venue__slug=slug, cancelled=False).values_list(
                "start", flat=True
            )
        )

    centre = expanded_at(client, "/en/events/venue/centre/ics/", start, end)
    assert [when for when, _location in centre] == site("centre")
    assert len(centre) == 8  # ten Saturdays, one cancelled, one moved to the classroom
    assert {location for _when, location in centre} == {
        "International Neighbour Service Centre, 双柏社区"
    }
    classroom = expanded_at(client, "/en/events/venue/classroom/ics/", start, end)
    moved = datetime.datetime.combine(
        next_weekday(5) + datetime.timedelta(weeks=2, days=1), datetime.time(15), SHANGHAI
    )
    assert classroom == [(moved, "Shared classroom")] and site("classroom") == [moved]
    [single] = vevents(fetch_calendar(client, "/en/events/venue/classroom/ics/"))
    assert "RRULE" not in single and "RECURRENCE-ID" not in single
    series = vevents(feed(client))[0]
    assert str(single["UID"]) != str(series["UID"])  # its own event in that calendar


def test_text_properties_are_escaped(client, calendar):
    calendar.index.en.title = "Events, talks; more"
    calendar.index.en.intro = "What is on:\nsalons, classes; walks"
    publish(calendar.index.en)
    make_event(calendar, "tea", en="Tea, cake; talk\\ and more", summary="第一行\n第二行, 还有;")
    body = client.get("/en/events/ics/").content.decode()
    unfolded = body.replace("\r\n ", "")
    assert "\r\nX-WR-CALNAME:Events\\, talks\\; more\r\n" in unfolded
    assert "\r\nX-WR-CALDESC:What is on:\\nsalons\\, classes\\; walks\r\n" in unfolded
    assert "\r\nSUMMARY:Tea\\, cake\\; talk\\\\ and more\r\n" in unfolded
    cal = icalendar.Calendar.from_ical(body)
    # X- properties are TEXT (RFC 5545 3.8.8.2); icalendar parses them raw, vobject unescapes.
    parsed = vobject.readOne(body)
    assert parsed.x_wr_calname.value == "Events, talks; more"
    assert parsed.x_wr_caldesc.value == "What is on:\nsalons, classes; walks"
    [event] = vevents(cal)
    assert str(event["SUMMARY"]) == "Tea, cake; talk\\ and more"
    assert str(event["DESCRIPTION"]).startswith("第一行\n第二行, 还有;\n\n")
    assert parsed.vevent.summary.value == "Tea, cake; talk\\ and more"


def test_an_empty_feed_still_has_the_calendars_vtimezone(client, calendar):
    cal = fetch_calendar(client, "/en/events/ics/")
    assert vevents(cal) == []
    assert [str(tz["TZID"]) for tz in cal.walk("VTIMEZONE")] == ["Asia/Shanghai"]


def test_a_feed_with_events_in_several_zones_has_a_vtimezone_for_each(client, calendar, salon):
    make_event(calendar, "berlin", timezone="Europe/Berlin")
    make_event(calendar, "seoul", timezone="Asia/Seoul")
    cal = feed(client)
    zones = sorted(str(tz["TZID"]) for tz in cal.walk("VTIMEZONE"))
    assert zones == ["Asia/Seoul", "Asia/Shanghai", "Europe/Berlin"]
    assert cal.get_missing_tzids() == set()


def test_moving_an_event_page_refreshes_the_cached_feed(client, calendar, salon):
    assert "http://testserver/en/events/english-salon/" in feed_text(client)
    home = Page.objects.get(pk=calendar.home.en.pk)  # fresh tree positions
    Page.objects.get(pk=salon.en.pk).move(home, pos="last-child")  # the cached body must go
    text = feed_text(client)
    assert "http://testserver/en/english-salon/" in text
    assert "/en/events/english-salon/" not in text


def feed_text(client):
    return str(vevents(fetch_calendar(client, "/en/events/ics/"))[0]["URL"])


def test_during_a_rebuild_no_request_gets_a_body_older_than_the_database(
    client, salon, monkeypatch
):
    old = client.get("/en/events/ics/")
    salon.zh.start_time = datetime.time(18, 30)
    publish(salon.zh)  # the version moves on: the next request must rebuild
    monkeypatch.setattr(feed_cache, "_claim", lambda key: False)  # another process is building
    monkeypatch.setattr(feed_cache, "LOCK_WAIT_SECONDS", 0.2)
    during = client.get("/en/events/ics/")
    assert during.status_code == 200
    assert during["ETag"] != old["ETag"] and "T183000" in during.content.decode()


def test_a_request_waits_for_the_body_another_process_is_building(client, salon, monkeypatch):
    calls = []

    def someone_else_is_building(key):
        calls.append(key)
        cache.set(key, {"body": b"BUILT ELSEWHERE", "last_modified": None, "etag": '"x"'})
        return False

    monkeypatch.setattr(feed_cache, "_claim", someone_else_is_building)
    response = client.get("/en/events/ics/")
    assert calls and response.content == b"BUILT ELSEWHERE"


def test_without_a_body_in_time_a_request_builds_it(client, salon, monkeypatch):
    monkeypatch.setattr(feed_cache, "_claim", lambda key: False)
    monkeypatch.setattr(feed_cache, "LOCK_WAIT_SECONDS", 0.2)
    response = client.get("/en/events/ics/")
    assert response.status_code == 200 and b"BEGIN:VEVENT" in response.content


def test_a_publish_through_one_worker_reaches_another_workers_cached_feed(client, salon, settings):
    """Each worker has its own local-memory cache (the embedded default): worker A caches the
    feed, the salon is moved through worker B, and A must serve the new time and a new ETag."""
    worker_a = {"BACKEND": "django.core.cache.backends.locmem.LocMemCache", "LOCATION": "a"}
    worker_b = {"BACKEND": "django.core.cache.backends.locmem.LocMemCache", "LOCATION": "b"}
    settings.CACHES = {"default": worker_a}
    before = client.get("/en/events/ics/")
    assert "T190000" in before.content.decode()
    settings.CACHES = {"default": worker_b}
    salon.zh.start_time = datetime.time(18, 0)
    publish(salon.zh)
    settings.CACHES = {"default": worker_a}
    after = client.get("/en/events/ics/", HTTP_IF_NONE_MATCH=before["ETag"])
    assert after.status_code == 200
    assert after["ETag"] != before["ETag"]
    assert "T180000" in after.content.decode() and "T190000" not in after.content.decode()


FEED_PATHS = [
    "/en/events/ics/",
    "/en/events/rss/",
    "/ko/events/atom/",
    "/en/events/category/english-salon/ics/",
    "/zh-hans/events/venue/centre/rss/",
    "/en/events/organiser/yam/atom/",
]
ODD_QUERIES = {
    "?lang=xx": 200,  # not a filter: ignored
    "?lang=" + "ko" * 5000: 200,
    "?category=²&venue=x": 400,
    "?category=english-salon&category=%00": 400,
    "?venue=" + "x" * 10000: 400,
    "?organiser=%ff%fe&free=1": 400,
    "?free=%E2%80%AE": 400,
    "?audience[]=1&language=": 200,
    "?category=english-salon&venue=classroom": 200,
    "?%00=%00": 200,
}


def test_odd_query_strings_on_every_feed_get_400_or_the_feed_never_500(client, salon):
    problems = []
    for path in [*FEED_PATHS, "/en/events/english-salon/ics/", "/en/events/subscribe/"]:
        for query, expected in ODD_QUERIES.items():
            if path == "/en/events/english-salon/ics/":
                expected = 200  # an event's own .ics takes no filters
            status = client.get(path + query).status_code
            if status != expected:
                problems.append((path, query[:40], status, expected))
    assert problems == [], "\n".join(map(str, problems))


def test_odd_conditional_headers_get_the_feed(client, salon):
    for headers in (
        {"HTTP_IF_MODIFIED_SINCE": "yesterday"},
        {"HTTP_IF_MODIFIED_SINCE": "Thu, 01 Jan 1970 00:00:00 GMT"},
        {"HTTP_IF_MODIFIED_SINCE": "Mon, 32 Foo 99999 99:99:99 GMT"},
        {"HTTP_IF_NONE_MATCH": "W/"},
        {"HTTP_IF_NONE_MATCH": '"' + "x" * 5000},
    ):
        response = client.get("/en/events/ics/", **headers)
        assert response.status_code == 200 and b"BEGIN:VEVENT" in response.content, headers
    assert client.get("/en/events/ics/", HTTP_IF_NONE_MATCH="*").status_code == 304


@pytest.mark.parametrize(
    "path",
    [
        "/en/events/category/" + "x" * 3000 + "/ics/",
        "/en/events/venue/%E2%80%AE/atom/",
        "/en/events/organiser/yam/ics/extra/",
        "/en/events/english-salon/ics/ics/",
    ],
)
def test_odd_feed_paths_are_404(client, calendar, path):
    assert client.get(path).status_code == 404
