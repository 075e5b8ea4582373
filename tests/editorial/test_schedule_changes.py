"""An editor cancels tonight's session from a phone: published at once, text still reviewed.

editorial/schedule_changes.py, editorial/views.py (ScheduleChangeView). The permission
matrix (test_permission_matrix.py) requests the new URL too, on pages and snippets.
"""

import datetime

import icalendar
import pytest
from django.contrib.messages import get_messages
from django.core import mail
from django.test import Client
from django.urls import reverse
from wagtail.models import Page, PageLogEntry, WorkflowState
from wagtail.users.models import UserProfile

from editorial.roles import MODERATORS, TRANSLATORS
from events.models import EventPage, Occurrence
from tests.events.conftest import next_weekday

SATURDAY = datetime.time(19)


def url(page):
    return reverse("editorial_schedule_change", args=[page.pk])


def cancel(day):
    return {"action": "cancel", "date": day.isoformat()}


def planned(salon, day):
    """The salon's occurrence planned for `day` (one row, shared by every language)."""
    return Occurrence.objects.get(
        translation_key=salon.zh.translation_key, original_start__date=day
    )


def refused(response):
    """Wagtail's answer to PermissionDenied in the admin: back to the dashboard, with a message."""
    return response.status_code == 302 and response["Location"] == reverse("wagtailadmin_home")


def exdates(client, language):
    body = client.get(f"/{language}/events/ics/").content
    series = next(
        e
        for e in icalendar.Calendar.from_ical(body).walk("VEVENT")
        if "RRULE" in e and "salon" in str(e["URL"])
    )
    found = series.get("EXDATE", [])
    found = found if isinstance(found, list) else [found]
    return {d.dt.date() for exdate in found for d in exdate.dts}


@pytest.fixture
def supervisor(make_user):
    user = make_user("supervisor", MODERATORS)
    user.email = "supervisor@example.com"
    user.save()
    return user


@pytest.fixture
def draft_under_review(salon, editor):
    """The editor's new Chinese title and summary, submitted for approval, not published."""
    page = EventPage.objects.get(pk=salon.zh.pk)
    page.title = "詹叔英语沙龙（新）"
    page.summary = "草稿：还没审批。"
    page.save_revision(user=editor)
    page.get_workflow().start(page, editor)
    return page


def test_editor_cancels_a_date_and_every_calendar_and_feed_shows_it_at_once(
    salon, roles, editor, login, django_capture_on_commit_callbacks
):
    tonight = next_weekday(5)
    visitor = Client()
    marker = {"en": "Cancelled", "ko": "취소", "zh-hans": "取消"}
    views = [
        f"/{language}/events/{view}" for language in marker for view in ("", "week/", "month/")
    ]

    def cancelled_marks():
        return {path: visitor.get(path).text.count(marker[path.split("/")[1]]) for path in views}

    # Warm the page cache and the feeds' cache first: the change must get past both.
    for language in marker:
        assert tonight not in exdates(visitor, language)
    before = cancelled_marks()
    visitor.get(salon.en.url)

    with django_capture_on_commit_callbacks(execute=True):
        response = login(editor).post(url(salon.zh), cancel(tonight))

    assert response.status_code == 302
    assert planned(salon, tonight).cancelled
    for language in marker:
        assert tonight in exdates(visitor, language)
    after = cancelled_marks()
    assert all(after[path] > before[path] for path in views), (before, after)
    assert "Cancelled" in visitor.get(salon.en.url).text


def test_the_change_is_published_on_every_language_as_a_revision_in_the_history(
    salon, roles, editor, login
):
    tonight = next_weekday(5)
    before = {p.pk: p.live_revision_id for p in (salon.zh, salon.en, salon.ko)}
    login(editor).post(url(salon.ko), cancel(tonight))  # from the Korean page: the same event

    for page in (salon.zh, salon.en, salon.ko):
        page = EventPage.objects.get(pk=page.pk)
        assert page.live_revision_id != before[page.pk]
        assert page.live_revision.user == editor
        assert tonight in {c.date for c in page.date_changes.all()}
        assert PageLogEntry.objects.filter(page=page, action="wagtail.publish").exists()
    entry = PageLogEntry.objects.get(page=salon.zh, action="editorial.schedule_change")
    assert (
        entry.user == editor
        and entry.revision_id
        == salon.zh.specific_class.objects.get(pk=salon.zh.pk).live_revision_id
    )
    history = login(editor).get(
        reverse("wagtailadmin_pages:history", args=[salon.zh.pk]),
        {"action": "editorial.schedule_change"},
    )
    assert entry.message.startswith("Cancelled ") and entry.message in history.text


