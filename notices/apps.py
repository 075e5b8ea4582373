from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class NoticesConfig(AppConfig):
    name = "notices"
    verbose_name = _("Notices")

    def ready(self):
        from home.page_cache import register_clock_change
        from notices.alerts import next_alert_change
        from notices.search import register_search_type

        # The banner changes at an alert's start and end with nothing published then.
        register_clock_change(next_alert_change)
        register_search_type()
