"""Every write staff make (cooperation/services.py), called directly.

The admin's tests (tests/admin/) drive the same services through the admin's pages.
"""

import datetime
import threading
import time

import pytest
from django.contrib.admin.models import CHANGE, LogEntry
from django.contrib.auth.models import Permission
from django.db import connection, connections, transaction
from django.test.utils import CaptureQueriesContext
from django.utils import translation
from reversion import create_revision, set_comment
from reversion.errors import RevertError
from reversion.models import Version

from cooperation import models, services
from cooperation.services import EditConflict, version_claim
from tests import factories

DRAFT, PUBLISHED = models.PublicationStatus.DRAFT, models.PublicationStatus.PUBLISHED


@pytest.fixture
def editor(django_user_model):
    """Staff who may change entries but not publish them."""
    return django_user_model.objects.create_user("edith", is_staff=True)


@pytest.fixture
def publisher(django_user_model):
    user = django_user_model.objects.create_user("pablo", is_staff=True)
    user.user_permissions.set(Permission.objects.filter(codename__startswith="publish_"))
    return user


def saved_in_revision(obj, comment: str = "") -> Version:
    """Save ``obj`` as an edit does, and return the version recorded for it."""
    with create_revision():
        set_comment(comment)
        obj.save()
    return Version.objects.get_for_object(obj).first()


# The edit lock ---------------------------------------------------------------------------


@pytest.mark.django_db
def test_version_claim_lets_one_of_two_saves_through():
    project = factories.ProjectFactory()
    first = models.Project.objects.get(pk=project.pk)
    second = models.Project.objects.get(pk=project.pk)
    version_claim(obj=first, expected=1)
    assert first.version == 2
    with pytest.raises(EditConflict):
        version_claim(obj=second, expected=1)
    assert models.Project.objects.get(pk=project.pk).version == 2


@pytest.mark.skipif(
    connection.vendor != "postgresql", reason="needs two concurrent transactions (PostgreSQL)"
)
@pytest.mark.django_db(transaction=True)
def test_two_simultaneous_claims_cannot_both_win():
    project = factories.ProjectFactory()
    first_claimed, outcome = threading.Event(), {}

    def second_editor():
        try:
            with transaction.atomic():
                first_claimed.wait(5)
                version_claim(obj=models.Project.objects.get(pk=project.pk), expected=1)
            outcome["second"] = "saved"
        except EditConflict:
            outcome["second"] = "refused"
        finally:
            connections.close_all()

    thread = threading.Thread(target=second_editor)
    thread.start()
    with transaction.atomic():
        version_claim(obj=models.Project.objects.get(pk=project.pk), expected=1)
        first_claimed.set()
        time.sleep(0.3)  # the second editor's UPDATE now waits on this row's lock
    thread.join(10)

    assert outcome == {"second": "refused"}
    assert models.Project.objects.get(pk=project.pk).version == 2


# Publication -----------------------------------------------------------------------------


@pytest.mark.django_db
def test_user_may_publish_only_with_the_permission(editor, publisher):
    for model in (models.Program, models.Project, models.Partner, models.Network):
        assert not services.user_may_publish(user=editor, model=model)
        assert services.user_may_publish(user=publisher, model=model)


@pytest.mark.django_db
def test_entries_publish_publishes_the_drafts_like_an_edit(publisher):
    drafts = [factories.ProjectFactory(publication=DRAFT) for _ in range(2)]
    published = factories.ProjectFactory(publication=PUBLISHED)
    selected = models.Project.objects.filter(pk__in=[p.pk for p in [*drafts, published]])

    # The log names the field untranslated, as Django's admin does: each reader's language
    # is applied when it is read (tests/admin/test_history.py).
    with translation.override("es"):
        count = services.entries_publish(entries=selected, user=publisher)

    assert count == 2
    for draft in drafts:
        draft.refresh_from_db()
        assert (draft.publication, draft.version) == (PUBLISHED, 2)
        version = Version.objects.get_for_object(draft).get()
        assert version.revision.user == publisher
        assert version.field_dict["publication"] == PUBLISHED
    published.refresh_from_db()
    assert published.version == 1  # already published: untouched
    entries = LogEntry.objects.filter(user=publisher, action_flag=CHANGE)
    assert sorted(int(e.object_id) for e in entries) == sorted(d.pk for d in drafts)
    assert {e.change_message for e in entries} == {'[{"changed": {"fields": ["Publication"]}}]'}
    assert version.revision.comment == entries[0].change_message


