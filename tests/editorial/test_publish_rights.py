"""Only those who may publish in a language publish there; everyone else submits for approval."""

import html as html_lib
import json
import re

import pytest
from django.contrib.messages import get_messages
from django.urls import reverse
from wagtail.models import Locale, Page, WorkflowState
from wagtail_localize.models import StringSegment, StringTranslation, Translation, TranslationSource

from events.models import EventPage
from tests.conftest import publish

KOREAN = {"英语沙龙": "영어 살롱", "每周六练习英语口语。": "매주 토요일 영어 회화 연습."}
ENGLISH = {"英语沙龙": "English salon", "每周六练习英语口语。": "Spoken English every Saturday."}


@pytest.fixture
def event(newsroom, django_capture_on_commit_callbacks):
    """An event published in Chinese, sent for translation: English and Korean drafts."""
    page = EventPage(title="英语沙龙", slug="salon", summary="每周六练习英语口语。")
    newsroom.index.zh.add_child(instance=page)
    page = publish(page)
    source, _ = TranslationSource.get_or_create_from_instance(page)
    for code in ("en", "ko"):
        locale = Locale.objects.get(language_code=code)
        Translation.objects.create(source=source, target_locale=locale).save_target(publish=False)
    return page


def translated(event, code, strings):
    """`event` in `code`, with every string translated as in `strings`."""
    locale = Locale.objects.get(language_code=code)
    for segment in StringSegment.objects.filter(source__object_id=event.translation_key):
        StringTranslation.objects.create(
            translation_of=segment.string,
            locale=locale,
            context=segment.context,
            data=strings[segment.string.data],
        )
    return EventPage.objects.get(translation_key=event.translation_key, locale=locale)


def edit_url(page):
    return reverse("wagtailadmin_pages:edit", args=[page.pk])


def editor_props(response):
    """The props wagtail-localize's translation editor is started with."""
    match = re.search(r'class="js-translation-editor" data-props="([^"]+)"', response.text)
    return json.loads(html_lib.unescape(match.group(1)))


def said(response):
    return " ".join(str(message) for message in get_messages(response.wsgi_request))


def test_translator_is_offered_submit_and_save_draft_not_publish(login, event, korean_translator):
    ko = event.get_translation(Locale.objects.get(language_code="ko"))
    response = login(korean_translator).get(edit_url(ko))
    assert response.status_code == 200
    assert editor_props(response)["perms"]["canPublish"] is False
    assert 'value="editorial-submit"' in response.text and "Submit for approval" in response.text
    assert 'value="editorial-save-draft"' in response.text and "Save draft" in response.text


def test_translator_is_not_offered_convert_to_alias(login, event, korean_translator):
    ko = event.get_translation(Locale.objects.get(language_code="ko"))
    response = login(korean_translator).get(edit_url(ko))
    assert response.status_code == 200
    assert editor_props(response)["links"]["convertToAliasUrl"] is None


def test_translators_footer_does_not_lead_with_delete(login, event, editor):
    ko = event.get_translation(Locale.objects.get(language_code="ko"))
    ko.owner = editor  # an owner may delete their page: Wagtail would offer it
    ko.save(update_fields=["owner"])
    assert ko.permissions_for_user(editor).can_delete()
    response = login(editor).get(edit_url(ko))
    assert editor_props(response)["perms"]["canDelete"] is False


def test_moderator_is_offered_convert_to_alias(login, event, moderator):
    ko = event.get_translation(Locale.objects.get(language_code="ko"))
    response = login(moderator).get(edit_url(ko))
    url = reverse("wagtail_localize:convert_to_alias", args=[ko.pk])
    assert editor_props(response)["links"]["convertToAliasUrl"] == url


def test_moderator_publishes_from_the_translation_editor(login, event, moderator):
    ko = event.get_translation(Locale.objects.get(language_code="ko"))
    response = login(moderator).get(edit_url(ko))
    assert editor_props(response)["perms"]["canPublish"] is True
    assert "data-editorial-review" not in response.text


def test_translator_cannot_publish_from_the_translation_editor(login, event, korean_translator):
    ko = translated(event, "ko", KOREAN)
    response = login(korean_translator).post(edit_url(ko), {"action": "publish"})
    assert response.status_code == 302 and response.url == reverse("wagtailadmin_home")
    assert "Sorry, you do not have permission" in said(response)
    ko.refresh_from_db()
    assert not ko.live


