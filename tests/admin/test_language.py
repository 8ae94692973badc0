"""Every admin screen staff reach at /es/admin/ speaks Spanish, addressing them as *vos*.

Django's own Spanish says *usted* and has slips; the project's catalogue (LOCALE_PATHS,
rosario_intl/translation_overrides.py) replaces those strings, and gives django-axes and the
permission names a Spanish they lack. These tests walk the admin as a superuser and read
every visible text (and the titles, placeholders and button labels) for English words and
*usted* forms.
"""

import contextlib
import json
import re

import lxml.html
import pytest
from axes.models import AccessAttempt, AccessFailureLog
from django.contrib import admin
from django.urls import NoReverseMatch, reverse
from django.utils import translation

from cooperation import models
from tests import factories

from .helpers import admin_url, form_data

# Case-sensitive: what staff must not read in the Spanish admin.
ENGLISH = [
    r"\bPlease\b",
    r"\bAdd\b",
    r"\bChange\b",
    r"\bDelete\b",
    r"\b[Ss]lug\b",
    r"\bView\b",
    r"\bSelect\b",
    r"\bChoose\b",
    r"\bCan (add|change|delete|view|publish)\b",
    r"\b[Aa]ccess (attempt|log|failure)",
    r"\bAttempt",
    r"\bUsername\b",
    r"\bVersion\b",
    r"\bLocked Out\b",
    r"\b(Form|Meta|GET|POST) Data\b",
    r"\bUser Agent\b",
    r"\bIP Address\b",
    r"\bAxes\b",
    r"\b(editors|publishers)\b",
]
USTED = [
    r"[Ee]stá seguro",
    r"[Ee]stá usted",
    r"\busted\b",
    r"\bSeleccione\b",
    r"[Pp]or favor",
    r"\bcorrija\b",
    r"\bEscoja\b",
    r"\bElija\b",
    r"\bMantenga\b",
    r"\b[Ii]ntroduzca\b",
    r"\b[Ii]ngrese\b",
    r"\bPresione\b",
    r"\bPulse\b",
    r"\bHaga clic\b",
    r"\bAsegúrese\b",
    r"\bSi, estoy seguro\b",
    r"llévame",
]
# Django's translators' slips.
SLIPS = [r"\bEl(?!la\b)[a-záéíóúñ]+ “", r"\bEl%", r" Disponibles\b", r"\bElhito\b"]
FORBIDDEN = re.compile("|".join(ENGLISH + USTED + SLIPS))


def visible_texts(response) -> list[str]:
    """What a person reads on the page: its text, and the titles, placeholders, labels and
    button captions. Not what is typed in the form's own fields (content, in any language)."""
    page = lxml.html.fromstring(response.content.decode(response.charset))
    for hidden in page.xpath("//script|//style|//textarea|//template"):
        hidden.drop_tree()
    texts = [text.strip() for text in page.xpath("//text()") if text.strip()]
    for element in page.xpath("//*[@title or @placeholder or @aria-label or @alt]"):
        texts += [element.get(name) for name in ("title", "placeholder", "aria-label", "alt")]
    texts += [button.get("value") for button in page.xpath("//input[@type='submit']")]
    return [text for text in texts if text]


def offending(response) -> list[str]:
    return [text for text in visible_texts(response) if FORBIDDEN.search(text)]


def admin_pages(language: str = "es") -> list[str]:
    """Every screen of every registered model: its app, list, add form and, for its first
    entry, the change form, history and delete confirmation; recovery where there is one;
    and the account's own pages."""
    urls = [admin_url("index"), admin_url("password_change"), admin_url("password_change_done")]
    with translation.override(language):
        for model in admin.site._registry:
            info = model._meta.app_label, model._meta.model_name
            urls.append(reverse("admin:app_list", args=[info[0]]))
            urls.append(reverse("admin:{}_{}_changelist".format(*info)))
            urls.append(reverse("admin:{}_{}_add".format(*info)))
            obj = model._default_manager.order_by("pk").first()
            if obj is not None:
                urls += [
                    reverse("admin:{}_{}_{}".format(*info, view), args=[obj.pk])
                    for view in ("change", "history", "delete")
                ]
                if info == ("auth", "user"):
                    urls.append(reverse("admin:auth_user_password_change", args=[obj.pk]))
            with contextlib.suppress(NoReverseMatch):
                urls.append(reverse("admin:{}_{}_recoverlist".format(*info)))
    return list(dict.fromkeys(urls))


