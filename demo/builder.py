"""The toolkit `load_demo` builds the demo site with.

Pages and snippets are created in Chinese (the source locale), then translated into
English and Korean through wagtail-localize itself: its PO export is filled from the
demo's texts and imported, and the translation is published, exactly as a
translator's upload would be. Pictures are drawn by `demo.pictures`, never downloaded.
"""

import hashlib
import io
import uuid

from django.core.files.images import ImageFile
from django.core.management.base import CommandError
from wagtail.fields import StreamField
from wagtail.images.models import Image
from wagtail.models import Locale, Page, Site
from wagtail_localize.models import Translation, TranslationSource

from demo.loader import Rich, T
from demo.pictures import draw_landscape, draw_logo

TARGET_LANGUAGES = ("en", "ko")


class Demo:
    """State shared by the demo steps: the glossary of texts, progress output, the password."""

    def __init__(self, stdout=None, password=None):
        self.stdout = stdout
        self.glossary = {}
        self.password = password  # for the accounts this run creates
        self.accounts_created = []

    # Progress -------------------------------------------------------------

    def say(self, message):
        if self.stdout is not None:
            self.stdout.write(f"  {message}")

    def report(self, state, title, done):
        """One progress line for a page or snippet and the languages it was translated into."""
        languages = ", ".join(["zh-hans", *done]) if done else "translations exist"
        self.say(f"{state:8} {title}  [{languages}]")

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
            if text.as_list:
                return "<ul>" + "".join(f"<li>{self.zh(p)}</li>" for p in text.paragraphs) + "</ul>"
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
        self.report(state, page.title, self.translate(page, translate_into))
        return page

    # Pictures -----------------------------------------------------------------

    def image(self, name, palette, seed):
        """A landscape picture (hills, river, sun), stored once as a Wagtail image."""
        colours = [tuple(colour) for colour in palette]
        return self._picture(f"Demo: {name}", "demo", lambda: draw_landscape(colours, seed))

    def logo(self, name, text, colour):
        """A round badge with a partner's initials, stored once as a Wagtail image."""
        return self._picture(f"Demo logo: {name}", "logo", lambda: draw_logo(text, tuple(colour)))

    def _picture(self, title, prefix, draw):
        existing = Image.objects.filter(title=title).first()
        if existing is not None:
            return existing
        data = draw()
        digest = hashlib.sha1(data, usedforsecurity=False).hexdigest()[:8]
        image = Image(title=title, file=ImageFile(io.BytesIO(data), name=f"{prefix}-{digest}.png"))
        image.save()
        self.say(f"drew     {title}")
        return image


def normalise_streams(instance):
    """Store every StreamField in Wagtail's current block format (list items with ids).

    Hand-written demo data uses plain lists for ListBlocks; wagtail-localize does
    not extract strings from that legacy format, so they would stay untranslated.
    """
    for field in instance._meta.get_fields():
        if isinstance(field, StreamField):
            block = field.stream_block
            value = getattr(instance, field.name)
            raw = list(value.raw_data) if hasattr(value, "raw_data") else value
            stream = block.to_python(raw)
            list(stream)  # StreamValue re-emits raw data for blocks never converted to Python
            setattr(instance, field.name, block.get_prep_value(stream))


def site_root():
    """The Chinese home page the demo builds under."""
    site = Site.objects.filter(is_default_site=True).select_related("root_page").first()
    if site is None:
        raise CommandError("No default Wagtail site; run migrate first.")
    return site.root_page.specific


def child(parent, slug):
    return Page.objects.child_of(parent).filter(slug=slug).first()


def zh_page(model, slug):
    """The Chinese page of `model` with `slug`, or None."""
    return model.objects.filter(locale__language_code="zh-hans", slug=slug).first()
