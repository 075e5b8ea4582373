"""A snippet translation with strings still untranslated shows its source on the site."""

import pytest
from django.test import Client
from wagtail.models import Locale
from wagtail_localize.models import StringSegment, StringTranslation, Translation, TranslationSource

from events.models import EventCategory
from events.queries import filter_options
from home.models import NavigationMenu
from home.translations import shown_on_site


def translate_strings(obj, code, strings):
    """Translate the strings of `obj` into `code` that `strings` knows, and save the translation."""
    locale = Locale.objects.get(language_code=code)
    source, _ = TranslationSource.update_or_create_from_instance(obj)
    for segment in StringSegment.objects.filter(source=source).select_related("string"):
        if segment.string.data in strings:
            StringTranslation.objects.update_or_create(
                translation_of=segment.string,
                locale=locale,
                context=segment.context,
                defaults={"data": strings[segment.string.data]},
            )
    translation, _ = Translation.objects.get_or_create(source=source, target_locale=locale)
    translation.save_target()


def header(code):
    return Client().get(f"/{code}/").content.decode().split("</header>")[0]


@pytest.fixture
def menu(newsroom):
    items = [
        ("link", {"label": "活动", "page": newsroom.index.zh, "url": ""}),
        ("link", {"label": "公共空间", "page": newsroom.spaces.zh, "url": ""}),
    ]
    return NavigationMenu.objects.create(locale=newsroom.home.zh.locale, items=items)


def test_half_translated_menu_shows_the_chinese_menu(menu):
    translate_strings(menu, "en", {"活动": "Events"})
    english = NavigationMenu.objects.get(locale__language_code="en")
    assert [item.value["label"] for item in english.items] == ["Events", "公共空间"]

    html = header("en")
    assert "活动" in html and "公共空间" in html and "Events" not in html


def test_completed_menu_translation_is_shown(menu):
    translate_strings(menu, "en", {"活动": "Events", "公共空间": "Spaces"})
    html = header("en")
    assert "Events" in html and "Spaces" in html and "活动" not in html


def test_category_filter_falls_back_to_source_name_while_translation_is_incomplete(newsroom):
    category = newsroom.category
    translate_strings(category, "en", {"语言交流": "Language exchange"})
    english = Locale.objects.get(language_code="en")
    assert filter_options(english)["category"] == [("language", "Language exchange")]

    # The Chinese name changes; until the new name is translated the English list shows it.
    category.name = "语言交流角"
    category.save()
    TranslationSource.update_or_create_from_instance(category)
    assert filter_options(english)["category"] == [("language", "语言交流角")]

    translate_strings(category, "en", {"语言交流角": "Language corner"})
    assert filter_options(english)["category"] == [("language", "Language corner")]


def test_shown_on_site_is_one_query(newsroom, django_assert_num_queries):
    for n in range(3):
        EventCategory.objects.create(name=f"类别{n}", slug=f"c{n}", locale=newsroom.home.zh.locale)
    for category in EventCategory.objects.all():
        translate_strings(category, "ko", {})
    korean = EventCategory.objects.filter(locale__language_code="ko").order_by("slug")
    with django_assert_num_queries(1):
        names = [c.name for c in shown_on_site(korean)]
    assert names == ["类别0", "类别1", "类别2", "语言交流"]
