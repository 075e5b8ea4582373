"""Home page, plain content pages, and the per-locale site chrome (navigation, contact)."""

import re

from django.db import models
from django.utils.module_loading import import_string
from django.utils.translation import gettext_lazy as _
from modelcluster.models import ClusterableModel
from wagtail import blocks
from wagtail.admin.panels import (
    FieldPanel,
    HelpPanel,
    MultiFieldPanel,
    ObjectList,
    TabbedInterface,
)
from wagtail.fields import RichTextField, StreamField
from wagtail.models import (
    DraftStateMixin,
    Page,
    PageViewRestriction,
    RevisionMixin,
    TranslatableMixin,
    WorkflowMixin,
)
from wagtail.search import index
from wagtail.utils.decorators import cached_classmethod

from home import versioned
from home.blocks import BodyBlock
from home.forms import BasePageForm
from home.languages import language_links
from home.renditions import HERO, SHARE, figures_in
from home.slugs import free_slug
from home.translations import PAGE_FACTS, SNIPPET_FACTS, synchronised
from home.visibility import known_unrestricted, live_public

# Tabs that a higher app adds to every page type's editor (editorial adds "Translations"):
# (heading, a function returning the panels). Filled in by AppConfig.ready().
SHARED_TABS = []


def add_shared_tab(heading, make_panels):
    SHARED_TABS.append((heading, make_panels))


class BasePage(Page):
    """What every Youlin page type shares: ASCII slugs kept the same in every locale."""

    # The slug is one fact for all three locales, so /en/x/ and /ko/x/ are the same page;
    # the publishing schedule too, so a translation goes live and expires with its source.
    override_translatable_fields = PAGE_FACTS

    base_form_class = BasePageForm

    settings_panels = [
        HelpPanel(
            content=_(
                "To publish later, or to take the page off the site on a set day (an event "
                "after it has happened), choose “Set schedule” in the Status panel on the "
                "right, then save a draft or submit it for approval."
            ),
            heading=_("Publishing on a set day"),
        ),
        *Page.settings_panels,
    ]

    class Meta:
        abstract = True

    # The first tab's name and the tabs after it: (heading, panels), e.g. "Date and time".
    content_heading = _("Content")
    extra_tabs = ()

    @cached_classmethod
    def get_edit_handler(cls):
        """Content, the page type's own tabs, Promote, Publishing, then every app's shared tabs."""
        tabs = [
            (cls.content_heading, cls.content_panels),
            *cls.extra_tabs,
            (_("Promote"), cls.promote_panels),
            (_("Publishing"), cls.settings_panels),
            *((heading, make_panels()) for heading, make_panels in SHARED_TABS),
        ]
        return TabbedInterface(
            [ObjectList(panels, heading=heading) for heading, panels in tabs],
            base_form_class=cls.base_form_class,
        ).bind_to_model(cls)

    def full_clean(self, *args, **kwargs):
        if (
            not self.slug
            and self.title
            and (self.path or getattr(self, "_cached_parent_obj", None))
        ):
            self.slug = free_slug(self.title, self.get_parent(), self, self._meta.model_name)
        super().full_clean(*args, **kwargs)

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["language_links"] = language_links(request, self)
        return context

    def get_view_restrictions(self):
        # Wagtail reads the page's ancestors, then their restrictions, on every visit.
        if known_unrestricted(self):
            return PageViewRestriction.objects.none()
        return super().get_view_restrictions()

    def breadcrumb_ancestors(self):
        """The pages above this one from its home page down, for the breadcrumbs."""
        found = getattr(self, "_route_ancestors", None)  # read on the way (home/routing.py)
        if found and found[0].depth == 2:
            return found
        return list(self.get_ancestors()[1:])

    def serve_preview(self, request, mode_name):
        # Through serve(), like a visit: listing pages build their context there, and
        # Wagtail's default preview (template + get_context) would render them empty.
        return self.serve(request)

    def names_in_other_languages(self):
        """The page's live titles in its other languages, for search: a partner, space or
        event is found by any of its names, whatever language the visitor reads
        (沐言咖啡 on the English site). Reindexed when a translation changes (search/signals.py)."""
        translations = Page.objects.live().filter(translation_key=self.translation_key)
        return " ".join(translations.exclude(pk=self.pk).values_list("title", flat=True))

    def pictures_shown(self):
        """(image, PictureSizes) for every picture the page and its card in lists show.

        Publishing makes these renditions beforehand (home/renditions.py), so the first
        visitor waits for none. Page types with pictures of their own add them.
        """
        return list(figures_in(self))

    def share_picture(self):
        """(image, PictureSizes) for the page's Open Graph card, or None.

        The first picture the page shows in a single rendition (made on publish, like the
        one search engines get); pages without one share the site's own card.
        """
        for image, sizes in self.pictures_shown():
            if image is not None and len(sizes.filters()) == 1:
                return image, sizes
        return None


