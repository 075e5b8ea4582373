"""Urgent alerts: the banner every page shows while an urgent notice is valid.

One query per rendered page finds the urgent notices not yet ended, in every locale;
from the same rows come the banner's alerts for the visitor's language and the next
moment the banner changes (an alert starts or ends), which caps how long any page is
cached (home/page_cache.py `register_clock_change`), since nothing is published then.

A notice is shown in the visitor's language when that translation is live; until then
its Chinese page (the source) is shown, marked as not yet translated, and the banner
switches to the translation the moment it is published (a publish bumps the site version).
"""

from dataclasses import dataclass

from django.conf import settings
from django.utils import timezone, translation

from home.visibility import live_public
from notices.models import KIND_URGENT, NoticePage

# Kept on the request so the banner and the cache's lifetime share one query.
_ROWS = "_youlin_urgent_notices"


@dataclass(frozen=True)
class Alert:
    page: NoticePage
    url: str
    untranslated: bool  # shown in the source's language: none live in the visitor's yet
    key: str  # stays the same for one alert and one end time: what a dismissal remembers


def _urgent_notices(request, now):
    rows = getattr(request, _ROWS, None)
    if rows is None:
        rows = list(
            live_public(NoticePage.objects.filter(kind=KIND_URGENT, valid_until__gt=now))
            .select_related("locale")
            .defer("body")
            .order_by("-valid_from", "pk")
        )
        if request is not None:
            setattr(request, _ROWS, rows)
    return rows


def _pick(rows, language_code):
    """The notice in the visitor's language, else the source's (Chinese), else any."""
    by_language = {row.locale.language_code: row for row in rows}
    return by_language.get(language_code) or by_language.get(settings.LANGUAGE_CODE) or rows[0]


def active_alerts(request, language_code=None, now=None):
    """The urgent notices valid now, newest first, each in the visitor's language if live."""
    now = now or timezone.now()
    language_code = language_code or translation.get_language()
    groups = {}
    for row in _urgent_notices(request, now):
        if row.valid_from <= now:
            groups.setdefault(row.translation_key, []).append(row)
    alerts = []
    for rows in groups.values():
        page = _pick(rows, language_code)
        alerts.append(
            Alert(
                page=page,
                url=page.get_url(request),
                untranslated=page.locale.language_code != language_code,
                key=f"{page.translation_key}:{int(page.valid_until.timestamp())}",
            )
        )
    return alerts


def next_alert_change(request):
    """When the banner next changes by the clock alone: an alert starts or ends (or None).

    Only for responses that showed the banner's place (every page from the base layout);
    others (feeds, robots.txt, the load balancer's check) cost no query.
    """
    if getattr(request, _ROWS, None) is None:
        return None
    now = timezone.now()
    moments = [
        moment
        for row in _urgent_notices(request, now)
        for moment in (row.valid_from, row.valid_until)
        if moment > now
    ]
    return min(moments, default=None)
