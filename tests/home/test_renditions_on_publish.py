"""Publishing a page makes the renditions its pictures need (issue 13, finding 5).

A 121-megapixel photo cost ~5 s per rendition, and the first visitor of a space page paid
for all of them. Now publishing makes them (after the commit, through django-tasks), so a
first anonymous visit creates no rendition at all; and what publishing makes is exactly
what the page then uses: with the renditions deleted, a visit makes the same set again.
"""

import datetime
import io

import pytest
from django.core.cache import cache
from django.core.files.images import ImageFile
from PIL import Image as PILImage
from wagtail.images.models import Image, Rendition
from wagtail.images.rect import Rect

from events.models import EventPage
from home.models import ContentPage
from home.renditions import make_page_renditions
from services.models import PartnerPage, PublicSpacePage, ServiceIndexPage, ServicePage
from services.pictures import SPACE_PHOTO
from tests.conftest import publish, translate
from tests.events import conftest as events

pytestmark = pytest.mark.django_db
# The calendar's tree: home pages, the events, spaces and partners lists, no pictures yet.
calendar = events.calendar


def make_image(title):
    buffer = io.BytesIO()
    PILImage.new("RGB", (1600, 900), (11, 93, 87)).save(buffer, format="JPEG")
    image = Image(title=title, file=ImageFile(buffer, name=f"{title}.jpg"))
    image.save()
    return image


def figure(image, block="image"):
    return (block, {"image": image, "alt_text": "", "caption": ""})


def renditions():
    return set(Rendition.objects.values_list("image_id", "filter_spec", "focal_point_key"))


@pytest.fixture
def published(django_capture_on_commit_callbacks):
    """Publish as the admin does: the on-commit callbacks run."""

    def publish_committed(page):
        with django_capture_on_commit_callbacks(execute=True):
            return publish(page)

    def translate_committed(page, language_code, **fields):
        with django_capture_on_commit_callbacks(execute=True):
            return translate(page, language_code, **fields)

    publish_committed.translate = translate_committed
    return publish_committed


def visit(client, *pages):
    for page in pages:
        response = client.get(page.url)
        assert response.status_code == 200, page.url
        assert b"<picture>" in response.content, page.url


def assert_first_visit_makes_none(client, made, *pages):
    """A visit after publishing makes no rendition; without them, it makes these again."""
    assert made
    visit(client, *pages)
    assert renditions() == made
    Rendition.objects.all().delete()
    cache.clear()
    visit(client, *pages)
    assert renditions() == made


def add_child(parent, page):
    parent.add_child(instance=page)
    return page


def test_content_page_with_pictures_in_its_body(client, calendar, published):
    home = calendar.home
    page = add_child(
        home.zh,
        ContentPage(
            title="图片", slug="pictures", body=[figure(make_image("a")), figure(make_image("b"))]
        ),
    )
    published(page)
    made = renditions()
    assert len(made) == 2 * 9  # three widths in three formats, each picture
    korean = published.translate(page, "ko", title="사진")
    assert renditions() == made
    assert_first_visit_makes_none(client, made, page, korean)


def test_home_page_header_picture(client, calendar, published):
    home = calendar.home
    home.zh.hero_image = make_image("hero")
    published(home.zh)
    made = renditions()
    assert len(made) == 9 + 1  # three widths in three formats, and the Open Graph card
    home.en.hero_image = home.zh.hero_image  # a translation shares the picture
    published(home.en)
    assert renditions() == made
    assert_first_visit_makes_none(client, made, home.zh, home.en)


def test_partner_logo_on_its_page_the_list_and_for_search_engines(client, calendar, published):
    index = calendar.yam.zh.get_parent()
    partner = published(
        add_child(
            index,
            PartnerPage(
                title="画廊咖啡", slug="gallery-cafe", partner_type="cafe", logo=make_image("logo")
            ),
        )
    )
    made = renditions()
    # Page (2 sizes × 3 formats), list card (the same), JSON-LD logo (1).
    assert len(made) == 6 + 6 + 1
    english = published.translate(partner, "en", title="Gallery Café")
    assert renditions() == made
    # The English list too (`index.localized` would depend on the active language).
    english_index = index.get_translation(english.locale)
    assert_first_visit_makes_none(client, made, partner, english, index, english_index)


