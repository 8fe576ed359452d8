from django import forms
from django.utils.translation import gettext_lazy as _

from aict_site.publicforms import AntiSpamForm
from reference.models import AuthorityType

from .models import Registration


class RegistrationForm(AntiSpamForm, forms.ModelForm):
    class Meta:
        model = Registration
        fields = ["name", "email", "organisation", "authority_type"]
        labels = {
            "name": _("Your name"),
            "email": _("Your email address"),
            "organisation": _("Your authority or organisation"),
            "authority_type": _("Authority type (optional)"),
        }

    def __init__(self, *args, event=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.event = event
        self.fields["authority_type"].queryset = AuthorityType.objects.all()
        self.fields["authority_type"].empty_label = _("Not specified")