@pytest.mark.django_db
def test_entries_unpublish_turns_published_entries_into_drafts(publisher):
    partner = factories.PartnerFactory(publication=PUBLISHED)
    draft = factories.PartnerFactory(publication=DRAFT)
    selected = models.Partner.objects.filter(pk__in=[partner.pk, draft.pk])

    assert services.entries_unpublish(entries=selected, user=publisher) == 1

    partner.refresh_from_db()
    assert (partner.publication, partner.version) == (DRAFT, 2)
    assert LogEntry.objects.get(user=publisher).object_id == str(partner.pk)


@pytest.mark.django_db
def test_publishing_refuses_an_entry_claimed_meanwhile(publisher, monkeypatch):
    project = factories.ProjectFactory(publication=DRAFT)

    def someone_else_saved(*, obj, expected):
        raise EditConflict

    monkeypatch.setattr(services, "version_claim", someone_else_saved)
    with pytest.raises(EditConflict):
        services.entries_publish(entries=models.Project.objects.all(), user=publisher)
    project.refresh_from_db()
    assert project.publication == DRAFT
    assert not LogEntry.objects.exists()


@pytest.mark.django_db
def test_publication_keep_holds_for_users_who_may_not_publish(editor, publisher):
    project = factories.ProjectFactory(publication=PUBLISHED)
    project.publication = DRAFT
    services.publication_keep(obj=project, user=editor)
    assert project.publication == PUBLISHED

    new = models.Project(title_es="Nuevo", publication=PUBLISHED)
    services.publication_keep(obj=new, user=editor)
    assert (new.publication, new.publish_at) == (DRAFT, None)

    project.publication = DRAFT
    services.publication_keep(obj=project, user=publisher)
    assert project.publication == DRAFT


# Review ----------------------------------------------------------------------------------


@pytest.mark.django_db
def test_entries_mark_reviewed_dates_each_entry_like_an_edit(editor):
    networks = [factories.NetworkFactory(), factories.NetworkFactory(reviewed_at=None)]
    day = datetime.date(2024, 5, 17)

    count = services.entries_mark_reviewed(
        entries=models.Network.objects.all(), user=editor, today=day
    )

    assert count == 2
    for network in networks:
        network.refresh_from_db()
        assert (network.reviewed_at, network.version) == (day, 2)
        assert Version.objects.get_for_object(network).get().revision.user == editor
    assert LogEntry.objects.filter(user=editor).count() == 2


# History ---------------------------------------------------------------------------------


@pytest.mark.django_db
def test_history_ensure_started_records_the_entry_with_its_parts_once():
    project = factories.ProjectFactory()
    milestone = factories.MilestoneFactory(project=project)

    with translation.override("es"):
        services.history_ensure_started(obj=project)
        services.history_ensure_started(obj=project)

    version = Version.objects.get_for_object(project).get()
    assert version.revision.comment == "Versión inicial."
    assert Version.objects.get_for_object(milestone).get().revision == version.revision


@pytest.mark.django_db
def test_history_record_before_deletion_survives_the_revision_in_progress(editor):
    project = factories.ProjectFactory(title_es="Nunca editado")
    # As on the admin's list page: the delete action runs inside the page's revision,
    # which is saved after the deletion.
    with create_revision():
        services.history_record_before_deletion(objs=[project], user=editor)
        models.Project.objects.filter(pk=project.pk).delete()

    deleted = Version.objects.get_deleted(models.Project).get(object_id=str(project.pk))
    assert deleted.field_dict["title_es"] == "Nunca editado"
    assert deleted.revision.user == editor


