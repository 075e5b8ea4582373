"""Two editors on one page or snippet: saving over a newer revision is never silent (13.2).

Wagtail compares the revision an editor's form was loaded from with the latest one. Its
autosave (a JSON request) is refused outright when the form is stale, and the editing
session's ping tells the stale editor who saved a newer version; the page editor then asks
before any save goes over it (tests/browser/test_edit_conflicts.py drives that in Chromium).
Only its "Continue" saves over the newer version, and that one stays in the history. Our
form (EventPageForm), hooks and Content-Security-Policy must leave all of it working.
"""

import re

import pytest
from django.test import Client
from django.urls import reverse
from wagtail.users.models import UserProfile

from events.models import EventPage
from tests.editorial.conftest import add
from tests.editorial.forms import event_form

pytestmark = pytest.mark.django_db


@pytest.fixture
def event(newsroom):
    return add(newsroom.index.zh, EventPage(title="读书会", slug="book-club", summary="每月一次"))


def editor_client(user):
    client = Client()
    client.force_login(user)
    return client


def open_editor(client, page, url=None):
    """The edit form as the browser loads it: the revision it shows and the session's ping."""
    response = client.get(url or reverse("wagtailadmin_pages:edit", args=[page.pk]))
    assert response.status_code == 200
    html = response.content.decode()

    def hidden(name):
        return re.search(rf'name="{name}" value="([^"]*)"', html).group(1)

    return {
        "loaded_revision_id": hidden("loaded_revision_id"),
        "loaded_revision_created_at": hidden("loaded_revision_created_at"),
        "ping_url": re.search(r'data-w-swap-src-value="([^"]+)"', html).group(1),
    }


def save(client, page, loaded, title, **headers):
    data = event_form(title, "每月一次", slug="book-club")
    del data["action-publish"]  # the main button, "Save draft"
    data["loaded_revision_id"] = loaded["loaded_revision_id"]
    data["loaded_revision_created_at"] = loaded["loaded_revision_created_at"]
    return client.post(reverse("wagtailadmin_pages:edit", args=[page.pk]), data, **headers)


def latest_title(page):
    page.refresh_from_db()
    return page.get_latest_revision_as_object().title


@pytest.fixture
def editors(make_user):
    users = make_user("editor-a", "Editors"), make_user("editor-b", "Editors")
    for user in users:
        profile = UserProfile.get_for_user(user)
        profile.preferred_language = "en"
        profile.save()
    return users


def test_stale_autosave_is_refused_and_the_newer_revision_kept(event, editors):
    a, b = (editor_client(user) for user in editors)
    loaded_by_a, loaded_by_b = open_editor(a, event), open_editor(b, event)
    assert loaded_by_a["loaded_revision_id"] == loaded_by_b["loaded_revision_id"]

    assert save(a, event, loaded_by_a, "读书会（改到周五）").status_code == 302
    assert latest_title(event) == "读书会（改到周五）"

    # B's editor autosaves the form loaded before A saved.
    response = save(b, event, loaded_by_b, "读书会（B）", HTTP_ACCEPT="application/json")
    assert response.status_code == 400
    assert response.json()["error_code"] == "invalid_revision"
    assert latest_title(event) == "读书会（改到周五）"


def test_stale_editor_is_told_who_saved_a_newer_version(event, editors):
    a, b = (editor_client(user) for user in editors)
    loaded_by_b = open_editor(b, event)
    save(a, event, open_editor(a, event), "读书会（改到周五）")

    # The ping B's editor sends every WAGTAIL_EDITING_SESSION_PING_INTERVAL.
    response = b.post(
        loaded_by_b["ping_url"],
        {
            "revision_id": loaded_by_b["loaded_revision_id"],
            "revision_created_at": loaded_by_b["loaded_revision_created_at"],
        },
    )
    assert response.status_code == 200
    data = response.json()
    event.refresh_from_db()
    newest = event.latest_revision
    assert [(s["user"], s["revision_id"]) for s in data["other_sessions"]] == [
        ("editor-a", newest.pk)
    ]
    # The text of the dialog that stops B's save button.
    assert "editor-a saved a new version" in data["html"]
    assert "Proceeding will overwrite the changes made by editor-a." in data["html"]


