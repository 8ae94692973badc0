"""What django-reversion keeps: the content models and, for each, what goes into its revisions.

Registered when this module is imported: ``cooperation.services`` imports it, and so does
``cooperation.admin``, which Django's admin imports at start-up (``autodiscover``), so the
registration is in place in every process before any content is saved.
"""

from reversion import register

from . import models

# A program's or project's participations, milestones and documents are kept in the same
# revision, so that restoring the entry (or recovering it once deleted) brings them back as
# they were. Nothing follows a relation "up" to a parent: that would pull the whole parent
# into every child's revision.
ENTRY_PARTS = ("participations", "milestones", "documents", "sources")
HISTORY_FOLLOWS = {
    models.Program: ENTRY_PARTS,
    models.Project: ENTRY_PARTS,
    models.Participation: (),
    models.Milestone: (),
    models.Document: (),
    models.Theme: (),
    models.SustainableDevelopmentGoal: (),
    models.Partner: ("sources",),
    models.Network: ("sources",),
    models.Source: (),
    models.SectionText: (),
    models.CollaborationWay: (),
    models.ContactSettings: (),
    models.OpenDataSettings: (),
}
# How far back in an entry's history to look for a version number.
HISTORY_LOOKBACK = 100

for versioned_model, follow in HISTORY_FOLLOWS.items():
    register(versioned_model, follow=follow)
