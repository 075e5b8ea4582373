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

from events.models import EventPage
from events.occurrences import rebuild


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


@transaction.atomic
def bulk_events(index, count, recurring_share=5, venue=None, category=None):
    """`count` live events under `index`; every `recurring_share`-th repeats weekly for a year."""
    today = timezone.localdate()
    existing = index.numchild
    content_type = ContentType.objects.get_for_model(EventPage)
    now = timezone.now()
    pages, events = [], []
    for n in range(count):
        slug = f"bench-{existing + n}"
        page = Page(
            title=f"Benchmark event {existing + n}",
            draft_title=f"Benchmark event {existing + n}",
            slug=slug,
            path=Page._get_path(index.path, index.depth + 1, existing + n + 1),
            depth=index.depth + 1,
            numchild=0,
            url_path=f"{index.url_path}{slug}/",
            live=True,
            has_unpublished_changes=False,
            first_published_at=now,
            last_published_at=now,
            content_type=content_type,
            locale_id=index.locale_id,
            translation_key=uuid.uuid4(),
        )
        pages.append(page)
    Page.objects.bulk_create(pages, batch_size=500)
    pages = list(
        Page.objects.filter(path__startswith=index.path, depth=index.depth + 1).order_by("path")
    )[existing:]
    for n, page in enumerate(pages):
        recurring = n % recurring_share == 0
        event = EventPage(
            page_ptr_id=page.pk,
            summary=f"Benchmark event number {n}",
            start_date=today + datetime.timedelta(days=n % 60),
            start_time=datetime.time(9 + n % 10, 0),
            end_time=datetime.time(10 + n % 10, 0),
            repeat="weekly" if recurring else "",
            repeat_until=today + datetime.timedelta(days=365) if recurring else None,
            venue=venue,
            category=category,
            languages=["zh", "en"],
        )
        events.append(event)
    _insert_rows(EventPage, events)
    Page.objects.filter(pk=index.pk).update(numchild=existing + count)
    index.numchild = existing + count
    for page in pages:
        rebuild(page.translation_key)
    return pages
