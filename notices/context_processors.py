"""The urgent alerts for the banner in the base layout (wired in config's TEMPLATES).

Lazy: pages that never reach the banner (feeds, robots.txt) run no query for it.
"""

from django.utils.functional import SimpleLazyObject


def urgent_alerts(request):
    from notices.alerts import active_alerts

    return {"urgent_alerts": SimpleLazyObject(lambda: active_alerts(request))}