def test_translator_submits_translation_and_supervisor_publishes_it(
    client, login, event, korean_translator, moderator, django_capture_on_commit_callbacks
):
    ko = translated(event, "ko", KOREAN)
    response = login(korean_translator).post(edit_url(ko), {"action": "editorial-submit"})
    assert response.status_code == 302 and response.url == edit_url(ko)
    assert "submitted to a supervisor for approval" in said(response)
    ko.refresh_from_db()
    assert not ko.live and ko.title == "英语沙龙"  # the page itself is untouched
    state = ko.current_workflow_state
    assert state.status == WorkflowState.STATUS_IN_PROGRESS
    assert state.current_task_state.revision.as_object().title == "영어 살롱"

    client.force_login(moderator)
    approve = reverse(
        "wagtailadmin_pages:workflow_action",
        args=[ko.pk, "approve", state.current_task_state.pk],
    )
    with django_capture_on_commit_callbacks(execute=True):
        assert client.post(approve).status_code == 302
    ko.refresh_from_db()
    assert ko.live and ko.title == "영어 살롱"


def test_incomplete_translation_is_not_submitted(login, event, korean_translator):
    ko = event.get_translation(Locale.objects.get(language_code="ko"))
    response = login(korean_translator).post(edit_url(ko), {"action": "editorial-submit"})
    assert "Not submitted: 2 strings are not translated yet." in said(response)
    assert ko.current_workflow_state is None


def test_translator_saves_a_draft_without_changing_the_live_page(
    login, event, korean_translator, django_capture_on_commit_callbacks
):
    ko = translated(event, "ko", KOREAN)
    with django_capture_on_commit_callbacks(execute=True):
        Translation.objects.get(target_locale=ko.locale).save_target(publish=True)
    StringTranslation.objects.filter(data="영어 살롱").update(data="영어 모임")
    response = login(korean_translator).post(edit_url(ko), {"action": "editorial-save-draft"})
    assert "Draft of “영어 모임” in 한국어 saved." in said(response)
    ko.refresh_from_db()
    assert ko.live and ko.title == "영어 살롱" and ko.has_unpublished_changes
    assert ko.get_latest_revision_as_object().title == "영어 모임"
    assert ko.current_workflow_state is None


def test_editor_sync_submits_for_approval_instead_of_publishing(
    login, event, editor, django_capture_on_commit_callbacks
):
    en, ko = translated(event, "en", ENGLISH), translated(event, "ko", KOREAN)
    source = TranslationSource.objects.get(object_id=event.translation_key)
    sync = reverse("wagtail_localize:update_translations", args=[source.pk])
    with django_capture_on_commit_callbacks(execute=True):
        response = login(editor).post(sync, {"publish_translations": "on"})
    assert response.status_code == 302
    assert "Submitted to a supervisor for approval: English, 한국어." in said(response)
    for page in (en, ko):
        page.refresh_from_db()
        assert not page.live
        assert page.current_workflow_state.status == WorkflowState.STATUS_IN_PROGRESS


def test_moderator_sync_publishes(login, event, moderator, django_capture_on_commit_callbacks):
    en = translated(event, "en", ENGLISH)
    source = TranslationSource.objects.get(object_id=event.translation_key)
    sync = reverse("wagtail_localize:update_translations", args=[source.pk])
    with django_capture_on_commit_callbacks(execute=True):
        response = login(moderator).post(sync, {"publish_translations": "on"})
    assert "한국어: 2 strings not translated yet" in said(response)
    en.refresh_from_db()
    assert en.live and en.title == "English salon"


def test_translator_cannot_bulk_publish(login, event, korean_translator):
    ko = translated(event, "ko", KOREAN)
    url = reverse("wagtail_bulk_action", args=["wagtailcore", "page", "publish"])
    client = login(korean_translator)
    assert "You don't have permission to publish this page" in client.get(f"{url}?id={ko.pk}").text
    response = client.post(f"{url}?id={ko.pk}")
    assert "0 pages have been published" in said(response)
    ko.refresh_from_db()
    assert not ko.live


@pytest.mark.parametrize("odd", ["?next=//evil.example", "?next=%00"])
def test_translator_cannot_convert_a_translation_to_an_alias(login, event, korean_translator, odd):
    ko = event.get_translation(Locale.objects.get(language_code="ko"))
    url = reverse("wagtail_localize:convert_to_alias", args=[ko.pk])
    response = login(korean_translator).post(url + odd)
    assert response.status_code == 302 and response.url == edit_url(ko)
    assert "Only a supervisor can turn this translation" in said(response)
    assert Page.objects.get(pk=ko.pk).alias_of_id is None


def test_moderator_converts_a_translation_to_an_alias(login, event, moderator):
    ko = event.get_translation(Locale.objects.get(language_code="ko"))
    url = reverse("wagtail_localize:convert_to_alias", args=[ko.pk])
    response = login(moderator).post(url)
    assert response.status_code == 302
    assert Page.objects.get(pk=ko.pk).alias_of_id == event.pk


def test_convert_to_alias_of_a_missing_page_is_404(login, moderator, home):
    url = reverse("wagtail_localize:convert_to_alias", args=[999999])
    assert login(moderator).post(url, follow=True).status_code == 404
