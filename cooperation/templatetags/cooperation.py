from urllib.parse import quote

import markdown as markdown_lib
import nh3
from django import template
from django.utils.safestring import mark_safe
from django.utils.translation import gettext

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
def whatsapp_url(contact, page_title: str) -> str:
    """A wa.me link with a message, in the page's language, that names the page."""
    template_text = contact.whatsapp_message or gettext(
        "Hello, I am writing from the page “{page}” of Rosario's international cooperation portal."
    )
    message = template_text.replace("{page}", str(page_title))
    return f"https://wa.me/{contact.whatsapp_number}?text={quote(message)}"
