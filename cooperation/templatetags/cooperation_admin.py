from django import template
from django.apps import apps
from django.contrib.admin.models import LogEntry
from django.contrib.contenttypes.models import ContentType

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
