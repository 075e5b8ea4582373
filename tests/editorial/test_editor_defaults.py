"""Small defaults editors meet every day: the workflow's name, start time, time zones."""

import datetime
import re

from django.urls import reverse
from wagtail.models import GroupApprovalTask, Workflow

from editorial.roles import setup_roles
from events.models import EventPage
from tests.conftest import publish


def test_workflow_and_task_are_named_in_chinese_and_english(home, roles):
    assert home.zh.get_workflow().name == "主管审批 · Supervisor approval"
    assert home.zh.get_workflow().tasks.get().name == "主管审核 · Supervisor review"


def test_setup_roles_renames_the_old_english_only_workflow(home):
    workflow = Workflow.objects.create(name="Supervisor approval", active=True)
    GroupApprovalTask.objects.create(name="Supervisor review")
    setup_roles()
    supervisors = Workflow.objects.filter(name__contains="Supervisor")
    assert list(supervisors.values_list("pk", "name")) == [
        (workflow.pk, "主管审批 · Supervisor approval")
    ]
    assert home.zh.get_workflow() == workflow
    tasks = GroupApprovalTask.objects.filter(name__contains="Supervisor")
    assert list(tasks.values_list("name", flat=True)) == ["主管审核 · Supervisor review"]


def new_event_form(client, newsroom, query=""):
    url = reverse("wagtailadmin_pages:add", args=["events", "eventpage", newsroom.index.zh.pk])
    response = client.get(url + query)
    assert response.status_code == 200
    return response.content.decode()


def test_new_event_starts_at_ten_by_default(admin_client, newsroom):
    html = new_event_form(admin_client, newsroom)
    field = re.search(r'<input[^>]*name="start_time"[^>]*>', html).group(0)
    assert 'value="10:00"' in field


def test_common_time_zones_come_first(admin_client, newsroom):
    html = new_event_form(admin_client, newsroom, "?start_time=25:99&timezone=Mars/Base")
    select = re.search(r'<select[^>]*name="timezone".*?</select>', html, re.S).group(0)
    zones = re.findall(r'<option value="([^"]+)"', select)
    assert zones[:3] == ["Asia/Shanghai", "Asia/Seoul", "Asia/Tokyo"]
    assert zones.index("Europe/London") < zones.index("Africa/Abidjan")
    assert zones.index("America/New_York") < zones.index("Africa/Abidjan")
    assert len(zones) == len(set(zones))  # every zone once
    assert re.search(r'<option value="Asia/Shanghai"\s+selected', select)


def venue_chosen(html, venue):
    field = re.search(r'<input[^>]*name="venue"[^>]*>', html).group(0)
    return f'value="{venue.pk}"' in field


def test_a_new_event_starts_from_the_authors_last_event(login, editor, newsroom):
    """Venue, category, audience, languages and hours come from the editor's last event."""
    client = login(editor)
    html = new_event_form(client, newsroom)
    assert not venue_chosen(html, newsroom.venue)

    last = EventPage(
        title="英语角",
        slug="corner",
        summary="练习。",
        owner=editor,
        venue=newsroom.venue,
        category=newsroom.category,
        audience="adults",
        languages=["en", "zh"],
        start_time=datetime.time(19, 30),
        end_time=datetime.time(21, 0),
    )
    newsroom.index.zh.add_child(instance=last)
    publish(last)

    html = new_event_form(client, newsroom)
    field = re.search(r'<input[^>]*name="start_time"[^>]*>', html).group(0)
    assert 'value="19:30"' in field
    assert venue_chosen(html, newsroom.venue)
    audience = re.search(r'<select[^>]*name="audience".*?</select>', html, re.S).group(0)
    assert re.search(r'<option value="adults"\s+selected', audience)
    assert re.search(r'name="languages"[^>]*value="en"[^>]*checked|value="en"[^>]*checked', html)


def test_another_editors_event_is_not_the_starting_point(login, editor, admin_user, newsroom):
    theirs = EventPage(
        title="别人的活动",
        slug="theirs",
        summary="。",
        owner=admin_user,
        start_time=datetime.time(19, 30),
    )
    newsroom.index.zh.add_child(instance=theirs)
    publish(theirs)
    html = new_event_form(login(editor), newsroom)
    field = re.search(r'<input[^>]*name="start_time"[^>]*>', html).group(0)
    assert 'value="10:00"' in field
