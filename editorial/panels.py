"""The "Translations" tab of every page's edit form: where this page stands in each language."""

from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import Panel

from editorial.status import page_statuses


class TranslationStatusPanel(Panel):
    def __init__(self, **kwargs):
        kwargs.setdefault("heading", _("Translations"))
        super().__init__(**kwargs)

    class BoundPanel(Panel.BoundPanel):
        template_name = "editorial/translation_status_panel.html"

        def get_context_data(self, parent_context=None):
            context = super().get_context_data(parent_context)
            page = self.instance
            if page.pk:
                source, rows = page_statuses(page)
            else:
                source, rows = None, []
            context.update(
                page=page,
                source=source,
                rows=rows,
                can_submit=self.request.user.has_perm("wagtail_localize.submit_translation"),
            )
            return context
