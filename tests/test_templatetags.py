import random
from urllib.parse import parse_qs, urlsplit

import pytest
from django.utils import translation
from django.utils.html import conditional_escape, format_html
from django.utils.safestring import mark_safe

from cooperation.db import WORD, fold
from cooperation.models import ContactSettings
from cooperation.templatetags.cooperation import (
    highlight,
    markdown,
    text_lang,
    whatsapp_share_url,
    whatsapp_url,
)
from tests import factories


def test_markdown_keeps_paragraphs_lists_and_links():
    html = markdown("Uno\n\n- a\n- b\n\n[sitio](https://www.rosario.gob.ar)")
    assert "<p>Uno</p>" in html
    assert "<li>a</li>" in html
    assert 'href="https://www.rosario.gob.ar"' in html
    assert 'rel="noopener noreferrer"' in html


@pytest.mark.parametrize(
    "source",
    [
        "<script>alert(1)</script>",
        '<img src=x onerror="alert(1)">',
        "[click](javascript:alert(1))",
        '<a href="#" onclick="alert(1)">x</a>',
        "<iframe src=https://evil.example></iframe>",
        "<style>body{display:none}</style>",
    ],
)
def test_markdown_removes_scripts_and_event_handlers(source):
    html = markdown(source)
    for forbidden in ["<script", "onerror", "onclick", "javascript:", "<iframe", "<style", "<img"]:
        assert forbidden not in html


def test_whatsapp_url_names_the_page_in_the_message():
    contact = ContactSettings(
        whatsapp_number="5493415440147", whatsapp_message="Hola, escribo desde «{page}»."
    )
    url = whatsapp_url(contact, "Pacto Global & más")
    parts = urlsplit(url)
    assert parts.netloc == "wa.me"
    assert parts.path == "/5493415440147"
    assert parse_qs(parts.query)["text"] == ["Hola, escribo desde «Pacto Global & más»."]


def test_whatsapp_url_gives_the_pages_address_at_the_end_or_where_staff_put_it():
    contact = ContactSettings(whatsapp_number="5493415440147", whatsapp_message="")
    address = "https://example.org/es/proyectos/trama/"
    with translation.override("es"):
        message = parse_qs(urlsplit(whatsapp_url(contact, "TRAMA", address)).query)["text"][0]
    assert message.startswith("Hola") and "«TRAMA»" in message
    assert message.endswith(f" {address}")
    contact.whatsapp_message = "Consulta sobre {page} ({address}):"
    message = parse_qs(urlsplit(whatsapp_url(contact, "TRAMA", address)).query)["text"][0]
    assert message == f"Consulta sobre TRAMA ({address}):"


def test_whatsapp_share_url_sends_the_title_and_address_to_anyone():
    url = whatsapp_share_url("Pacto Global & más", "https://example.org/es/programas/pacto-global/")
    assert url.startswith("https://wa.me/?text=")
    assert "&" not in url.split("?", 1)[1] and "/" not in url.split("?", 1)[1]
    assert parse_qs(urlsplit(url).query)["text"] == [
        "Pacto Global & más https://example.org/es/programas/pacto-global/"
    ]


def test_whatsapp_url_has_a_default_message_in_the_active_language():
    contact = ContactSettings(whatsapp_number="5493415440147", whatsapp_message="")
    with translation.override("en"):
        message = parse_qs(urlsplit(whatsapp_url(contact, "Timeline")).query)["text"][0]
    assert message.startswith("Hello") and "Timeline" in message


@pytest.mark.parametrize(
    ("text", "query", "expected"),
    [
        ("Cooperación Sur-Sur", "cooperacion", "<mark>Cooperación</mark> Sur-Sur"),
        ("Solid Waste Management", "waste", "Solid <mark>Waste</mark> Management"),
        ("gestión de residuos sólidos", "RESIDUOS", "gestión de <mark>residuos</mark> sólidos"),
        ("<b>Turín</b>", "turin", "&lt;b&gt;<mark>Turín</mark>&lt;/b&gt;"),
        ("nada", "", "nada"),
        ("<i>x</i>", "", "&lt;i&gt;x&lt;/i&gt;"),
    ],
)
def test_highlight_marks_matches_and_escapes_everything_else(text, query, expected):
    assert str(highlight(text, query)) == expected


def highlight_before_its_fast_path(text, query):
    """``highlight`` as it was, folding every text a character at a time: the reference."""
    text = str(text or "")
    prefixes = {fold(term)[: max(4, len(term) - 2)] for term in WORD.findall(query or "")}
    prefixes = {p for p in prefixes if len(p) >= 2}
    if not prefixes:
        return conditional_escape(text)
    folded, origin = [], []
    for index, char in enumerate(text):
        for folded_char in fold(char):
            folded.append(folded_char)
            origin.append(index)
    folded_text = "".join(folded)
    pieces, last = [], 0
    for match in WORD.finditer(folded_text):
        if any(match.group().startswith(prefix) for prefix in prefixes):
            start, end = origin[match.start()], origin[match.end() - 1] + 1
            pieces.append(conditional_escape(text[last:start]))
            pieces.append(format_html("<mark>{}</mark>", text[start:end]))
            last = end
    pieces.append(conditional_escape(text[last:]))
    return mark_safe("".join(str(piece) for piece in pieces))


