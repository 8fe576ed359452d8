from django import forms
from django.utils.translation import gettext_lazy as _

from aict_site.antispam import AntiSpamForm
from contacts.forms import no_control_characters
from contacts.models import AuthorityType

from .models import Registration


class RegistrationForm(AntiSpamForm, forms.ModelForm):
    class Meta:
        model = Registration
        fields = ["name", "email", "organisation", "authority_type"]
        labels = {
            "name": _("Votre nom"),
            "email": _("Votre adresse électronique"),
            "organisation": _("Votre collectivité ou organisation"),
            "authority_type": _("Type de collectivité (facultatif)"),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["authority_type"].queryset = AuthorityType.objects.all()
        self.fields["authority_type"].empty_label = _("Non précisé")
        self.fields["name"].validators.append(no_control_characters)
        self.fields["organisation"].validators.append(no_control_characters)
        self.fields["name"].widget.attrs["autocomplete"] = "name"
        self.fields["email"].widget.attrs["autocomplete"] = "email"
        self.fields["organisation"].widget.attrs["autocomplete"] = "organization"
