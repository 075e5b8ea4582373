"""An event's status banner as people see it, in Chromium: a cancellation does not look calm."""

import pytest

from tests.events.conftest import make_event

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


def test_cancelled_postponed_and_moved_online_banners_each_have_their_colour(
    live_server, page, calendar
):
    colours = {}
    for status in ("cancelled", "postponed", "moved_online"):
        make_event(calendar, f"status-{status}", english_only=True, status=status)
        page.goto(f"{live_server.url}/en/events/status-{status}/")
        notice = page.locator(f".notice--{status}")
        colours[status] = notice.evaluate(
            "n => [getComputedStyle(n).backgroundColor, getComputedStyle(n).borderLeftColor]"
        )
    assert colours["cancelled"] == ["rgb(253, 226, 225)", "rgb(180, 35, 24)"]
    assert len({tuple(c) for c in colours.values()}) == 3, colours
