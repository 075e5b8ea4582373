"""The source's publishing schedule reaches its translations when they are synced."""

import datetime

from django.test import override_settings
from django.urls import reverse
from django.utils import timezone
from wagtail.models import Locale
from wagtail_localize.models import Translation, TranslationSource

from events.models import EventPage
from tests.conftest import publish

DUMMY = {"CLASS": "editorial.machine_translation.YoulinDummyTranslator"}


@override_settings(WAGTAILLOCALIZE_MACHINE_TRANSLATOR=DUMMY)
def test_sync_copies_the_expiry_date_to_the_translation(
    admin_client, newsroom, django_capture_on_commit_callbacks
):
    event = EventPage(title="英语沙龙", slug="salon", summary="练习英语。")
    newsroom.index.zh.add_child(instance=event)
    event = publish(event)
    source, _ = TranslationSource.get_or_create_from_instance(event)
    english = Locale.objects.get(language_code="en")
    Translation.objects.create(source=source, target_locale=english).save_target(publish=False)
    translation = event.get_translation(english)
    assert translation.expire_at is None

    # The source is taken off the site the day after the event, and the editor syncs.
    expiry = (timezone.now() + datetime.timedelta(days=8)).replace(microsecond=0)
    event.expire_at = expiry
    event = publish(event)
    sync = reverse("wagtail_localize:update_translations", args=[source.pk])
    with django_capture_on_commit_callbacks(execute=True):
        response = admin_client.post(
            sync, {"publish_translations": "on", "use_machine_translation": "on"}
        )
    assert response.status_code == 302

    translation.refresh_from_db()
    assert translation.expire_at == expiry
    assert translation.live and translation.live_revision.as_object().expire_at == expiry


def test_translation_of_a_scheduled_page_waits_for_the_same_day(
    newsroom, django_capture_on_commit_callbacks
):
    go_live = (timezone.now() + datetime.timedelta(days=3)).replace(microsecond=0)
    event = EventPage(title="英语沙龙", slug="salon", summary="练习英语。", go_live_at=go_live)
    newsroom.index.zh.add_child(instance=event)
    event = publish(event)
    assert not event.live and event.go_live_at == go_live

    source, _ = TranslationSource.get_or_create_from_instance(event)
    english = Locale.objects.get(language_code="en")
    with django_capture_on_commit_callbacks(execute=True):
        translation, _ = source.create_or_update_translation(english, fallback=True)

    translation.refresh_from_db()
    assert not translation.live
    assert translation.go_live_at == go_live
    assert translation.scheduled_revision.approved_go_live_at == go_live
