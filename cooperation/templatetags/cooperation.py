import functools
import hashlib
import html
import json
import re
from collections.abc import Sequence
from urllib.parse import quote

import markdown as markdown_lib
import nh3
from django import template
from django.core.serializers.json import DjangoJSONEncoder
from django.utils.html import conditional_escape, format_html
from django.utils.safestring import mark_safe
from django.utils.translation import gettext

from ..db import WORD, fold
from ..i18n import text_language

register = template.Library()

ALLOWED_TAGS = {
    "p", "br", "ul", "ol", "li", "a", "strong", "em", "h2", "h3", "h4", "blockquote", "code",
}  # fmt: skip


@register.filter(is_safe=True)
def markdown(text: str) -> str:
    """Render staff-written Markdown to HTML with only harmless tags and attributes left."""
    if not text:
        return ""
    html = markdown_lib.markdown(text, output_format="html")
    return mark_safe(
        nh3.clean(
            html,
            tags=ALLOWED_TAGS,
            attributes={"a": {"href", "title"}},
            url_schemes={"http", "https", "mailto"},
            link_rel="noopener noreferrer",
        )
    )


@register.filter
def text_lang(obj, field: str) -> str:
    """The language ``obj.<field>`` is shown in: the page's, or Spanish when untranslated."""
    return text_language(obj, field)


@register.simple_tag
def whatsapp_url(contact, page_title: str, page_url: str = "") -> str:
    """A wa.me link to the office with a message, in the page's language, that names the
    page and gives its address (where the staff's message does not place it, at the end)."""
    template_text = contact.whatsapp_message or gettext(
        "Hello, I am writing from the page “{page}” of Rosario's international cooperation portal."
    )
    message = template_text.replace("{page}", str(page_title))
    if page_url and "{address}" not in message:
        message = f"{message} {page_url}"
    message = message.replace("{address}", page_url or "")
    return f"https://wa.me/{contact.whatsapp_number}?text={quote(message, safe='')}"


@register.simple_tag
def whatsapp_share_url(page_title: str, page_url: str) -> str:
    """A wa.me link that lets the visitor send the page (its title and address) to anyone."""
    return f"https://wa.me/?text={quote(f'{page_title} {page_url}', safe='')}"


class _FoldTable(dict):
    """``fold()`` of each character, as a ``str.translate()`` table filled as characters are
    met (texts draw on few distinct ones); ``uneven`` holds those that fold to no character
    (a lone combining accent) or to several ("ß", "ﬁ")."""

    def __init__(self):
        super().__init__()
        self.uneven = set()

    def __missing__(self, code: int) -> str:
        folded = fold(chr(code))
        if len(folded) != 1:
            # Before the table holds it: no text is taken for even while it is being filled.
            self.uneven.add(chr(code))
        self[code] = folded
        return folded


_FOLDS = _FoldTable()


def _fold_with_origins(text: str) -> tuple[str, Sequence[int]]:
    """``text`` folded, and the position in ``text`` of each folded character."""
    folded_text = text.translate(_FOLDS)
    if _FOLDS.uneven.isdisjoint(text):
        # Every character folds to exactly one, as in nearly every text: same positions.
        return folded_text, range(len(text))
    return folded_text, [index for index, char in enumerate(text) for _ in _FOLDS[ord(char)]]


@functools.lru_cache(maxsize=256)
def _query_words(query: str) -> re.Pattern | None:
    """The words of a folded text that ``highlight`` marks for ``query``: those that begin
    with the start of a word of the query, folded; None when no word of the query is long
    enough to mark anything. Kept: a page highlights every result for the same query."""
    prefixes = {fold(term)[: max(4, len(term) - 2)] for term in WORD.findall(query)}
    prefixes = sorted(p for p in prefixes if len(p) >= 2)
    if not prefixes:
        return None
    # A prefix that is not all word characters ("½" folds to "1⁄2") begins no word; when
    # every prefix is one, the text is still escaped but nothing is marked ("(?!)").
    alternatives = [re.escape(p) for p in prefixes if WORD.fullmatch(p)] or ["(?!)"]
    return re.compile(rf"(?<!\w)(?:{'|'.join(alternatives)})\w*")


@register.filter(needs_autoescape=True)
def highlight(text: str, query: str, autoescape=True) -> str:
    """Escape ``text`` and wrap in <mark> the words that match a word of the query.

    Matching ignores case and accents and allows for endings ("cooperacion" marks
    "cooperación", "waste" marks "Waste"), as the search itself does.
    """
    text = str(text or "")
    words = _query_words(query or "")
    if words is None:
        return conditional_escape(text)
    folded_text, origin = _fold_with_origins(text)
    # The pieces are slices, plain str: html.escape() is Django's escape() without its
    # lazy-string wrapper, which would cost more than the escaping.
    pieces, last = [], 0
    for match in words.finditer(folded_text):
        start, end = origin[match.start()], origin[match.end() - 1] + 1
        pieces += [html.escape(text[last:start]), "<mark>", html.escape(text[start:end]), "</mark>"]
        last = end
    pieces.append(html.escape(text[last:]))
    return mark_safe("".join(pieces))


# A result's summary is cut after this many words.
SUMMARY_WORDS = 40
TRUNCATION = " …"
# One search result, as the results list shows it (the whitespace the template loop wrote).
SEARCH_RESULT = (
    '\n    <li>\n      <p class="result-kind">{}</p>\n      <h2><a href="{}">{}</a></h2>'
    "\n      {}\n    </li>\n    "
)