@pytest.fixture
def sign_in_records(superuser):
    """A failed attempt and its log, so that django-axes' screens have a row each."""
    AccessAttempt.objects.create(
        username="nadie",
        ip_address="127.0.0.1",
        user_agent="Chromium",
        http_accept="text/html",
        path_info="/es/admin/login/",
        get_data="",
        post_data="username=nadie",
        failures_since_start=1,
    )
    AccessFailureLog.objects.create(
        username="nadie",
        ip_address="127.0.0.1",
        user_agent="Chromium",
        http_accept="text/html",
        path_info="/es/admin/login/",
    )


@pytest.mark.django_db
def test_every_admin_screen_is_in_spanish_with_vos(client, seeded, superuser, sign_in_records):
    client.force_login(superuser)  # django-axes logs the sign-in: its log has a row too.
    client.raise_request_exception = False
    found = {}
    pages = admin_pages()
    for url in pages:
        response = client.get(url, follow=True)  # A single entry's list leads to it.
        if response.status_code == 403:
            continue  # django-axes' records cannot be added by hand.
        assert response.status_code == 200, url
        if texts := offending(response):
            found[url] = sorted(set(texts))
    assert len(pages) > 80
    assert found == {}


@pytest.mark.django_db
def test_the_login_page_and_its_error_say_vos(client, superuser):
    login = admin_url("login")
    assert offending(client.get(login)) == []
    response = client.post(login, {"username": "admin", "password": "wrong"})
    assert "Escribí el nombre de usuario y la contraseña correctos" in response.text
    assert offending(response) == []


@pytest.mark.django_db
def test_a_form_with_an_error_says_corregi(client, superuser):
    client.force_login(superuser)
    project = factories.ProjectFactory()
    url = admin_url("cooperation_project_change", project.pk)
    data = form_data(client.get(url), models.Project)
    data["title_es"] = [""]
    response = client.post(url, data)
    assert response.status_code == 200
    assert "Corregí el error que se indica abajo." in response.text
    assert offending(response) == []


@pytest.mark.django_db
def test_deleting_says_what_was_deleted_without_slips(client, superuser):
    client.force_login(superuser)
    milestone = factories.MilestoneFactory()
    url = admin_url("cooperation_milestone_delete", milestone.pk)
    response = client.post(url, {"post": "yes"}, follow=True)
    assert f"Se eliminó correctamente: hito “{milestone}”." in response.text
    assert offending(response) == []


@pytest.mark.django_db
def test_the_admin_javascript_strings_say_vos(client, superuser):
    client.force_login(superuser)
    catalogue = client.get(admin_url("jsi18n")).text
    assert '"%s disponibles"' in catalogue
    assert json.dumps("Escribí en este cuadro")[1:-1] in catalogue
    assert "Disponibles" not in catalogue
    assert "Elija" not in catalogue


def test_the_project_catalogue_wins_over_django(settings):
    """LOCALE_PATHS comes before every app's catalogue: Django's own Spanish is replaced."""
    with translation.override("es"):
        assert translation.gettext("Yes, I’m sure") == "Sí, eliminar"
        assert translation.ngettext(
            "Please correct the error below.", "Please correct the errors below.", 2
        ) == ("Corregí los errores que se indican abajo.")
        assert translation.gettext("access attempts") == "intentos de inicio de sesión"
    assert settings.LOCALE_PATHS[0] == settings.BASE_DIR / "locale"
