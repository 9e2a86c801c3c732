"""The Atom feed of new and changed documents in the registry (Django syndication)."""

from django.contrib.syndication.views import Feed
from django.urls import reverse_lazy
from django.utils.feedgenerator import Atom1Feed
from django.utils.translation import gettext_lazy as _

from .models import Document


class DocumentFeed(Feed):
    feed_type = Atom1Feed
    title = _("Normative documents: new and changed")
    subtitle = _("Documents added to the registry, new versions and changes of status.")
    link = reverse_lazy("disclosure:documents")

    def items(self):
        return Document.objects.published().order_by("-updated_at", "-id")[:50]

    def item_title(self, item):
        return f"{item.reference} «{item.display_title}»"

    def item_description(self, item):
        status = item.get_status_display()
        return f"{status}. {item.display_summary}"

    def item_updateddate(self, item):
        return item.updated_at

    def item_pubdate(self, item):
        return item.published_at
