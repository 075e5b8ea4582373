"""Editors' side: the notice and contact-form editors open, and what they refuse."""

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from notices.models import KIND_URGENT, NoticePage
from tests.notices.conftest import add_notice

pytestmark = pytest.mark.django_db


def test_the_editors_open(admin_client, board):
    notice = add_notice(board, "water", "停水")
    for url in (
        f"/admin/pages/add/notices/noticepage/{board.index.zh.pk}/",
        f"/admin/pages/{notice.zh.pk}/edit/",
        f"/admin/pages/add/notices/contactpage/{board.home.zh.pk}/",
        "/admin/snippets/notices/noticearea/",
    ):
        response = admin_client.get(url)
        assert response.status_code == 200, url


def urgent(**fields):
    now = timezone.now()
    return NoticePage(
        title="预警", slug="alert", summary="x", kind=KIND_URGENT, valid_from=now, **fields
    )


def test_an_urgent_alert_needs_an_end():
    with pytest.raises(ValidationError) as error:
        urgent().clean()
    assert "valid_until" in error.value.message_dict


def test_an_urgent_alert_shows_for_a_month_at_most():
    page = urgent(valid_until=timezone.now() + datetime.timedelta(days=40))
    with pytest.raises(ValidationError) as error:
        page.clean()
    assert "valid_until" in error.value.message_dict


def test_a_notice_cannot_end_before_it_starts():
    page = NoticePage(
        title="x",
        slug="x",
        summary="x",
        valid_from=timezone.now(),
        valid_until=timezone.now() - datetime.timedelta(hours=1),
    )
    with pytest.raises(ValidationError) as error:
        page.clean()
    assert "valid_until" in error.value.message_dict
