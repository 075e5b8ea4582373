"""The language switcher: same page in another language, or that language's home with a notice."""

import pytest

from home.models import ContentPage
from tests.conftest import translate
from tests.home.conftest import add_content_page
from tests.home.pagehtml import Page

pytestmark = pytest.mark.django_db


def test_switcher_links_to_korean_translation_of_current_page(client, salon):
    korean = Page.of(client.get("/en/english-salon/")).switcher["ko"]
    assert korean.attrs["href"] == "/ko/english-salon/"
    assert korean.attrs["hreflang"] == "ko"
    assert korean.attrs["lang"] == "ko"


def test_switcher_links_to_chinese_translation_with_bcp47_tags(client, salon):
    chinese = Page.of(client.get("/en/english-salon/")).switcher["zh-Hans"]
    assert chinese.attrs["href"] == "/zh-hans/english-salon/"
    assert chinese.attrs["lang"] == "zh-Hans"


def test_switcher_offers_each_language_once_in_its_own_name(client, salon):
    switcher = Page.of(client.get("/en/english-salon/")).switcher
    assert list(switcher) == ["zh-Hans", "en", "ko"]
    assert [a.text for a in switcher.values()] == ["简体中文", "English", "한국어"]


@pytest.mark.parametrize(
    ("path", "current"),
    [("/en/english-salon/", "en"), ("/ko/english-salon/", "ko"), ("/zh-hans/", "zh-Hans")],
)
def test_only_current_language_link_has_aria_current(client, salon, path, current):
    switcher = Page.of(client.get(path)).switcher
    marked = [tag for tag, a in switcher.items() if "aria-current" in a.attrs]
    assert marked == [current]


def test_switcher_sends_missing_korean_translation_to_korean_home(client, garden):
    korean = Page.of(client.get("/en/community-garden/")).switcher["ko"]
    assert korean.attrs["href"] == f"/ko/?untranslated={garden.en.pk}"
    assert korean.attrs["hreflang"] == "ko"
    assert "is-untranslated" in korean.classes()


def test_untranslated_notice_links_back_to_the_page(client, garden):
    korean_href = Page.of(client.get("/en/community-garden/")).switcher["ko"].attrs["href"]
    response = client.get(korean_href)
    assert response.status_code == 200
    notices = Page.of(response).notices
    assert len(notices) == 1
    assert "Community Garden" in notices[0].text
    hrefs = [a.attrs["href"] for a in Page.of(response).links() if a.inside(css_class="notice")]
    assert hrefs == ["/en/community-garden/"]


def test_untranslated_notice_for_chinese_only_page_links_to_chinese_page(client, notice_board):
    switcher = Page.of(client.get("/zh-hans/notice-board/")).switcher
    assert switcher["en"].attrs["href"] == f"/en/?untranslated={notice_board.zh.pk}"
    page = Page.of(client.get(switcher["en"].attrs["href"]))
    back = [a for a in page.links() if a.inside(css_class="notice")]
    assert [a.attrs["href"] for a in back] == ["/zh-hans/notice-board/"]
    # The link text is English, like the page; only its target is Chinese.
    assert back[0].attrs["hreflang"] == "zh-Hans"
    assert "lang" not in back[0].attrs
    quoted = [s for s in page.find_all("span", lang="zh-Hans") if s.inside(css_class="notice")]
    assert [span.text for span in quoted] == [notice_board.zh.title]


def test_home_page_without_untranslated_parameter_shows_no_notice(client, home):
    response = client.get("/ko/")
    assert response.status_code == 200
    assert Page.of(response).notices == []


@pytest.mark.parametrize(
    "value", ["abc", "99999999", "<script>alert(1)</script>", "", "-1", "1e3", "9" * 40, "١٢", "²"]
)
def test_bad_untranslated_parameter_shows_home_without_notice(client, home, value):
    response = client.get("/ko/", {"untranslated": value})
    assert response.status_code == 200
    assert Page.of(response).notices == []
    assert "<script>alert(1)</script>" not in response.content.decode()


def test_untranslated_parameter_for_unpublished_page_shows_no_notice(client, home):
    draft = ContentPage(title="草稿", slug="draft-page", live=False)
    home.zh.add_child(instance=draft)
    draft.save_revision()
    response = client.get("/ko/", {"untranslated": str(draft.pk)})
    assert response.status_code == 200
    assert Page.of(response).notices == []


def test_slug_is_the_same_in_every_locale(client, salon):
    for code in ("zh-hans", "en", "ko"):
        response = client.get(f"/{code}/english-salon/")
        assert response.status_code == 200, code
    assert {salon.zh.slug, salon.en.slug, salon.ko.slug} == {"english-salon"}


def test_chinese_title_without_slug_gets_pinyin_slug(home):
    page = add_content_page(home.zh, title="英语沙龙")
    assert page.slug == "ying-yu-sha-long"


def test_pinyin_slug_is_served_in_every_locale(client, home):
    page = add_content_page(home.zh, title="英语沙龙")
    translate(page, "en", title="English Salon")
    translate(page, "ko", title="영어 살롱")
    for code, title in (("zh-hans", "英语沙龙"), ("en", "English Salon"), ("ko", "영어 살롱")):
        response = client.get(f"/{code}/ying-yu-sha-long/")
        assert response.status_code == 200, code
        assert title in Page.of(response).text_of("h1")


def test_second_page_with_same_chinese_title_gets_a_distinct_ascii_slug(home):
    first = add_content_page(home.zh, title="英语沙龙")
    second = add_content_page(home.zh, title="英语沙龙")
    assert first.slug == "ying-yu-sha-long"
    assert second.slug != first.slug
    assert second.slug.startswith("ying-yu-sha-long")
    assert second.slug.isascii()
