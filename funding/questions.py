"""The questions « Préparer ma candidature » asks about one scheme, written by staff: each is a
rule of the scheme's official text (cited), and each answer says whether it meets the rule,
fails it, or leaves something to check, and what the answer page then tells the visitor."""

from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

# Official pages are deep in their sites (as funding.models.URL_LENGTH).
URL_LENGTH = 500


class EligibilityQuestion(models.Model):
    scheme = models.ForeignKey(
        "funding.Scheme",
        on_delete=models.CASCADE,
        related_name="questions",
        verbose_name=_("scheme"),
    )
    text = models.CharField(
        _("question"),
        max_length=300,
        help_text=_("As the visitor reads it: « Votre collectivité a-t-elle … ? »"),
    )
    # A rule without a source is not written: the text of the source is required.
    source = models.CharField(
        _("source of the rule"),
        max_length=300,
        help_text=_("The official text that sets the rule: its site, its title, its year."),
    )
    source_url = models.URLField(_("address of that source"), max_length=URL_LENGTH)
    position = models.PositiveIntegerField(_("order"), default=0)

    class Meta:
        verbose_name = _("eligibility question")
        verbose_name_plural = _("eligibility questions")
        ordering = ["position", "pk"]

    def __str__(self):
        return self.text

    def get_absolute_url(self):
        """Where it is asked: its scheme's « Préparer ma candidature »."""
        return reverse("funding:prepare", args=[self.scheme.slug])

    @property
    def field_name(self):
        """Its parameter in the answer page's address."""
        return f"q{self.pk}"


class EligibilityChoice(models.Model):
    class Outcome(models.TextChoices):
        PASS = "pass", _("meets the rule")
        CHECK = "check", _("possible, on a condition")
        FAIL = "fail", _("not eligible")

    question = models.ForeignKey(
        EligibilityQuestion,
        on_delete=models.CASCADE,
        related_name="choices",
        verbose_name=_("question"),
    )
    label = models.CharField(_("answer"), max_length=120, help_text=_("« Oui », « Non »…"))
    outcome = models.CharField(_("then"), max_length=5, choices=Outcome.choices)
    explanation = models.CharField(
        _("what the answer page says"),
        max_length=400,
        help_text=_(
            "Why, or what to do, in one sentence: « Déclarez votre APD entre le 15 avril "
            "et le 31 mai. »"
        ),
    )
    position = models.PositiveIntegerField(_("order"), default=0)

    class Meta:
        verbose_name = _("answer")
        verbose_name_plural = _("answers")
        ordering = ["position", "pk"]

    def __str__(self):
        return self.label


def create_questions(by_slug, scheme_model, question_model, choice_model):
    """Writes the questions of `by_slug` ({scheme slug: [question, …]}, as in
    fixtures/initial_questions.json) for the schemes that have none yet: what staff wrote
    stays. Takes the models so that a data migration passes its historical ones."""
    created = 0
    schemes = scheme_model.objects.filter(slug__in=by_slug).exclude(questions__isnull=False)
    for scheme in schemes:
        for position, entry in enumerate(by_slug[scheme.slug], start=1):
            question = question_model.objects.create(
                scheme=scheme,
                text=entry["text"],
                source=entry["source"],
                source_url=entry["source_url"],
                position=position,
            )
            choice_model.objects.bulk_create(
                choice_model(
                    question=question,
                    label=label,
                    outcome=outcome,
                    explanation=explanation,
                    position=number,
                )
                for number, (label, outcome, explanation) in enumerate(entry["choices"], 1)
            )
            created += 1
    return created
