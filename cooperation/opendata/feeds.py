"""The Atom feed of each language: the latest milestones and the newly published entries."""

import datetime
import uuid

from django.conf import settings
from django.contrib.syndication.views import Feed
from django.urls import reverse
from django.utils import timezone
from django.utils.feedgenerator import Atom1Feed
from django.utils.html import format_html_join
from django.utils.translation import gettext as _

from cooperation import selectors as page_selectors
from cooperation.i18n import active_language, text_language
from cooperation.models import Milestone, Program

from . import selectors
from .datasets import license_get

FEED_LENGTH = 30


class LanguageTaggedAtomFeed(Atom1Feed):
    """Atom that marks an entry whose text is not in the feed's language (xml:lang)."""

    def item_attributes(self, item):
        attributes = super().item_attributes(item)
        if item.get("language") and item["language"] != self.feed["language"]:
            attributes["xml:lang"] = item["language"]
        return attributes


def _milestone_moment(milestone: Milestone) -> datetime.datetime:
    """Atom needs a moment: a milestone is dated by its day (or month, or year) at midnight."""
    return timezone.make_aware(datetime.datetime.combine(milestone.date, datetime.time.min))


class LatestFeed(Feed):
    feed_type = LanguageTaggedAtomFeed

    def get_object(self, request):
        return request

    def title(self):
        return _("Rosario international cooperation")

    def subtitle(self):
        return _("Milestones and newly published programs and projects.")

    def link(self):
        return reverse("cooperation:home")

    def feed_url(self):
        return reverse("cooperation:feed")

    def feed_guid(self, request):
        return request.build_absolute_uri(reverse("cooperation:feed"))

    def author_name(self):
        return _("City of Rosario")

    def feed_copyright(self):
        licence = license_get()
        return f"{licence['name']} ({licence['url']})"

    def items(self):
        """Milestones and new entries, newest first, ``FEED_LENGTH`` at most."""
        items = [
            (_milestone_moment(milestone), milestone)
            for milestone in page_selectors.milestone_list(limit=FEED_LENGTH, newest_first=True)
        ]
        items += [
            (entry.published_on, entry)
            for entry in selectors.entry_published_list(limit=FEED_LENGTH)
        ]
        items.sort(key=lambda pair: pair[0], reverse=True)
        return items[:FEED_LENGTH]

    def item_title(self, item):
        _moment, obj = item
        if isinstance(obj, Milestone):
            return obj.title
        if isinstance(obj, Program):
            return _("New program: %(title)s") % {"title": obj.title}
        return _("New project: %(title)s") % {"title": obj.title}

    def item_description(self, item):
        _moment, obj = item
        if isinstance(obj, Milestone):
            entry = obj.entry
            kind = _("Project") if obj.project_id else _("Program")
            paragraphs = [obj.description, f"{kind}: {entry.title}"]
        else:
            paragraphs = [obj.summary]
        return format_html_join("", "<p>{}</p>", ((text,) for text in paragraphs if text))

    def item_link(self, item):
        _moment, obj = item
        entry = obj.entry if isinstance(obj, Milestone) else obj
        return entry.get_absolute_url()

    def item_guid(self, item):
        # Permanent whatever happens to the slugs; one per language, as the texts differ.
        _moment, obj = item
        name = f"{settings.SITE_URL}/{obj._meta.model_name}/{obj.pk}/{active_language()}"
        return uuid.uuid5(uuid.NAMESPACE_URL, name).urn

    def item_pubdate(self, item):
        moment, _obj = item
        return moment

    def item_updateddate(self, item):
        moment, _obj = item
        return moment

    def item_categories(self, item):
        _moment, obj = item
        if isinstance(obj, Milestone):
            return [_("Milestone")]
        return [_("Program") if isinstance(obj, Program) else _("Project")]

    def item_extra_kwargs(self, item):
        _moment, obj = item
        return {"language": text_language(obj, "title")}
