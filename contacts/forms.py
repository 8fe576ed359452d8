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
            "name": _("Your name"),
            "email": _("Your email address"),
            "organisation": _("Your authority or organisation"),
            "authority_type": _("Authority type (optional)"),
            "departement": _("Your département (optional)"),
            "subject": _("Subject of your request"),
            "message": _("Your message"),
        }
        help_texts = {
            "email": _("So that we can answer you, for example: firstname.lastname@town-hall.fr"),
            "message": _("5,000 characters at most."),
        }
        widgets = {"message": forms.Textarea(attrs={"rows": 8})}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["subject"].queryset = ContactSubject.objects.published()
        self.fields["subject"].required = True
        self.fields["subject"].empty_label = _("Choose a subject")
        self.fields["authority_type"].queryset = AuthorityType.objects.all()
        self.fields["authority_type"].empty_label = _("Not specified")
        self.fields["departement"].queryset = Departement.objects.all()
        self.fields["departement"].empty_label = _("Not specified")
        self.fields["message"].widget.attrs["maxlength"] = 5000
