"""The library starts with links to official pages the schemes already cite, nothing else:
staff add guides, models and reports as they publish them."""

import json
from pathlib import Path

from .models import Resource

DATA = Path(__file__).resolve().parent / "fixtures" / "initial_resources.json"


def load():
    if Resource.objects.exists():
        return 0
    # The scheme model, without importing the funding app.
    schemes = Resource._meta.get_field("schemes").related_model.objects.all()
    schemes = {s.slug: s for s in schemes}
    created = 0
    for fields in json.loads(DATA.read_text(encoding="utf-8"))["resources"]:
        fields = dict(fields)
        scheme = schemes.get(fields.pop("scheme"))
        resource = Resource.objects.create(is_published=True, **fields)
        if scheme is not None:
            resource.schemes.add(scheme)
        created += 1
    return created
