"""Demo step for partners' calendars: Muyan Coffee's calendar, as an uploaded .ics file.

Content: the `[partner_calendar]` table of content/events.toml and the file it names in
content/. The calendar is added, not imported: `manage.py import_calendars` imports it.
"""

from django.core.files.base import ContentFile
from wagtail.documents.models import Document

from demo.builder import zh_page
from demo.loader import CONTENT, content
from events.models import EventCategory
from imports.models import CalendarSource
from services.models import PartnerPage


def partner_calendar(demo):
    item = content("events")["partner_calendar"]
    data = (CONTENT / item["file"]).read_bytes()
    document = Document.objects.filter(title=item["file"]).first()
    if document is None:
        document = Document(title=item["file"])
        document.file.save(item["file"], ContentFile(data), save=False)
        document.save()
    locale = demo.locale(item["language"])
    source, created = CalendarSource.objects.get_or_create(
        name=item["name"],
        defaults={
            "partner": zh_page(PartnerPage, item["partner"]),
            "document": document,
            "locale": locale,
            "category": EventCategory.objects.filter(locale=locale, slug=item["category"]).first(),
            "trusted": item["trusted"],
        },
    )
    demo.say(f"{'created ' if created else 'exists  '} {source.name} ({item['file']})")
