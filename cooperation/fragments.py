"""Per-entry fragments: a card rendered once per content version and language, then reused.

The house pattern for the parts of a page that repeat one entry (a card in a list): the
template names the list and the entry, ``{% card entry in object_list %}``
(``templatetags/cooperation.py``), and the page gets every card of the list in one
``cache.get_many``; only the missing ones are rendered (``cooperation/includes/_card.html``)
and stored, in one ``cache.set_many``. A list, its filter combinations, its other pages and
its language versions then share the cards they have in common. The directory lists go one
step further (``cards_of``): they read only their page's keys, and whole entries only for the
cards not kept.

The key names everything the card's HTML depends on, so a stored card is never stale:

- the **content version** (the page cache's, ``settings.FRAGMENT_VERSION``: named in the
  settings, as the page cache names this app's model, so that the app never imports the
  project): every save raises it, so an edit
  (a title, a status, a translation, a relation) shows at once on every page with the card.
  It is the one the page cache read for this request (``request.content_version``: no query
  of its own); without the page cache (development, ``DJANGO_PAGE_CACHE=False``) it is read
  once per request, on the page cache's connection;
- the **code fingerprint** (as the page cache's): after a deploy, or with ``DEBUG`` on after
  any edit of a template, a translation or the code, cards are rendered afresh;
- the **language**, the **page template** that shows the card (the selectors of different
  pages annotate different facts: a program's project count, a public parent) and the card's
  parameters (heading level, relations);
- the entry's kind and primary key.

Which entries a page lists is still decided by its selector, every time; the fragment only
saves rendering an entry that is listed. A preview (staff, drafts) never reads or writes
fragments.

The same key and cache hold what a page shows that depends only on the content and the
language, not on the entry: ``cached()`` for a value (the directory filters' choices and
options, the contact settings), ``{% fragment "name" %}`` for a part of a template (the
header and the footer, the home page's ways of collaborating), whatever depends on the
request left outside it.

A page's own data is kept the same way: the detail pages' and the home page's selector
results (``views.ObjectPageMixin.get_object``, ``views.HomeView``), with their bodies as
``{% fragment %}`` varied by the page's address and title. That serves a page seen again in
a version that the page cache does not answer (staff signed in, whom it steps aside for);
the first view of a page after a save still reads and renders all of it.
"""

import hashlib

from django.conf import settings
from django.core.cache import caches
from django.template.loader import get_template
from django.utils.module_loading import import_string
from django.utils.safestring import mark_safe
from django.utils.translation import get_language

from common.tiered_cache import TieredCache

CARD_TEMPLATE = "cooperation/includes/_card.html"
# Cache keys stay short enough for any backend (memcached's limit is 250 characters).
LONGEST_NAME = 120
# Long enough to outlive a quiet day; a key of an older version is never asked for again.
FRAGMENT_SECONDS = 24 * 3600

_release = None


def fingerprint(request=None) -> str:
    """The page cache's code fingerprint: taken once, or while developing once per request
    (it reads every template and module: tens of milliseconds, and a page has many
    fragments)."""
    global _release
    if settings.DEBUG:
        release = getattr(request, "_fragment_release", None)
        if release is None:
            release = import_string(settings.FRAGMENT_RELEASE)()
            if request is not None:
                request._fragment_release = release
        return release
    if _release is None:
        _release = import_string(settings.FRAGMENT_RELEASE)()
    return _release


def request_version(request) -> int | None:
    """The content version this request renders: the page cache's, or read once here."""
    version = getattr(request, "content_version", None)
    if version is None:
        version = import_string(settings.FRAGMENT_VERSION)()
        if request is not None and version is not None:
            request.content_version = version
    return version


def key_prefix(kind: str, version: int, request=None) -> str:
    """What every fragment's key starts with: its kind, the code, the version, the language."""
    return f"{kind}:{fingerprint(request)}:{version}:{get_language()}"


def card_keys(idents, *, version: int, page: str, level, with_relations, request=None) -> dict:
    """The cache key of each card, by its entry's ``(entry_kind, pk)``: see the module's
    docstring for each part."""
    prefix = f"{key_prefix('card', version, request)}:{page}:{level}:{int(bool(with_relations))}"
    return {(kind, pk): f"{prefix}:{kind}:{pk}" for kind, pk in idents}


