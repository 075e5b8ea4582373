from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class HomeConfig(AppConfig):
    name = "home"
    verbose_name = _("Home and content pages")

    def ready(self):
        from home import (
            checks,  # noqa: F401 (registers the environment checks)
            page_cache,
            renditions,
        )

        renditions.connect_receivers()
        page_cache.connect_receivers()