def test_continue_saves_over_deliberately_and_keeps_the_other_version(event, editors):
    # What the dialog's "Continue" sends (and a browser without JavaScript): the form as it
    # is. Wagtail saves it as a new revision; A's stays in the history, to compare or restore.
    a, b = (editor_client(user) for user in editors)
    loaded_by_a, loaded_by_b = open_editor(a, event), open_editor(b, event)
    save(a, event, loaded_by_a, "读书会（改到周五）")
    assert save(b, event, loaded_by_b, "读书会（B）").status_code == 302
    assert latest_title(event) == "读书会（B）"
    titles = [revision.as_object().title for revision in event.revisions.order_by("pk")]
    assert titles[-2:] == ["读书会（改到周五）", "读书会（B）"]


def test_up_to_date_autosave_is_kept(event, editors):
    a = editor_client(editors[0])
    response = save(a, event, open_editor(a, event), "读书会（A）", HTTP_ACCEPT="application/json")
    assert response.status_code == 200
    assert response.json()["success"] is True
    assert latest_title(event) == "读书会（A）"


@pytest.mark.parametrize(
    ("language", "saved", "overwrite"),
    [
        ("zh-hans", "editor-a 保存了新版本", "继续将覆盖 editor-a 所做的修改。"),
        ("ko", "editor-a 님이 새 버전을 저장했습니다", "계속하면 editor-a 님이 한 변경 내용을"),
    ],
)
def test_the_warning_speaks_the_editors_language(event, editors, language, saved, overwrite):
    # Wagtail's own catalogues lack these strings; locale/vendor/ has them.
    a, b = (editor_client(user) for user in editors)
    profile = UserProfile.get_for_user(editors[1])
    profile.preferred_language = language
    profile.save()
    loaded_by_b = open_editor(b, event)
    save(a, event, open_editor(a, event), "读书会（改到周五）")
    response = b.post(
        loaded_by_b["ping_url"],
        {
            "revision_id": loaded_by_b["loaded_revision_id"],
            "revision_created_at": loaded_by_b["loaded_revision_created_at"],
        },
    )
    html = response.json()["html"]
    assert saved in html
    assert overwrite in html


# Snippets with revisions (categories, navigation, contact details) have the same guard.


@pytest.fixture
def category(newsroom, editors):
    category = newsroom.category
    category.save_revision(user=editors[0])
    return category


def save_category(client, category, loaded, name, **headers):
    data = {"name": name, "slug": category.slug, "sort_order": "0", **loaded}
    del data["ping_url"]
    return client.post(category_url(category), data, **headers)


def category_url(category):
    return reverse("wagtailsnippets_events_eventcategory:edit", args=[category.pk])


def test_stale_snippet_autosave_is_refused_and_the_editor_told(category, editors):
    a, b = (editor_client(user) for user in editors)
    url = category_url(category)
    loaded_by_a, loaded_by_b = open_editor(a, None, url), open_editor(b, None, url)

    assert save_category(a, category, loaded_by_a, "读书会").status_code == 302
    category.refresh_from_db()
    assert category.latest_revision.as_object().name == "读书会"

    response = save_category(b, category, loaded_by_b, "B", HTTP_ACCEPT="application/json")
    assert response.status_code == 400
    assert response.json()["error_code"] == "invalid_revision"
    category.refresh_from_db()
    assert category.latest_revision.as_object().name == "读书会"

    ping = b.post(
        loaded_by_b["ping_url"],
        {
            "revision_id": loaded_by_b["loaded_revision_id"],
            "revision_created_at": loaded_by_b["loaded_revision_created_at"],
        },
    )
    assert "editor-a saved a new version" in ping.json()["html"]
