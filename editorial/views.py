"""Admin views of the editorial app: the full translation status report."""

from django.utils.translation import gettext_lazy as _
from django.views.generic import TemplateView
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin

from editorial.status import locales_for_user, work_by_locale


class TranslationStatusView(WagtailAdminTemplateMixin, TemplateView):
    """Every page that needs translating, per language, for the languages the user works in."""

    template_name = "editorial/translation_status.html"
    page_title = _("Translation status")
    header_icon = "wagtail-localize-language"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["report"] = work_by_locale(locales_for_user(self.request.user))
        context["can_submit"] = self.request.user.has_perm("wagtail_localize.submit_translation")
        return context
