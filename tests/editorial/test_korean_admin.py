"""The admin in Korean: Wagtail's wrong Korean strings corrected, missing ones in English."""

from django.urls import reverse
from django.utils import translation
from wagtail.users.models import UserProfile


def korean_client(login, user):
    profile = UserProfile.get_for_user(user)
    profile.preferred_language = "ko"
    profile.save()
    return login(user)


def test_wagtails_wrong_korean_is_corrected():
    with translation.override("ko"):
        assert translation.gettext("Bulk actions") == "일괄 작업"  # Wagtail: "most movements"
        assert translation.gettext("In Moderation") == "검토 중"  # Wagtail: "generally"
        assert translation.gettext("Locale") == "언어"  # Wagtail: "scene"


def test_korean_translator_sees_korean_admin_without_junk(login, home, korean_translator):
    client = korean_client(login, korean_translator)
    html = client.get(reverse("wagtailadmin_explore", args=[home.ko.pk])).content.decode()
    assert "일괄 작업" in html or "작업 더 보기" in html
    for junk in ("대부분의 움직임", "더 많은 움직임", "오락가락", "현장"):
        assert junk not in html
    assert "페이지" in html  # Wagtail's own correct Korean is kept
    assert "排序" not in html and "批量" not in html  # no Chinese fallback


def test_string_missing_from_wagtails_korean_shows_in_english():
    with translation.override("ko"):
        assert translation.gettext("Sort by") == "Sort by"
