"""Admin views of the editorial app: translation status, "Cancel or move a date", the guide."""

from django.conf import settings
from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils.safestring import mark_safe
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _
from django.utils.translation.trans_real import DjangoTranslation
from django.views.generic import FormView, TemplateView
from django.views.i18n import JavaScriptCatalog
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin
from wagtail.models import Page

from editorial.forms import ScheduleChangeForm
from editorial.guide import guide_html
from editorial.roles import is_only_translator
from editorial.schedule_changes import publish_schedule_change
from editorial.status import locales_for_user, work_by_locale
from events.models import EventPage


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


class ScheduleChangeView(WagtailAdminTemplateMixin, FormView):
    """ "Cancel or move a date": an editor publishes a schedule change without approval.

    Refused (403) to translators and to anyone who may not edit the event in the language
    it was written in; 404 for pages that are not events.
    """

    template_name = "editorial/schedule_change.html"
    form_class = ScheduleChangeForm
    page_title = _("Cancel or move a date")
    header_icon = "date"

    def dispatch(self, request, page_id):
        page = get_object_or_404(Page, pk=page_id).specific
        if not isinstance(page, EventPage):
            raise Http404
        self.event = page.schedule_owner
        if (
            is_only_translator(request.user)
            or not self.event.permissions_for_user(request.user).can_edit()
        ):
            raise PermissionDenied
        self.page = page
        return super().dispatch(request, page_id)

    def get_page_subtitle(self):
        return self.event.get_admin_display_title()

    def get_breadcrumbs_items(self):
        # Home › the event › this form: on a phone the header shows the last one.
        return [
            *self.breadcrumbs_items,
            {
                "url": reverse("wagtailadmin_pages:edit", args=[self.page.pk]),
                "label": self.page.get_admin_display_title(),
            },
            {"url": "", "label": self.page_title},
        ]

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "event": self.event}

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context.update(
            event=self.event,
            page=self.page,
            live=self.event.live,
            locked=self.locked_by_someone_else(),
            edit_url=reverse("wagtailadmin_pages:edit", args=[self.event.pk]),
            history_url=reverse("wagtailadmin_pages:history", args=[self.event.pk]),
        )
        return context

    def locked_by_someone_else(self):
        # Only a lock a person set; a page under review is locked for editing, not for this.
        return self.event.locked and self.event.locked_by_id != self.request.user.pk

    def form_valid(self, form):
        if not self.event.live:
            messages.error(self.request, _("This event is not published yet."))
            return self.form_invalid(form)
        if self.locked_by_someone_else():
            messages.error(
                self.request, _("This page is locked: ask whoever locked it to unlock it.")
            )
            return self.form_invalid(form)
        change = form.change()
        try:
            publish_schedule_change(
                self.event, change, self.request.user, form.cleaned_data["note"]
            )
        except ValidationError as error:
            # The live page itself no longer passes its checks: nothing was written.
            messages.error(
                self.request,
                _("Not published: the event has errors (%(errors)s). Edit the page.")
                % {"errors": "; ".join(error.messages)},
            )
            return self.form_invalid(form)
        messages.success(
            self.request,
            _("Published: %(change)s. The calendars and feeds show it now.")
            % {"change": change.describe()},
        )
        return redirect(reverse("editorial_schedule_change", args=[self.page.pk]))


class EnglishWhereUntranslated(DjangoTranslation):
    """A catalogue that leaves strings it lacks in English (their msgid).

    Django fills the gaps of a catalogue from LANGUAGE_CODE's, which is Chinese here,
    so the Korean translator saw wagtail-localize's buttons in Chinese (下载 PO 文件).
    """

    def _add_fallback(self, localedirs=None):
        return None


class AdminJavaScriptCatalog(JavaScriptCatalog):
    """wagtail-localize's JavaScript strings in the admin language, never in Chinese by default.

    Served at wagtail-localize's own catalogue URL (editorial/wagtail_hooks.py registers
    it first), with the corrections in locale/vendor/<language>/LC_MESSAGES/djangojs.po.
    """

    packages = ["wagtail_localize"]

    def get(self, request, *args, **kwargs):
        paths = [*self.get_paths(self.packages), str(settings.BASE_DIR / "locale" / "vendor")]
        self.translation = EnglishWhereUntranslated(
            get_language(), domain=self.domain, localedirs=paths
        )
        return self.render_to_response(self.get_context_data(**kwargs))


class EditorsGuideView(WagtailAdminTemplateMixin, TemplateView):
    """The editor's guide in the admin language (editorial/guide.py)."""

    template_name = "editorial/guide.html"
    page_title = _("Editor’s guide")
    header_icon = "help"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["guide"] = mark_safe(guide_html(get_language()))  # noqa: S308 (our docs, no raw HTML)
        return context
