"""The staff's admin: configuration of Django's admin for the content models.

Django's admin imports this package at start-up (``autodiscover``); importing the modules
below registers each model's admin, and ``cooperation.history`` registers the models with
django-reversion. What the admin writes, it writes through ``cooperation.services``.

- ``base.py``: ``ContentAdmin`` (history, no lost edits, translation status) and
  ``PublishableAdmin`` (drafts, who may publish, the public pages' links, review)
- ``entries.py``: programs, projects and their parts; themes and goals
- ``partners.py``: partners and networks
- ``site.py``: the ways to collaborate, the single entries, the admin's header
- ``other_apps.py``: users, groups and django-axes' sign-in records, in the staff's language
- ``lockout.py``: the login page's warning before the last attempt
- ``guide.py``: the staff guide (docs/guia-del-personal.md) inside the admin
- ``filters.py``, ``forms.py``, ``conflicts.py`` (what a second editor is told),
  ``translation_status.py``
"""

from cooperation import history  # noqa: F401

from . import entries, lockout, other_apps, partners, site  # noqa: F401