@pytest.mark.django_db
def test_version_restore_brings_back_the_revision_but_keeps_the_version_numbers(publisher):
    project = factories.ProjectFactory(title_es="Original")
    milestone = factories.MilestoneFactory(project=project, title_es="Hito original")
    services.history_ensure_started(obj=project)
    original = Version.objects.get_for_object(project).get()
    project.title_es = "Cambiado"
    version_claim(obj=project, expected=1)
    saved_in_revision(project)
    models.Milestone.objects.filter(pk=milestone.pk).update(title_es="Hito cambiado", version=4)

    services.version_restore(version=original, user=publisher)

    project.refresh_from_db()
    milestone.refresh_from_db()
    assert (project.title_es, project.version) == ("Original", 2)
    assert (milestone.title_es, milestone.version) == ("Hito original", 4)


@pytest.mark.django_db
def test_version_restore_keeps_the_publication_for_users_who_may_not_publish(editor, publisher):
    project = factories.ProjectFactory(publication=PUBLISHED)
    services.history_ensure_started(obj=project)
    published = Version.objects.get_for_object(project).get()
    services.entries_unpublish(entries=models.Project.objects.all(), user=publisher)

    services.version_restore(version=published, user=editor)
    project.refresh_from_db()
    assert project.publication == DRAFT

    services.version_restore(version=published, user=publisher)
    project.refresh_from_db()
    assert project.publication == PUBLISHED


@pytest.mark.django_db
def test_restoring_a_row_kept_with_its_entry_keeps_the_entry_publication(editor, publisher):
    # A milestone saved as part of its project shares the project's revision: restoring it
    # leaves the project alone, its publication included.
    project = factories.ProjectFactory(publication=PUBLISHED)
    milestone = factories.MilestoneFactory(project=project)
    services.history_ensure_started(obj=project)
    with_the_entry = Version.objects.get_for_object(milestone).get()
    services.entries_unpublish(entries=models.Project.objects.all(), user=publisher)

    services.version_restore(version=with_the_entry, user=editor)

    project.refresh_from_db()
    assert project.publication == DRAFT


@pytest.mark.django_db
def test_version_restore_recovers_a_deleted_entry_under_a_new_number(editor):
    project = factories.ProjectFactory(publication=PUBLISHED, title_es="Borrado")
    factories.MilestoneFactory(project=project)
    project.title_es = "Borrado por error"
    version_claim(obj=project, expected=1)
    saved_in_revision(project)
    pk = project.pk
    services.history_record_before_deletion(objs=[project], user=editor)
    project.delete()
    deleted = Version.objects.get_deleted(models.Project).get(object_id=str(pk))

    services.version_restore(version=deleted, user=editor)

    recovered = models.Project.objects.get(pk=pk)
    assert recovered.title_es == "Borrado por error"
    assert recovered.milestones.count() == 1
    assert recovered.version == 3  # above every number it had
    assert recovered.publication == DRAFT  # an editor cannot publish it back


def deleted_with_its_entry_saved(project, milestone):
    """Delete ``milestone`` as the project form's "Delete" box does: in the revision of the
    project's save, which then no longer holds it."""
    pk = milestone.pk
    with create_revision():
        milestone.delete()
        version_claim(obj=project, expected=project.version)
        project.save()
    return Version.objects.get_deleted(models.Milestone).get(object_id=str(pk))