def test_a_pending_text_draft_is_not_published_and_its_review_goes_on(
    salon, roles, editor, moderator, login, draft_under_review
):
    tonight = next_weekday(5)
    login(editor).post(url(salon.zh), {**cancel(tonight), "title": "HACKED"})

    page = EventPage.objects.get(pk=salon.zh.pk)
    assert page.title == "詹叔英语沙龙" and page.summary == salon.zh.summary
    assert planned(salon, tonight).cancelled
    state = WorkflowState.objects.for_instance(page).get()
    assert state.status == WorkflowState.STATUS_IN_PROGRESS
    # The draft kept its text and gained the cancellation, so approving it keeps both.
    draft = page.get_latest_revision_as_object()
    assert draft.title == "詹叔英语沙龙（新）" and draft.summary == "草稿：还没审批。"
    assert tonight in {c.date for c in draft.date_changes.all()}
    assert page.has_unpublished_changes

    state.current_task_state.approve(user=moderator)
    page = EventPage.objects.get(pk=salon.zh.pk)
    assert page.title == "詹叔英语沙龙（新）"
    assert planned(salon, tonight).cancelled


def test_no_text_gets_through_the_form(salon, roles, editor, login):
    tonight = next_weekday(5)
    sneaky = {
        **cancel(tonight),
        "title": "HACKED",
        "summary": "HACKED",
        "slug": "hacked",
        "registration_url": "https://evil.example/",
        "status": "cancelled",  # the whole event: not what the action says
    }
    login(editor).post(url(salon.zh), sneaky)
    for page in (salon.zh, salon.en, salon.ko):
        page = EventPage.objects.get(pk=page.pk)
        assert "HACKED" not in (page.title, page.summary) and page.slug == "english-salon"
        assert page.registration_url == "" and page.status == "scheduled"
        assert page.live_revision.as_object().title == page.title


def test_postponing_the_event_reaches_every_language(salon, roles, editor, login):
    response = login(editor).post(url(salon.zh), {"action": "status", "status": "postponed"})
    assert response.status_code == 302
    for page in (salon.zh, salon.en, salon.ko):
        assert EventPage.objects.get(pk=page.pk).status == "postponed"
    assert "Postponed" in Client().get(salon.en.url).text


def test_moving_a_date_and_undoing_it(salon, roles, editor, login):
    tonight = next_weekday(5)
    client = login(editor)
    client.post(
        url(salon.zh),
        {"action": "move", "date": tonight.isoformat(), "new_start_time": "20:00"},
    )
    moved = planned(salon, tonight)
    assert moved.moved and moved.start.astimezone().time() == datetime.time(20)
    client.post(url(salon.zh), {"action": "restore", "date": tonight.isoformat()})
    again = planned(salon, tonight)
    assert not again.moved and not again.cancelled


@pytest.mark.parametrize(
    "data, field",
    [
        ({"action": "move", "date": "DATE"}, "new_date"),
        ({"action": "move", "date": "DATE", "new_end_time": "18:00"}, "new_end_time"),
        ({"action": "cancel", "date": "2001-01-01"}, "date"),
        ({"action": "cancel"}, "date"),
        ({"action": "restore", "date": "DATE"}, "date"),
        ({"action": "explode", "date": "DATE"}, "action"),
        ({"action": "status", "status": "exploded"}, "status"),
    ],
)
def test_bad_input_is_a_form_error_and_changes_nothing(salon, roles, editor, login, data, field):
    data = {k: v.replace("DATE", next_weekday(5).isoformat()) for k, v in data.items()}
    revisions = EventPage.objects.get(pk=salon.zh.pk).live_revision_id
    response = login(editor).post(url(salon.zh), data)
    assert response.status_code == 200
    assert field in response.context["form"].errors
    assert EventPage.objects.get(pk=salon.zh.pk).live_revision_id == revisions


