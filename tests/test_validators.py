"""Upload checks (cooperation/validators.py): by content, never by the file's name."""

import io
import zipfile

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image

from cooperation.validators import validate_document_upload, validate_image_upload


def image_file(name: str, image_format: str, size=(8, 8)) -> SimpleUploadedFile:
    buffer = io.BytesIO()
    Image.new("RGB", size, "white").save(buffer, image_format)
    return SimpleUploadedFile(name, buffer.getvalue())


def odt_file(name: str, mimetype: bytes = b"application/vnd.oasis.opendocument.text"):
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as package:
        package.writestr("mimetype", mimetype)
        package.writestr("content.xml", "<office:document-content/>")
    return SimpleUploadedFile(name, buffer.getvalue())


@pytest.mark.parametrize(
    ("name", "image_format"),
    [("logo.png", "PNG"), ("foto.JPG", "JPEG"), ("foto.jpeg", "JPEG"), ("logo.webp", "WEBP")],
)
def test_jpeg_png_and_webp_images_pass(name, image_format):
    validate_image_upload(image_file(name, image_format))


@pytest.mark.parametrize(
    ("upload", "code"),
    [
        (SimpleUploadedFile("fake.png", b"GIF89a or just text"), "invalid_image"),
        (image_file("animation.gif", "GIF"), "invalid_image"),
        (image_file("logo.jpg", "PNG"), "wrong_extension"),
        (SimpleUploadedFile("huge.png", b"\x89PNG" + bytes(3 * 1024 * 1024)), "file_too_large"),
    ],
)
def test_other_uploads_are_refused_as_images(upload, code):
    with pytest.raises(ValidationError) as error:
        validate_image_upload(upload)
    assert error.value.code == code


def test_an_image_too_large_in_pixels_is_refused(monkeypatch):
    monkeypatch.setattr("cooperation.validators.IMAGE_MAX_PIXELS", 50)
    with pytest.raises(ValidationError) as error:
        validate_image_upload(image_file("big.png", "PNG", size=(10, 10)))
    assert error.value.code == "image_too_large"


def test_an_odt_document_passes_and_its_mimetype_is_read():
    validate_document_upload(odt_file("acta.odt"))
    with pytest.raises(ValidationError):
        validate_document_upload(odt_file("acta.odt", b"application/x-something-else"))


@pytest.mark.parametrize(
    "upload",
    [
        SimpleUploadedFile("broken.docx", b"PK\x03\x04 not really a zip"),
        SimpleUploadedFile("informe.pdf", b"<html><script>alert(1)</script></html>"),
        SimpleUploadedFile("informe", b"%PDF-1.4"),
    ],
)
def test_documents_that_are_not_what_they_claim_are_refused(upload):
    with pytest.raises(ValidationError):
        validate_document_upload(upload)


def test_a_stored_file_is_not_checked_again():
    class StoredFile:
        name, _committed = "documents/2020/old.doc", True

        def __bool__(self):
            return True

    validate_document_upload(StoredFile())
    validate_image_upload(StoredFile())
