from urllib.parse import parse_qs, urlsplit

import pytest
from django.utils import translation

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


@pytest.mark.django_db
def test_text_lang_says_when_english_falls_back_to_spanish():
    project = factories.ProjectFactory(title_en="", summary_en="Summary")
    with translation.override("en"):
        assert text_lang(project, "title") == "es"
        assert text_lang(project, "summary") == "en"
    with translation.override("es"):
        assert text_lang(project, "title") == "es"
