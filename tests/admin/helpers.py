"""Helpers for the admin's tests: addresses, the change form as a browser submits it, files.

Forms are submitted the way a browser would: the page is fetched, every field of its form
is read back from the HTML (``form_data``) and posted with the changes a test makes.
"""

import io
import os
import zipfile

import lxml.html
from django.urls import reverse
from django.utils import translation
from PIL import Image

from cooperation import models
from tests import factories

DRAFT, PUBLISHED = models.PublicationStatus.DRAFT, models.PublicationStatus.PUBLISHED
# The models with a review date, each with its factory.
REVIEWABLE = [
    (models.Program, factories.ProgramFactory),
    (models.Project, factories.ProjectFactory),
    (models.Partner, factories.PartnerFactory),
    (models.Network, factories.NetworkFactory),
]

# Inputs a browser does not send with the form (a file input is sent only with a file).
NOT_SUBMITTED = {"submit", "button", "file", "image", "reset"}


def form_data(response, model) -> dict[str, list[str]]:
    """What a browser would submit from the admin form of ``model`` on the page (name → values).

    Disabled fields and unticked boxes send nothing; a select with nothing selected sends
    its first option. Post it back with the test client, changed as the test needs.
    """
    page = lxml.html.fromstring(response.content.decode(response.charset))
    forms = page.xpath("//form[@id=$id]", id=f"{model._meta.model_name}_form")
    assert forms, "no form on the page"
    data: dict[str, list[str]] = {}
    for field in forms[0].inputs:
        if not field.name or "disabled" in field.attrib:
            continue
        if field.tag == "textarea":
            # HTML drops the newline just after <textarea> (Django writes one); lxml keeps it.
            values = [field.value.removeprefix("\n")]
        elif field.tag == "select":
            values = list(field.value) if field.multiple else [field.value]
        elif field.type in NOT_SUBMITTED or (field.checkable and not field.checked):
            continue
        else:
            values = [field.value or ""]
        data.setdefault(field.name, []).extend(v for v in values if v is not None)
    return data


def admin_url(name: str, *args, language: str = "es") -> str:
    with translation.override(language):
        return reverse(f"admin:{name}", args=args)


def url_name(language: str, name: str) -> str:
    with translation.override(language):
        return reverse(name)


def change_url(obj, language: str = "es") -> str:
    return admin_url(f"cooperation_{obj._meta.model_name}_change", obj.pk, language=language)


def add_url(model, language: str = "es") -> str:
    return admin_url(f"cooperation_{model._meta.model_name}_add", language=language)


def changelist_url(model, language: str = "es") -> str:
    return admin_url(f"cooperation_{model._meta.model_name}_changelist", language=language)


def public_url(obj, language: str = "es") -> str:
    with translation.override(language):
        return obj.get_absolute_url()


def load_form(client, obj) -> dict[str, list[str]]:
    """The change form of ``obj`` as a browser would submit it unchanged."""
    response = client.get(change_url(obj))
    assert response.status_code == 200
    return form_data(response, type(obj))


def errors_of(response) -> str:
    """The form's and the inlines' errors, to explain a failed save."""
    adminform = response.context["adminform"]
    return str(adminform.form.errors) + str(response.context.get("inline_admin_formsets", ""))


def png_bytes(size=(4, 4), *, noise: bool = False) -> bytes:
    if noise:  # Random pixels do not compress: a large file from a modest image.
        image = Image.frombytes("RGB", size, os.urandom(size[0] * size[1] * 3))
    else:
        image = Image.new("RGB", size, "steelblue")
    buffer = io.BytesIO()
    image.save(buffer, "PNG")
    return buffer.getvalue()


def office_package(main_part: str) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as package:
        package.writestr("[Content_Types].xml", "<Types/>")
        package.writestr(main_part, "<document/>")
    return buffer.getvalue()
