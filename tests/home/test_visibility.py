"""live_public(): the same pages as Wagtail's .live().public(), in one query instead of two."""

from wagtail.models import Page, PageViewRestriction

from home.models import ContentPage
from home.visibility import live_public
from tests.conftest import publish


def _tree(home):
    pages = {}
    for slug in ("open", "members", "members-child", "draft", "membership"):
        parent = pages["members"] if slug == "members-child" else home.zh
        page = ContentPage(title=slug, slug=slug, live=slug != "draft")
        parent.add_child(instance=page)
        if page.live:
            publish(page)
        pages[slug] = page
    PageViewRestriction.objects.create(
        page=pages["members"], restriction_type=PageViewRestriction.PASSWORD, password="x"
    )
    return pages


def test_restricted_pages_and_their_descendants_are_left_out(home):
    pages = _tree(home)
    shown = set(live_public(Page.objects.all()).values_list("slug", flat=True))
    assert {"open", "membership"} <= shown  # "membership" starts like "members" but is no child
    assert not {"members", "members-child", "draft"} & shown
    assert shown == set(Page.objects.live().public().values_list("slug", flat=True))
    contents = live_public(ContentPage.objects.all())
    assert pages["open"].pk in set(contents.values_list("pk", flat=True))


def test_one_query_where_public_needs_two(home, django_assert_num_queries):
    _tree(home)
    with django_assert_num_queries(1):
        list(live_public(Page.objects.all()))
    with django_assert_num_queries(2):
        list(Page.objects.live().public())
