import datetime

import factory

from cooperation import models


class ThemeFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = models.Theme

    name_es = factory.Sequence(lambda n: f"Tema {n}")
    name_en = factory.Sequence(lambda n: f"Theme {n}")
    slug_es = factory.Sequence(lambda n: f"tema-{n}")
    slug_en = factory.Sequence(lambda n: f"theme-{n}")


class SDGFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = models.SustainableDevelopmentGoal
        django_get_or_create = ("number",)

    number = 11
    name_es = "Ciudades y comunidades sostenibles"
    name_en = "Sustainable Cities and Communities"


class PartnerFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = models.Partner

    name_es = factory.Sequence(lambda n: f"Organización {n}")
    name_en = factory.Sequence(lambda n: f"Organization {n}")
    slug_es = factory.Sequence(lambda n: f"organizacion-{n}")
    slug_en = factory.Sequence(lambda n: f"organization-{n}")
    kind = models.PartnerKind.CITY
    country_es = "Italia"
    country_en = "Italy"
    publication = models.PublicationStatus.PUBLISHED


class NetworkFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = models.Network

    organization = factory.SubFactory(PartnerFactory, kind=models.PartnerKind.NETWORK)
    slug_es = factory.Sequence(lambda n: f"red-{n}")
    slug_en = factory.Sequence(lambda n: f"network-{n}")
    rosario_role_es = "Ciudad miembro"
    rosario_role_en = "Member city"
    publication = models.PublicationStatus.PUBLISHED


class ProgramFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = models.Program

    title_es = factory.Sequence(lambda n: f"Programa {n}")
    title_en = factory.Sequence(lambda n: f"Program {n}")
    slug_es = factory.Sequence(lambda n: f"programa-{n}")
    slug_en = factory.Sequence(lambda n: f"program-{n}")
    summary_es = "Resumen del programa."
    summary_en = "Summary of the program."
    start_year = 2020
    status = models.CooperationStatus.ACTIVE
    publication = models.PublicationStatus.PUBLISHED


class ProjectFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = models.Project

    program = factory.SubFactory(ProgramFactory)
    title_es = factory.Sequence(lambda n: f"Proyecto {n}")
    title_en = factory.Sequence(lambda n: f"Project {n}")
    slug_es = factory.Sequence(lambda n: f"proyecto-{n}")
    slug_en = factory.Sequence(lambda n: f"project-{n}")
    summary_es = "Resumen del proyecto."
    summary_en = "Summary of the project."
    start_year = 2021
    status = models.CooperationStatus.ACTIVE
    rosario_role = models.RosarioRole.LEAD
    publication = models.PublicationStatus.PUBLISHED


class ParticipationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = models.Participation

    partner = factory.SubFactory(PartnerFactory)
    project = factory.SubFactory(ProjectFactory)
    role = models.ParticipationRole.PARTNER


class MilestoneFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = models.Milestone

    project = factory.SubFactory(ProjectFactory)
    date = datetime.date(2021, 3, 1)
    date_precision = models.DatePrecision.MONTH
    title_es = factory.Sequence(lambda n: f"Hito {n}")
    title_en = factory.Sequence(lambda n: f"Milestone {n}")


class DocumentFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = models.Document

    project = factory.SubFactory(ProjectFactory)
    title_es = factory.Sequence(lambda n: f"Informe {n}")
    title_en = factory.Sequence(lambda n: f"Report {n}")


# The entries that have a public page of their own (and an address staff can change).
PAGE_ENTRY_FACTORIES = [ProgramFactory, ProjectFactory, PartnerFactory, NetworkFactory]
