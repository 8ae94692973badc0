"""schema.org descriptions of the pages, embedded as JSON-LD for search engines."""

from django.utils.translation import gettext as _

from .models import CooperationStatus, ParticipationRole, PartnerKind

GOVERNMENT_KINDS = {
    PartnerKind.CITY,
    PartnerKind.NATIONAL,
    PartnerKind.AGENCY,
    PartnerKind.EMBASSY,
}
SCHEMA_TYPES = {
    PartnerKind.UNIVERSITY: "CollegeOrUniversity",
    PartnerKind.COMPANY: "Corporation",
    PartnerKind.FOUNDATION: "NGO",
}


def _absolute(request, path: str) -> str:
    return request.build_absolute_uri(path)


def city_of_rosario(request) -> dict:
    return {
        "@type": "GovernmentOrganization",
        "name": _("City of Rosario"),
        "url": _absolute(request, "/"),
        "address": {"@type": "PostalAddress", "addressLocality": "Rosario", "addressCountry": "AR"},
    }


def organization(partner, request) -> dict:
    kind = "GovernmentOrganization" if partner.kind in GOVERNMENT_KINDS else "Organization"
    data = {
        "@type": SCHEMA_TYPES.get(partner.kind, kind),
        "name": partner.name,
        "url": _absolute(request, partner.get_absolute_url()),
    }
    if partner.website:
        data["sameAs"] = partner.website
    return data


def home(request, contact) -> dict:
    data = {"@context": "https://schema.org", **city_of_rosario(request)}
    data["contactPoint"] = {
        "@type": "ContactPoint",
        "contactType": _("International cooperation"),
        "url": f"https://wa.me/{contact.whatsapp_number}",
        "availableLanguage": ["es", "en"],
    }
    if contact.email:
        data["contactPoint"]["email"] = contact.email
    if contact.phone:
        data["contactPoint"]["telephone"] = contact.phone
    if contact.postal_address:
        # The office's street and number, in the city's locality and country.
        data["address"]["streetAddress"] = ", ".join(contact.postal_address.splitlines())
    return data


def entry(obj, request) -> dict:
    """A program or project as a schema.org Project, with its funders and partners."""
    data = {
        "@context": "https://schema.org",
        "@type": "Project",
        "name": obj.title,
        "url": _absolute(request, obj.get_absolute_url()),
        "member": [city_of_rosario(request)],
    }
    if obj.summary:
        data["description"] = obj.summary
    if obj.start_year:
        data["foundingDate"] = str(obj.start_year)
    # An end year is a planned end until the entry is known to be completed.
    if obj.end_year and obj.effective_status == CooperationStatus.COMPLETED:
        data["dissolutionDate"] = str(obj.end_year)
    funders = []
    for participation in obj.participations.all():
        org = organization(participation.partner, request)
        if participation.role == ParticipationRole.FUNDER:
            funders.append(org)
        else:
            data["member"].append(org)
    if funders:
        data["funder"] = funders
    return data


def partner(obj, request) -> dict:
    data = {"@context": "https://schema.org", **organization(obj, request)}
    if obj.country:
        data["location"] = {"@type": "Place", "name": obj.country}
    return data