@pytest.mark.django_db
def test_recovering_a_deleted_row_restores_that_row_only(editor):
    project = factories.ProjectFactory(end_year=2022, title_en="Old title")
    gone = factories.MilestoneFactory(project=project, title_es="Hito borrado")
    sibling = factories.MilestoneFactory(project=project, title_en="Sibling")
    services.history_ensure_started(obj=project)
    deleted = deleted_with_its_entry_saved(project, gone)
    # Another editor changes the project and the other milestone afterwards.
    project.end_year, project.title_en = 2024, "New title"
    version_claim(obj=project, expected=project.version)
    saved_in_revision(project)
    models.Milestone.objects.filter(pk=sibling.pk).update(title_en="Sibling, edited", version=2)

    recovered = services.version_restore(version=deleted, user=editor)

    project.refresh_from_db()
    sibling.refresh_from_db()
    assert (project.end_year, project.title_en, project.version) == (2024, "New title", 3)
    assert (sibling.title_en, sibling.version) == ("Sibling, edited", 2)
    milestone = models.Milestone.objects.get(pk=deleted.object_id)
    assert milestone.title_es == "Hito borrado"
    assert milestone.version == 2  # above every number it had
    assert recovered == [milestone]


@pytest.mark.django_db
def test_recovering_a_row_whose_entry_was_deleted_says_to_recover_the_entry_first(editor):
    project = factories.ProjectFactory(title_es="Proyecto borrado", title_en="Proyecto borrado")
    milestone = factories.MilestoneFactory(project=project)
    services.history_ensure_started(obj=project)
    deleted = deleted_with_its_entry_saved(project, milestone)
    project.delete()

    with translation.override("es"), pytest.raises(RevertError, match="Proyecto borrado"):
        services.version_restore(version=deleted, user=editor)
    assert not models.Milestone.objects.filter(pk=deleted.object_id).exists()


@pytest.mark.django_db
def test_restoring_an_entry_leaves_the_other_entries_of_its_revision_alone(editor):
    first, second = factories.ProjectFactory(), factories.ProjectFactory(title_es="Otro")
    # One action on two entries: one revision holds both.
    services.entries_mark_reviewed(entries=models.Project.objects.all(), user=editor)
    reviewed = Version.objects.get_for_object(first).get()
    for project in (first, second):
        project.refresh_from_db()
        project.title_es = "Cambiado después"
        version_claim(obj=project, expected=project.version)
        saved_in_revision(project)

    services.version_restore(version=reviewed, user=editor)

    first.refresh_from_db()
    second.refresh_from_db()
    assert first.title_es != "Cambiado después"
    assert second.title_es == "Cambiado después"


@pytest.mark.django_db
def test_restoring_an_entry_brings_back_its_rows_as_they_were_and_keeps_the_removed_ones(editor):
    project = factories.ProjectFactory()
    kept = factories.MilestoneFactory(project=project, title_es="Antes")
    services.history_ensure_started(obj=project)
    then = Version.objects.get_for_object(project).get()
    models.Milestone.objects.filter(pk=kept.pk).update(title_es="Después", version=2)
    added = factories.MilestoneFactory(project=project, title_es="Agregado después")

    services.version_restore(version=then, user=editor)

    kept.refresh_from_db()
    assert (kept.title_es, kept.version) == ("Antes", 2)
    assert not models.Milestone.objects.filter(pk=added.pk).exists()
    # The row removed by the restore can itself be recovered.
    assert Version.objects.get_deleted(models.Milestone).filter(object_id=str(added.pk)).exists()


# The publishing workflow ---------------------------------------------------------------


@pytest.mark.django_db
def test_entries_request_review_marks_the_drafts_and_publishing_answers_it(editor, publisher):
    draft = factories.ProjectFactory(publication=DRAFT)
    public = factories.ProjectFactory(publication=PUBLISHED)

    assert services.entries_request_review(entries=models.Project.objects.all(), user=editor) == 1
    assert services.entries_request_review(entries=models.Project.objects.all(), user=editor) == 0

    draft.refresh_from_db()
    assert draft.review_requested_by == editor and draft.awaits_publication
    assert draft.version == 2
    assert list(models.Project.objects.filter(models.awaiting_publication_q())) == [draft]
    public.refresh_from_db()
    assert public.review_requested_at is None

    services.entries_publish(entries=models.Project.objects.filter(pk=draft.pk), user=publisher)
    draft.refresh_from_db()
    assert (draft.review_requested_at, draft.review_requested_by) == (None, None)
    assert not models.Project.objects.filter(models.awaiting_publication_q()).exists()


