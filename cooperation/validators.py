"""Checks on uploaded files: what a file is comes from its content, never from its name.

A file already stored is not checked again: only a new upload (not yet committed to the
storage) is opened and read.
"""

import zipfile
from pathlib import PurePath

from django.core.exceptions import ValidationError
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext_lazy as _
from PIL import Image

MEGABYTE = 1024 * 1024
IMAGE_MAX_BYTES = 2 * MEGABYTE
IMAGE_MAX_PIXELS = 40_000_000
# Pillow's format name → the file name endings that go with it.
IMAGE_FORMATS = {"JPEG": {".jpg", ".jpeg"}, "PNG": {".png"}, "WEBP": {".webp"}}

DOCUMENT_MAX_BYTES = 10 * MEGABYTE
# Office documents are ZIP packages; the part that names what they are.
ODF_MIMETYPE = b"application/vnd.oasis.opendocument.text"
OOXML_MAIN_PART = {"word/document.xml": ".docx", "xl/workbook.xml": ".xlsx"}
DOCUMENT_EXTENSIONS = {".pdf": "PDF", ".odt": "ODT", ".docx": "DOCX", ".xlsx": "XLSX"}

NOT_AN_IMAGE = _(
    "This file is not a JPEG, PNG or WebP image (its content was checked, not its name)."
)


def _is_new_upload(value) -> bool:
    # A model's FieldFile is "committed" once it is in the storage: it was checked on its
    # way in. A plain upload (a form field's value) has no such flag and is always checked.
    return bool(value) and not getattr(value, "_committed", False)


def _check_size(value, limit: int) -> None:
    if value.size > limit:
        raise ValidationError(
            _("The file is %(size)s; the largest allowed is %(limit)s."),
            code="file_too_large",
            params={"size": filesizeformat(value.size), "limit": filesizeformat(limit)},
        )


def _extension(value) -> str:
    return PurePath(value.name or "").suffix.lower()


def validate_image_upload(value) -> None:
    """A JPEG, PNG or WebP image of at most 2 MB, recognised by its content."""
    if not _is_new_upload(value):
        return
    _check_size(value, IMAGE_MAX_BYTES)
    not_an_image = ValidationError(NOT_AN_IMAGE, code="invalid_image")
    try:
        value.seek(0)
        with Image.open(value) as image:
            image_format = image.format
            width, height = image.size
            image.verify()
    except Exception as error:  # Pillow raises many kinds of error for a broken file.
        raise not_an_image from error
    finally:
        value.seek(0)
    if image_format not in IMAGE_FORMATS:
        raise not_an_image
    if width * height > IMAGE_MAX_PIXELS:
        raise ValidationError(
            _("The image is %(width)s × %(height)s pixels: too large. Reduce it and try again."),
            code="image_too_large",
            params={"width": width, "height": height},
        )
    if _extension(value) not in IMAGE_FORMATS[image_format]:
        raise ValidationError(
            _("The file is a %(format)s image, but its name ends in “%(extension)s”."),
            code="wrong_extension",
            params={"format": image_format, "extension": _extension(value) or "—"},
        )


def _document_type(value) -> str | None:
    """PDF, ODT, DOCX or XLSX as the file's bytes say, or None."""
    value.seek(0)
    head = value.read(8)
    value.seek(0)
    if head.startswith(b"%PDF-"):
        return "PDF"
    if not head.startswith(b"PK\x03\x04"):
        return None
    try:
        with zipfile.ZipFile(value) as package:
            names = set(package.namelist())
            if "mimetype" in names and package.read("mimetype").strip() == ODF_MIMETYPE:
                return "ODT"
            if "[Content_Types].xml" in names:
                for part, extension in OOXML_MAIN_PART.items():
                    if part in names:
                        return DOCUMENT_EXTENSIONS[extension]
    except (zipfile.BadZipFile, OSError, KeyError):
        return None
    finally:
        value.seek(0)
    return None


def validate_document_upload(value) -> None:
    """A PDF, ODT, DOCX or XLSX file of at most 10 MB, recognised by its content."""
    if not _is_new_upload(value):
        return
    _check_size(value, DOCUMENT_MAX_BYTES)
    kind = _document_type(value)
    if kind is None:
        raise ValidationError(
            _(
                "This file is not a PDF, ODT, DOCX or XLSX document "
                "(its content was checked, not its name)."
            ),
            code="invalid_document",
        )
    # The name decides the type the file is later served with: it must tell the truth.
    if DOCUMENT_EXTENSIONS.get(_extension(value)) != kind:
        raise ValidationError(
            _("The file is a %(format)s document, but its name ends in “%(extension)s”."),
            code="wrong_extension",
            params={"format": kind, "extension": _extension(value) or "—"},
        )
