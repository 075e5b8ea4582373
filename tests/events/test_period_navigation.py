"""Previous/next links of the month and week views, across year boundaries."""

import re

import pytest

pytestmark = pytest.mark.django_db


def nav(client, url):
    html = client.get(url).content.decode()
    links = {rel: href for href, rel in re.findall(r'<a href="([^"]+)" rel="(prev|next)">', html)}
    return links.get("prev"), links.get("next")


@pytest.mark.parametrize(
    ("url", "previous", "following"),
    [
        ("/en/events/month/2026/12/", "/en/events/month/2026/11/", "/en/events/month/2027/1/"),
        ("/en/events/month/2027/1/", "/en/events/month/2026/12/", "/en/events/month/2027/2/"),
        ("/en/events/week/2026/53/", "/en/events/week/2026/52/", "/en/events/week/2027/1/"),
        ("/en/events/week/2027/1/", "/en/events/week/2026/53/", "/en/events/week/2027/2/"),
        ("/en/events/week/2025/52/", "/en/events/week/2025/51/", "/en/events/week/2026/1/"),
        ("/en/events/month/2100/12/", "/en/events/month/2100/11/", None),
        ("/en/events/week/2000/1/", None, "/en/events/week/2000/2/"),
        ("/en/events/week/2100/52/", "/en/events/week/2100/51/", None),
    ],
)
def test_previous_and_next_periods(client, calendar, url, previous, following):
    assert nav(client, url) == (previous, following)
    for link in (previous, following):
        if link:
            assert client.get(link).status_code == 200, link


def test_filters_follow_the_period_links(client, salon):
    html = client.get("/en/events/week/2026/53/?category=english-salon").content.decode()
    assert 'href="/en/events/week/2027/1/?category=english-salon" rel="next"' in html