@pytest.mark.parametrize("group", [*TRANSLATORS.values()])
def test_translators_may_not_use_it_in_any_language(salon, roles, make_user, login, group):
    client = login(make_user("translator", group))
    for page in (salon.zh, salon.en, salon.ko):
        assert refused(client.get(url(page)))
        assert refused(client.post(url(page), cancel(next_weekday(5))))
    assert not planned(salon, next_weekday(5)).cancelled


def test_anonymous_visitors_get_the_login_page(salon, client):
    response = client.post(url(salon.zh), cancel(next_weekday(5)))
    assert response.status_code == 302 and reverse("wagtailadmin_login") in response["Location"]
    assert not planned(salon, next_weekday(5)).cancelled


def test_a_page_that_is_not_an_event_is_not_found(salon, roles, editor, login):
    # The site's 404 handling sends unknown addresses to a language prefix first.
    client = login(editor)
    assert client.get(url(salon.zh.get_parent()), follow=True).status_code == 404
    missing = reverse("editorial_schedule_change", args=[99999])
    assert client.get(missing, follow=True).status_code == 404


def test_a_page_locked_by_someone_else_is_refused(salon, roles, editor, moderator, login):
    Page.objects.filter(pk=salon.zh.pk).update(locked=True, locked_by=moderator)
    response = login(editor).post(url(salon.zh), cancel(next_weekday(5)))
    assert response.status_code == 200
    assert "locked" in " ".join(str(m) for m in get_messages(response.wsgi_request))
    assert not planned(salon, next_weekday(5)).cancelled


def test_supervisors_are_emailed_in_their_language_and_see_it_on_their_dashboard(
    salon, roles, editor, supervisor, login, django_capture_on_commit_callbacks
):
    profile = UserProfile.get_for_user(supervisor)
    profile.preferred_language = "zh-hans"
    profile.save()
    with django_capture_on_commit_callbacks(execute=True):
        login(editor).post(url(salon.zh), {**cancel(next_weekday(5)), "note": "老师生病了"})
    [message] = mail.outbox
    assert message.to == ["supervisor@example.com"]
    assert "詹叔英语沙龙" in message.subject and "老师生病了" in message.body
    assert "已发布" in message.subject  # in Chinese, the supervisor's admin language
    assert reverse("wagtailadmin_pages:history", args=[salon.zh.pk]) in message.body

    dashboard = login(supervisor).get(reverse("wagtailadmin_home"))
    assert f'data-schedule-change="{salon.zh.pk}"' in dashboard.text
    editors_dashboard = login(editor).get(reverse("wagtailadmin_home"))
    assert "data-schedule-change" not in editors_dashboard.text


def test_a_supervisor_who_turned_off_notifications_gets_no_mail(
    salon, roles, editor, supervisor, login, django_capture_on_commit_callbacks
):
    profile = UserProfile.get_for_user(supervisor)
    profile.submitted_notifications = False
    profile.save()
    with django_capture_on_commit_callbacks(execute=True):
        login(editor).post(url(salon.zh), cancel(next_weekday(5)))
    assert mail.outbox == []


def test_the_event_editor_offers_it_to_editors_only(salon, roles, editor, make_user, login):
    edit = reverse("wagtailadmin_pages:edit", args=[salon.zh.pk])
    assert url(salon.zh) in login(editor).get(edit).text
    translator = make_user("translator", TRANSLATORS["ko"])
    ko_edit = reverse("wagtailadmin_pages:edit", args=[salon.ko.pk])
    assert url(salon.ko) not in login(translator).get(ko_edit).text
    venue_edit = reverse("wagtailadmin_pages:edit", args=[salon.zh.get_parent().pk])
    assert "schedule/" not in login(editor).get(venue_edit).text
