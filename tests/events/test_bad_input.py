"""Odd query strings and paths on every calendar view: a 400 page or the nearest view, never 500."""

import pytest

from tests.events.conftest import next_weekday

pytestmark = pytest.mark.django_db

VIEWS = [
    "/en/events/",
    "/en/events/today/",
    "/en/events/weekend/",
    "/en/events/month/",
    "/en/events/month/2026/12/",
    "/en/events/week/",
    "/en/events/week/2026/53/",
    "/en/events/subscribe/",
]
ODD_VALUES = ["²", "١٢", "-1", "9" * 40, "%00", "<b>"]
PARAMETERS = [
    "page",
    "month",
    "week",
    "date",
    "category",
    "venue",
    "organiser",
    "audience",
    "language",
    "free",
]


@pytest.mark.parametrize("url", VIEWS)
def test_odd_values_of_every_parameter_never_give_a_server_error(client, salon, url):
    for name in PARAMETERS:
        for value in ODD_VALUES:
            response = client.get(f"{url}?{name}={value}")
            assert response.status_code in (200, 400), (name, value, response.status_code)
            assert '<html lang="en">' in response.content.decode()


@pytest.mark.parametrize("page", ["²", "١٢", "１", "9" * 40, "-3"])
def test_non_ascii_and_huge_page_numbers_show_a_real_page(client, salon, page):
    response = client.get(f"/en/events/?page={page}")
    assert response.status_code == 200
    assert "Uncle Zhan" in response.content.decode().replace("&#x27;", "'")


@pytest.mark.parametrize("path", ["/en/events/month/２０２６/１/", "/en/events/week/٢٠٢٦/١/"])
def test_non_ascii_digits_in_calendar_paths_are_not_found(client, salon, path):
    assert client.get(path).status_code == 404


@pytest.mark.parametrize("value", ["1", "on", "true", "TRUE", "On", "True"])
def test_every_spelling_of_free_means_free_only(client, salon, calendar, value):
    from tests.events.conftest import make_event

    make_event(calendar, "paid", start_date=next_weekday(3), is_free=False)
    response = client.get(f"/en/events/?free={value}")
    assert response.status_code == 200
    html = response.content.decode().replace("&#x27;", "'")
    assert "Uncle Zhan" in html
    assert "Event paid" not in html
    assert '<input type="checkbox" name="free" value="1" id="filter-free" checked>' in html
