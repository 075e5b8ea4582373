from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class HomeConfig(AppConfig):
    name = "home"
    verbose_name = _("Home and content pages")

    def ready(self):
        from home import checks  # noqa: F401 (registers the environment checks)
        from home.renditions import connect_receivers

        connect_receivers()
