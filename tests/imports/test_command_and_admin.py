"""`manage.py import_calendars` and what editors see in the admin: calendars and the report."""

import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command
from wagtail.users.models import UserProfile

from imports.importer import import_source
from imports.models import CalendarSource, ImportRun
from tests.imports.conftest import fixture

pytestmark = pytest.mark.django_db


def test_command_prints_a_line_per_calendar(web, source, calendar, capsys):
    source.url = f"{web}/google.ics"
    source.save()
    CalendarSource.objects.create(
        name="Broken partner",
        partner=calendar.yam.zh,
        url=f"{web}/page.html",
        locale=calendar.home.zh.locale,
    )
    CalendarSource.objects.create(
        name="Paused",
        partner=calendar.yam.zh,
        url=f"{web}/x.ics",
        locale=source.locale,
        active=False,
    )
    call_command("import_calendars")
    out, err = capsys.readouterr()
    assert out.startswith("沐言咖啡: 4 added, 0 updated, 0 cancelled or unpublished, 0 skipped (")
    assert "Broken partner: failed: The address gives a web page, not a calendar" in err
    assert "Paused" not in out + err
    assert ImportRun.objects.count() == 2


def test_command_imports_one_calendar_by_id(web, source, capsys):
    source.url = f"{web}/meetup.ics"
    source.active = False
    source.save()
    call_command("import_calendars", "--source", str(source.pk))
    assert "3 added" in capsys.readouterr().out


@pytest.fixture
def admin_client(client, calendar):
    user = get_user_model().objects.create_superuser("admin", "admin@example.org", "pw")
    client.force_login(user)
    return client, user


def test_report_lists_each_run_with_reasons(admin_client, source):
    client, _user = admin_client
    import_source(source, fixture("duplicates.ics"))
    import_source(source, b"<html></html>")
    html = client.get("/admin/calendar-imports/").content.decode()
    assert "2 added, 0 updated, 0 cancelled or unpublished, 2 skipped" in html
    assert "The event has no start date (DTSTART)." in html
    assert "Another event in the file has the same UID (same@example.org); kept the newest." in html
    assert "Nothing was imported:" in html and "not a calendar" in html
    assert html.index("not a calendar") < html.index("2 added")  # newest first


def test_report_reads_in_the_editors_language(admin_client, source):
    client, user = admin_client
    profile = UserProfile.get_for_user(user)
    profile.preferred_language = "zh-hans"
    profile.save()
    import_source(source, fixture("duplicates.ics"))
    html = client.get("/admin/calendar-imports/").content.decode()
    assert "活动没有开始日期（DTSTART）。" in html


def test_report_is_for_those_who_manage_calendars(client, calendar, source):
    user = get_user_model().objects.create_user("reader", password="pw")
    from django.contrib.auth.models import Permission

    user.user_permissions.add(Permission.objects.get(codename="access_admin"))
    client.force_login(user)
    assert client.get("/admin/calendar-imports/").status_code in (302, 403)


def test_editors_list_and_add_calendars(admin_client, calendar):
    client, _user = admin_client
    response = client.post(
        "/admin/partner_calendars/new/",
        {
            "name": "YAM",
            "partner": calendar.yam.zh.pk,
            "url": "webcal://calendar.example.org/yam.ics",
            "locale": calendar.home.zh.locale.pk,
            "when_removed": "cancel",
            "active": "on",
        },
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    assert CalendarSource.objects.get().url == "webcal://calendar.example.org/yam.ics"
    listing = client.get("/admin/partner_calendars/").content.decode()
    assert "YAM" in listing and "Not imported yet" in listing


def test_a_calendar_without_address_or_file_is_refused(admin_client, calendar):
    client, _user = admin_client
    response = client.post(
        "/admin/partner_calendars/new/",
        {
            "name": "YAM",
            "partner": calendar.yam.zh.pk,
            "locale": calendar.home.zh.locale.pk,
            "when_removed": "cancel",
        },
    )
    assert response.status_code == 200
    assert "Give the calendar" in response.content.decode()
    assert not CalendarSource.objects.exists()


def test_editors_add_calendars_but_only_moderators_make_them_trusted(client, calendar):
    from django.contrib.auth.models import Group

    from editorial.roles import EDITORS, MODERATORS, setup_roles

    setup_roles()
    form = {
        "name": "YAM",
        "partner": calendar.yam.zh.pk,
        "url": "https://calendar.example.org/yam.ics",
        "locale": calendar.home.zh.locale.pk,
        "when_removed": "cancel",
        "trusted": "on",
    }
    for group, trusted in ((EDITORS, False), (MODERATORS, True)):
        user = get_user_model().objects.create_user(group, password="pw")
        user.groups.add(Group.objects.get(name=group))
        client.force_login(user)
        assert client.get("/admin/calendar-imports/").status_code == 200
        response = client.post("/admin/partner_calendars/new/", {**form, "name": group})
        assert response.status_code == 302
        assert CalendarSource.objects.get(name=group).trusted is trusted


@pytest.mark.parametrize("page", ["/admin/partner_calendars/", "/admin/calendar-imports/"])
def test_listings_cost_the_same_queries_for_2_or_12_calendars(
    admin_client, source, page, django_assert_max_num_queries
):
    client, _user = admin_client

    def add_calendars(count):
        for number in range(count):
            extra = CalendarSource.objects.create(
                name=f"Partner {number}",
                partner=source.partner,
                url="https://example.org/x.ics",
                locale=source.locale,
            )
            for _run in range(2):
                import_source(extra, fixture("duplicates.ics"))

    add_calendars(2)
    client.get(page)  # warm: the admin's own caches
    with django_assert_max_num_queries(40) as small:
        assert client.get(page).status_code == 200
    add_calendars(10)
    with django_assert_max_num_queries(len(small.captured_queries)):
        html = client.get(page).content.decode()
    assert "Partner 9" in html
