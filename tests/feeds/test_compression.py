"""Feeds are sent gzip-compressed to clients that ask, as every calendar app and reader does."""

import gzip

import feedparser
import icalendar
import pytest

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("path", ["/en/events/ics/", "/ko/events/rss/", "/zh-hans/events/atom/"])
def test_a_feed_is_compressed_for_a_client_that_asks(client, salon, path):
    plain = client.get(path)
    packed = client.get(path, HTTP_ACCEPT_ENCODING="gzip, deflate")
    assert "Content-Encoding" not in plain
    assert packed["Content-Encoding"] == "gzip"
    assert "Accept-Encoding" in packed["Vary"]
    body = gzip.decompress(packed.content)
    assert body == plain.content
    assert len(packed.content) < len(plain.content)  # small here; a quarter on the demo
    if path.endswith("ics/"):
        assert icalendar.Calendar.from_ical(body).walk("VEVENT")
    else:
        assert feedparser.parse(body).entries


def test_a_compressed_feed_still_answers_304(client, salon):
    first = client.get("/en/events/ics/", HTTP_ACCEPT_ENCODING="gzip")
    again = client.get(
        "/en/events/ics/", HTTP_ACCEPT_ENCODING="gzip", HTTP_IF_NONE_MATCH=first["ETag"]
    )
    assert again.status_code == 304
