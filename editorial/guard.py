"""Nothing untranslated goes live: the two places wagtail-localize would publish it.

1. "Sync translated pages" with "Publish immediately" publishes every translation,
   new strings still in Chinese. `GuardedUpdateTranslationsView` publishes only the
   languages with every string translated and lists the others, which stay drafts.
2. The translation editor's "Publish" does the same for one language;
   `untranslated_publish_blocked()` (a before_edit_page hook) refuses it while strings
   are missing and says how many.
"""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.db import transaction
from django.shortcuts import redirect
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext
from wagtail_localize.models import Translation
from wagtail_localize.views.update_translations import UpdateTranslationsView

PUBLISH_HELP = gettext_lazy(
    "Publish the languages in which every string is already translated. Languages "
    "with new, untranslated strings are not published: they are listed after the "
    "update, so nobody reads Chinese text on the English or Korean site."
)


def untranslated_strings(translation):
    total, translated = translation.get_progress()
    return total - translated


class GuardedUpdateTranslationsView(UpdateTranslationsView):
    def get_form(self):
        form = super().get_form()
        form.fields["publish_translations"].help_text = PUBLISH_HELP
        return form

    @transaction.atomic
    def form_valid(self, form):
        publish = form.cleaned_data.get("publish_translations")
        form.cleaned_data["publish_translations"] = False
        response = super().form_valid(form)  # updates the strings, publishes nothing
        if not publish:
            return response
        held = []
        for translation in self.object.translations.filter(enabled=True).select_related(
            "target_locale"
        ):
            missing = untranslated_strings(translation)
            if missing:
                held.append((translation.target_locale.get_display_name(), missing))
                continue
            try:
                translation.save_target(user=self.request.user, publish=True)
            except ValidationError:
                held.append((translation.target_locale.get_display_name(), 0))
        if held:
            messages.warning(self.request, held_message(held))
        return response


def held_message(held):
    parts = [
        ngettext(
            "%(language)s: %(count)d string not translated yet",
            "%(language)s: %(count)d strings not translated yet",
            count,
        )
        % {"language": language, "count": count}
        if count
        else _("%(language)s: the translation has errors") % {"language": language}
        for language, count in held
    ]
    return _("Not published, so no untranslated text goes live — %(languages)s.") % {
        "languages": "; ".join(parts)
    }


def untranslated_publish_blocked(request, page):
    """Refuse "Publish" in the translation editor while strings are untranslated."""
    if request.method != "POST" or request.POST.get("action") != "publish":
        return None
    translation = Translation.objects.filter(
        source__object_id=page.translation_key,
        target_locale_id=page.locale_id,
        enabled=True,
    ).first()
    if translation is None:
        return None
    missing = untranslated_strings(translation)
    if not missing:
        return None
    messages.error(
        request,
        ngettext(
            "Not published: %(count)d string is not translated yet. Translate it "
            "(or use machine translation and check it), then publish.",
            "Not published: %(count)d strings are not translated yet. Translate them "
            "(or use machine translation and check them), then publish.",
            missing,
        )
        % {"count": missing},
    )
    return redirect("wagtailadmin_pages:edit", page.pk)
