"""The kinds of event staff pick from. No event is invented: staff announce them."""

from .models import EventKind

KINDS = ["Session d’information", "Rencontre", "Formation", "Webinaire"]


def load():
    if EventKind.objects.exists():
        return 0
    for position, name in enumerate(KINDS, start=1):
        EventKind.objects.create(name=name, position=position)
    return len(KINDS)
