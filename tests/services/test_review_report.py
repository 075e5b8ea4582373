"""Guides whose "last checked" date is too old: the admin report and the edit-form warning."""

import datetime
import json
import re

import pytest
from django.utils import timezone
from wagtail.users.models import UserProfile

from services.models import ServicePage

pytestmark = pytest.mark.django_db
REPORT = "/admin/reports/guides-to-review/"


def make_stale(page, days=400):
    """Every translation of `page` last checked `days` ago (the date is synchronised)."""
    ServicePage.objects.filter(translation_key=page.translation_key).update(
        last_reviewed=timezone.localdate() - datetime.timedelta(days=days)
    )


def text(response):
    return response.content.decode()


def test_reports_menu_lists_guides_to_review(admin_client, directory):
    page = text(admin_client.get("/admin/"))
    # The sidebar is drawn from JSON props.
    item = re.search(r'"label": "Guides to review", [^}]*\}, "url": "([^"]+)"', page)
    assert item and item.group(1) == REPORT


def test_report_lists_stale_guides_in_every_language_with_edit_links(
    admin_client, directory, settings
):
    zh, en, ko = directory.services[0]
    make_stale(zh)
    make_stale(directory.services[1][0], days=settings.YOULIN_SERVICE_REVIEW_DAYS - 1)
    response = admin_client.get(REPORT)
    assert response.status_code == 200
    page = text(response)
    for translation in (zh, en, ko):
        assert f'href="/admin/pages/{translation.pk}/edit/"' in page
        assert translation.title in page
    # Translations send the editor to the Chinese page, where "last checked" lives.
    assert page.count(f'href="/admin/pages/{zh.pk}/edit/">Check the Chinese page<') == 2
    assert "Address registration" not in page  # checked recently enough
    assert "Sorting rubbish" not in page


def test_report_filters_by_language(admin_client, directory):
    zh, en, ko = directory.services[0]
    make_stale(zh)
    page = text(admin_client.get(REPORT, {"locale": "ko"}))
    assert ko.title in page
    assert en.title not in page and f'href="/admin/pages/{zh.pk}/edit/" title' not in page


def test_report_says_when_nothing_needs_checking(admin_client, directory):
    assert "Every guide has been checked recently." in text(admin_client.get(REPORT))


@pytest.mark.parametrize(
    ("language", "title"), [("zh-hans", "待核对的指南"), ("ko", "확인이 필요한 안내")]
)
def test_report_speaks_the_editors_language(admin_client, admin_user, directory, language, title):
    make_stale(directory.services[0][0])
    profile = UserProfile.get_for_user(admin_user)
    profile.preferred_language = language
    profile.save()
    page = text(admin_client.get(REPORT))
    assert title in page
    # The sidebar menu is JSON, with non-ASCII letters escaped.
    assert json.dumps(title) in text(admin_client.get("/admin/"))


def test_report_costs_the_same_queries_for_more_guides(
    admin_client, directory, django_assert_max_num_queries
):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    make_stale(directory.services[0][0])
    admin_client.get(REPORT)
    with CaptureQueriesContext(connection) as few:
        admin_client.get(REPORT)
    for group in directory.services[1:]:
        make_stale(group[0])
    with django_assert_max_num_queries(len(few)):
        admin_client.get(REPORT)


def test_translation_warning_points_to_the_chinese_page(admin_client, directory):
    zh, _en, ko = directory.services[0]
    make_stale(zh)
    page = text(admin_client.get(f"/admin/pages/{ko.pk}/edit/", follow=True))
    assert "The Chinese page of this guide was last checked on" in page
    assert f'<a href="/admin/pages/{zh.pk}/edit/">Open the Chinese page</a>' in page
    assert "update “last checked”" not in page


def test_translator_is_asked_to_get_an_editor_to_check_the_chinese_page(client, directory):
    from django.contrib.auth import get_user_model

    from editorial.roles import TRANSLATORS, setup_roles

    zh, _en, ko = directory.services[0]
    make_stale(zh)
    groups = setup_roles()
    translator = get_user_model().objects.create_user("translator-ko", password="x")
    translator.groups.add(groups[TRANSLATORS["ko"]])
    client.force_login(translator)
    page = text(client.get(f"/admin/pages/{ko.pk}/edit/", follow=True))
    assert "The Chinese page of this guide was last checked on" in page
    assert "Ask an editor to check the Chinese page." in page
    assert "Open the Chinese page" not in page
