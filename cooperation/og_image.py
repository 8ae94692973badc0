"""The link preview card of a page: a 1200×630 PNG drawn with Pillow.

WhatsApp, social networks and chat apps show it when someone shares a page (``og:image``):
the page's title, what it is ("Proyecto", "Programa"...) and the section's name, in the
page's language. Drawing one takes tens of milliseconds, so each card is kept in the cache
under a key made of the entry's version and of everything drawn on it: an edit of the entry
gives a new key, and so a new card, while every other request is a cache read.
"""

import functools
import hashlib
import io
import textwrap
import unicodedata
from dataclasses import dataclass
from pathlib import Path

from django.core.cache import cache
from django.utils.translation import gettext_lazy as _
from PIL import Image, ImageDraw, ImageFont

WIDTH, HEIGHT = 1200, 630
# Raised when the drawing changes, so that no card of the previous design is served.
DESIGN = 1
# A card stays until its entry changes; a month keeps unchanged entries out of the renderer.
CACHE_TIMEOUT = 60 * 60 * 24 * 30
SECTION = _("City of Rosario · International cooperation")

# Debian's DejaVu (fonts-dejavu-core, installed by the Dockerfile): it has every accented
# letter. Without it, Pillow's own font, which has only ASCII: the text is then written
# without its accents rather than with empty boxes.
FONT_DIR = Path("/usr/share/fonts/truetype/dejavu")
REGULAR, BOLD = "DejaVuSans.ttf", "DejaVuSans-Bold.ttf"

BACKGROUND = "#ffffff"
INK = "#1b1b1b"
ACCENT = "#0a4c8c"  # the band and the kind: AA on white
MUTED = "#4a4a4a"
MARGIN = 80


@dataclass(frozen=True)
class Card:
    """What a card shows: ``kind`` may be empty (list pages and the home page)."""

    title: str
    kind: str
    section: str


@functools.cache
def _font(name: str, size: int) -> ImageFont.FreeTypeFont:
    path = FONT_DIR / name
    if path.is_file():
        return ImageFont.truetype(str(path), size)
    return ImageFont.load_default(size=size)


def _has_accents() -> bool:
    return (FONT_DIR / REGULAR).is_file()


def _drawable(text: str) -> str:
    if _has_accents():
        return text
    folded = unicodedata.normalize("NFKD", text)
    return "".join(char for char in folded if ord(char) < 128 or char == "·").replace("·", "-")


def _title_lines(draw: ImageDraw.ImageDraw, title: str) -> tuple[list[str], ImageFont.FreeTypeFont]:
    """The title wrapped to the card's width: at the largest size that fits in four lines,
    and cut with an ellipsis when even the smallest does not."""
    width = WIDTH - 2 * MARGIN
    for size in (72, 64, 56, 48):
        font = _font(BOLD, size)
        average = draw.textlength("abcdefghijklmnopqrstuvwxyz", font=font) / 26
        lines = textwrap.wrap(title, width=max(10, int(width / average)))
        while any(draw.textlength(line, font=font) > width for line in lines):
            lines = textwrap.wrap(title, width=max(10, len(max(lines, key=len)) - 1))
        if len(lines) <= 4:
            return lines, font
    return [*lines[:3], lines[3].rstrip(" ,.;:") + "…"], font


def render(card: Card) -> bytes:
    """The card as PNG bytes."""
    image = Image.new("RGB", (WIDTH, HEIGHT), BACKGROUND)
    draw = ImageDraw.Draw(image)
    draw.rectangle((0, 0, WIDTH, 16), fill=ACCENT)
    top = MARGIN
    if card.kind:
        kind_font = _font(BOLD, 34)
        draw.text((MARGIN, top), _drawable(card.kind).upper(), font=kind_font, fill=ACCENT)
        top += 70
    lines, title_font = _title_lines(draw, _drawable(card.title))
    line_height = int(title_font.size * 1.2)
    for line in lines:
        draw.text((MARGIN, top), line, font=title_font, fill=INK)
        top += line_height
    footer_top = HEIGHT - MARGIN - 36
    draw.line((MARGIN, footer_top - 28, WIDTH - MARGIN, footer_top - 28), fill=ACCENT, width=3)
    draw.text((MARGIN, footer_top), _drawable(card.section), font=_font(REGULAR, 32), fill=MUTED)
    output = io.BytesIO()
    image.save(output, format="PNG", optimize=True)
    return output.getvalue()


def card_png(card: Card, *, version: str) -> bytes:
    """The card's PNG, from the cache when this ``version`` of it was drawn before.

    ``version`` names the state of the entry it stands for (its model, id and version).
    """
    text = "\x1f".join((card.title, card.kind, card.section, str(_has_accents())))
    digest = hashlib.sha256(f"{DESIGN}\x1e{version}\x1e{text}".encode()).hexdigest()
    key = f"og-image:{digest}"
    png = cache.get(key)
    if png is None:
        png = render(card)
        cache.set(key, png, CACHE_TIMEOUT)
    return png


def entry_version(entry) -> str:
    """What identifies this state of an entry: its model, id, version and last update (a
    network's card names its organization, so the organization's too)."""
    parts = [entry._meta.label, entry.pk, entry.version, getattr(entry, "updated_at", "")]
    organization = getattr(entry, "organization", None)
    if organization is not None:
        parts += [organization.pk, organization.version]
    return ":".join(str(part) for part in parts)
