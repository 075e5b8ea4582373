"""The toolkit `load_demo` builds the demo site with.

Demo text is written as `T(zh, en, ko)` triples. Pages and snippets are created
in Chinese (the source locale), then translated into English and Korean through
wagtail-localize itself: its PO export is filled from the triples and imported,
and the translation is published, exactly as a translator's upload would be.
Images are drawn with Pillow, never downloaded.
"""

import hashlib
import io
import math
import random
import uuid
from dataclasses import dataclass

from django.core.files.images import ImageFile
from django.core.management.base import CommandError
from wagtail.models import Locale, Page

SOURCE_LANGUAGE = "zh-hans"
TARGET_LANGUAGES = ("en", "ko")


@dataclass(frozen=True)
class T:
    """One piece of demo text in the three languages."""

    zh: str
    en: str
    ko: str

    def get(self, language_code):
        return {"zh-hans": self.zh, "en": self.en, "ko": self.ko}[language_code]


@dataclass(frozen=True)
class Rich:
    """Rich text written as paragraphs (or list items); each becomes one translation segment."""

    paragraphs: tuple
    as_list: bool = False


def rich(*paragraphs):
    return Rich(tuple(paragraphs))


def bullets(*items):
    return Rich(tuple(items), as_list=True)


class Demo:
    """State shared by the demo steps: the glossary of texts and progress output."""

    def __init__(self, stdout=None):
        self.stdout = stdout
        self.glossary = {}

    # Progress -------------------------------------------------------------

    def say(self, message):
        if self.stdout is not None:
            self.stdout.write(f"  {message}")

    # Text -----------------------------------------------------------------

    def zh(self, text):
        """The Chinese source text of `text`, remembering its translations for later."""
        if isinstance(text, T):
            existing = self.glossary.get(text.zh)
            if existing is not None and existing != text:
                raise CommandError(f"Demo text {text.zh!r} is translated two different ways.")
            self.glossary[text.zh] = text
            return text.zh
        if isinstance(text, Rich):
            inner = "".join(f"<li>{self.zh(p)}</li>" for p in text.paragraphs)
            if text.as_list:
                return f"<ul>{inner}</ul>"
            return "".join(f"<p>{self.zh(p)}</p>" for p in text.paragraphs)
        return text

    def resolve(self, value):
        """Replace every T/Rich in a nested value by its Chinese source text."""
        if isinstance(value, T | Rich):
            return self.zh(value)
        if isinstance(value, dict):
            return {key: self.resolve(item) for key, item in value.items()}
        if isinstance(value, list | tuple):
            return [self.resolve(item) for item in value]
        return value

    def stream(self, key, blocks):
        """StreamField data with stable block ids, so a re-run produces the same content."""
        return [
            {
                "type": block_type,
                "value": self.resolve(value),
                "id": str(uuid.uuid5(uuid.NAMESPACE_URL, f"youlin-demo/{key}/{index}")),
            }
            for index, (block_type, value) in enumerate(blocks)
        ]

    # Locales and translations ----------------------------------------------

    @staticmethod
    def locale(language_code):
        return Locale.objects.get_or_create(language_code=language_code)[0]

    def translate(self, instance, languages=TARGET_LANGUAGES, resync=False):
        """Translate `instance` into `languages` through wagtail-localize and publish it.

        Existing translations are left alone unless `resync` (used for snippets,
        whose source the demo rewrites on every run).
        """
        from wagtail_localize.models import Translation, TranslationSource

        source, created = TranslationSource.get_or_create_from_instance(instance)
        if not created:
            source.update_from_db()
        done = []
        for code in languages:
            locale = self.locale(code)
            if instance.has_translation(locale) and not resync:
                continue
            translation, _ = Translation.objects.get_or_create(
                source=source, target_locale=locale, defaults={"enabled": True}
            )
            po = translation.export_po()
            missing = []
            for entry in po:
                if entry.obsolete:
                    continue
                text = self.glossary.get(entry.msgid)
                if text is None and not any(char.isalpha() for char in entry.msgid):
                    entry.msgstr = entry.msgid  # numbers read the same in every language
                elif text is None:
                    missing.append(entry.msgid)
                else:
                    entry.msgstr = text.get(code)
            if missing:
                raise CommandError(f"No {code} translation in the demo for: {missing!r}")
            translation.import_po(po)
            translation.save_target(publish=True)
            done.append(code)
        return done

    # Pages ------------------------------------------------------------------

    def page(self, parent, model, slug, translate_into=TARGET_LANGUAGES, **fields):
        """Create (once) a published Chinese page under `parent` and its translations."""
        page = model.objects.child_of(parent).filter(slug=slug).first()
        if page is None:
            page = model(slug=slug, locale=parent.locale, **self.resolve(fields))
            normalise_streams(page)
            parent.add_child(instance=page)
            page.save_revision().publish()
            state = "created"
        else:
            state = "exists"
        done = self.translate(page, translate_into)
        languages = ", ".join(["zh-hans", *done]) if done else "translations exist"
        self.say(f"{state:8} {page.title}  [{languages}]")
        return page

    # Images -------------------------------------------------------------------

    def image(self, name, palette, seed):
        """A generated landscape picture (hills, river, sun), stored once as a Wagtail image."""
        from wagtail.images.models import Image

        title = f"Demo: {name}"
        existing = Image.objects.filter(title=title).first()
        if existing is not None:
            return existing
        data = draw_landscape(palette, seed)
        digest = hashlib.sha1(data, usedforsecurity=False).hexdigest()[:8]
        image = Image(title=title, file=ImageFile(io.BytesIO(data), name=f"demo-{digest}.png"))
        image.save()
        self.say(f"drew     {title}")
        return image


