"""The directory's demo content: dates computed from the load day, galleries, stale guides."""

import datetime

import pytest

from demo import directory as demo

HOLIDAY_LIST_DAYS = 60  # services.opening.upcoming_exceptions shows this far ahead


@pytest.mark.parametrize(
    "today",
    [
        datetime.date(2026, 12, 2),
        datetime.date(2027, 2, 7),  # during the Spring Festival closure
        datetime.date(2027, 3, 1),  # after every date the demo used to hard-code
        datetime.date(2028, 7, 15),
        datetime.date(2031, 12, 31),
    ],
)
def test_special_days_are_upcoming_whenever_the_demo_is_loaded(today):
    days = demo.special_days(today)
    dates = [day for day, *_hours in days]
    assert dates == sorted(set(dates))
    assert all(day >= today for day in dates)
    assert any(day <= today + datetime.timedelta(HOLIDAY_LIST_DAYS) for day in dates)
    closed = {day for day, is_closed, *_hours in days if is_closed}
    new_year = datetime.date(today.year + (today > datetime.date(today.year, 1, 1)), 1, 1)
    assert new_year in closed
    late = [(day, opens) for day, is_closed, opens, _closes in days if not is_closed]
    assert late == [(datetime.date(today.year, 12, 31), datetime.time(10))]


def test_spring_festival_closes_three_days_from_the_real_date():
    closed = {
        day for day, is_closed, *_ in demo.special_days(datetime.date(2027, 3, 1)) if is_closed
    }
    assert {
        datetime.date(2028, 1, 26),
        datetime.date(2028, 1, 27),
        datetime.date(2028, 1, 28),
    } <= closed
    assert datetime.date(2027, 10, 1) in closed and datetime.date(2027, 5, 1) in closed


def test_two_guides_are_older_than_the_review_age(settings):
    today = datetime.date(2026, 12, 2)
    cutoff = today - datetime.timedelta(settings.YOULIN_SERVICE_REVIEW_DAYS)
    dates = {
        item["slug"]: demo.last_checked(item["slug"], position, today)
        for position, item in enumerate(demo.SERVICES)
    }
    assert {slug for slug, day in dates.items() if day < cutoff} == set(demo.STALE_GUIDES)
    assert len(set(dates.values())) > 3  # not all checked on the day the demo was loaded


def test_demo_galleries_terminals_and_guides_to_review(demo_site, client, admin_client):
    from services.models import PublicSpacePage

    spaces = PublicSpacePage.objects.filter(locale__language_code="zh-hans")
    assert spaces.count() >= 6
    for space in spaces:
        images = [block.value["image"].pk for block in space.gallery]
        assert 2 <= len(images) <= 4, space.slug
        assert len(set(images)) == len(images) and space.image_id not in images, space.slug
    centre = client.get("/en/spaces/international-neighbour-service-centre/").content.decode()
    assert "Holidays and special days" in centre

    terminals = client.get("/en/services/self-service-terminals/").content.decode()
    assert "Open 24 hours" in terminals
    assert "Closed on public holidays" not in terminals
    table = terminals.split('<table class="hours">', 1)[1].split("</table>", 1)[0]
    assert "00:00" not in table

    report = admin_client.get("/admin/reports/guides-to-review/").content.decode()
    assert "个人所得税年度汇算" in report and "Annual income tax return" in report
    assert report.count("Check the Chinese page") >= 4  # two guides, two translations each
