"""Fixtures for the JSON API: a busier calendar than the salon alone, and a JSON client."""

import datetime
import io
from types import SimpleNamespace

import pytest
from django.core.files.images import ImageFile
from PIL import Image as PILImage
from wagtail.images.models import Image

from tests.events import conftest as events_fixtures
from tests.events.conftest import make_event, next_weekday
from tests.events.test_private_pages import private as private_fixture
from tests.replay import replayed
from tests.services.conftest import directory as directory_fixture

# The calendar's, the directory's and the private-pages test's own fixtures.
calendar = events_fixtures.calendar
salon = events_fixtures.salon
private = private_fixture
directory = directory_fixture

API = "/api/v3"


def get_json(client, path, status=200, **headers):
    response = client.get(f"{API}{path}", **headers)
    assert response.status_code == status, (path, response.status_code, response.content[:500])
    assert response["Content-Type"].startswith("application/json")
    return response.json()


def all_items(client, path, limit=100):
    """Every item of a list, following `next` links as a consumer would."""
    items = []
    url = f"{API}{path}{'&' if '?' in path else '?'}limit={limit}"
    while url:
        response = client.get(url)
        assert response.status_code == 200, response.content[:500]
        data = response.json()
        items += data["items"]
        url = data["next"]
    return items


def make_picture(title):
    buffer = io.BytesIO()
    PILImage.new("RGB", (640, 360), (200, 80, 40)).save(buffer, format="PNG")
    image = Image(title=title, file=ImageFile(buffer, name=f"{title}.png"))
    image.save()
    return image


@pytest.fixture
def programme(calendar, salon):
    """The salon plus five events of every kind: paid, for children, Korean, online, elsewhere."""
    return replayed("api.programme", lambda: build_programme(calendar, salon))


def build_programme(calendar, salon):
    picture = make_picture("festival")
    events = {
        "festival": make_event(
            calendar,
            "festival",
            title="国际文化节",
            en="International Cultural Festival",
            ko="국제 문화 축제",
            category=calendar.class_category,
            venue=calendar.classroom.zh,
            organisers=[calendar.yam.zh],
            start_date=next_weekday(6),
            image=picture,
            is_free=False,
            price_amount="30.00",
            audience="families",
            languages=["zh", "ko"],
            registration_url="https://example.com/register",
            capacity=40,
        ),
        "korean": make_event(
            calendar,
            "korean-corner",
            en="Korean corner",
            ko="한국어 코너",
            venue=calendar.centre.zh,
            start_date=next_weekday(3),
            languages=["ko"],
            audience="adults",
        ),
        "online": make_event(
            calendar,
            "online-talk",
            en="Online talk",
            ko="온라인 강연",
            start_date=next_weekday(4),
            online_url="https://example.com/live",
            status="moved_online",
        ),
        "fair": make_event(
            calendar,
            "book-fair",
            en="Book fair",
            ko="도서 박람회",
            start_date=next_weekday(1, 1),
            end_date=next_weekday(1, 1) + datetime.timedelta(days=2),
            all_day=True,
            start_time=None,
            end_time=None,
            venue_address="天府新区南山社区",
        ),
        "kids": make_event(
            calendar,
            "kids-club",
            en="Kids club",
            ko="어린이 클럽",
            start_date=next_weekday(2),
            audience="children",
            venue=calendar.centre.zh,
            organisers=[calendar.yam.zh],
            repeat="weekly",
            repeat_count=4,
        ),
    }
    return SimpleNamespace(calendar=calendar, salon=salon, picture=picture, **events)