def normalise_streams(instance):
    """Store every StreamField in Wagtail's current block format (list items with ids).

    Hand-written demo data uses plain lists for ListBlocks; wagtail-localize does
    not extract strings from that legacy format, so they would stay untranslated.
    """
    from wagtail.fields import StreamField

    for field in instance._meta.get_fields():
        if isinstance(field, StreamField):
            block = field.stream_block
            value = getattr(instance, field.name)
            raw = list(value.raw_data) if hasattr(value, "raw_data") else value
            stream = block.to_python(raw)
            list(stream)  # StreamValue re-emits raw data for blocks never converted to Python
            setattr(instance, field.name, block.get_prep_value(stream))


def draw_landscape(palette, seed, size=(1600, 900)):
    """A flat-style landscape in the given colours, as PNG bytes."""
    from PIL import Image, ImageDraw

    rng = random.Random(seed)
    width, height = size
    sky_top, sky_bottom, hill_far, hill_near, accent = palette
    picture = Image.new("RGB", size, sky_top)
    draw = ImageDraw.Draw(picture)
    for y in range(height):
        mix = y / height
        colour = tuple(round(a + (b - a) * mix) for a, b in zip(sky_top, sky_bottom, strict=True))
        draw.line([(0, y), (width, y)], fill=colour)
    sun_x, sun_y = rng.randint(width // 5, width * 4 // 5), rng.randint(height // 8, height // 3)
    draw.ellipse([sun_x - 90, sun_y - 90, sun_x + 90, sun_y + 90], fill=accent)
    for base, colour, amplitude in ((0.55, hill_far, 70), (0.7, hill_near, 50)):
        phase, freq = rng.random() * math.tau, rng.uniform(1.5, 3.0)
        points = [(0, height)]
        for x in range(0, width + 20, 20):
            wave = math.sin(x / width * math.tau * freq / 2 + phase)
            points.append((x, height * base + amplitude * wave))
        points.append((width, height))
        draw.polygon(points, fill=colour)
    river = [(x, height * 0.86 + 25 * math.sin(x / 160 + seed)) for x in range(0, width + 20, 20)]
    draw.line(river, fill=(120, 190, 210), width=36)
    for _ in range(14):
        x, y = rng.randint(40, width - 40), rng.randint(int(height * 0.74), height - 30)
        draw.ellipse([x - 10, y - 34, x + 10, y - 14], fill=(250, 240, 225))
        draw.rounded_rectangle([x - 14, y - 12, x + 14, y + 26], radius=8, fill=accent)
    out = io.BytesIO()
    picture.save(out, format="PNG", optimize=True)
    return out.getvalue()


def site_root():
    """The Chinese home page the demo builds under."""
    from wagtail.models import Site

    site = Site.objects.filter(is_default_site=True).select_related("root_page").first()
    if site is None:
        raise CommandError("No default Wagtail site; run migrate first.")
    return site.root_page.specific


def child(parent, slug):
    return Page.objects.child_of(parent).filter(slug=slug).first()
