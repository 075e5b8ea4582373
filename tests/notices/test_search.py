"""Notices in site search: found in the visitor's language, under their own kind."""

import pytest

from tests.notices.conftest import add_notice

pytestmark = pytest.mark.django_db


@pytest.fixture
def search_index_kept_up_to_date():
    return True


def test_a_notice_is_found_and_filed_under_notices(client, board):
    add_notice(board, "water", "锦绣苑停水通知", en="Water outage in Jinxiu Garden")
    html = client.get("/en/search/?q=outage").content.decode()
    assert "/en/notices/water/" in html
    assert "?q=outage&amp;type=notices" in html or "type=notices" in html
    only = client.get("/en/search/?q=outage&type=notices")
    assert only.status_code == 200
    assert "/en/notices/water/" in only.content.decode()
    chinese = client.get("/zh-hans/search/?q=停水").content.decode()
    assert "/zh-hans/notices/water/" in chinese
