"""Small defaults editors meet every day: the workflow's name, start time, time zones."""

import re

from django.urls import reverse
from wagtail.models import GroupApprovalTask, Workflow

from editorial.roles import setup_roles


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
