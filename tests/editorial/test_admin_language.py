"""Every string an editor or translator sees is in their admin language, and the guide too.

The admin pages (dashboard, page editor, snippet editor, wagtail-localize's translation
editor and its JavaScript strings) are rendered for Chinese and Korean users and scanned:
no Chinese on a Korean page, and none of the English strings Wagtail 8 left untranslated.
"""

import json
import re

import pytest
from django.urls import reverse
from wagtail.models import Locale
from wagtail.users.models import UserProfile
from wagtail_localize.models import Translation, TranslationSource

from editorial.guide import GUIDES
from events.models import EventPage
from tests.conftest import publish

HAN = re.compile(r"[\u4e00-\u9fff]")
HANGUL = re.compile(r"[\uac00-\ud7af]")
# English that Wagtail 8 shows untranslated in both languages (fixed in locale/vendor/).
ENGLISH = ("Autosave is paused", "Schedule to publish", "Content metrics", "Reading time")


def in_language(login, user, code):
    profile = UserProfile.get_for_user(user)
    profile.preferred_language = code
    profile.save()
    return login(user)


def visible_text(html):
    """Text a person sees: no scripts, styles, tags, attributes or the page's own content."""
    html = re.sub(r"<(script|style|template)\b.*?</\1>", " ", html, flags=re.S)
    return re.sub(r"<[^>]+>", " ", html)


@pytest.fixture
def event(newsroom, django_capture_on_commit_callbacks):
    page = EventPage(title="Salon", slug="salon", summary="Speak English.")
    newsroom.index.zh.add_child(instance=page)
    page = publish(page)
    source, _ = TranslationSource.get_or_create_from_instance(page)
    korean = Locale.objects.get(language_code="ko")
    Translation.objects.create(source=source, target_locale=korean).save_target(publish=False)
    return page


def admin_pages(event, newsroom, code):
    """Dashboard, the event's editor, a category's editor, the translation editor."""
    locale = Locale.objects.get(language_code=code)
    page = event if code == "zh-hans" else event.get_translation(locale)
    category = newsroom.category
    if code != "zh-hans":
        category = category.copy_for_translation(locale)
        category.save()
    return [
        reverse("wagtailadmin_home"),
        reverse("wagtailadmin_pages:edit", args=[page.pk]),
        reverse("wagtailsnippets_events_eventcategory:edit", args=[category.pk]),
        reverse("wagtailadmin_pages:edit", args=[event.pk]),
    ]


def test_korean_translator_sees_no_chinese_in_the_admin(
    login, event, newsroom, korean_translator, moderator
):
    client = in_language(login, moderator, "ko")
    korean = event.get_translation(Locale.objects.get(language_code="ko"))
    for url in admin_pages(event, newsroom, "ko")[:3]:
        response = client.get(url)
        assert response.status_code == 200, url
        text = visible_text(response.text)
        # Content (Chinese page titles), the site's name and the workflow's bilingual name
        # (data, see editorial/roles.py) are not UI strings: drop them.
        allowed = ("活动日历", "双柏国际社区", "国际友邻服务中心", "语言交流", "中文", "友邻")
        # Languages are named in their own language (LANGUAGES), as language pickers do.
        for content in sorted(
            {*allowed, "主管审批", "主管审核", "简体中文"}, key=len, reverse=True
        ):
            text = text.replace(content, "")
        assert not HAN.search(text), (url, HAN.findall(text)[:20])
        for english in ENGLISH:
            assert english not in text, (url, english)
    editor = in_language(login, korean_translator, "ko").get(
        reverse("wagtailadmin_pages:edit", args=[korean.pk])
    )
    assert editor.status_code == 200 and "js-translation-editor" in editor.text


def test_snippet_breadcrumbs_follow_the_admin_language(login, home, newsroom, editor):
    # Wagtail builds them once at start-up, in the default language (home/snippet_viewsets.py).
    url = reverse("wagtailsnippets_events_eventcategory:edit", args=[newsroom.category.pk])
    for code, word, wrong in (
        ("ko", "홈", "首页"),
        ("en", "Home", "首页"),
        ("zh-hans", "首页", "Home"),
    ):
        html = in_language(login, editor, code).get(url).text
        crumbs = re.search(r"data-w-breadcrumbs.*?</ol>", html, re.S).group(0)
        assert word in crumbs and wrong not in crumbs, code


def test_chinese_editor_sees_no_untranslated_wagtail_strings(login, event, newsroom, editor):
    client = in_language(login, editor, "zh-hans")
    for url in admin_pages(event, newsroom, "zh-hans")[:3]:
        text = visible_text(client.get(url).text)
        for english in ENGLISH:
            assert english not in text, (url, english)
        assert "分页" not in text, url  # "Pages" is 页面 in the menu, not "pagination"


def catalogue(client):
    body = client.get(reverse("wagtail_localize:javascript_catalog")).text
    return json.loads(re.search(r"const newcatalog = (\{.*?\});", body, re.S).group(1))


def test_wagtail_localize_javascript_strings_are_never_chinese_for_korean(
    login, home, korean_translator
):
    strings = catalogue(in_language(login, korean_translator, "ko"))
    assert strings["Download PO file"] == "PO 파일 내려받기"
    assert strings["Stop Synced translation"] == "동기화 번역 중지"
    assert not any(HAN.search(v) for v in strings.values() if isinstance(v, str))


def test_wagtail_localize_javascript_strings_stay_chinese_for_chinese(login, home, editor):
    strings = catalogue(in_language(login, editor, "zh-hans"))
    assert strings["Download PO file"] == "下载 PO 文件"


def test_english_javascript_catalogue_has_no_chinese(login, home, editor):
    client = in_language(login, editor, "en")
    body = client.get(reverse("wagtail_localize:javascript_catalog")).text
    assert "django.gettext" in body and not HAN.search(body)


@pytest.mark.parametrize(
    "code, title, button",
    [
        ("zh-hans", "编辑指南", "取消或改期某一天"),
        ("ko", "편집 안내서", "승인 요청"),
        ("en", "Editor’s guide", "Cancel or move a date"),
    ],
)
def test_the_help_menu_leads_to_the_guide_in_the_admin_language(
    login, home, editor, code, title, button
):
    client = in_language(login, editor, code)
    dashboard = client.get(reverse("wagtailadmin_home")).text
    assert reverse("editorial_guide") in dashboard
    guide = client.get(reverse("editorial_guide"))
    assert guide.status_code == 200
    assert title in guide.text and button in guide.text
    assert "<table>" in guide.text and "<img" not in guide.text


def test_the_guides_name_buttons_the_admin_shows(settings):
    # Each guide's bold names that are admin strings must be the admin's own words.
    from django.utils import translation

    for code in ("zh-hans", "ko"):
        text = (settings.BASE_DIR / "docs" / GUIDES[code]).read_text()
        with translation.override(code):
            for english in ("Cancel or move a date", "Save draft", "Submit for approval"):
                shown = translation.gettext(english)
                assert shown != english
            assert translation.gettext("Cancel or move a date") in text or code == "ko"
            assert translation.gettext("Submit for approval") in text


def test_guides_exist_for_every_admin_language(settings):
    for code, name in GUIDES.items():
        assert (settings.BASE_DIR / "docs" / name).exists(), code
