"""Admin report "Guides to review": service guides whose "last checked" date is too old.

A Wagtail page report (Reports → Guides to review), so editors get the admin's
own filters (by language), pagination and CSV/Excel export. "Last checked" is
copied from the Chinese page to its translations, so every row points to the
Chinese page as the one to check.
"""

from django.conf import settings
from django.db.models import OuterRef, Subquery
from django.utils.translation import gettext_lazy as _
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.views.reports import PageReportView
from wagtail.models import Locale

from services.models import ServicePage, review_cutoff


class GuidesToReviewFilterSet(WagtailFilterSet):
    # WagtailFilterSet adds the language (locale) filter by itself.
    class Meta:
        model = ServicePage
        fields = []


class GuidesToReviewView(PageReportView):
    page_title = _("Guides to review")
    header_icon = "time"
    model = ServicePage
    filterset_class = GuidesToReviewFilterSet
    results_template_name = "services/admin/guides_to_review_results.html"
    index_url_name = "services_guides_to_review"
    index_results_url_name = "services_guides_to_review_results"
    any_permission_required = ["add", "change", "publish"]
    list_export = ["title", "locale", "last_reviewed", "status_string"]
    export_headings = {
        "locale": _("Language"),
        "last_reviewed": _("Last checked"),
        "status_string": _("Status"),
    }

    def get_filename(self):
        return f"guides-to-review-{review_cutoff().isoformat()}"

    def get_queryset(self):
        editable = self.permission_policy.instances_user_has_permission_for(
            self.request.user, "change"
        )
        source = ServicePage.objects.filter(
            translation_key=OuterRef("translation_key"), locale=Locale.get_default()
        )
        self.queryset = (
            ServicePage.objects.filter(
                pk__in=editable.values("pk"), last_reviewed__lt=review_cutoff()
            )
            # status_string reads schedules and workflow states: fetch them for all rows at once.
            .annotate_approved_schedule()
            .prefetch_workflow_states()
            .annotate(source_page_id=Subquery(source.values("pk")[:1]))
            .order_by("last_reviewed", "title", "locale__language_code")
        )
        return super().get_queryset()

    def get_context_data(self, *args, **kwargs):
        context = super().get_context_data(*args, **kwargs)
        context["review_days"] = settings.YOULIN_SERVICE_REVIEW_DAYS
        return context
