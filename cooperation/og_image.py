"""The link preview card of a page: a 1200×630 PNG drawn with Pillow.

WhatsApp, social networks and chat apps show it when someone shares a page (``og:image``):
the page's title, what it is ("Proyecto", "Programa"...) and the section's name, in the
page's language. Drawing one takes tens of milliseconds, so each card is kept in the cache
under a key made of everything drawn on it and of the code that draws it: an edit that
changes what the card shows (a title) gives a new key, and so a new card; any other edit of
the entry (its body, its partners) leaves the card as it was, and is a cache read.
"""

import functools
import hashlib
import io
import unicodedata
from dataclasses import dataclass
from pathlib import Path

from django.core.cache import cache
from django.utils.translation import gettext_lazy as _
from PIL import Image, ImageDraw, ImageFont

WIDTH, HEIGHT = 1200, 630
# A card stays until what it shows changes; a month keeps unchanged ones out of the renderer.
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


def _wrap(draw: ImageDraw.ImageDraw, text: str, font, width: int) -> list[str]:
    """``text`` in lines no wider than ``width`` pixels, broken between words (inside a word
    only when the word alone is wider)."""
    lines: list[str] = []
    for word in text.split():
        candidate = f"{lines[-1]} {word}" if lines else word
        if lines and draw.textlength(candidate, font=font) <= width:
            lines[-1] = candidate
            continue
        while draw.textlength(word, font=font) > width:
            cut = len(word) - 1
            while cut > 1 and draw.textlength(word[:cut], font=font) > width:
                cut -= 1
            lines.append(word[:cut])
            word = word[cut:]
        lines.append(word)
    return lines


def _title_lines(draw: ImageDraw.ImageDraw, title: str, height: int) -> tuple[list[str], object]:
    """The title wrapped to the card's width, at the largest size whose lines fit in
    ``height``; at the smallest size, cut with an ellipsis."""
    width = WIDTH - 2 * MARGIN
    for size in (72, 64, 56, 48, 40):
        font = _font(BOLD, size)
        lines = _wrap(draw, title, font, width)
        fitting = max(1, height // int(size * 1.2))
        if len(lines) <= fitting:
            return lines, font
    kept = lines[:fitting]
    while kept and draw.textlength(kept[-1] + "…", font=font) > width:
        kept[-1] = kept[-1].rsplit(" ", 1)[0] if " " in kept[-1] else kept[-1][:-1]
    return [*kept[:-1], kept[-1].rstrip(" ,.;:") + "…"], font


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
    footer_top = HEIGHT - MARGIN - 36
    rule = footer_top - 28
    lines, title_font = _title_lines(draw, _drawable(card.title), rule - 24 - top)
    line_height = int(title_font.size * 1.2)
    for line in lines:
        draw.text((MARGIN, top), line, font=title_font, fill=INK)
        top += line_height
    draw.line((MARGIN, rule, WIDTH - MARGIN, rule), fill=ACCENT, width=3)
    draw.text((MARGIN, footer_top), _drawable(card.section), font=_font(REGULAR, 32), fill=MUTED)
    output = io.BytesIO()
    image.save(output, format="PNG", optimize=True)
    return output.getvalue()


@functools.cache
def _code() -> str:
    """This module's source: a change of the drawing is a change of every card."""
    return hashlib.sha256(Path(__file__).read_bytes()).hexdigest()


def card_png(card: Card) -> bytes:
    """The card's PNG, from the cache when the same card was drawn before: the key holds
    what is drawn (the texts, and whether the font has accents) and the code that draws."""
    text = "\x1f".join((card.title, card.kind, card.section, str(_has_accents())))
    digest = hashlib.sha256(f"{_code()}\x1e{text}".encode()).hexdigest()
    key = f"og-image:{digest}"
    png = cache.get(key)
    if png is None:
        png = render(card)
        cache.set(key, png, CACHE_TIMEOUT)
    return png
