"""The editors' synonym lists: words residents use for what the pages call otherwise."""

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.models import TranslatableMixin

from home.models import ReviewedSnippet
from search.synonyms import read_list


class Synonym(ReviewedSnippet):
    """Words that mean the same to a resident, in one language (看病, 就诊, 就医).

    A search for any of them also finds pages with the others (search/queries.py).
    Each language has its own lists; a translation is a list in another language.
    """

    words = models.CharField(
        _("words that mean the same"),
        max_length=400,
        help_text=_(
            "Separated by commas, e.g. “看病, 就诊, 就医” or “ping pong, table tennis”: a "
            "search for any of them also finds pages with the others. With an arrow, "
            "“doctor => hospital, clinic”, only the words before it find the ones after."
        ),
    )

    panels = [FieldPanel("words")]

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("search synonyms")
        verbose_name_plural = _("search synonyms")
        ordering = ["words"]

    def __str__(self):
        return self.words

    def phrases(self):
        return read_list(self.words)[1]

    def clean(self):
        super().clean()
        sources, found = read_list(self.words)
        if not sources or len(found) < 2:
            raise ValidationError(
                {"words": _("Give at least two words or phrases, separated by commas.")}
            )
