"""Groups and permissions: each role may do its job and nothing more."""

import re

from django.urls import reverse
from wagtail.models import GroupPagePermission, Workflow

from editorial.roles import EDITORS, MODERATORS, TRANSLATORS, WORKFLOW_NAME, setup_roles
from events.models import EventCategory


def edit(client, page):
    return client.get(reverse("wagtailadmin_pages:edit", args=[page.pk]))


def test_setup_roles_twice_gives_the_same_permissions(home):
    setup_roles()
    first = sorted(
        GroupPagePermission.objects.values_list("group__name", "page_id", "permission__codename")
    )
    setup_roles()
    again = sorted(
        GroupPagePermission.objects.values_list("group__name", "page_id", "permission__codename")
    )
    assert again == first
    assert {name for name, _page, _perm in first} == {EDITORS, MODERATORS, *TRANSLATORS.values()}


def test_translators_have_permissions_on_their_own_language_tree_only(home, roles):
    for code, name in TRANSLATORS.items():
        pages = set(
            GroupPagePermission.objects.filter(group__name=name).values_list("page_id", flat=True)
        )
        assert pages == {getattr(home, "zh" if code == "zh-hans" else code).pk}


def test_every_page_needs_a_moderators_approval(home, roles):
    workflow = Workflow.objects.get(name=WORKFLOW_NAME)
    assert home.en.get_workflow() == workflow
    task = workflow.tasks.get().specific
    assert list(task.groups.all()) == [roles[MODERATORS]]


def test_korean_translator_edits_korean_pages_not_chinese_ones(login, home, korean_translator):
    client = login(korean_translator)
    response = edit(client, home.zh)
    assert response.status_code == 302 and response.url == reverse("wagtailadmin_home")
    assert edit(client, home.ko).status_code == 200
    assert edit(client, home.en).status_code == 302


def test_korean_translator_edits_only_korean_snippets(login, home, korean_translator):
    zh = EventCategory.objects.create(name="节日", slug="festival", locale=home.zh.locale)
    ko = zh.copy_for_translation(home.ko.locale)
    ko.name = "축제"
    ko.save()
    client = login(korean_translator)

    def edit_url(category):
        return reverse("wagtailsnippets_events_eventcategory:edit", args=[category.pk])

    refused = client.get(edit_url(zh))
    assert refused.status_code == 302 and refused.url == reverse("wagtailadmin_home")
    assert client.get(edit_url(ko)).status_code == 200


def test_korean_translator_sees_only_korean_work_on_the_dashboard(
    login, newsroom, korean_translator
):
    html = login(korean_translator).get(reverse("wagtailadmin_home")).content.decode()
    assert set(re.findall(r'data-locale="([\w-]+)"', html)) == {"ko"}
    assert "Ask an editor to send it for translation." in html


def test_editor_edits_every_language_but_cannot_publish(login, home, editor):
    client = login(editor)
    for page in (home.zh, home.en, home.ko):
        html = edit(client, page).content.decode()
        assert (
            'name="action-submit"' in html
            or "action-workflow-action" in html
            or "Submit to" in html
        )
        assert 'name="action-publish"' not in html


def test_moderator_can_publish(login, home, moderator):
    html = edit(login(moderator), home.zh).content.decode()
    assert 'name="action-publish"' in html
