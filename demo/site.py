"""Demo steps for the home app: locales, the home page, content pages, header and footer.

Content: content/site.toml. Facts come from the product brief (Shuangbai Community,
Pidu District, Chengdu).
"""

from collections.abc import Mapping, Sequence

from wagtail.models import Page, Site

from demo.builder import TARGET_LANGUAGES, child, normalise_streams, site_root
from demo.loader import block, content
from home.models import ContactDetails, ContentPage, HomePage, NavigationMenu
from search.management.commands.setup_synonyms import seed_synonyms

# The header has room for this many links; the rest wait until an earlier one goes.
HEADER_LINKS = 8


def ensure_locales(demo):
    for code in ("zh-hans", "en", "ko"):
        demo.locale(code)
    demo.say("zh-hans (source), en, ko")


def linked(value, resolve):
    """`value` with every page link (`page = "services/…"`, a path under the Chinese home
    page) replaced by `resolve(path)`: the page's id, or None while it does not exist yet."""
    if isinstance(value, dict):
        return {
            key: resolve(item) if key == "page" and isinstance(item, str) else linked(item, resolve)
            for key, item in value.items()
        }
    if isinstance(value, list | tuple):
        return type(value)(linked(item, resolve) for item in value)
    return value


def page_at(path):
    """The id of the Chinese page at `path` under the home page, or None."""
    home = site_root()
    page = Page.objects.filter(url_path=f"{home.url_path}{path.strip('/')}/").first()
    return page.pk if page else None


def _body(data, resolve):
    return [linked(block(item), resolve) for item in data["body"]]


def _without_ids(value):
    """Stream data without block ids: list items get new ones each time they are read."""
    if isinstance(value, Mapping):
        return {key: _without_ids(item) for key, item in value.items() if key != "id"}
    if isinstance(value, Sequence) and not isinstance(value, str):
        return [_without_ids(item) for item in value]
    return value


def _not_yet(_path):
    return None


def home_pages(demo):
    """Replace Wagtail's welcome page with the Chinese home page, then translate it."""
    data = content("site")["home"]
    site = Site.objects.get(is_default_site=True)
    home = site.root_page.specific
    if not isinstance(home, HomePage):
        welcome = home
        picture = data["hero_picture"]
        home = HomePage(
            title=demo.zh(data["title"]),
            slug=data["slug"],
            locale=demo.locale("zh-hans"),
            lead=demo.zh(data["lead"]),
            hero_image=demo.image(picture["name"], picture["palette"], picture["seed"]),
            hero_alt=demo.zh(data["hero_alt"]),
        )
        Page.get_first_root_node().add_child(instance=home)
        site.root_page = home
        site.site_name = data["site_name"]
        site.save()
        if welcome.depth == 2 and welcome.pk != home.pk and not welcome.get_children().exists():
            welcome.delete()
        state = "created"
        home.body = demo.stream("home", _body(data, _not_yet))
        normalise_streams(home)
        home.save_revision().publish()
    else:
        state = "exists"
    demo.report(state, home.title, demo.translate(home))


def content_pages(demo):
    home = site_root()
    for page in content("site")["pages"]:
        demo.page(
            home,
            ContentPage,
            page["slug"],
            translate_into=page.get("translate_into", ("en", "ko")),
            title=page["title"],
            summary=page["summary"],
            body=demo.stream(page["slug"], _body(page, _not_yet)),
        )


def page_links(demo):
    """Fill in the links between pages, once every page they point to exists.

    The home page and the guides are built before the directory they link to; this writes
    their links (and the home page's first-steps guide) and publishes each page that
    changed, with its translations, so each language's link leads to its own page.
    """
    home = site_root()
    site = content("site")
    pages = [(home, "home", site["home"])] + [
        (child(home, item["slug"]).specific, item["slug"], item)
        for item in site["pages"]
        if child(home, item["slug"])
    ]
    for page, key, data in pages:
        for name in ("title", "summary", "lead", "hero_alt"):  # the glossary, to translate
            if name in data:
                demo.zh(data[name])
        body = demo.stream(key, _body(data, page_at))
        page.body = body
        normalise_streams(page)
        stored = type(page).objects.get(pk=page.pk).body.raw_data
        changed = _without_ids(page.body.raw_data) != _without_ids(stored)
        if key == "home" and data.get("first_steps_page"):
            first = page_at(data["first_steps_page"])
            changed = changed or page.first_steps_page_id != first
            page.first_steps_page_id = first
        if changed:
            page.save_revision().publish()
            languages = data.get("translate_into", TARGET_LANGUAGES)
            demo.report("linked", page.title, demo.translate(page, languages, resync=True))


def site_chrome(demo):
    """Header navigation and footer contact details, translated like any snippet."""
    data = content("site")
    home = site_root()
    zh = demo.locale("zh-hans")
    candidates = [
        (link["label"], child(home, link["page"]) if link["page"] else home)
        for link in data["navigation"]
    ]
    links = [(label, page) for label, page in candidates if page][:HEADER_LINKS]
    menu = NavigationMenu.objects.filter(locale=zh).first()
    if menu is None:
        menu = NavigationMenu(locale=zh, name="Main menu")
    menu.items = demo.stream(
        "nav", [("link", {"label": label, "page": page.pk, "url": ""}) for label, page in links]
    )
    normalise_streams(menu)
    menu.save()
    demo.translate(menu, resync=True)
    demo.say(f"navigation: {len(links)} links in 3 languages")

    facts = data["contact"]
    contact = ContactDetails.objects.filter(locale=zh).first() or ContactDetails(locale=zh)
    for name in ("centre_name", "address", "opening_hours", "phone", "email", "about"):
        setattr(contact, name, demo.zh(facts[name]))
    contact.emergency_page_id = page_at(facts["emergency_page"])
    contact.emergency_numbers = demo.stream(
        "emergency-footer", [("number", number) for number in facts["emergency_numbers"]]
    )
    normalise_streams(contact)
    contact.save()
    demo.translate(contact, resync=True)
    demo.say("contact details and emergency numbers in 3 languages")


def search_synonyms(demo):
    """The usual synonym lists (search/data/synonyms.toml), in each language that has none."""
    added = seed_synonyms()
    demo.say(", ".join(f"{code}: {count} lists" for code, count in added.items()) or "kept")
