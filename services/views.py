"""How the directory's index pages answer: GET filters, pagination and the 400 page.

Filters are plain GET parameters, so they work without JavaScript and can be
shared as links. A value the site does not know gets a 400 page in the visitor's
language, never a server error; a page number out of range shows the nearest page.
"""

from urllib.parse import urlencode

from django.template.response import TemplateResponse

from home.languages import with_suffix
from home.listing import BadFilter, choice, page_of
from services import collation, queries
from services.models import LANGUAGE_CHOICES, LANGUAGE_LABELS, PARTNER_TYPE_LABELS, PARTNER_TYPES


def _paginate(request, pages):
    return page_of(request, pages, queries.PAGE_SIZE)


def keep_filters(context, filters, letter_languages=None):
    """Make the language switcher lead to the same filtered list in the other language.

    Types, languages spoken and category slugs mean the same in every language. An
    A–Z letter is carried only where that language's index has it (ㄱ is not an
    English letter), so the switch never lands on a 400 page, and, given
    `letter_languages`, only where that language has a partner under it (the Korean list
    has the Latin letters, but 무옌 커피 is not under M), so it never lands on an empty
    list. The page number is dropped: another language's list may be shorter.
    """
    letter = filters.pop("letter", None)

    def query_for(language_code):
        chosen = {name: value for name, value in filters.items() if value}
        if (
            letter
            and letter in collation.alphabet(language_code)
            and (letter_languages is None or language_code in letter_languages)
        ):
            chosen["letter"] = letter
        return f"?{urlencode(chosen)}" if chosen else ""

    if letter or any(filters.values()):
        context["language_links"] = with_suffix(context["language_links"], query_for)


def bad_filter(index, request, context):
    context["index_page"] = index
    return TemplateResponse(request, "services/bad_filter.html", context, status=400)


def serve_service_index(index, request):
    context = index.get_context(request)
    by_key = queries.categories_in(index.locale)
    slugs = {category.slug: key for key, category in by_key.items()}
    try:
        chosen = choice(request.GET, "category", slugs)
    except BadFilter:
        return bad_filter(index, request, context)
    page_obj = _paginate(request, queries.services(index, [slugs[chosen]] if chosen else None))
    groups = []
    for service in page_obj.object_list:
        category = queries.localized_category(service.category, by_key)
        if not groups or groups[-1][0] != category:
            groups.append((category, []))
        groups[-1][1].append(service)
    context.update(
        categories=list(by_key.values()), current_category=chosen, page_obj=page_obj, groups=groups
    )
    keep_filters(context, {"category": chosen})
    return TemplateResponse(request, index.get_template(request), context)


def serve_partner_index(index, request):
    context = index.get_context(request)
    language_code = index.locale.language_code
    letters = collation.alphabet(language_code)
    # Filed the same way as titles: "m" is M, and ㄲ (tense) is listed under ㄱ.
    letter = collation.fold_letter(request.GET.get("letter", ""))
    try:
        partner_type = choice(request.GET, "type", PARTNER_TYPE_LABELS)
        language = choice(request.GET, "language", LANGUAGE_LABELS)
        letter = choice({"letter": letter}, "letter", letters)
    except BadFilter:
        return bad_filter(index, request, context)
    filtered = queries.partners(index, partner_type, language)
    present = queries.initials_present(filtered)
    page_obj = _paginate(request, filtered.filter(initial=letter) if letter else filtered)
    korean = language_code.startswith("ko")
    context.update(
        page_obj=page_obj,
        partner_types=PARTNER_TYPES,
        languages=LANGUAGE_CHOICES,
        current_type=partner_type,
        current_language=language,
        current_letter=letter,
        letters=[
            {"letter": item, "present": item in present}
            for item in letters
            # Korean lists show the Latin letters only where a partner has a Latin name.
            if not (korean and item in collation.LATIN and item not in present)
        ],
        filtered=bool(partner_type or language or letter),
    )
    keep_filters(
        context,
        {"type": partner_type, "language": language, "letter": letter},
        letter_languages=(
            queries.languages_with_letter(letter, partner_type, language) if letter else None
        ),
    )
    return TemplateResponse(request, index.get_template(request), context)


def serve_space_index(index, request):
    context = index.get_context(request)
    context["page_obj"] = _paginate(request, queries.spaces(index))
    return TemplateResponse(request, index.get_template(request), context)
