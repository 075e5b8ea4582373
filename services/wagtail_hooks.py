"""Admin wiring of the directory: the category snippet and guides that need checking.

Editors find stale guides under Reports → Guides to review (services/reports.py)
and see a warning when they open one. "Last checked" is copied from the Chinese
page to its translations, so on a translation the warning points to the Chinese
page instead of asking for a change the translator cannot make.
"""

from django.contrib import messages
from django.urls import path, reverse
from django.utils.html import format_html
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.models import Locale
from wagtail.permission_policies.pages import PagePermissionPolicy
from wagtail.snippets.models import register_snippet

from home.dates import long_date
from home.snippet_viewsets import SnippetViewSet
from services.models import ServiceCategory, ServicePage
from services.reports import GuidesToReviewView


class ServiceCategoryViewSet(SnippetViewSet):
    model = ServiceCategory
    icon = "folder-open-inverse"
    menu_label = ServiceCategory._meta.verbose_name_plural
    list_display = ["name", "slug", "sort_order", "locale"]
    list_filter = ["locale"]
    ordering = ["sort_order", "name"]
    search_fields = ["name"]


register_snippet(ServiceCategoryViewSet)


@hooks.register("register_admin_urls")
def register_guides_to_review_urls():
    return [
        path(
            "reports/guides-to-review/",
            GuidesToReviewView.as_view(),
            name="services_guides_to_review",
        ),
        path(
            "reports/guides-to-review/results/",
            GuidesToReviewView.as_view(results_only=True),
            name="services_guides_to_review_results",
        ),
    ]


class GuidesToReviewMenuItem(MenuItem):
    def is_shown(self, request):
        return PagePermissionPolicy().user_has_any_permission(
            request.user, ["add", "change", "publish"]
        )


@hooks.register("register_reports_menu_item")
def guides_to_review_menu_item():
    return GuidesToReviewMenuItem(
        gettext_lazy("Guides to review"),
        reverse("services_guides_to_review"),
        name="guides-to-review",
        icon_name="time",
        order=1150,
    )


@hooks.register("before_edit_page")
def warn_when_service_needs_checking(request, page):
    specific = page.specific
    if request.method != "GET" or not isinstance(specific, ServicePage):
        return
    if not specific.needs_review:
        return
    day = long_date(specific.last_reviewed)
    source = specific.get_translation_or_none(Locale.get_default())
    if source is None or source.pk == specific.pk:
        message = _(
            "This guide was last checked on %(date)s. Please check that it is still "
            "correct and update “last checked”."
        ) % {"date": day}
    else:
        text = _(
            "The Chinese page of this guide was last checked on %(date)s. “Last checked” "
            "is copied from it, so it is updated there, not in this translation."
        ) % {"date": day}
        if source.permissions_for_user(request.user).can_edit():
            message = format_html(
                '{} <a href="{}">{}</a>',
                text,
                reverse("wagtailadmin_pages:edit", args=[source.pk]),
                _("Open the Chinese page"),
            )
        else:  # a translator: the Chinese page is not theirs to edit
            hint = _("Ask an editor to check the Chinese page.")
            message = f"{text} {hint}"
    messages.warning(request, message)