# Former addresses ------------------------------------------------------------------------


def former(obj) -> set[tuple[str, str]]:
    """The (language, slug) addresses recorded as leading to ``obj``."""
    return set(
        models.SlugHistory.objects.filter(object_id=obj.pk)
        .filter(content_type__model=obj._meta.model_name)
        .values_list("language", "slug")
    )


@pytest.mark.django_db
@pytest.mark.parametrize(
    "factory",
    factories.PAGE_ENTRY_FACTORIES,
)
def test_a_changed_slug_is_kept_in_its_language(factory):
    entry = factory(slug_es="viejo", slug_en="old")
    entry.slug_es = "nuevo"
    entry.save()
    assert former(entry) == {("es", "viejo")}
    entry.slug_en = "new"
    entry.save()
    assert former(entry) == {("es", "viejo"), ("en", "old")}


@pytest.mark.django_db
def test_the_english_address_at_the_spanish_slug_is_kept_when_an_english_slug_is_added():
    # Without an English slug, the English page answers at the Spanish one.
    project = factories.ProjectFactory(slug_es="islas-de-calor", slug_en=None)
    project.slug_en = "heat-islands"
    project.save()
    assert former(project) == {("en", "islas-de-calor")}


@pytest.mark.django_db
def test_renaming_the_spanish_slug_of_an_entry_without_english_slug_keeps_both_addresses():
    project = factories.ProjectFactory(slug_es="islas-de-calor", slug_en=None)
    project.slug_es = "islas-de-calor-urbanas"
    project.save()
    assert former(project) == {("es", "islas-de-calor"), ("en", "islas-de-calor")}


@pytest.mark.django_db
def test_a_chain_of_renames_keeps_every_former_slug_and_an_undone_one_is_live_again():
    program = factories.ProgramFactory(slug_es="a")
    for slug in ("b", "c"):
        program.slug_es = slug
        program.save()
    assert former(program) == {("es", "a"), ("es", "b")}
    program.slug_es = "a"
    program.save()
    assert former(program) == {("es", "b"), ("es", "c")}


@pytest.mark.django_db
def test_a_slug_left_by_two_entries_leads_to_the_one_that_left_it_last():
    first = factories.PartnerFactory(slug_es="rosario")
    first.slug_es = "rosario-1"
    first.save()
    second = factories.PartnerFactory(slug_es="rosario")
    second.slug_es = "rosario-2"
    second.save()
    assert ("es", "rosario") not in former(first)
    assert former(second) == {("es", "rosario")}


@pytest.mark.django_db
def test_saves_that_leave_the_slugs_alone_record_nothing_and_read_nothing():
    program = factories.ProgramFactory()
    program.title_es = "Otro título"
    program.save()
    assert not models.SlugHistory.objects.exists()
    # A save naming its fields, none of them a slug, does not even read the stored slugs.
    program.reviewed_at = datetime.date(2026, 3, 1)
    with CaptureQueriesContext(connection) as queries:
        program.save(update_fields=["reviewed_at"])
    assert not any("slug_es" in query["sql"] for query in queries.captured_queries)


@pytest.mark.django_db
def test_restoring_an_old_version_keeps_the_slug_it_replaces(publisher):
    program = factories.ProgramFactory(slug_es="primero")
    old = saved_in_revision(program)
    program.slug_es = "segundo"
    saved_in_revision(program)
    services.version_restore(version=old, user=publisher)
    program.refresh_from_db()
    assert program.slug_es == "primero"
    assert former(program) == {("es", "segundo")}
