"""Menus, contact details and categories: translators work in their language, supervisors publish.

The findings as they were reported: a Korean translator edited and published the
English footer, and one delete call to wagtail-localize's string API turned the English
menu Chinese; translators published their own language's snippets with no approval.
"""

from urllib.parse import urlencode

import pytest
from django.test import Client
from django.urls import reverse
from wagtail.models import WorkflowState
from wagtail_localize.models import StringSegment, StringTranslation, Translation

from editorial.roles import MODERATORS, TRANSLATORS
from home.models import ContactDetails, NavigationMenu

FORM = "application/x-www-form-urlencoded"


def translation_into(obj, code):
    return Translation.objects.get(
        source__object_id=obj.translation_key, target_locale__language_code=code
    )


def string_url(translation, segment):
    return reverse("wagtail_localize:edit_string_translation", args=[translation.pk, segment.pk])


def footer(code):
    return Client().get(f"/{code}/").content.decode().split("<footer")[1]


@pytest.fixture
def korean(client, make_user):
    client.force_login(make_user("translator-ko", TRANSLATORS["ko"]))
    return client


@pytest.fixture
def moderator_client(make_user):
    client = Client()
    client.force_login(make_user("moderator", MODERATORS))
    return client


def test_korean_translator_cannot_touch_the_english_footer(korean, world):
    english = world.objects[ContactDetails]["en"]
    translation = translation_into(english, "en")
    segment = StringSegment.objects.filter(source=translation.source).first()
    edit = reverse("wagtailsnippets_home_contactdetails:edit", args=[english.pk])

    assert korean.get(edit).status_code in (302, 403)
    assert korean.post(edit, {"action": "publish"}).status_code in (302, 403)
    put = korean.put(string_url(translation, segment), urlencode({"value": "HACKED"}), FORM)
    assert put.status_code == 403
    assert not StringTranslation.objects.filter(data="HACKED").exists()
    ContactDetails.objects.get(pk=english.pk)  # still there, unchanged below
    assert "HACKED" not in footer("en")


def test_korean_translator_cannot_delete_strings_of_the_english_menu(korean, world):
    english = world.objects[NavigationMenu]["en"]
    translation = translation_into(english, "en")
    segment = StringSegment.objects.get(source=translation.source, string__data="活动")
    StringTranslation.objects.create(
        translation_of=segment.string,
        locale=english.locale,
        context=segment.context,
        data="Events",
    )
    response = korean.delete(string_url(translation, segment))
    assert response.status_code == 403
    assert StringTranslation.objects.filter(data="Events").exists()


def test_korean_translator_submits_the_korean_menu_and_a_supervisor_publishes_it(
    korean, moderator_client, world
):
    menu = world.objects[NavigationMenu]["ko"]
    WorkflowState.objects.for_instance(menu).update(status=WorkflowState.STATUS_CANCELLED)
    translation = translation_into(menu, "ko")
    for original, korean_text in (("活动", "행사"), ("/zh-hans/", "/ko/")):
        segment = StringSegment.objects.get(source=translation.source, string__data=original)
        body = urlencode({"value": korean_text})
        assert korean.put(string_url(translation, segment), body, FORM).status_code in (200, 201)
    edit = reverse("wagtailsnippets_home_navigationmenu:edit", args=[menu.pk])

    # No direct publishing: the editor offers "Submit for approval" instead.
    page = korean.get(edit).content.decode()
    assert 'value="editorial-submit"' in page
    refused = korean.post(edit, {"action": "publish"})  # Wagtail's "permission denied"
    assert refused.status_code == 302 and refused.url == reverse("wagtailadmin_home")
    assert korean.post(edit, {"action": "editorial-submit"}).status_code == 302
    menu.refresh_from_db()
    assert [item.value["label"] for item in menu.items] == ["活动"]  # the site: unchanged
    state = WorkflowState.objects.for_instance(menu).get(status=WorkflowState.STATUS_IN_PROGRESS)
    assert state.content_object.latest_revision.content["items"]

    # The supervisor approves: the Korean menu shows the Korean label.
    approve = reverse(
        "wagtailsnippets_home_navigationmenu:workflow_action",
        args=[menu.pk, "approve", state.current_task_state_id],
    )
    assert moderator_client.post(approve, {"comment": ""}).status_code in (200, 302)
    menu.refresh_from_db()
    assert [item.value["label"] for item in menu.items] == ["행사"]
    assert menu.live


def test_moderators_may_publish_snippets_and_translators_may_not(world, roles):
    moderators = roles[MODERATORS].permissions.values_list("codename", flat=True)
    korean = roles[TRANSLATORS["ko"]].permissions.values_list("codename", flat=True)
    for model in ("navigationmenu", "contactdetails", "eventcategory", "servicecategory"):
        assert f"publish_{model}" in moderators
        assert f"publish_{model}" not in korean


def test_a_request_with_a_part_missing_is_a_400_not_a_500(moderator_client, world):
    translation = translation_into(world.objects[NavigationMenu]["en"], "en")
    upload = reverse("wagtail_localize:upload_pofile", args=[translation.pk])
    response = moderator_client.post(upload, {})  # no file
    assert response.status_code == 400
    assert "Nothing was saved" in response.content.decode()