@register.simple_tag
def search_results(results, query: str) -> str:
    """The search's result items, its words marked (``highlight``), each summary cut at 40
    words as ``truncatewords`` cuts it.

    Written here rather than in a template loop: fifty results through the template engine
    took about 2 ms, more than the search itself. Plain strings throughout, escaped once
    each (``html.escape``): Django's lazy-aware helpers (``format_html``, ``Truncator``,
    ``capfirst``) cost more per call than the work they wrap.
    """
    # Each kind's label translated and escaped once, by identity: a lazy label translates
    # itself again to give its hash.
    kinds = {}
    items = []
    for result in results:
        summary = ""
        if result.summary:
            summary = f"<p>{highlight(_truncated(str(result.summary)), query)}</p>"
        if (kind := kinds.get(id(result.kind))) is None:
            label = str(result.kind)
            kind = kinds[id(result.kind)] = html.escape(label[:1].upper() + label[1:])
        title = highlight(result.title, query)
        items.append(SEARCH_RESULT.format(kind, html.escape(result.url), title, summary))
    return mark_safe("".join(items))


def _truncated(text: str) -> str:
    """``text`` cut after ``SUMMARY_WORDS`` words, as ``Truncator(text).words()`` cuts it:
    its whitespace made single spaces, `` …`` after a cut (unless it ends so already)."""
    words = text.split()
    shown = " ".join(words[:SUMMARY_WORDS])
    if len(words) > SUMMARY_WORDS and not shown.endswith(TRUNCATION):
        shown += TRUNCATION
    return shown


JSON_ESCAPES = {ord(">"): "\\u003E", ord("<"): "\\u003C", ord("&"): "\\u0026"}


@register.filter(is_safe=True)
def json_ld(data: dict) -> str:
    """A JSON-LD data block; escaped like ``json_script`` so no text can close the element."""
    payload = json.dumps(data, cls=DjangoJSONEncoder, ensure_ascii=False).translate(JSON_ESCAPES)
    return format_html('<script type="application/ld+json">{}</script>', mark_safe(payload))


class CardNode(template.Node):
    """``{% card entry in entries level=3 with_relations=True %}``: ``cooperation.fragments``."""

    def __init__(self, entry, entries, options):
        self.entry = entry
        self.entries = entries
        self.options = options

    def render(self, context):
        from ..fragments import render_cards

        entries = self.entries.resolve(context)
        preview = bool(context.get("preview"))  # a preview never reads or writes fragments
        arguments = {
            "request": None if preview else context.get("request"),
            "page": getattr(context.template, "name", "") or "",
            "use_cache": not preview,
            **{name: value.resolve(context) for name, value in self.options.items()},
        }
        # Every card of the list at the first one, in one cache read; kept for this render.
        batches = context.render_context.setdefault(self, {})
        batch = batches.get(id(entries))
        if batch is None:
            # The list is kept alive with its cards: its id() stays its own for this render.
            batch = batches[id(entries)] = (entries, render_cards(list(entries), **arguments))
        entry = self.entry.resolve(context)
        ident = (entry.entry_kind, entry.pk)
        html = batch[1].get(ident)
        if html is None:  # an entry that is not in the list named: its card alone
            html = render_cards([entry], **arguments)[ident]
        return mark_safe(html)


@register.tag
def card(parser, token):
    """A program's or project's card, from the fragment cache: ``{% card entry in entries %}``,
    options ``level`` (heading level, default 2) and ``with_relations``
    (``cooperation/includes/_card.html``). ``entries`` is the list the loop goes through."""
    bits = token.split_contents()
    if len(bits) < 4 or bits[2] != "in":
        raise template.TemplateSyntaxError("Usage: {% card entry in entries [name=value] %}")
    options = {}
    for bit in bits[4:]:
        name, sep, value = bit.partition("=")
        if not sep or name not in {"level", "with_relations"}:
            raise template.TemplateSyntaxError(f"card: unknown option {bit!r}")
        options[name] = parser.compile_filter(value)
    return CardNode(parser.compile_filter(bits[1]), parser.compile_filter(bits[3]), options)


class FragmentNode(template.Node):
    """``{% fragment "name" value ... %}…{% endfragment %}``: ``cooperation.fragments``.

    Not Django's ``{% cache %}``, which keys on its values alone and reads one cache: this
    keys on the content version, the code and the language as well (what every fragment
    depends on, never repeated in a template), reads the worker's copy first, and steps
    aside for a preview."""

    def __init__(self, name, vary_on, nodelist):
        self.name = name
        self.vary_on = vary_on
        self.nodelist = nodelist

    def render(self, context):
        from ..fragments import cached

        if context.get("preview"):  # a preview never reads or writes fragments
            return self.nodelist.render(context)
        values = "\x1f".join(str(value.resolve(context)) for value in self.vary_on)
        vary = hashlib.md5(values.encode(), usedforsecurity=False).hexdigest()[:12]
        name = f"{self.origin.template_name}:{self.name}:{vary}"
        return mark_safe(
            cached(context.get("request"), name, lambda: str(self.nodelist.render(context)))
        )


@register.tag
def fragment(parser, token):
    """A part of a page rendered once per content version, code and language, then reused:
    ``{% fragment "name" value ... %}…{% endfragment %}``. What it holds may depend on the
    content and the language, and on the values named after its name (the page's URL name,
    say), on nothing else of the request: a search, a path, a title stay outside it."""
    bits = token.split_contents()
    if len(bits) < 2 or bits[1][0] not in "\"'":
        raise template.TemplateSyntaxError('Usage: {% fragment "name" [value ...] %}')
    nodelist = parser.parse(("endfragment",))
    parser.delete_first_token()
    vary_on = [parser.compile_filter(bit) for bit in bits[2:]]
    return FragmentNode(bits[1][1:-1], vary_on, nodelist)
