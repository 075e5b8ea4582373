"""The admin's report of calendar imports: each run's counts and its lines, newest first."""

from django.core.exceptions import PermissionDenied
from django.utils.translation import gettext_lazy as _
from django.views.generic import TemplateView
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin

from imports.models import CalendarSource, ImportRun

RUNS_SHOWN = 30


class ImportReportView(WagtailAdminTemplateMixin, TemplateView):
    """Reports → Calendar imports: what each run added, updated, cancelled and skipped, and why."""

    template_name = "imports/report.html"
    page_title = _("Calendar imports")
    header_icon = "date"

    def dispatch(self, request, *args, **kwargs):
        user = request.user
        if not (
            user.has_perm("imports.view_calendarsource")
            or user.has_perm("imports.change_calendarsource")
        ):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        runs = ImportRun.objects.select_related("source")
        chosen = self.request.GET.get("source", "")
        sources = list(CalendarSource.objects.order_by("name"))
        if chosen.isdigit():
            runs = runs.filter(source_id=int(chosen))
        context.update(
            runs=list(runs[:RUNS_SHOWN]),
            sources=sources,
            chosen=int(chosen) if chosen.isdigit() else None,
        )
        return context
