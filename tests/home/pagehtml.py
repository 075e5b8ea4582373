"""Read what a visitor's browser would see in a response: lang, alternates, links.

A small html.parser-based reader (no regexes over markup). Every element is
recorded with its attributes, its text and the elements it sits inside, so a
test can ask for "the links inside the language switcher" or "the links in the
footer" the way a person would look for them.
"""

from dataclasses import dataclass, field
from html.parser import HTMLParser

VOID_ELEMENTS = {
    "area",
    "base",
    "br",
    "col",
    "embed",
    "hr",
    "img",
    "input",
    "link",
    "meta",
    "source",
    "track",
    "wbr",
}


@dataclass
class Element:
    tag: str
    attrs: dict
    ancestors: list  # the open Elements this one sits inside, outermost first
    text_parts: list = field(default_factory=list)

    @property
    def text(self):
        return " ".join("".join(self.text_parts).split())

    def classes(self):
        return (self.attrs.get("class") or "").split()

    def inside(self, tag=None, css_class=None):
        """Whether some ancestor matches `tag` and/or has `css_class`."""
        return any(
            (tag is None or a.tag == tag) and (css_class is None or css_class in a.classes())
            for a in self.ancestors
        )


class _Collector(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.elements = []
        self.stack = []

    def handle_starttag(self, tag, attrs):
        element = Element(tag, dict(attrs), list(self.stack))
        self.elements.append(element)
        if tag not in VOID_ELEMENTS:
            self.stack.append(element)

    def handle_startendtag(self, tag, attrs):
        self.elements.append(Element(tag, dict(attrs), list(self.stack)))

    def handle_endtag(self, tag):
        for index in range(len(self.stack) - 1, -1, -1):
            if self.stack[index].tag == tag:
                del self.stack[index:]
                return

    def handle_data(self, data):
        for element in self.stack:
            element.text_parts.append(data)


class Page:
    """A parsed HTML document."""

    def __init__(self, markup):
        if isinstance(markup, bytes):
            markup = markup.decode("utf-8")
        collector = _Collector()
        collector.feed(markup)
        collector.close()
        self.elements = collector.elements

    @classmethod
    def of(cls, response):
        return cls(response.content)

    def find_all(self, tag, **attrs):
        """Elements named `tag` whose attributes include `attrs` (class_ matches one class)."""
        css_class = attrs.pop("class_", None)
        return [
            e
            for e in self.elements
            if e.tag == tag
            and all(e.attrs.get(name) == value for name, value in attrs.items())
            and (css_class is None or css_class in e.classes())
        ]

    @property
    def html_lang(self):
        html = self.find_all("html")
        assert len(html) == 1, f"expected one <html>, found {len(html)}"
        return html[0].attrs.get("lang")

    @property
    def alternates(self):
        """{hreflang: href} from <link rel="alternate" hreflang=...> in the document."""
        result = {}
        for link in self.find_all("link", rel="alternate"):
            hreflang = link.attrs.get("hreflang")
            if hreflang is None:
                continue
            assert hreflang not in result, f"hreflang {hreflang!r} advertised twice"
            result[hreflang] = link.attrs.get("href")
        return result

    def links(self, inside_tag=None, inside_class=None):
        """<a> elements, optionally only those inside a matching ancestor."""
        return [
            a
            for a in self.find_all("a")
            if (inside_tag is None and inside_class is None)
            or a.inside(tag=inside_tag, css_class=inside_class)
        ]

    def hrefs(self, inside_tag=None, inside_class=None):
        return [a.attrs.get("href") for a in self.links(inside_tag, inside_class)]

    @property
    def switcher(self):
        """{hreflang: <a>} of the language switcher."""
        anchors = self.links(inside_tag="nav", inside_class="lang-switcher")
        return {a.attrs.get("hreflang"): a for a in anchors}

    @property
    def notices(self):
        return self.find_all("div", class_="notice")

    def text_of(self, tag, **attrs):
        return [e.text for e in self.find_all(tag, **attrs)]