class IndexPage(BasePage):
    """A list of one kind of page under a home page: services, partners, spaces, events."""

    intro = models.TextField(_("introduction"), blank=True)

    parent_page_types = ["home.HomePage"]
    max_count_per_parent = 1
    content_panels = [*Page.content_panels, FieldPanel("intro")]
    search_fields = [*Page.search_fields, index.SearchField("intro")]
    # "app.views.function" called with (index page, request) to serve the list.
    listing_view = None

    class Meta:
        abstract = True

    def serve(self, request, *args, **kwargs):
        if self.listing_view is None:
            return super().serve(request, *args, **kwargs)
        return import_string(self.listing_view)(self, request)


class HomePage(BasePage):
    """The front page of one locale's site."""

    lead = models.TextField(
        _("welcome text"),
        blank=True,
        help_text=_("One or two sentences under the title: who the site is for."),
    )
    hero_image = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("header picture"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    hero_alt = models.CharField(
        _("header picture description"),
        max_length=200,
        blank=True,
        help_text=_("Describe the picture for people who cannot see it."),
    )
    body = StreamField(BodyBlock(), verbose_name=_("content"), blank=True)
    first_steps_page = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name=_("first steps page"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_(
            "A newcomer's guide, shown first under “Find your way”, before the calendar "
            "and the directory; readers get it in their language."
        ),
    )

    # Text is translated; the picture and the guide are the same in every language.
    override_translatable_fields = [
        *BasePage.override_translatable_fields,
        *synchronised("hero_image", "first_steps_page"),
    ]

    template = "home/home_page.html"
    max_count_per_parent = 1
    parent_page_types = ["wagtailcore.Page"]

    content_panels = [
        *Page.content_panels,
        FieldPanel("lead"),
        MultiFieldPanel(
            [FieldPanel("hero_image"), FieldPanel("hero_alt")], heading=_("Header picture")
        ),
        FieldPanel("body"),
        FieldPanel("first_steps_page"),
    ]
    search_fields = [*Page.search_fields, index.SearchField("lead"), index.SearchField("body")]

    class Meta:
        verbose_name = _("home page")
        verbose_name_plural = _("home pages")

    def pictures_shown(self):
        return [(self.hero_image, HERO), (self.hero_image, SHARE), *super().pictures_shown()]

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["untranslated_page"] = untranslated_page_from(request)

        def find_your_way():
            sections = sorted(
                (
                    page
                    for page in live_public(self.get_children()).specific()
                    if page.specific_class.__name__ in DIRECTORY_INDEXES
                ),
                key=lambda page: DIRECTORY_INDEXES.index(page.specific_class.__name__),
            )
            guide = self.first_steps_in_language()
            return [*([guide] if guide else []), *sections]

        context["directory_pages"] = versioned.kept(("directory pages", self.pk), find_your_way)
        return context

    def first_steps_in_language(self):
        """The newcomer's guide in this home page's language, if it is live and public there."""
        if self.first_steps_page_id is None:
            return None
        key = Page.objects.filter(pk=self.first_steps_page_id).values("translation_key")
        return (
            live_public(Page.objects.filter(translation_key__in=key, locale_id=self.locale_id))
            .specific()
            .first()
        )


# Index pages the home page points to under "Find your way", in this order (by class
# name: events and the directory live in apps above this one).
DIRECTORY_INDEXES = ("ServiceIndexPage", "EventIndexPage", "PartnerIndexPage", "SpaceIndexPage")


def untranslated_page_from(request):
    """The page a visitor came from when the language switcher found no translation."""
    raw = request.GET.get("untranslated", "")
    # str.isdigit() accepts "²" and other digits int() refuses: ASCII only.
    if not re.fullmatch(r"[0-9]{1,12}", raw):
        return None
    return live_public(Page.objects.filter(pk=int(raw))).select_related("locale").first()


class ContentPage(BasePage):
    """A plain page of text and pictures: about us, guides, notices."""

    summary = models.TextField(
        _("summary"),
        blank=True,
        help_text=_("Shown under the title and in listings and search results."),
    )
    body = StreamField(BodyBlock(), verbose_name=_("content"), blank=True)

    template = "home/content_page.html"

    content_panels = [*Page.content_panels, FieldPanel("summary"), FieldPanel("body")]
    search_fields = [*Page.search_fields, index.SearchField("summary"), index.SearchField("body")]

    class Meta:
        verbose_name = _("content page")
        verbose_name_plural = _("content pages")


class ReviewedSnippet(
    WorkflowMixin, DraftStateMixin, RevisionMixin, TranslatableMixin, models.Model
):
    """A translatable snippet whose changes a supervisor approves, like a page's.

    Saving keeps a draft revision; the row (what the site shows) changes only when a
    moderator publishes, through the same approval workflow as pages
    (editorial/roles.py assigns it). So a translator's menu or footer text, like a
    translator's page, reaches readers only once a supervisor has approved it.
    """

    # Each language's copy has its own first publication, as a page has.
    first_published_at = models.DateTimeField(
        _("first published at"), blank=True, null=True, db_index=True, editable=False
    )

    class Meta(TranslatableMixin.Meta):
        abstract = True


class NavigationMenu(ReviewedSnippet):
    """The links in the site header, one menu per language."""

    name = models.CharField(_("name"), max_length=100, default="Main menu")
    items = StreamField(
        [
            (
                "link",
                blocks.StructBlock(
                    [
                        ("label", blocks.CharBlock(label=_("Text"))),
                        ("page", blocks.PageChooserBlock(label=_("Page"), required=False)),
                        ("url", blocks.CharBlock(label=_("Or a web address"), required=False)),
                    ],
                    icon="link",
                    label=_("Link"),
                ),
            )
        ],
        verbose_name=_("links"),
        blank=True,
    )

    panels = [FieldPanel("name"), FieldPanel("items")]
    # The name only tells editors which menu this is; the links are what readers see.
    override_translatable_fields = [*SNIPPET_FACTS, *synchronised("name")]

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("navigation menu")
        verbose_name_plural = _("navigation menus")

    def __str__(self):
        return f"{self.name} ({self.locale})"


class ContactDetails(ReviewedSnippet, ClusterableModel):
    """The service centre's address, phones and emergency numbers, shown in every footer."""

    centre_name = models.CharField(_("centre name"), max_length=200)
    address = models.TextField(_("address"))
    opening_hours = models.CharField(_("opening hours"), max_length=200, blank=True)
    phone = models.CharField(_("phone"), max_length=50, blank=True)
    email = models.EmailField(_("e-mail"), blank=True)
    about = RichTextField(_("about the site"), blank=True, features=["bold", "italic", "link"])
    emergency_numbers = StreamField(
        [
            (
                "number",
                blocks.StructBlock(
                    [
                        ("label", blocks.CharBlock(label=_("What for"))),
                        # A RegexBlock, not a CharBlock, so wagtail-localize keeps the
                        # number as one fact instead of offering it for translation.
                        (
                            "number",
                            blocks.RegexBlock(
                                regex=r"^[0-9+()\- ]{2,30}$",
                                label=_("Number"),
                                error_messages={
                                    "invalid": _("Digits, spaces, +, - and brackets only.")
                                },
                            ),
                        ),
                    ],
                    icon="warning",
                    label=_("Emergency number"),
                ),
            )
        ],
        verbose_name=_("emergency numbers"),
        blank=True,
    )
    emergency_page = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name=_("emergency page"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_(
            "The page the “Emergency” button at the top of every page opens, in the "
            "visitor's language. Without one, the button leads to the numbers at the bottom."
        ),
    )

    # The numbers are the same in every language; only their labels are translated. The
    # emergency page is one page: each language's button opens its own translation.
    override_translatable_fields = [
        *SNIPPET_FACTS,
        *synchronised("phone", "email", "emergency_page"),
    ]

    edit_handler = TabbedInterface(
        [
            ObjectList(
                [
                    FieldPanel("centre_name"),
                    FieldPanel("address"),
                    FieldPanel("opening_hours"),
                    FieldPanel("phone"),
                    FieldPanel("email"),
                ],
                heading=_("Service centre"),
            ),
            ObjectList(
                [FieldPanel("emergency_numbers"), FieldPanel("emergency_page")],
                heading=_("Emergency numbers"),
            ),
            ObjectList([FieldPanel("about")], heading=_("About the site")),
        ]
    )

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("contact details")
        verbose_name_plural = _("contact details")

    def __str__(self):
        return f"{self.centre_name} ({self.locale})"


class VersionNumber(models.Model):
    """One row whose number goes up in the same transaction as a change, for cache keys.

    It lives in the database, not in a process's memory, so every worker and every app
    server sees the new number the moment the change commits, and none can serve what
    was cached under the old one. A request that read the old data before the commit
    keeps its copy under the old number, which no request asks for afterwards.
    """

    number = models.BigIntegerField(default=0)

    class Meta:
        abstract = True

    def __str__(self):
        return str(self.number)

    @classmethod
    def current(cls):
        """The number now: one indexed read."""
        return cls.objects.filter(pk=1).values_list("number", flat=True).first() or 0

    @classmethod
    def bump(cls):
        """Raise the number inside the current transaction."""
        if not cls.objects.filter(pk=1).update(number=models.F("number") + 1):
            cls.objects.get_or_create(pk=1, defaults={"number": 1})


class SiteVersion(VersionNumber):
    """Goes up with any change a reader could see; anonymous visitors' pages are cached
    under it (home/page_cache.py)."""

    class Meta:
        verbose_name = _("site version")
        verbose_name_plural = _("site version")
