import datetime
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.db.models import ProtectedError
from django.utils import timezone, translation

from cooperation import models
from tests import factories

pytestmark = pytest.mark.django_db


def test_str_of_each_model():
    project = factories.ProjectFactory(title_es="Islas de calor", title_en="Heat islands")
    partner = factories.PartnerFactory(name_es="Turín", name_en="Turin")
    with translation.override("es"):
        assert str(project) == "Islas de calor"
        assert str(partner) == "Turín"
        assert str(factories.SDGFactory(number=13, name_es="Acción por el clima")) == (
            "ODS 13: Acción por el clima"
        )
    with translation.override("en"):
        assert str(project) == "Heat islands"
        assert str(partner) == "Turin"
    network = factories.NetworkFactory(organization=partner)
    assert str(network) == str(partner)
    milestone = factories.MilestoneFactory(
        project=project, date=datetime.date(2015, 12, 1), title_es="Adhesión"
    )
    with translation.override("es"):
        assert str(milestone) == "diciembre de 2015 · Adhesión"


def test_each_language_has_its_own_url():
    project = factories.ProjectFactory(slug_es="islas-de-calor", slug_en="heat-islands")
    with translation.override("es"):
        assert project.get_absolute_url() == "/es/proyectos/islas-de-calor/"
    with translation.override("en"):
        assert project.get_absolute_url() == "/en/projects/heat-islands/"


def test_missing_english_slug_falls_back_to_spanish():
    program = factories.ProgramFactory(slug_es="pacto-global", slug_en=None, title_en="")
    with translation.override("en"):
        assert program.get_absolute_url() == "/en/programs/pacto-global/"


def test_slugs_are_unique_per_language():
    factories.ProgramFactory(slug_es="uno", slug_en="one")
    with pytest.raises(IntegrityError), transaction.atomic():
        factories.ProgramFactory(slug_es="uno", slug_en="other")
    with pytest.raises(IntegrityError), transaction.atomic():
        factories.ProgramFactory(slug_es="otro", slug_en="one")


def test_same_slug_may_serve_both_languages_and_empty_english_slugs_do_not_collide():
    factories.ProgramFactory(slug_es="metropolis", slug_en="metropolis")
    factories.ProgramFactory(slug_es="a", slug_en=None)
    factories.ProgramFactory(slug_es="b", slug_en=None)
    assert models.Program.objects.filter(slug_en__isnull=True).count() == 2


def test_slug_saved_in_english_does_not_collide_with_another_entrys_spanish_slug():
    # The untranslated column takes the active language's value; it must not carry uniqueness.
    with translation.override("en"):
        factories.PartnerFactory(slug_es="uno", slug_en="one")
    with translation.override("es"):
        factories.PartnerFactory(slug_es="one", slug_en="another")
    assert models.Partner.objects.count() == 2


def test_period_must_be_in_order():
    program = factories.ProgramFactory.build(start_year=2023, end_year=2020)
    with pytest.raises(ValidationError) as error:
        program.clean()
    assert "end_year" in error.value.message_dict
    with pytest.raises(IntegrityError), transaction.atomic():
        factories.ProgramFactory(start_year=2023, end_year=2020)


@pytest.mark.parametrize(
    ("start", "end", "expected"),
    [(2020, 2023, "2020–2023"), (2018, None, "desde 2018"), (None, None, ""), (2021, 2021, "2021")],
)
def test_period_display(start, end, expected):
    with translation.override("es"):
        assert models.format_period(start, end) == expected


def test_partial_dates_show_only_what_is_known():
    date = datetime.date(2021, 10, 1)
    with translation.override("es"):
        assert models.format_partial_date(date, "year") == "2021"
        assert models.format_partial_date(date, "month") == "octubre de 2021"
    with translation.override("en"):
        assert models.format_partial_date(date, "month") == "October 2021"
    assert models.format_partial_date(None, "day") == ""


def test_participation_belongs_to_exactly_one_entry():
    project = factories.ProjectFactory()
    partner = factories.PartnerFactory()
    with pytest.raises(IntegrityError), transaction.atomic():
        models.Participation.objects.create(partner=partner, role="partner")
    with pytest.raises(IntegrityError), transaction.atomic():
        models.Participation.objects.create(
            partner=partner, role="partner", project=project, program=project.program
        )
    orphan = models.Participation(partner=partner, role="partner")
    with pytest.raises(ValidationError):
        orphan.clean()


def test_a_partner_has_each_role_once_per_project():
    participation = factories.ParticipationFactory(role="funder")
    with pytest.raises(IntegrityError), transaction.atomic():
        factories.ParticipationFactory(
            partner=participation.partner, project=participation.project, role="funder"
        )
    factories.ParticipationFactory(
        partner=participation.partner, project=participation.project, role="supporter"
    )


def test_sdg_numbers_run_from_1_to_17():
    with pytest.raises(IntegrityError), transaction.atomic():
        models.SustainableDevelopmentGoal.objects.create(number=18, name_es="No existe")


