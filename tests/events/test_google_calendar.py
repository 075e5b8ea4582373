"""The Google Calendar link names the venue in the page's language."""

import re
from html import unescape
from urllib.parse import parse_qs, urlparse

import pytest

pytestmark = pytest.mark.django_db


def google_link(client, url):
    html = client.get(url).content.decode()
    href = re.search(r'href="(https://calendar\.google\.com/[^"]+)"', html).group(1)
    return parse_qs(urlparse(unescape(href)).query)


@pytest.mark.parametrize(
    ("code", "name"),
    [
        ("en", "International Neighbour Service Centre"),
        ("ko", "국제이웃서비스센터"),
        ("zh-hans", "国际友邻服务中心"),
    ],
)
def test_location_is_the_venue_name_in_the_pages_language(client, salon, code, name):
    params = google_link(client, f"/{code}/events/english-salon/")
    assert params["location"] == [f"{name}, 双柏社区"]
    assert params["text"][0] in client.get(f"/{code}/events/english-salon/").content.decode()
