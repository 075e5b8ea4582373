"""The admin form every Youlin page type uses."""

from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms import WagtailAdminPageForm

from home.slugs import free_slug

SLUG_HELP = _(
    "The last part of the page's web address, the same in every language. Leave it "
    "empty and it is made from the title (Chinese titles become pinyin)."
)


class BasePageForm(WagtailAdminPageForm):
    """The slug may be left empty: it is made from the title, in pinyin for Chinese titles.

    The admin's own title-to-slug script drops Chinese characters, which would leave a
    community worker typing pinyin by hand for every page.
    """

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if "slug" in self.fields:
            self.fields["slug"].required = False
            self.fields["slug"].help_text = SLUG_HELP

    def clean_slug(self):
        slug = self.cleaned_data.get("slug")
        return slug or free_slug(self.data.get("title", ""), self.parent_page, self.instance)