def test_space_photo_and_gallery(client, calendar, published):
    index = calendar.centre.zh.get_parent()
    space = published(
        add_child(
            index,
            PublicSpacePage(
                title="画室",
                slug="studio",
                image=make_image("studio"),
                gallery=[figure(make_image("one"), "photo"), figure(make_image("two"), "photo")],
            ),
        )
    )
    made = renditions()
    # Photo (2 sizes × 3 formats, shared with the list card) and its JSON-LD copy, then
    # each gallery picture (3 widths × 3 formats).
    assert len(made) == 6 + 1 + 2 * 9
    english = published.translate(space, "en", title="Studio")
    korean = published.translate(space, "ko", title="화실")
    assert renditions() == made
    assert_first_visit_makes_none(client, made, space, english, korean, index)


def test_event_picture_shared_by_its_translations(client, calendar, published):
    event = published(
        add_child(
            calendar.index.zh,
            EventPage(
                title="摄影展",
                slug="photo-show",
                summary="摄影作品",
                start_time=datetime.time(19, 0),
                start_date=events.next_weekday(5),
                image=make_image("show"),
                body=[figure(make_image("inside"))],
            ),
        )
    )
    made = renditions()
    # Picture (3 sizes × 3 formats) and its JSON-LD copy; the body's picture.
    assert len(made) == 9 + 1 + 9
    english = published.translate(event, "en", title="Photo show")
    assert renditions() == made
    assert_first_visit_makes_none(client, made, event, english)


def test_a_page_without_pictures_makes_none(client, calendar, published):
    index = published(add_child(calendar.home.zh, ServiceIndexPage(title="办事", slug="services")))
    published(add_child(index, ServicePage(title="签证", slug="visa")))
    assert renditions() == set()


def test_publishing_again_finds_the_renditions_in_few_queries(
    calendar, published, django_assert_max_num_queries
):
    index = calendar.centre.zh.get_parent()
    gallery = [figure(make_image(f"photo {n}"), "photo") for n in range(5)]
    space = published(
        add_child(index, PublicSpacePage(title="画室", slug="studio", image=make_image("studio")))
    )
    space.gallery = gallery
    published(space)
    made = renditions()
    cache.clear()  # Wagtail's rendition cache would answer without the database
    # The page (2), its photo and its gallery's (2), one look-up per picture's sizes: the
    # photo's for the page and for search engines, then each gallery photo's (2 + 5).
    with django_assert_max_num_queries(11):
        make_page_renditions.call(space.pk)
    assert renditions() == made


def test_publishing_stops_starting_pictures_after_its_time(calendar, published, settings):
    settings.YOULIN_PUBLISH_RENDITIONS_SECONDS = 0
    index = calendar.centre.zh.get_parent()
    published(
        add_child(
            index,
            PublicSpacePage(
                title="画室",
                slug="studio",
                image=make_image("studio"),
                gallery=[figure(make_image("one"), "photo")],
            ),
        )
    )
    # The first picture's sizes only: the main photo on the page.
    assert {spec for _, spec, _ in renditions()} == set(SPACE_PHOTO.filters())


def test_moving_the_focal_point_makes_the_new_renditions(
    client, calendar, published, django_capture_on_commit_callbacks
):
    index = calendar.centre.zh.get_parent()
    image = make_image("studio")
    space = published(add_child(index, PublicSpacePage(title="画室", slug="studio", image=image)))
    before = renditions()
    image.set_focal_point(Rect(1000, 200, 1400, 600))
    with django_capture_on_commit_callbacks(execute=True):
        image.save()
    made = renditions()
    # Every cropped size again, for the new focal point (the JSON-LD copy is not cropped).
    assert len(made - before) == 6
    visit(client, space, index)
    assert renditions() == made