# Characters that fold to one, to none (combining accents), to several ("ß", "ﬁ", "½": "1⁄2"),
# or that HTML escapes.
HIGHLIGHT_ALPHABET = (
    "abcdeinorsuz AEIOUNRS ÁÉÍÓÚáéíóúñÑüÜçÇ "
    "ßẞﬁﬂæœŒİıǅ½²ⅷ \u0301\u0303\u0308 <>&\"' -_.,;:!?¿¡ 0123456789\n"
)
HIGHLIGHT_TEXTS = [
    "",
    "Gestión de Residuos Sólidos",
    "GESTIÓN DE RESIDUOS",
    "Straße und Fußgänger",
    "ﬁnanciación ﬂexible de la cooperación",
    "Cooperacio\u0301n y nin\u0303os, an\u0303o",
    "\u0301residuos \u0301",
    "<b>Turín</b> & \"Rosario\" 'Santa Fe'",
    "½ de los residuos, ² y ⅷ",
    "İstanbul ıslak ǅungla",
    "residuos_sólidos residuos-sólidos residuosresiduos",
]
HIGHLIGHT_QUERIES = [
    "", "residuos", "RESIDUOS", "gestion", "gestión residuos", "sólidos", "strasse", "straße",
    "ss", "fußgänger", "financiacion", "ﬁnanciación", "flexible", "cooperación", "ninos", "años",
    "turin", "<b>", "&", "rosario santa", "½", "1", "istanbul", "i̇stanbul", "dzungla", "ǆungla",
    "de", "a", "resi", "residuo_s", "sólidos-residuos", "ⅷ viii",
]  # fmt: skip


def test_highlight_gives_what_it_gave_before_its_fast_path():
    rng = random.Random(16)
    texts = HIGHLIGHT_TEXTS + [
        "".join(rng.choices(HIGHLIGHT_ALPHABET, k=rng.randint(1, 80))) for _ in range(300)
    ]
    queries = HIGHLIGHT_QUERIES + [
        " ".join(rng.choice(WORD.findall(text) or [""]) for _ in range(2)) for text in texts[:60]
    ]
    for text in texts:
        for query in queries:
            assert str(highlight(text, query)) == str(
                highlight_before_its_fast_path(text, query)
            ), (text, query)
    # A text marked up as safe is kept as it is when nothing can be marked, escaped otherwise.
    for query in ("", "residuos", "½"):
        safe = mark_safe("<b>residuos</b>")
        assert str(highlight(safe, query)) == str(highlight_before_its_fast_path(safe, query))


@pytest.mark.django_db
def test_text_lang_says_when_english_falls_back_to_spanish():
    project = factories.ProjectFactory(title_en="", summary_en="Summary")
    with translation.override("en"):
        assert text_lang(project, "title") == "es"
        assert text_lang(project, "summary") == "en"
    with translation.override("es"):
        assert text_lang(project, "title") == "es"


# The search's result items, written in Python: what the template loop they replace wrote.
LOOP = """{% load cooperation %}{% for result in results %}
    <li>
      <p class="result-kind">{{ result.kind|capfirst }}</p>
      <h2><a href="{{ result.url }}">{{ result.title|highlight:query }}</a></h2>
      {% if result.summary %}<p>{{ result.summary|truncatewords:40|highlight:query }}</p>{% endif %}
    </li>
    {% endfor %}"""


def test_search_results_are_what_the_template_loop_wrote():
    from django.template import Context, Template
    from django.utils.translation import gettext_lazy

    from cooperation.search import SearchResult
    from cooperation.templatetags.cooperation import search_results

    long_summary = " ".join(f"palabra{n} <b>residuos</b> & más" for n in range(30))
    results = [
        SearchResult("proyecto", "Gestión de <residuos> & reciclaje", "", "/es/p/a/?x=1&y=2", 1.0),
        SearchResult(gettext_lazy("partner"), "Turín", long_summary, "/es/socios/turin/", 0.5),
        SearchResult("programa", "Sin coincidencia", "Resumen corto.", "/es/programas/b/", 0.1),
        # Cut at exactly forty words, at forty-one whose fortieth is "…", whitespace runs.
        SearchResult("programa", "Cuarenta", " ".join(["residuo"] * 40), "/es/c/", 0.1),
        SearchResult("programa", "Ya cortado", "x " * 39 + "… y", "/es/d/", 0.1),
        SearchResult("socio", "Espacios", "  uno\n\tdos   residuos \r\n ", "/es/e/", 0.1),
        SearchResult("socio", "", "   ", "/es/f/'\"/", 0.1),
    ]
    for query in ("residuos", "reciclaje turin", "", "<b>"):
        context = Context({"results": results, "query": query})
        assert search_results(results, query) == Template(LOOP).render(context), query
