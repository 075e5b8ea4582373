from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class EditorialConfig(AppConfig):
    name = "editorial"
    verbose_name = _("Editorial workflow")

    def ready(self):
        from editorial.panels import TranslationStatusPanel
        from home.models import add_shared_tab

        # Every page type's editor ends with where the page stands in each language.
        add_shared_tab(_("Translations"), lambda: [TranslationStatusPanel()])
