"""The dashboard's "To translate" panel: each language's pending pages and snippets, cheaply."""

import re

import pytest
from django.urls import reverse
from wagtail.models import Locale
from wagtail_localize.models import Translation, TranslationSource

from events.models import EventCategory, EventPage
from tests.conftest import publish


def add_events(newsroom, count, start=0):
    events = []
    for n in range(start, start + count):
        event = EventPage(title=f"活动{n}", slug=f"event-{n}", summary=f"第{n}场。")
        newsroom.index.zh.add_child(instance=event)
        events.append(publish(event))
    return events


def send_for_translation(obj, code):
    source, _ = TranslationSource.get_or_create_from_instance(obj)
    locale = Locale.objects.get(language_code=code)
    translation = Translation.objects.create(source=source, target_locale=locale)
    translation.save_target(publish=not isinstance(obj, EventPage))  # snippets have no drafts
    return translation


def panel(html, code):
    section = re.search(rf'data-locale="{code}">(.*?)</section>', html, re.S)
    return section.group(1)


def test_panel_lists_snippets_to_translate_and_pages_awaiting_review(
    login, newsroom, moderator, korean_translator
):
    event = add_events(newsroom, 1)[0]
    send_for_translation(event, "ko")
    korean_event = event.get_translation(Locale.objects.get(language_code="ko"))
    korean_event.get_workflow().start(korean_event, korean_translator)
    send_for_translation(newsroom.category, "ko")

    html = login(moderator).get(reverse("wagtailadmin_home")).content.decode()
    korean = panel(html, "ko")
    assert "1 awaiting review" in korean and "1 snippet to translate" in korean
    assert f'data-review="{korean_event.pk}"' in korean
    assert "语言交流" in korean  # the category, named as in the source
    assert "snippet to translate" not in panel(html, "en").replace("0 snippets", "")


def test_korean_translator_sees_only_korean_snippets(login, newsroom, korean_translator):
    send_for_translation(newsroom.category, "en")
    send_for_translation(newsroom.category, "ko")
    html = login(korean_translator).get(reverse("wagtailadmin_home")).content.decode()
    assert set(re.findall(r'data-locale="([\w-]+)"', html)) == {"ko"}
    assert "1 snippet to translate" in panel(html, "ko")


@pytest.mark.parametrize("count", [2, 8])
def test_dashboard_costs_the_same_for_2_or_8_pages_to_translate(
    login, newsroom, moderator, count, django_assert_max_num_queries
):
    for event in add_events(newsroom, count):
        send_for_translation(event, "en")
    for n in range(count):
        category = EventCategory.objects.create(
            name=f"类别{n}", slug=f"c{n}", locale=newsroom.home.zh.locale
        )
        send_for_translation(category, "ko")
    client = login(moderator)
    client.get(reverse("wagtailadmin_home"))  # warm caches (site root paths, locales)
    # 35 for the whole dashboard, Wagtail's own panels and the supervisors' "schedule
    # changes published without approval" included; the same for 2 or 8.
    with django_assert_max_num_queries(35):
        html = client.get(reverse("wagtailadmin_home")).content.decode()
    assert f"{count} in progress" in panel(html, "en")
    assert f"{count} snippets to translate" in panel(html, "ko")
