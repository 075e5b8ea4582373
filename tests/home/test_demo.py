"""The demo site built by `load_demo`: real translations, localized chrome, safe to re-run."""

import io
import re

import pytest
from django.core.management import call_command
from wagtail.images.models import Image
from wagtail.models import Page
from wagtail_localize.models import Translation, TranslationSource

from home.models import ContactDetails, ContentPage, NavigationMenu
from tests.conftest import remember_demo, restore_demo
from tests.home.pagehtml import Page as Html

# load_demo commits each step, and wagtail-localize publishes page translations
# in transaction.on_commit: only a transactional test sees the demo as a real run
# leaves it. (Inside tests/conftest.py's `demo_site`, a plain `db` test, nothing
# commits and every English and Korean page stays an unpublished draft.)
pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

CJK = re.compile(r"[\u4e00-\u9fff]")
HANGUL = re.compile(r"[\uac00-\ud7a3]")
ANSI = re.compile(r"\x1b\[[0-9;]*m")
ONLY_ENGLISH = {"good-life-lab"}


def run_load_demo():
    out = io.StringIO()
    call_command("load_demo", stdout=out)
    return ANSI.sub("", out.getvalue())


@pytest.fixture
def demo():
    return restore_demo()


def snapshot():
    pages = {
        (p.locale.language_code, p.url_path, p.title)
        for p in Page.objects.filter(depth__gt=1).select_related("locale")
    }
    return {
        "pages": pages,
        "images": Image.objects.count(),
        "menus": NavigationMenu.objects.count(),
        "contacts": ContactDetails.objects.count(),
        "sources": TranslationSource.objects.count(),
        "translations": Translation.objects.count(),
    }


def test_load_demo_twice_changes_nothing_and_reports_each_step():
    first_output = run_load_demo()
    first = snapshot()
    second_output = run_load_demo()
    second = snapshot()
    remember_demo()  # later demo tests in this process start from here

    assert second == first
    assert len(first["pages"]) > 3

    for output in (first_output, second_output):
        steps = re.findall(r"^\[(\d+)/(\d+)\] \S", output, flags=re.MULTILINE)
        assert steps, output
        total = int(steps[0][1])
        assert [(int(n), int(t)) for n, t in steps] == [(n, total) for n in range(1, total + 1)]


@pytest.fixture
def demo_sources(demo):
    root = demo.root_page
    sources = list(ContentPage.objects.child_of(root).filter(locale=root.locale))
    assert {p.slug for p in sources} >= {"about", "newcomers", "emergency"}
    # The service centre is a public space; a second page about it only split search results.
    assert "service-centre" not in {p.slug for p in sources}
    assert "good-life-lab" in {p.slug for p in sources}
    return sources


def translations_of(page):
    return {
        p.locale.language_code: p.specific
        for p in page.get_translations().live().select_related("locale")
    }


def test_demo_pages_are_published_wagtail_localize_translations(demo_sources):
    """Every demo page is in en and ko (good-life-lab: en only), translated by wagtail-localize."""
    for page in demo_sources:
        translations = translations_of(page)
        expected = {"en"} if page.slug in ONLY_ENGLISH else {"en", "ko"}
        assert set(translations) == expected, page.slug
        for code, translation in translations.items():
            where = (page.slug, code, translation.title)
            assert Translation.objects.filter(
                source__object_id=page.translation_key, target_locale__language_code=code
            ).exists(), where
            assert translation.slug == page.slug, where
            assert translation.title != page.title, where
            assert not CJK.search(translation.title), where
            if code == "ko":
                assert HANGUL.search(translation.title), where


def test_demo_header_and_footer_follow_the_visitor_language(client, demo):
    english = Html.of(client.get("/en/"))
    menu = english.hrefs(inside_tag="nav", inside_class="main-nav")
    assert {"/en/about/", "/en/newcomers/"} <= set(menu)
    assert all(href.startswith("/en/") for href in menu), menu
    for href in menu:
        assert client.get(href).status_code == 200, href
    footer = english.find_all("footer")[0].text
    assert "International Neighbour Service Centre" in footer
    assert "国际友邻服务中心" not in footer
    assert "tel:110" in english.hrefs(inside_tag="footer")

    korean = Html.of(client.get("/ko/"))
    menu = korean.hrefs(inside_tag="nav", inside_class="main-nav")
    assert "/ko/about/" in menu
    assert all(href.startswith("/ko/") for href in menu), menu
    assert "국제이웃서비스센터" in korean.find_all("footer")[0].text
    assert "tel:110" in korean.hrefs(inside_tag="footer")


def test_demo_korean_switcher_on_good_life_lab_goes_to_korean_home(client, demo_sources):
    lab = next(p for p in demo_sources if p.slug == "good-life-lab")
    english = lab.get_translation(lab.get_translations().get(locale__language_code="en").locale)
    korean = Html.of(client.get("/en/good-life-lab/")).switcher["ko"]
    assert korean.attrs["href"] == f"/ko/?untranslated={english.pk}"
    back = [
        a.attrs["href"]
        for a in Html.of(client.get(korean.attrs["href"])).links()
        if a.inside(css_class="notice")
    ]
    assert back == ["/en/good-life-lab/"]


@pytest.mark.parametrize("language", ["zh-hans", "en", "ko"])
def test_demo_newcomers_path_is_linked_in_every_language(client, demo, language):
    """The home page's call-out and button, the guide's four steps and the header's emergency
    button each lead to their page in the visitor's language."""
    home = Html.of(client.get(f"/{language}/"))
    assert f"/{language}/services/temporary-residence-registration/" in home.hrefs(
        inside_tag="div", inside_class="callout"
    )
    assert f"/{language}/newcomers/" in home.hrefs(inside_tag="main")
    find_your_way = home.hrefs(inside_tag="ul", inside_class="card-links")
    assert find_your_way[:2] == [f"/{language}/newcomers/", f"/{language}/services/"]
    assert f"/{language}/events/" in find_your_way
    (emergency,) = home.find_all("a", class_="emergency-link")
    assert emergency.attrs["href"] == f"/{language}/emergency/"

    steps = Html.of(client.get(f"/{language}/newcomers/")).hrefs(
        inside_tag="ol", inside_class="linked-steps"
    )
    assert steps == [
        f"/{language}/services/{slug}/"
        for slug in (
            "temporary-residence-registration",
            "visa-residence-permit",
            "hospitals-english-korean",
            "rubbish-sorting",
        )
    ]
    for href in steps:
        assert client.get(href).status_code == 200, href
    assert client.get(f"/{language}/service-centre/").status_code == 404
