"""Index what the demo saves once, at the end, instead of on each of its saves.

Wagtail indexes a page every time it is saved, and the demo saves each page several
times (the draft, the revision, the publish, each translation's copy and its
publish): indexing on every save took a third of `load_demo`'s time. The final index
is the same, since each object is indexed from what it finally holds.
"""

from django.db.models.signals import post_save
from modelsearch import index
from modelsearch.signal_handlers import post_save_signal_handler


class DeferredIndex:
    """While open, remember what is saved instead of indexing it; `update` indexes it."""

    def __init__(self):
        self.saved = {}  # (model, pk) in the order first saved
        self.models = [
            model
            for model in index.get_indexed_models()
            if getattr(model, "search_auto_update", True)
        ]

    def remember(self, sender, instance, raw=False, **kwargs):
        if not raw:
            self.saved[sender, instance.pk] = True

    def __enter__(self):
        for model in self.models:
            post_save.disconnect(post_save_signal_handler, sender=model)
            post_save.connect(self.remember, sender=model, weak=False)
        return self

    def __exit__(self, *exc_info):
        for model in self.models:
            post_save.disconnect(self.remember, sender=model)
            post_save.connect(post_save_signal_handler, sender=model)

    def update(self, demo):
        """Index every object saved so far (a deleted one is skipped), then forget them."""
        count = 0
        for model, pk in self.saved:
            instance = model._default_manager.filter(pk=pk).first()
            if instance is not None:
                index.insert_or_update_object(instance)
                count += 1
        self.saved.clear()
        demo.say(f"{count} pages, snippets and images indexed")
