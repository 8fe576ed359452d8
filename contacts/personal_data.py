"""What the export of a person's data shows of a contact request (aict_site.personal_data)."""

VISITOR_FIELDS = ["name", "email", "organisation", "message", "created_at", "status"]
RELATED = ["subject", "authority_type", "departement"]


def describe(request):
    return {
        **{field: getattr(request, field) for field in VISITOR_FIELDS},
        "subject": str(request.subject or ""),
        "authority_type": str(request.authority_type or ""),
        "departement": str(request.departement or ""),
    }
