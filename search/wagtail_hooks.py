"""Admin wiring of search: the synonym lists editors keep per language."""

from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from search.models import Synonym


class SynonymViewSet(SnippetViewSet):
    model = Synonym
    icon = "search"
    menu_label = Synonym._meta.verbose_name_plural
    list_display = ["words", "locale"]
    list_filter = ["locale"]
    ordering = ["words"]
    search_fields = ["words"]


register_snippet(SynonymViewSet)
