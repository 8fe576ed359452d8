from django.utils.translation import gettext_lazy as _

DEFAULT_DESCRIPTION = _(
    "Lianes coopération, the multi-actor regional network for international cooperation in "
    "Hauts-de-France, supports local authorities in their international action."
)


def site(request):
    """What every template may use: a default description."""
    return {"default_description": DEFAULT_DESCRIPTION}
