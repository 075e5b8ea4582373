"""An event's life through the real admin views: written in Chinese, translated, changed, synced."""

import re

import polib
import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import override_settings
from django.urls import reverse
from wagtail.models import Locale
from wagtail_localize.models import Translation

from events.models import EventPage
from tests.editorial.forms import event_form

DUMMY = {"CLASS": "editorial.machine_translation.YoulinDummyTranslator"}
ENGLISH = {
    "英语沙龙": "English salon",
    "每周六练习英语口语。": "Practise spoken English every Saturday.",
    "每周六晚上练习英语口语，欢迎新朋友。": (
        "Practise spoken English on Saturday evenings; newcomers welcome."
    ),
}


def statuses(html, page=None):
    """{language code: status} in a translation status table, for one page or the only one."""
    rows = re.findall(r'data-page="(\d+)" data-status="(\w+)" data-locale="([\w-]+)"', html)
    return {code: status for pk, status, code in rows if page is None or int(pk) == page.pk}


def status_on_edit_page(client, page):
    response = client.get(reverse("wagtailadmin_pages:edit", args=[page.pk]))
    assert response.status_code == 200
    return statuses(response.content.decode())


def translation_of(page, code):
    return Translation.objects.get(
        source__object_id=page.translation_key, target_locale__language_code=code
    )


def upload_po(client, translation, strings):
    """Download the translation's PO file, fill it in as a translator would, upload it."""
    response = client.get(reverse("wagtail_localize:download_pofile", args=[translation.pk]))
    assert response.status_code == 200
    po = polib.pofile(response.content.decode())
    for entry in po:
        entry.msgstr = strings.get(entry.msgid, entry.msgstr)
    upload = SimpleUploadedFile("translation.po", str(po).encode(), "text/x-gettext-translation")
    response = client.post(
        reverse("wagtail_localize:upload_pofile", args=[translation.pk]), {"file": upload}
    )
    assert response.status_code == 302


def publish_translation(client, page):
    """The translation editor's "Publish" button."""
    return client.post(reverse("wagtailadmin_pages:edit", args=[page.pk]), {"action": "publish"})


@pytest.fixture
def admin(admin_client):
    return admin_client


def test_new_event_form_has_editor_tabs_and_defaults(admin, newsroom):
    url = reverse("wagtailadmin_pages:add", args=["events", "eventpage", newsroom.index.zh.pk])
    html = admin.get(url).content.decode()
    for tab in ("Content", "Date and time", "Details", "Promote", "Publishing", "Translations"):
        assert f">{tab}<" in html or f"{tab}\n" in html, tab
    assert re.search(r'<option value="Asia/Shanghai"\s+selected', html)
    assert "Set schedule" in html  # scheduled publishing and expiry


@override_settings(WAGTAILLOCALIZE_MACHINE_TRANSLATOR=DUMMY)
def test_event_is_translated_flagged_out_of_date_and_synced(
    admin, newsroom, django_capture_on_commit_callbacks
):
    # 1. An editor writes the event in Chinese and publishes it.
    add_url = reverse("wagtailadmin_pages:add", args=["events", "eventpage", newsroom.index.zh.pk])
    response = admin.post(add_url, event_form("英语沙龙", "每周六练习英语口语。"))
    assert response.status_code == 302
    event = EventPage.objects.get(title="英语沙龙")
    assert event.live and event.slug == "ying-yu-sha-long"
    assert status_on_edit_page(admin, event) == {"en": "missing", "ko": "missing"}

    # 2. It is sent for translation into English and Korean: drafts, nothing live in Chinese.
    locales = Locale.objects.filter(language_code__in=["en", "ko"])
    response = admin.post(
        reverse("wagtail_localize:submit_page_translation", args=[event.pk]),
        {"locales": [locale.pk for locale in locales]},
    )
    assert response.status_code == 302
    en = EventPage.objects.get(translation_key=event.translation_key, locale__language_code="en")
    ko = EventPage.objects.get(translation_key=event.translation_key, locale__language_code="ko")
    assert not en.live and not ko.live
    assert status_on_edit_page(admin, event) == {"en": "in_progress", "ko": "in_progress"}

    # 3. The editor cannot publish a translation with untranslated strings.
    response = publish_translation(admin, en)
    assert response.status_code == 302
    en.refresh_from_db()
    assert not en.live
    messages = admin.get(response.url).content.decode()
    assert "strings are not translated yet" in messages

    # 4. English through a PO file, Korean by machine translation; both published.
    upload_po(admin, translation_of(event, "en"), ENGLISH)
    response = admin.post(
        reverse("wagtail_localize:machine_translate", args=[translation_of(event, "ko").pk])
    )
    assert response.status_code == 302
    with django_capture_on_commit_callbacks(execute=True):
        publish_translation(admin, en)
        publish_translation(admin, ko)
    en.refresh_from_db()
    ko.refresh_from_db()
    assert en.live and en.title == "English salon"
    # The dummy machine translator reverses words; Chinese has no spaces to reverse at.
    assert ko.live and translation_of(event, "ko").get_progress() == (2, 2)
    assert status_on_edit_page(admin, event) == {"en": "up_to_date", "ko": "up_to_date"}

    # 5. The Chinese summary changes: both translations are out of date, on the page and
    #    on the dashboard, with a one-click link to sync.
    edit_url = reverse("wagtailadmin_pages:edit", args=[event.pk])
    response = admin.post(
        edit_url, event_form("英语沙龙", "每周六晚上练习英语口语，欢迎新朋友。", slug=event.slug)
    )
    assert response.status_code == 302
    assert status_on_edit_page(admin, event) == {"en": "out_of_date", "ko": "out_of_date"}
    dashboard = admin.get(reverse("wagtailadmin_home")).content.decode()
    sync_url = reverse(
        "wagtail_localize:update_translations", args=[translation_of(event, "en").source_id]
    )
    assert statuses(dashboard, event) == {"en": "out_of_date", "ko": "out_of_date"}
    assert f'href="{sync_url}"' in dashboard

    # 6. "Sync" with "publish immediately": the new string is untranslated, so nothing
    #    is published and the editor is told which languages wait.
    with django_capture_on_commit_callbacks(execute=True):
        response = admin.post(sync_url, {"publish_translations": "on"})
    assert response.status_code == 302
    page_after_sync = admin.get(response.url).content.decode()
    assert "Not published" in page_after_sync and "English: 1 string" in page_after_sync
    en.refresh_from_db()
    assert en.summary == "Practise spoken English every Saturday."
    assert status_on_edit_page(admin, event) == {"en": "in_progress", "ko": "in_progress"}

    # 7. Translated and synced again, with machine translation: everything is up to date.
    upload_po(admin, translation_of(event, "en"), ENGLISH)
    with django_capture_on_commit_callbacks(execute=True):
        publish_translation(admin, en)
        response = admin.post(
            sync_url, {"publish_translations": "on", "use_machine_translation": "on"}
        )
    assert response.status_code == 302
    en.refresh_from_db()
    assert en.summary == ENGLISH["每周六晚上练习英语口语，欢迎新朋友。"]
    assert status_on_edit_page(admin, event) == {"en": "up_to_date", "ko": "up_to_date"}
    assert statuses(admin.get(reverse("wagtailadmin_home")).content.decode(), event) == {}
