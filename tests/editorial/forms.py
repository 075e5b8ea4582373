"""POST data for the admin's page forms, as the browser sends it."""

import datetime

from django.utils import timezone
from wagtail.test.utils.form_data import inline_formset, nested_form_data, streamfield


def event_form(title, summary, start_date=None, slug="", action="action-publish", **fields):
    data = {
        "title": title,
        "slug": slug,
        "summary": summary,
        "body": streamfield([]),
        "image_alt": "",
        "audience": "everyone",
        "is_free": "on",
        "price": "",
        "price_amount": "",
        "registration_url": "",
        "venue_address": "",
        "online_url": "",
        "status": "scheduled",
        "start_date": (start_date or timezone.localdate() + datetime.timedelta(days=7)).isoformat(),
        "start_time": "19:00",
        "end_time": "21:00",
        "timezone": "Asia/Shanghai",
        "repeat": "",
        "repeat_interval": "1",
        "repeat_monthly_by": "date",
        "date_changes": inline_formset([]),
        "organisers": inline_formset([]),
        "comments": inline_formset([]),
        "seo_title": "",
        "search_description": "",
    }
    data.update(fields)
    form = nested_form_data(data)
    form[action] = "1"
    return form
