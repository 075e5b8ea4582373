"""Admin wiring of the directory: the category snippet and the "needs checking" warning."""

from django.contrib import messages
from django.utils.translation import gettext as _
from wagtail import hooks
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from services.models import ServiceCategory, ServicePage


class ServiceCategoryViewSet(SnippetViewSet):
    model = ServiceCategory
    icon = "folder-open-inverse"
    menu_label = ServiceCategory._meta.verbose_name_plural
    list_display = ["name", "slug", "sort_order", "locale"]
    list_filter = ["locale"]
    ordering = ["sort_order", "name"]
    search_fields = ["name"]


register_snippet(ServiceCategoryViewSet)


@hooks.register("before_edit_page")
def warn_when_service_needs_checking(request, page):
    specific = page.specific
    if request.method == "GET" and isinstance(specific, ServicePage) and specific.needs_review:
        messages.warning(
            request,
            _(
                "This guide was last checked on %(date)s. Please check that it is still "
                "correct and update “last checked”."
            )
            % {"date": specific.last_reviewed.isoformat()},
        )