# The fragments, in the page cache's shared cache and in this worker's memory, as pages are
# (common/tiered_cache.py).
FRAGMENTS = TieredCache("Fragment cache", max_entries=5000)


def _get_many(keys: list[str]) -> dict:
    return FRAGMENTS.get_many(caches[settings.PAGE_CACHE_ALIAS], keys, timeout=FRAGMENT_SECONDS)


def _set_many(fragments: dict) -> None:
    FRAGMENTS.set_many(caches[settings.PAGE_CACHE_ALIAS], fragments, timeout=FRAGMENT_SECONDS)


def render_cards(
    entries, *, request=None, page="", level=2, with_relations=False, use_cache=True
) -> dict:
    """The HTML of each entry's card, by ``(entry_kind, pk)``: from the cache, or rendered."""
    by_ident = {(entry.entry_kind, entry.pk): entry for entry in entries}
    return _cards(
        list(by_ident),
        lambda idents: by_ident,
        request=request,
        use_cache=use_cache,
        page=page,
        level=level,
        with_relations=with_relations,
    )


def cards_of(model, pks, *, load, request, page, level=2, with_relations=False) -> list[str]:
    """The cards of the entries of ``model`` whose keys are ``pks``, in that order.

    For a list that reads only its page's keys (``views.DirectoryMixin``): a card kept in the
    cache needs nothing more, and the entries of the others are read with ``load(pks)`` (a
    queryset of them, as the list's selector gives them), in one statement, then rendered.
    """
    kind = model.entry_kind
    cards = _cards(
        [(kind, pk) for pk in pks],
        lambda idents: {(kind, e.pk): e for e in load([pk for _kind, pk in idents])},
        request=request,
        page=page,
        level=level,
        with_relations=with_relations,
    )
    # An entry gone between the two reads (deleted, unpublished) has no card.
    return [mark_safe(cards[(kind, pk)]) for pk in pks if (kind, pk) in cards]


def _cards(idents, entries, *, request, page, level, with_relations, use_cache=True) -> dict:
    """The card of each ``(entry_kind, pk)``, from the cache or rendered from its entry;
    ``entries(idents)`` gives the entries, by ident, of those not kept (called once)."""
    template = get_template(CARD_TEMPLATE)
    parameters = {"level": level, "with_relations": with_relations}

    def render(entry):
        return template.render({"entry": entry, **parameters})

    version = request_version(request) if use_cache else None
    if version is None:  # no version to key on: render, keep nothing
        found = entries(idents)
        return {ident: render(found[ident]) for ident in idents if ident in found}
    keys = card_keys(
        idents,
        version=version,
        page=page,
        level=level,
        with_relations=with_relations,
        request=request,
    )
    cards = _get_many(list(keys.values()))
    missing = [ident for ident in idents if keys[ident] not in cards]
    if missing:
        found = entries(missing)
        rendered = {keys[ident]: render(found[ident]) for ident in missing if ident in found}
        _set_many(rendered)
        cards.update(rendered)
    return {ident: cards[keys[ident]] for ident in idents if keys[ident] in cards}


def cached(request, name: str, build):
    """``build()``, computed once per content version, code and language, then reused.

    For what a page shows that depends on nothing but the content and the language (the
    directory filters' choices and options, the contact settings, the parts of the header
    and footer that ``{% fragment %}`` names): the same key and the same cache as the cards,
    under ``name``. ``build`` returns anything the cache can pickle (HTML, plain values,
    model instances). ``request=None`` (or no version to key on) builds it.
    """
    version = request_version(request) if request is not None else None
    if version is None:
        return build()
    if len(name) > LONGEST_NAME:  # a name from the address (an unknown slug can be long)
        digest = hashlib.md5(name.encode(), usedforsecurity=False).hexdigest()
        name = f"{name[:LONGEST_NAME]}:{digest}"
    key = f"{key_prefix('fragment', version, request)}:{name}"
    value = _get_many([key]).get(key)
    if value is None:
        value = build()
        _set_many({key: value})
    return value
