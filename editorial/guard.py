"""Nothing goes live untranslated or unapproved: where wagtail-localize would publish.

1. "Sync translated pages" with "Publish immediately" publishes every translation,
   new strings still in Chinese, whoever asks. `GuardedUpdateTranslationsView`
   publishes only the languages with every string translated and in which the user
   may publish; in the others a complete translation is submitted for approval
   (editorial/review.py), and an incomplete one is listed and left as it was.
2. The translation editor's "Publish" does the same for one language;
   `untranslated_publish_blocked()` (a before_edit_page hook) refuses it while strings
   are missing and says how many.
3. "Convert to alias" makes a translation a live copy of the source at once, so
   `convert_to_alias_if_allowed` lets only those who may publish there do it, and
   `editor_without_convert_to_alias` leaves it out of everyone else's editor.
"""

import html
import json
import re

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.db import transaction
from django.shortcuts import get_object_or_404, redirect
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext
from wagtail.admin.admin_url_finder import AdminURLFinder
from wagtail.models import DraftStateMixin, Page, RevisionMixin
from wagtail.snippets.permissions import get_permission_name
from wagtail_localize.views.convert import convert_to_alias
from wagtail_localize.views.update_translations import UpdateTranslationsView
from wagtail_localize.wagtail_hooks import before_edit_page as localize_before_edit_page

from editorial.review import (
    save_translation_revision,
    submit_for_approval,
    translation_of,
    untranslated_strings,
)
from editorial.roles import may_work_in

PUBLISH_HELP = gettext_lazy(
    "Publish the languages in which every string is already translated and you may "
    "publish. Where you may not, they are submitted to a supervisor for approval. "
    "Languages with new, untranslated strings are neither: they are listed after the "
    "update, so nobody reads Chinese text on the English or Korean site."
)


def may_publish(user, instance):
    """Whether `user` may publish `instance` (a translated page or snippet) in its locale."""
    if isinstance(instance, Page):
        return instance.permissions_for_user(user).can_publish()
    action = "publish" if isinstance(instance, DraftStateMixin) else "change"
    return user.has_perm(get_permission_name(action, type(instance))) and may_work_in(
        user, instance.locale.language_code
    )


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
        user = self.request.user
        held, submitted = [], []
        for translation in self.object.translations.filter(enabled=True).select_related(
            "source", "target_locale"
        ):
            language = translation.target_locale.get_display_name()
            missing = untranslated_strings(translation)
            if missing:
                held.append((language, missing))
                continue
            target = translation.source.get_translated_instance(translation.target_locale)
            try:
                with transaction.atomic():
                    if may_publish(user, target):
                        translation.save_target(user=user, publish=True)
                    elif isinstance(target, Page | RevisionMixin):
                        submit_for_approval(save_translation_revision(translation, user), user)
                        submitted.append(language)
                    else:
                        held.append((language, None))
            except ValidationError:
                held.append((language, 0))
        if submitted:
            messages.info(
                self.request,
                _("Submitted to a supervisor for approval: %(languages)s.")
                % {"languages": ", ".join(submitted)},
            )
        if held:
            messages.warning(self.request, held_message(held))
        return response


def held_reason(language, count):
    """Why one language was not published: `count` untranslated strings, 0 errors, None no right."""
    if count:
        return ngettext(
            "%(language)s: %(count)d string not translated yet",
            "%(language)s: %(count)d strings not translated yet",
            count,
        ) % {"language": language, "count": count}
    if count is None:
        return _("%(language)s: you may not publish in this language") % {"language": language}
    return _("%(language)s: the translation has errors") % {"language": language}


def held_message(held):
    return _("Not published — %(languages)s.") % {
        "languages": "; ".join(held_reason(language, count) for language, count in held)
    }


def untranslated_publish_blocked(request, instance):
    """Refuse "Publish" in the translation editor while strings are untranslated."""
    if request.method != "POST" or request.POST.get("action") != "publish":
        return None
    translation = translation_of(instance)
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
    return redirect(AdminURLFinder(request.user).get_edit_url(instance))


def convert_to_alias_if_allowed(request, page_id):
    """wagtail-localize's "Convert to alias", for those who may publish the page only."""
    page = get_object_or_404(Page, id=page_id)
    if not page.permissions_for_user(request.user).can_publish():
        messages.error(
            request,
            _(
                "Only a supervisor can turn this translation into a copy of the source "
                "page: the copy goes live at once."
            ),
        )
        return redirect("wagtailadmin_pages:edit", page.pk)
    return convert_to_alias(request, page_id)


EDITOR_PROPS = re.compile(r'(class="js-translation-editor" data-props=")([^"]*)(")')


def editor_without_convert_to_alias(request, page):
    """wagtail-localize's translation editor, minus "Convert to alias" and "Delete" for
    non-publishers.

    Its editor offers "Convert to alias" (as the main button, even) to anyone who can edit;
    `convert_to_alias_if_allowed` would refuse them, so don't offer it at all. Its footer's
    main button is the last action it has: without "Publish", that was "Delete", one tap
    from the translator's thumb on a phone. Deleting stays in the page list's ⋯ menu; their
    own main actions, "Submit for approval" and "Save draft", are below the editor.
    """
    if request.method != "GET" or page.permissions_for_user(request.user).can_publish():
        return None
    response = localize_before_edit_page(request, page)
    if getattr(response, "status_code", None) != 200 or not hasattr(response, "content"):
        return response

    def drop_link(match):
        props = json.loads(html.unescape(match.group(2)))
        props.get("links", {})["convertToAliasUrl"] = None
        props.get("perms", {})["canDelete"] = False
        return match.group(1) + html.escape(json.dumps(props)) + match.group(3)

    response.content = EDITOR_PROPS.sub(drop_link, response.content.decode()).encode()
    return response
