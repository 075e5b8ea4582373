"""Translators change content in their own language only, by every way into the admin.

Wagtail's snippet permissions are per model, not per language, and wagtail-localize's
string, override, PO file, machine translation, preview and "stop translation"
endpoints check only those per-model permissions for snippets. So a Korean
translator could edit the English footer, or delete one string of the English menu
through the string API and turn the whole menu Chinese. Pages are safe already
(translators have page permissions on their own language's tree only); these two
checks close the snippet side, and re-check pages for free:

* `snippet_in_own_language`, a before_edit_snippet / before_delete_snippet hook,
  registered ahead of wagtail-localize's own hook, which otherwise answers first with
  its translation editor;
* `TranslatorLocaleMiddleware`, for every wagtail-localize URL that names a
  translation (`translation_id`): the translation's target language must be one the
  user works in. New wagtail-localize endpoints of that shape are covered as they come.
"""

from django.core.exceptions import PermissionDenied
from wagtail_localize.models import Translation

from editorial.roles import may_work_in


def snippet_in_own_language(request, instance):
    """Refuse a translator a snippet in another language (hook; None lets the view go on)."""
    locale = getattr(instance, "locale", None)
    if locale is not None and not may_work_in(request.user, locale.language_code):
        raise PermissionDenied
    return None


class TranslatorLocaleMiddleware:
    """403 for wagtail-localize's per-translation URLs outside the user's languages."""

    NAMESPACE = "wagtail_localize"

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_view(self, request, view_func, view_args, view_kwargs):
        match = request.resolver_match
        if match is None or self.NAMESPACE not in match.namespaces:
            return None
        translation_id = view_kwargs.get("translation_id")
        user = getattr(request, "user", None)
        if translation_id is None or user is None or not user.is_authenticated:
            return None  # wagtail-localize's own checks answer anonymous visitors
        code = (
            Translation.objects.filter(pk=translation_id)
            .values_list("target_locale__language_code", flat=True)
            .first()
        )
        if code is not None and not may_work_in(user, code):
            raise PermissionDenied
        return None
