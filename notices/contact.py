"""Contact the centre: the form's spam protection, rate limit and notification e-mail.

No third-party service: a field hidden from people (`website`; bots fill every field in)
and at most CONTACT_RATE_LIMIT messages per address per hour, counted in the cache.
A refused message answers with the form and a clear error, in the visitor's language,
and is neither stored nor sent. Header injection cannot happen: the notification's
subject and addresses are the editor's, and what a visitor writes only goes in its body.

Only this page sets a CSRF cookie, so it is the one page anonymous visitors get that is
not kept in the page cache (a response setting a cookie is never stored).
"""

import logging
import smtplib

from django import forms
from django.conf import settings
from django.core.cache import cache
from django.core.mail import EmailMessage
from django.middleware.csrf import get_token
from django.template.response import TemplateResponse
from django.utils.cache import add_never_cache_headers
from django.utils.translation import gettext_lazy as _

from home.languages import bcp47

logger = logging.getLogger(__name__)

HONEYPOT = "website"
RATE_WINDOW_SECONDS = 3600


def contact_form_class(base):
    """The editor's form with the honeypot field added."""

    class ContactForm(base):
        def __init__(self, *args, **kwargs):
            super().__init__(*args, **kwargs)
            for name, field in self.fields.items():
                if field.help_text:
                    field.widget.attrs["aria-describedby"] = f"id_{name}-help"
            self.fields[HONEYPOT] = forms.CharField(
                required=False,
                label=_("Leave this empty"),
                widget=forms.TextInput(attrs={"autocomplete": "off", "tabindex": "-1"}),
            )

        def clean(self):
            cleaned = super().clean()
            if cleaned.get(HONEYPOT):
                raise forms.ValidationError(
                    _("Your message could not be sent. Please leave the last field empty.")
                )
            cleaned.pop(HONEYPOT, None)
            return cleaned

    return ContactForm


def client_address(request):
    """The visitor's address; behind AXES_PROXY_COUNT proxies, the one they forwarded.

    Each proxy appends the address it was reached from, so the visitor's is the N-th from
    the end of X-Forwarded-For: anything before it is the visitor's to forge.
    """
    proxies = getattr(settings, "AXES_IPWARE_PROXY_COUNT", 0)
    if proxies:
        forwarded = request.META.get("HTTP_X_FORWARDED_FOR", "").split(",")
        forwarded = [address.strip() for address in forwarded if address.strip()]
        if len(forwarded) >= proxies:
            return forwarded[-proxies]
    return request.META.get("REMOTE_ADDR", "") or "unknown"


def _rate_key(request):
    return f"notices:contact:{client_address(request)}"


def over_limit(request):
    return cache.get(_rate_key(request), 0) >= settings.YOULIN_CONTACT_RATE_LIMIT


def count_message(request):
    key = _rate_key(request)
    if not cache.add(key, 1, RATE_WINDOW_SECONDS):
        try:
            cache.incr(key)
        except ValueError:  # expired between add and incr
            cache.add(key, 1, RATE_WINDOW_SECONDS)


def serve_contact_page(page, request, serve, *args, **kwargs):
    """The form page (always with a CSRF cookie); 429 with the form once over the limit."""
    get_token(request)  # the cookie that makes the response private and uncached
    if request.method == "POST" and over_limit(request):
        form = page.get_form(request.POST, page=page, user=request.user)
        form.is_valid()  # keep what they wrote on the form they get back
        form.add_error(
            None, _("You have sent several messages in the last hour. Please try again later.")
        )
        context = page.get_context(request)
        context["form"] = form
        response = TemplateResponse(request, page.get_template(request), context, status=429)
    else:
        response = serve(request, *args, **kwargs)
    # The CSRF cookie is added after the site's own cache headers are decided (the CSRF
    # middleware sits outside them), so say here that this page is no one else's to keep.
    add_never_cache_headers(response)
    return response


def render_email(page, form):
    """The notification's body: each field's label and answer, in the page's language."""
    lines = [
        f"{page.title} ({bcp47(page.locale.language_code)})",
        "",
    ]
    for field in form:
        if field.name == HONEYPOT:
            continue
        value = form.cleaned_data.get(field.name)
        if isinstance(value, list):
            value = ", ".join(value)
        lines.append(f"{field.label}: {value}")
    return "\n".join(lines)


def send_notification(page, form):
    """E-mail the centre; the addresses and subject are the editor's, the body the visitor's.

    The message is already stored when this runs: if the mail server refuses or times
    out, the visitor is still thanked and the message waits under Forms in the admin.
    """
    addresses = [address.strip() for address in page.to_address.split(",") if address.strip()]
    if not addresses:
        return False
    message = EmailMessage(
        subject=page.subject or str(page.title),
        body=render_email(page, form),
        from_email=page.from_address or settings.DEFAULT_FROM_EMAIL,
        to=addresses,
    )
    try:
        message.send(fail_silently=False)
    except (OSError, smtplib.SMTPException):
        logger.exception("Contact form %s: the notification e-mail could not be sent", page.pk)
        return False
    return True
