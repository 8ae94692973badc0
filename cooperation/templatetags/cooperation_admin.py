from django import template
from django.apps import apps
from django.contrib.admin.models import LogEntry
from django.contrib.contenttypes.models import ContentType
from django.urls import reverse

from cooperation import models, services

register = template.Library()


@register.simple_tag(takes_context=True)
def recent_content_changes(context, limit: int = 10):
    """The latest admin changes by anyone to the content the user may view (the admin log)."""
    user = context["request"].user
    viewable = [
        model
        for model in apps.get_app_config("cooperation").get_models()
        if user.has_perm(f"cooperation.view_{model._meta.model_name}")
    ]
    if not viewable:
        return []
    content_types = ContentType.objects.get_for_models(*viewable).values()
    return list(
        LogEntry.objects.filter(content_type__in=content_types).select_related(
            "content_type", "user"
        )[:limit]
    )


@register.simple_tag(takes_context=True)
def awaiting_publication(context, limit: int = 20):
    """The drafts editors said are ready for review, of the kinds the user may publish, oldest
    request first; None for a user who may publish none (the panel is not shown)."""
    user = context["request"].user
    publishable = [
        model
        for model in (models.Program, models.Project, models.Partner, models.Network)
        if services.user_may_publish(user=user, model=model)
    ]
    if not publishable:
        return None
    waiting = []
    for model in publishable:
        opts = model._meta
        related = ["review_requested_by"] + (["organization"] if model is models.Network else [])
        for obj in (
            model._base_manager.filter(models.awaiting_publication_q())
            .select_related(*related)
            .order_by("review_requested_at")[:limit]
        ):
            who = obj.review_requested_by
            waiting.append(
                {
                    "obj": obj,
                    "kind": opts.verbose_name,
                    "who": (who.get_full_name() or who.get_username()) if who else "—",
                    "admin_url": reverse(
                        f"admin:{opts.app_label}_{opts.model_name}_change", args=[obj.pk]
                    ),
                }
            )
    return sorted(waiting, key=lambda entry: entry["obj"].review_requested_at)[:limit]


@register.filter
def translation_of(line) -> str:
    """The name of the field whose languages a line of an admin form holds side by side
    (cooperation/admin/languages.py), or "" for any other line."""
    if len(line.fields) < 2:
        return ""
    names = set()
    for admin_field in line:
        form_field = getattr(getattr(admin_field, "field", None), "field", None)
        name = getattr(form_field, "translation_of", None)
        if name is None:
            return ""
        names.add(str(name))
    return names.pop() if len(names) == 1 else ""
