"""`/` sends each visitor to their language: remembered choice, then browser, then English."""

import pytest

pytestmark = pytest.mark.django_db


def vary(response):
    return {v.strip().lower() for v in response.get("Vary", "").split(",") if v.strip()}


@pytest.mark.parametrize(
    ("accept_language", "expected"),
    [
        ("ko-KR,ko;q=0.9", "/ko/"),
        ("zh-CN,zh;q=0.9", "/zh-hans/"),
        ("zh-TW", "/zh-hans/"),
        ("zh-Hant-HK,zh;q=0.8", "/zh-hans/"),
        ("en-GB,en;q=0.9", "/en/"),
        ("de-DE", "/en/"),
        ("de-DE,de;q=0.9,ko;q=0.5", "/ko/"),
        ("fr;q=1, ko;q=0.8, en;q=0.5", "/ko/"),
        ("en;q=0.5, ko;q=0.8", "/ko/"),
        ("*", "/en/"),
    ],
)
def test_root_redirects_by_accept_language(client, home, accept_language, expected):
    response = client.get("/", headers={"accept-language": accept_language})
    assert response.status_code == 302
    assert response["Location"] == expected


def test_root_without_accept_language_goes_to_english(client, home):
    response = client.get("/")
    assert response.status_code == 302
    assert response["Location"] == "/en/"


def test_language_cookie_beats_accept_language(client, home):
    client.cookies["youlin_language"] = "ko"
    response = client.get("/", headers={"accept-language": "en-US,en;q=0.9"})
    assert response["Location"] == "/ko/"


def test_chinese_language_cookie_beats_korean_browser(client, home):
    client.cookies["youlin_language"] = "zh-hans"
    response = client.get("/", headers={"accept-language": "ko-KR,ko;q=0.9"})
    assert response["Location"] == "/zh-hans/"


@pytest.mark.parametrize("cookie", ["klingon", "", "../admin", "<script>"])
def test_invalid_language_cookie_is_ignored(client, home, cookie):
    client.cookies["youlin_language"] = cookie
    response = client.get("/", headers={"accept-language": "ko-KR,ko;q=0.9"})
    assert response.status_code == 302
    assert response["Location"] == "/ko/"


def test_root_redirect_varies_on_accept_language_and_cookie(client, home):
    response = client.get("/", headers={"accept-language": "ko"})
    assert {"accept-language", "cookie"} <= vary(response)


def test_root_redirect_follows_to_the_korean_home_page(client, home):
    response = client.get("/", headers={"accept-language": "ko-KR,ko;q=0.9"}, follow=True)
    assert response.redirect_chain == [("/ko/", 302)]
    assert response.status_code == 200
    assert "솽바이 국제 커뮤니티" in response.content.decode()


def test_unprefixed_unknown_path_redirects_into_visitor_language(client, home):
    response = client.get("/nope/", headers={"accept-language": "ko-KR,ko;q=0.9"})
    assert response.status_code == 302
    assert response["Location"] == "/ko/nope/"
    assert {"accept-language", "cookie"} <= vary(response)


def test_unprefixed_unknown_path_ends_in_a_404(client, home):
    response = client.get("/nope/", headers={"accept-language": "ko-KR,ko;q=0.9"}, follow=True)
    assert response.redirect_chain == [("/ko/nope/", 302)]
    assert response.status_code == 404


def test_unprefixed_content_path_redirects_to_the_english_page(client, salon):
    response = client.get("/english-salon/", headers={"accept-language": "de-DE"}, follow=True)
    assert response.redirect_chain == [("/en/english-salon/", 302)]
    assert response.status_code == 200
    assert "English Salon" in response.content.decode()
