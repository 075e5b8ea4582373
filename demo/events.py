"""Demo steps for the calendar: event categories, the calendar page and 20+ events.

Content: content/events.toml. Dates are written relative to the day the demo is
loaded (`demo.dates`), so the calendar always has something on: the weekly English
salon (with one cancelled and one moved Saturday), a weekly Chinese class, the
cultural festival weekend and more.
"""

import datetime

from django.utils import timezone

from demo.builder import child, site_root, zh_page
from demo.dates import date_from
from demo.loader import content
from events.models import EventCategory, EventDateChange, EventIndexPage, EventOrganiser, EventPage
from services.models import PartnerPage, PublicSpacePage

EVENTS = content("events")
DATE_FIELDS = ("start_date", "end_date", "repeat_until")
TIME_FIELDS = ("start_time", "end_time")
# Everything else in an event's table is a field of EventPage, written as it is stored.
NOT_FIELDS = {"slug", "title", "summary", "body", "category", "venue", "organisers", "changes"}


def next_mid_autumn(today):
    """The next Mid-Autumn Festival after `today` (beyond the table: mid-September)."""
    for day in EVENTS["mid_autumn"]:
        if day > today:
            return day
    year = today.year + (today >= datetime.date(today.year, 9, 15))
    return datetime.date(year, 9, 15)


def when(expression, today):
    return date_from(expression, today, named={"mid-autumn": next_mid_autumn(today)})


def categories(demo):
    zh = demo.locale("zh-hans")
    for order, item in enumerate(EVENTS["categories"]):
        name = demo.zh(item["name"])
        category, _ = EventCategory.objects.get_or_create(
            locale=zh, slug=item["slug"], defaults={"name": name, "sort_order": order}
        )
        demo.translate(category)
    demo.say(f"{len(EVENTS['categories'])} categories in 3 languages")


def index_page(demo):
    index = EVENTS["index"]
    demo.page(site_root(), EventIndexPage, "events", title=index["title"], intro=index["intro"])


def date_change(change, today):
    move = {}
    if change["action"] == "move":
        move = {
            "new_date": when(change["new_date"], today),
            "new_start_time": datetime.time.fromisoformat(change["new_start_time"]),
            "new_end_time": datetime.time.fromisoformat(change["new_end_time"]),
            "new_venue": zh_page(PublicSpacePage, change["new_venue"]),
        }
    return EventDateChange(date=when(change["date"], today), action=change["action"], **move)


def event(demo, item, today):
    facts = {name: value for name, value in item.items() if name not in NOT_FIELDS}
    for name in DATE_FIELDS:
        if name in facts:
            facts[name] = when(facts[name], today)
    for name in TIME_FIELDS:
        if name in facts:
            facts[name] = datetime.time.fromisoformat(facts[name])
    if "venue" in item:
        facts["venue"] = zh_page(PublicSpacePage, item["venue"])
    organisers = [zh_page(PartnerPage, slug) for slug in item.get("organisers", [])]
    demo.page(
        child(site_root(), "events"),
        EventPage,
        item["slug"],
        title=item["title"],
        summary=item["summary"],
        body=demo.stream(f"event-{item['slug']}", [("paragraph", item["body"])]),
        category=EventCategory.objects.get(locale__language_code="zh-hans", slug=item["category"]),
        organisers=[EventOrganiser(partner=partner) for partner in organisers if partner],
        date_changes=[date_change(change, today) for change in item.get("changes", [])],
        **facts,
    )


def repeating(demo):
    today = timezone.localdate()
    for item in EVENTS["events"]:
        if item.get("repeat"):
            event(demo, item, today)


def one_offs(demo):
    today = timezone.localdate()
    for item in EVENTS["events"]:
        if not item.get("repeat"):
            event(demo, item, today)
