"""Admin login throttling (issue 13, finding 9).

Found: 30 wrong passwords in 9.5 seconds at /admin/login/, and no lockout. Now five wrong
passwords for one username from one address lock that pair out for fifteen minutes, the
login page says so in the visitor's language, and administrators see the lockout.
"""

import pytest
from axes.models import AccessAttempt
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Permission
from django.test import Client
from django.urls import reverse

PASSWORD = "correct-horse-battery"
LOGIN = "/admin/login/"


@pytest.fixture
def editor(db):
    return get_user_model().objects.create_user(username="editor", password=PASSWORD)


def log_in(client, password, username="editor", **headers):
    return client.post(LOGIN, {"username": username, "password": password}, **headers)


@pytest.mark.parametrize(
    ("accept_language", "message"),
    [
        ("en", "Too many failed logins for this username from your address"),
        ("zh-CN,zh;q=0.9", "此用户名从您的网络地址登录失败次数过多"),
        ("ko-KR,ko;q=0.9", "이 주소에서 이 사용자 이름으로 로그인에 너무 많이 실패했습니다"),
    ],
)
def test_five_wrong_passwords_lock_out_even_the_right_one(editor, accept_language, message):
    client = Client(HTTP_ACCEPT_LANGUAGE=accept_language)
    for _attempt in range(4):
        wrong = log_in(client, "wrong-password")
        assert wrong.status_code == 200
        assert message not in wrong.content.decode()
    assert log_in(client, "wrong-password").status_code == 429  # the fifth locks out
    refused = log_in(client, PASSWORD)
    assert refused.status_code == 429
    body = refused.content.decode()
    assert message in body
    assert "<form" in body  # the login page again, with the lockout as its error
    assert "_auth_user_id" not in client.session


def test_four_wrong_passwords_then_the_right_one_logs_in(editor):
    client = Client()
    for _attempt in range(4):
        log_in(client, "wrong-password")
    assert log_in(client, PASSWORD).status_code == 302
    assert client.session["_auth_user_id"] == str(editor.pk)


def test_the_lockout_is_per_username_and_address(editor):
    attacker = Client(REMOTE_ADDR="203.0.113.9")
    for _attempt in range(6):
        log_in(attacker, "wrong-password")
    assert log_in(attacker, PASSWORD).status_code == 429
    # The editor at the community centre is not locked out by someone else's guessing.
    assert log_in(Client(REMOTE_ADDR="198.51.100.7"), PASSWORD).status_code == 302


def test_force_login_still_works_for_the_rest_of_the_suite(client, editor):
    editor.user_permissions.add(Permission.objects.get(codename="access_admin"))
    client.force_login(editor)
    assert client.get("/admin/").status_code == 200


def test_an_administrator_sees_the_lockout_and_can_lift_it(admin_client, editor):
    attacker = Client(REMOTE_ADDR="203.0.113.9")
    for _attempt in range(5):
        log_in(attacker, "wrong-password")
    listing = admin_client.get("/admin/login_lockouts/")
    assert listing.status_code == 200
    body = listing.content.decode()
    assert "editor" in body and "203.0.113.9" in body
    attempt = AccessAttempt.objects.get(username="editor")
    assert attempt.failures_since_start == 5
    lifted = admin_client.post(reverse("login_lockouts:delete", args=[attempt.pk]))
    assert lifted.status_code == 302
    assert not AccessAttempt.objects.exists()
    assert log_in(attacker, PASSWORD).status_code == 302


def test_editors_do_not_see_the_lockouts(client, editor):
    editor.user_permissions.add(Permission.objects.get(codename="access_admin"))
    client.force_login(editor)
    assert client.get("/admin/login_lockouts/").status_code in (302, 403)
