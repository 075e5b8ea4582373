"""Admin wiring: Settings-style viewset for partner calendars, and the import report."""

from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.ui.tables import Column
from wagtail.admin.views.generic import IndexView
from wagtail.admin.viewsets.model import ModelViewSet

from imports.models import CalendarSource
from imports.views import ImportReportView


class CalendarSourceIndexView(IndexView):
    def get_base_queryset(self):
        # The last run's counts come with the calendars: one query for any number of them.
        return CalendarSource.objects.with_last_run().select_related("partner", "locale")


class CalendarSourceViewSet(ModelViewSet):
    model = CalendarSource
    index_view_class = CalendarSourceIndexView
    icon = "date"
    menu_label = _("Partner calendars")
    name = "partner_calendars"
    add_to_admin_menu = True
    menu_order = 295
    copy_view_enabled = False
    inspect_view_enabled = False
    list_display = [
        Column("name", label=_("Name")),
        Column("partner", label=_("Partner")),
        Column("locale", label=_("Language")),
        Column("trusted", label=_("Publish without approval")),
        Column("last_import", label=_("Last import")),
    ]


calendar_source_viewset = CalendarSourceViewSet()


@hooks.register("register_admin_viewset")
def register_calendar_sources():
    return calendar_source_viewset


@hooks.register("register_admin_urls")
def register_report_url():
    return [path("calendar-imports/", ImportReportView.as_view(), name="calendar_imports")]


class ReportMenuItem(MenuItem):
    def is_shown(self, request):
        return request.user.has_perm("imports.view_calendarsource") or request.user.has_perm(
            "imports.change_calendarsource"
        )


@hooks.register("register_reports_menu_item")
def register_report_menu_item():
    return ReportMenuItem(
        _("Calendar imports"), reverse("calendar_imports"), icon_name="date", order=720
    )
