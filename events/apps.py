from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class EventsConfig(AppConfig):
    name = "events"
    verbose_name = _("Events")

    def ready(self):
        from events import search_index, search_results, signals  # noqa: F401
        from search.queries import register_result_dates

        search_index.connect()
        register_result_dates(search_results.next_dates)
