"""The calendar's own 400 page: what went wrong, in the visitor's language, and a way back."""

from django.template.response import TemplateResponse


def bad_request(request, index, message):
    context = index.get_context(request)
    context.update({"message": message, "calendar_url": index.url})
    return TemplateResponse(request, "events/bad_request.html", context, status=400)
