from django import forms
from django.utils.translation import gettext_lazy as _

from aict_site.publicforms import AntiSpamForm
from reference.models import AuthorityType, Departement

from .models import ContactRequest, ContactSubject


class ContactForm(AntiSpamForm, forms.ModelForm):
    class Meta:
        model = ContactRequest
        fields = [
            "name", "email", "organisation", "authority_type", "departement", "subject", "message",
        ]  # fmt: skip
        labels = {
            "name": _("Votre nom"),
            "email": _("Votre adresse électronique"),
            "organisation": _("Votre collectivité ou organisation"),
            "authority_type": _("Type de collectivité (facultatif)"),
            "departement": _("Votre département (facultatif)"),
            "subject": _("Objet de votre demande"),
            "message": _("Votre message"),
        }
        help_texts = {
            "email": _("Pour vous répondre, par exemple : prenom.nom@mairie.fr"),
            "message": _("5 000 caractères au plus."),
        }
        widgets = {"message": forms.Textarea(attrs={"rows": 8})}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["subject"].queryset = ContactSubject.objects.published()
        self.fields["subject"].required = True
        self.fields["subject"].empty_label = _("Choisissez un objet")
        self.fields["authority_type"].queryset = AuthorityType.objects.all()
        self.fields["authority_type"].empty_label = _("Non précisé")
        self.fields["departement"].queryset = Departement.objects.all()
        self.fields["departement"].empty_label = _("Non précisé")
        self.fields["message"].widget.attrs["maxlength"] = 5000
