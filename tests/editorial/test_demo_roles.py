"""The demo as a newcomer gets it: one user per role, each seeing what that role may do."""

import re

import pytest
from django.http import HttpRequest
from django.test import Client
from django.urls import reverse
from wagtail.models import Page, get_page_models

from demo.users import DEMO_USERS
from demo.users import PUBLISHED_PASSWORD as ADMIN_PASSWORD
from events.models import EventPage

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


def logged_in(username):
    client = Client()
    # django-axes throttles logins per address, so authenticate() needs a request.
    assert client.login(request=HttpRequest(), username=username, password=ADMIN_PASSWORD)
    return client


def test_each_demo_user_sees_what_their_role_may_do(demo_site):
    salon = EventPage.objects.filter(locale__language_code="zh-hans").first()
    korean_salon = EventPage.objects.get(
        translation_key=salon.translation_key, locale__language_code="ko"
    )

    def edit(page):
        return reverse("wagtailadmin_pages:edit", args=[page.pk])

    for username, *_names, group, language in DEMO_USERS:
        client = logged_in(username)
        dashboard = client.get(reverse("wagtailadmin_home"))
        assert dashboard.status_code == 200, username
        # The admin speaks the user's own language.
        assert f'lang="{language}"' in dashboard.content.decode().lower(), username
        shown = set(re.findall(r'data-locale="([\w-]+)"', dashboard.content.decode()))
        if group.endswith("translators"):
            assert shown <= {language}, username

    translator = logged_in("translator-ko")
    assert translator.get(edit(salon)).status_code == 302
    assert translator.get(edit(korean_salon)).status_code == 200

    editor_html = logged_in("editor").get(edit(salon)).content.decode()
    assert 'name="action-publish"' not in editor_html
    assert 'name="action-publish"' in logged_in("moderator").get(edit(salon)).content.decode()


def test_every_page_type_can_be_previewed(demo_site):
    previewed = set()
    for model in get_page_models():
        if model is Page:
            continue
        page = model.objects.filter(depth__gt=1).first()
        if page is None:
            continue
        response = page.make_preview_request()
        assert response.status_code == 200, model.__name__
        previewed.add(model.__name__)
    ours = {
        m.__name__ for m in get_page_models() if m._meta.app_label in {"home", "events", "services"}
    }
    assert previewed >= ours