def test_published_excludes_drafts_and_future_publications():
    published = factories.ProgramFactory()
    factories.ProgramFactory(publication=models.PublicationStatus.DRAFT)
    factories.ProgramFactory(publish_at=timezone.now() + datetime.timedelta(days=1))
    assert list(models.Program.objects.published()) == [published]
    assert published.is_published


def test_deleting_a_partner_with_participations_is_refused():
    participation = factories.ParticipationFactory()
    with pytest.raises(ProtectedError):
        participation.partner.delete()


def test_only_one_contact_settings_row_can_exist():
    settings = models.ContactSettings.load()
    assert settings.whatsapp_number == "5493415440147"
    with pytest.raises(IntegrityError), transaction.atomic():
        models.ContactSettings.objects.create(id=2)


def test_whatsapp_number_must_be_international_digits():
    settings = models.ContactSettings.load()
    settings.whatsapp_number = "+54 9 341 544-0147"
    with pytest.raises(ValidationError) as error:
        settings.full_clean()
    assert "whatsapp_number" in error.value.message_dict


def test_the_offices_details_are_empty_until_staff_fill_them_in():
    settings = models.ContactSettings.load()
    for field in ["office_name", "email", "phone", "postal_address", "opening_hours"]:
        assert getattr(settings, field) == "", field
    assert settings.phone_uri == ""
    settings.full_clean()


@pytest.mark.parametrize(
    ("phone", "uri"),
    [("+54 341 000-0000", "tel:+543410000000"), ("(0341) 000 0000", "tel:03410000000")],
)
def test_a_phone_number_becomes_a_tel_link(phone, uri):
    settings = models.ContactSettings.load()
    settings.phone = phone
    settings.full_clean()
    assert settings.phone_uri == uri


@pytest.mark.parametrize("phone", ["llamar al 4802000", "123", "+54 341 000 0000 int. 12"])
def test_a_phone_number_is_digits_and_separators(phone):
    settings = models.ContactSettings.load()
    settings.phone = phone
    with pytest.raises(ValidationError) as error:
        settings.full_clean()
    assert "phone" in error.value.message_dict


def test_spanish_is_required_english_is_not():
    program = models.Program(slug_es="x")
    with pytest.raises(ValidationError) as error:
        program.full_clean()
    assert "title_es" in error.value.message_dict
    assert "title_en" not in error.value.message_dict


def test_collaboration_way_lists_its_partner_kinds():
    way = models.CollaborationWay(key=models.CollaborationWay.Key.NATIONAL)
    assert way.partner_kinds == ["national", "agency", "funding_program", "embassy"]


def test_argentine_partners_collaborate_in_none_of_the_ways_of_other_countries():
    decentralized = models.CollaborationWay(key=models.CollaborationWay.Key.DECENTRALIZED)
    assert decentralized.includes(models.Partner(kind="city", country_es="Italia"))
    assert not decentralized.includes(models.Partner(kind="city", country_es="Argentina"))
    assert not decentralized.includes(models.Partner(kind="business_network"))


def test_an_image_needs_a_spanish_description():
    partner = factories.PartnerFactory.build(logo="partners/escudo.png")
    with pytest.raises(ValidationError) as error:
        partner.full_clean(validate_unique=False, validate_constraints=False)
    assert "logo_alt_es" in error.value.message_dict
    partner.logo_alt_es = "Escudo"
    partner.full_clean(validate_unique=False, validate_constraints=False)
    partner.logo = ""
    partner.logo_alt_es = ""
    partner.full_clean(validate_unique=False, validate_constraints=False)


def test_entry_reports_a_missing_description_together_with_other_errors():
    project = factories.ProjectFactory.build(
        image="entries/2025/foto.jpg", start_year=2024, end_year=2020
    )
    with pytest.raises(ValidationError) as error:
        project.clean()
    assert set(error.value.message_dict) == {"image_alt_es", "end_year"}


def test_content_starts_at_version_one_with_a_publish_permission():
    assert factories.ProjectFactory().version == 1
    assert factories.ThemeFactory().version == 1
    for model in (models.Program, models.Project, models.Partner, models.Network):
        codename = f"publish_{model._meta.model_name}"
        with translation.override("en"):
            assert (codename, "Can publish and unpublish") in [
                (code, str(name)) for code, name in model._meta.permissions
            ]


# Freshness, derived status and place -----------------------------------------------------


def this_year() -> int:
    return timezone.localdate().year


@pytest.mark.parametrize(
    ("status", "end_offset", "keep", "expected"),
    [
        (models.CooperationStatus.ACTIVE, -1, False, models.CooperationStatus.COMPLETED),
        (models.CooperationStatus.ACTIVE, -1, True, models.CooperationStatus.ACTIVE),
        (models.CooperationStatus.ACTIVE, 0, False, models.CooperationStatus.ACTIVE),
        (models.CooperationStatus.ACTIVE, None, False, models.CooperationStatus.ACTIVE),
        (models.CooperationStatus.PLANNED, -1, False, models.CooperationStatus.PLANNED),
        (models.CooperationStatus.COMPLETED, 1, False, models.CooperationStatus.COMPLETED),
        # Not published: the end-year rule never turns it into completed.
        (models.CooperationStatus.UNKNOWN, -1, False, models.CooperationStatus.UNKNOWN),
        (models.CooperationStatus.UNKNOWN, None, False, models.CooperationStatus.UNKNOWN),
    ],
)
def test_effective_status(status, end_offset, keep, expected):
    end_year = None if end_offset is None else this_year() + end_offset
    for model in (models.Program, models.Project):
        entry = model(status=status, end_year=end_year, keep_status=keep)
        assert entry.effective_status == expected
        assert entry.get_effective_status_display() == expected.label


