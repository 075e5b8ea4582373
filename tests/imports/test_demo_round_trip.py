"""The demo's partner calendar, and a round trip: our own feed imported into an empty site
gives the same occurrences."""

from events.models import EventPage, Occurrence
from imports.importer import import_source
from imports.models import CalendarSource, ImportedEvent
from services.models import PartnerPage, PublicSpacePage


def occurrence_rows(translation_keys):
    return sorted(
        (o.start, o.end, o.all_day, o.cancelled, o.moved, o.original_start)
        for o in Occurrence.objects.filter(translation_key__in=translation_keys)
    )


def test_demo_calendar_is_imported_from_its_uploaded_file(demo_site):
    source = CalendarSource.objects.get()
    assert source.document is not None and source.url == ""
    run = import_source(source)
    assert (run.error, run.added, run.skipped) == ("", 3, 0)
    pages = {e.page.specific.title: e.page.specific for e in ImportedEvent.objects.all()}
    assert set(pages) == {"拿铁拉花体验课", "手冲咖啡分享会", "多语种换书夜"}
    for page in pages.values():
        assert page.locale.language_code == "zh-hans"
        assert not page.live and page.workflow_in_progress  # the demo's source is not trusted
        assert [o.partner.slug for o in page.organisers.all()] == ["muyan-coffee"]
    centre = PublicSpacePage.objects.get(
        slug="international-neighbour-service-centre", locale__language_code="zh-hans"
    )
    assert pages["多语种换书夜"].venue == centre
    assert (pages["多语种换书夜"].repeat, pages["多语种换书夜"].repeat_monthly_by) == (
        "monthly",
        "last_weekday",
    )
    assert pages["拿铁拉花体验课"].venue_address == "沐言咖啡，郫都区书苑社区书苑街18号"


def test_our_own_feed_imported_into_an_empty_site_gives_the_same_occurrences(demo_site, client):
    feed = client.get("/zh-hans/events/ics/").content
    uids = {line[4:40] for line in feed.decode().splitlines() if line.startswith("UID:")}
    expected = occurrence_rows(uids)
    assert len(uids) > 20 and any(row[3] for row in expected) and any(row[4] for row in expected)

    for page in EventPage.objects.order_by("-pk"):
        page.delete()
    assert not Occurrence.objects.exists()

    source = CalendarSource.objects.create(
        name="Round trip",
        partner=PartnerPage.objects.filter(locale__language_code="zh-hans").first(),
        url="https://example.org/events.ics",
        locale=demo_site.root_page.locale,
        trusted=True,
    )
    run = import_source(source, feed)
    assert (run.error, run.skipped, run.added) == ("", 0, len(uids)), run.details
    assert all(line["reasons"] == [] for line in run.details)  # no date split off its series
    imported = {e.page.translation_key for e in ImportedEvent.objects.filter(source=source)}
    assert occurrence_rows(imported) == expected
