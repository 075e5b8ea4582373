"""Fast creation of many event pages for benchmarks (not for the site itself).

Adding 10,000 Wagtail pages one `add_child` at a time takes many minutes, so
this inserts the page rows in bulk: tree paths come from treebeard's own
`_get_path`, the event rows are written with each field's own database
preparation, and occurrences are materialised by the real `rebuild` code.
"""

import datetime
import uuid

from django.contrib.contenttypes.models import ContentType
from django.db import connection, transaction
from django.utils import timezone
from wagtail.models import Page

from events.models import EventOrganiser, EventPage, FeedsVersion
from events.occurrences import rebuild
from home.models import SiteVersion


def _insert_rows(model, instances):
    fields = model._meta.local_concrete_fields
    columns = ", ".join(connection.ops.quote_name(f.column) for f in fields)
    marks = ", ".join(["%s"] * len(fields))
    table = connection.ops.quote_name(model._meta.db_table)
    # Names come from the model's own metadata, values go through placeholders.
    sql = f"INSERT INTO {table} ({columns}) VALUES ({marks})"  # noqa: S608
    rows = [
        [f.get_db_prep_save(getattr(obj, f.attname), connection) for f in fields]
        for obj in instances
    ]
    with connection.cursor() as cursor:
        cursor.executemany(sql, rows)


def bulk_page_rows(parent, titles, existing, content_type, now, keys):
    """Live pages titled `titles` after `parent`'s `existing` children, inserted in bulk."""
    rows = []
    for n, page_title in enumerate(titles):
        slug = f"bench-{existing + n}"
        rows.append(
            Page(
                title=page_title,
                draft_title=page_title,
                slug=slug,
                path=Page._get_path(parent.path, parent.depth + 1, existing + n + 1),
                depth=parent.depth + 1,
                numchild=0,
                url_path=f"{parent.url_path}{slug}/",
                live=True,
                has_unpublished_changes=False,
                first_published_at=now,
                last_published_at=now,
                content_type=content_type,
                locale_id=parent.locale_id,
                translation_key=keys[n],
            )
        )
    Page.objects.bulk_create(rows, batch_size=500)
    return list(
        Page.objects.filter(path__startswith=parent.path, depth=parent.depth + 1).order_by("path")
    )[existing:]


@transaction.atomic
def bulk_events(
    index,
    count,
    recurring_share=5,
    venue=None,
    category=None,
    venues=(),
    organisers=(),
    translations=(),
):
    """`count` live events under `index`; every `recurring_share`-th repeats weekly for a year.

    `venues` and `organisers` (pages) are given out in turn; `translations` are the
    index's pages in other locales, under which each event gets a translated page too.
    """
    today = timezone.localdate()
    existing = index.numchild
    content_type = ContentType.objects.get_for_model(EventPage)
    now = timezone.now()
    keys = [uuid.uuid4() for _ in range(count)]
    # Sources first: the schedule owner of a translation group is its lowest pk.
    groups = [(index, "Benchmark event")] + [
        (t, f"{t.locale.language_code} event") for t in translations
    ]
    all_pages = []
    for parent, title in groups:
        titles = [f"{title} {existing + n}" for n in range(count)]
        pages = bulk_page_rows(parent, titles, existing, content_type, now, keys)
        events = []
        for n, page in enumerate(pages):
            recurring = n % recurring_share == 0
            events.append(
                EventPage(
                    page_ptr_id=page.pk,
                    summary=f"{title} number {n}",
                    start_date=today + datetime.timedelta(days=n % 60),
                    start_time=datetime.time(9 + n % 10, 0),
                    end_time=datetime.time(10 + n % 10, 0),
                    repeat="weekly" if recurring else "",
                    repeat_until=today + datetime.timedelta(days=365) if recurring else None,
                    venue=venues[n % len(venues)] if venues else venue,
                    category=category,
                    languages=["zh", "en"],
                )
            )
        _insert_rows(EventPage, events)
        if organisers:
            EventOrganiser.objects.bulk_create(
                [
                    EventOrganiser(page_id=page.pk, partner=organisers[n % len(organisers)])
                    for n, page in enumerate(pages)
                ],
                batch_size=500,
            )
        Page.objects.filter(pk=parent.pk).update(numchild=existing + count)
        parent.numchild = existing + count
        all_pages.append(pages)
    for page in all_pages[0]:
        rebuild(page.translation_key)
    # Rows written behind the signals' back: what publishing would have done to the caches.
    SiteVersion.bump()
    FeedsVersion.bump()
    return all_pages[0]