def test_a_new_entry_has_no_published_status_nor_role():
    for model in (models.Program, models.Project):
        entry = model()
        assert entry.status == models.CooperationStatus.UNKNOWN == ""
        assert not entry.status_known
        assert entry.rosario_role == ""
    assert models.Participation().role == models.ParticipationRole.UNKNOWN


def test_a_status_says_when_it_was_confirmed():
    confirmed = datetime.date(2022, 6, 1)
    with translation.override("es"):
        entry = models.Project(
            status=models.CooperationStatus.ACTIVE, status_confirmed_on=confirmed
        )
        assert entry.status_statement == "En curso, según información de 2022"
        assert models.Project().status_statement == "Sin información publicada"
    with translation.override("en"):
        assert entry.status_statement == "Ongoing, according to information from 2022"
        # Shown as completed by the end-year rule: the confirmation no longer applies.
        ended = models.Project(
            status=models.CooperationStatus.ACTIVE,
            status_confirmed_on=confirmed,
            end_year=this_year() - 1,
        )
        assert ended.status_statement == "Completed"


def test_needs_review_after_the_configured_interval(settings):
    settings.REVIEW_INTERVAL_DAYS = 30
    today = timezone.localdate()
    assert models.Partner().needs_review()
    assert not models.Network(reviewed_at=today - datetime.timedelta(days=30)).needs_review()
    assert models.Project(reviewed_at=today - datetime.timedelta(days=31)).needs_review()


def test_coordinates_come_in_pairs(db):
    partner = factories.PartnerFactory.build(latitude=Decimal("10"))
    with pytest.raises(ValidationError) as error:
        partner.full_clean()
    assert "longitude" in error.value.message_dict
    with pytest.raises(IntegrityError), transaction.atomic():
        factories.PartnerFactory(latitude=Decimal("10"))


@pytest.mark.parametrize(("latitude", "longitude"), [("91", "0"), ("0", "-180.5")])
def test_coordinates_stay_on_the_globe(db, latitude, longitude):
    partner = factories.PartnerFactory.build(
        latitude=Decimal(latitude), longitude=Decimal(longitude)
    )
    with pytest.raises(ValidationError):
        partner.full_clean()
    with pytest.raises(IntegrityError), transaction.atomic():
        partner.save()


# The visibility rule: ``published()`` in the database and ``is_public`` in memory agree.

DRAFT = models.PublicationStatus.DRAFT


def _agree(obj) -> bool:
    in_database = type(obj).objects.published().filter(pk=obj.pk).exists()
    assert obj.is_public is in_database
    return in_database


@pytest.mark.django_db
def test_a_project_is_public_only_with_its_program():
    project = factories.ProjectFactory()
    milestone = factories.MilestoneFactory(project=project, program=None)
    assert _agree(project) and _agree(milestone)
    models.Program.objects.filter(pk=project.program_id).update(publication=DRAFT)
    project.program.refresh_from_db()
    assert not _agree(project)
    assert not _agree(milestone)


@pytest.mark.django_db
def test_a_network_is_public_only_with_its_organization():
    network = factories.NetworkFactory()
    assert _agree(network)
    models.Partner.objects.filter(pk=network.organization_id).update(publication=DRAFT)
    network.organization.refresh_from_db()
    assert not _agree(network)


@pytest.mark.django_db
def test_a_participation_is_public_with_its_partner_and_its_entry():
    participation = factories.ParticipationFactory()
    assert _agree(participation)
    models.Partner.objects.filter(pk=participation.partner_id).update(publication=DRAFT)
    participation.partner.refresh_from_db()
    assert not _agree(participation)


@pytest.mark.django_db
def test_a_scheduled_entry_is_not_public_before_its_moment():
    program = factories.ProgramFactory(publish_at=timezone.now() + datetime.timedelta(hours=1))
    assert not _agree(program)


def test_a_former_address_leads_to_one_entry_per_kind_and_language():
    program = factories.ProgramFactory()
    models.SlugHistory.objects.create(entry=program, language="es", slug="viejo")
    # The same slug in the other language, or of another kind of entry, is another address.
    models.SlugHistory.objects.create(entry=program, language="en", slug="viejo")
    models.SlugHistory.objects.create(entry=factories.PartnerFactory(), language="es", slug="viejo")
    with pytest.raises(IntegrityError), transaction.atomic():
        models.SlugHistory.objects.create(
            entry=factories.ProgramFactory(), language="es", slug="viejo"
        )
    assert str(models.SlugHistory.objects.first()) == "es: viejo"
