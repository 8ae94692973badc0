"""Synthetic published projects, marked as demo data, to measure the portal at scale."""

import datetime
import random
import uuid

from django.db import transaction

from cooperation import models

DEMO_MARK_ES = "[Demostración]"
DEMO_MARK_EN = "[Demo]"
PARTNER_KINDS = [kind for kind, _label in models.PartnerKind.choices]
ROLES = [role for role, _label in models.ParticipationRole.choices]
STATUSES = [status for status, _label in models.CooperationStatus.choices]
PUBLISHED = {"publication": models.PublicationStatus.PUBLISHED}


def demo_create(*, projects: int, partners: int, seed: int) -> tuple[int, str]:
    """Add ``projects`` projects (with ``partners`` partners, themes, SDGs and milestones)
    under one new program, in one transaction; the number of projects and the run's mark.

    The same ``seed`` gives the same data; every slug carries the run's mark, so runs add
    up beside each other and beside the seed content.
    """
    rng = random.Random(seed)
    run = uuid.uuid4().hex[:8]
    with transaction.atomic():
        created = _generate(rng, run, projects, partners)
    return created, run


def _generate(rng, run: str, project_count: int, partner_count: int) -> int:
    sdgs = list(models.SustainableDevelopmentGoal.objects.all())
    if not sdgs:
        sdgs = models.SustainableDevelopmentGoal.objects.bulk_create(
            models.SustainableDevelopmentGoal(number=n, name_es=f"ODS {n}", name_en=f"SDG {n}")
            for n in range(1, 18)
        )
    themes = models.Theme.objects.bulk_create(
        models.Theme(
            name_es=f"{DEMO_MARK_ES} Tema {i}",
            name_en=f"{DEMO_MARK_EN} Theme {i}",
            slug_es=f"demo-{run}-tema-{i}",
            slug_en=f"demo-{run}-theme-{i}",
        )
        for i in range(1, 11)
    )
    partners = models.Partner.objects.bulk_create(
        models.Partner(
            name_es=f"{DEMO_MARK_ES} Organización {i}",
            name_en=f"{DEMO_MARK_EN} Organization {i}",
            slug_es=f"demo-{run}-organizacion-{i}",
            slug_en=f"demo-{run}-organization-{i}",
            kind=rng.choice(PARTNER_KINDS),
            country_es=f"País {i % 30}",
            country_en=f"Country {i % 30}",
            **PUBLISHED,
        )
        for i in range(1, partner_count + 1)
    )
    program = models.Program.objects.create(
        title_es=f"{DEMO_MARK_ES} Programa de demostración {run}",
        title_en=f"{DEMO_MARK_EN} Demo program {run}",
        slug_es=f"demo-{run}-programa",
        slug_en=f"demo-{run}-program",
        summary_es="Datos sintéticos para medir el rendimiento.",
        summary_en="Synthetic data to measure performance.",
        **PUBLISHED,
    )
    projects = models.Project.objects.bulk_create(
        _project(rng, run, program, i) for i in range(1, project_count + 1)
    )
    _relations(rng, projects, partners, themes, sdgs)
    return len(projects)


def _project(rng, run, program, i) -> models.Project:
    start = rng.randint(2010, 2026)
    return models.Project(
        program=program,
        title_es=f"{DEMO_MARK_ES} Proyecto {i}: gestión de residuos y cooperación",
        title_en=f"{DEMO_MARK_EN} Project {i}: waste management and cooperation",
        slug_es=f"demo-{run}-proyecto-{i}",
        slug_en=f"demo-{run}-project-{i}",
        summary_es="Proyecto sintético generado para medir el portal con muchos datos.",
        summary_en="Synthetic project generated to measure the portal with a lot of data.",
        body_es="Texto de **demostración**.\n\n- uno\n- dos",
        body_en="**Demo** text.\n\n- one\n- two",
        start_year=start,
        end_year=rng.choice([None, start + rng.randint(0, 4)]),
        status=rng.choice(STATUSES),
        rosario_role=rng.choice([r for r, _label in models.RosarioRole.choices]),
        **PUBLISHED,
    )


def _relations(rng, projects, partners, themes, sdgs) -> None:
    theme_links, sdg_links, participations, milestones = [], [], [], []
    for project in projects:
        for theme in rng.sample(themes, 2):
            theme_links.append(models.Project.themes.through(project=project, theme=theme))
        for sdg in rng.sample(sdgs, 2):
            sdg_links.append(
                models.Project.sdgs.through(project=project, sustainabledevelopmentgoal=sdg)
            )
        for order, partner in enumerate(rng.sample(partners, min(3, len(partners)))):
            participations.append(
                models.Participation(
                    project=project, partner=partner, role=rng.choice(ROLES), order=order
                )
            )
        milestones.append(
            models.Milestone(
                project=project,
                date=datetime.date(project.start_year, rng.randint(1, 12), 1),
                date_precision=models.DatePrecision.MONTH,
                title_es=f"{DEMO_MARK_ES} Comienza el proyecto",
                title_en=f"{DEMO_MARK_EN} The project starts",
            )
        )
    models.Project.themes.through.objects.bulk_create(theme_links)
    models.Project.sdgs.through.objects.bulk_create(sdg_links)
    models.Participation.objects.bulk_create(participations)
    models.Milestone.objects.bulk_create(milestones)
