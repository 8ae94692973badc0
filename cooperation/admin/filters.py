"""The list pages' filters: translation status, year, kind of partner, review."""

from django.contrib import admin
from django.db.models import Max, Min, Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from cooperation import models

from .translation_status import english_missing_q


class EnglishTranslationFilter(admin.SimpleListFilter):
    title = _("English translation")
    parameter_name = "english"

    def lookups(self, request, model_admin):
        return [("missing", _("Missing English")), ("complete", _("English complete"))]

    def queryset(self, request, queryset):
        if self.value() == "missing":
            return queryset.filter(english_missing_q(queryset.model))
        if self.value() == "complete":
            return queryset.exclude(pk__in=queryset.filter(english_missing_q(queryset.model)))
        return queryset


class YearFilter(admin.SimpleListFilter):
    """Entries active in a year: begun by then and not ended before it."""

    title = _("year")
    parameter_name = "year"

    def lookups(self, request, model_admin):
        bounds = model_admin.get_queryset(request).aggregate(
            first=Min("start_year"), last=Max("end_year")
        )
        if bounds["first"] is None:
            return []
        last = max(bounds["last"] or 0, timezone.localdate().year)
        return [(str(year), str(year)) for year in range(last, bounds["first"] - 1, -1)]

    def queryset(self, request, queryset):
        if not (self.value() or "").isdigit():
            return queryset
        year = int(self.value())
        return queryset.filter(
            Q(start_year__lte=year), Q(end_year__isnull=True) | Q(end_year__gte=year)
        )


class PartnerKindFilter(admin.SimpleListFilter):
    """Programs or projects in which a kind of partner takes part."""

    title = _("kind of partner")
    parameter_name = "partner_kind"

    def lookups(self, request, model_admin):
        return models.PartnerKind.choices

    def queryset(self, request, queryset):
        if self.value() not in models.PartnerKind.values:
            return queryset
        entry = queryset.model._meta.model_name
        participations = models.Participation.objects.filter(partner__kind=self.value())
        return queryset.filter(pk__in=participations.values(entry))


class NeedsReviewFilter(admin.SimpleListFilter):
    """Entries never reviewed, or last reviewed longer ago than REVIEW_INTERVAL_DAYS."""

    title = _("review")
    parameter_name = "review"

    def lookups(self, request, model_admin):
        return [("needed", _("Needs review")), ("done", _("Reviewed recently"))]

    def queryset(self, request, queryset):
        needed = Q(reviewed_at__isnull=True) | Q(reviewed_at__lt=models.review_due_before())
        if self.value() == "needed":
            return queryset.filter(needed)
        if self.value() == "done":
            return queryset.exclude(needed)
        return queryset


class AwaitingPublicationFilter(admin.SimpleListFilter):
    """Drafts an editor said are ready for review: a publisher's work list."""

    title = _("publication workflow")
    parameter_name = "workflow"

    def lookups(self, request, model_admin):
        return [("waiting", _("Waiting for publication"))]

    def queryset(self, request, queryset):
        if self.value() == "waiting":
            return queryset.filter(models.awaiting_publication_q())
        return queryset
