"""The admin of « Préparer ma candidature »'s questions: listed on their scheme's form, each
with its answers on its own form. Registered before the schemes' admin, so that a question's
versions keep its answers (django-reversion follows what the first registration says)."""

from django import forms
from django.contrib import admin
from django.utils.translation import gettext_lazy as _

from aict_site.revisions_admin import ContentVersionAdmin

from .questions import EligibilityChoice, EligibilityQuestion


class ChoiceForm(forms.ModelForm):
    # Answers and what the page says are sentences: fields wide enough to read them whole.
    class Meta:
        widgets = {
            "label": forms.Textarea(attrs={"rows": 2, "cols": 30}),
            "explanation": forms.Textarea(attrs={"rows": 3, "cols": 60}),
        }


class QuestionForm(forms.ModelForm):
    class Meta:
        widgets = {
            "text": forms.Textarea(attrs={"rows": 2, "cols": 80}),
            "source": forms.Textarea(attrs={"rows": 2, "cols": 80}),
            "source_url": forms.URLInput(attrs={"size": 80}),
        }


class QuestionRowForm(forms.ModelForm):
    # One row of the scheme's form: narrower, three columns side by side.
    class Meta:
        widgets = {
            "text": forms.Textarea(attrs={"rows": 3, "cols": 36}),
            "source": forms.Textarea(attrs={"rows": 3, "cols": 36}),
        }


class ChoiceInline(admin.TabularInline):
    model = EligibilityChoice
    form = ChoiceForm
    extra = 0
    min_num = 2
    fields = ["label", "outcome", "explanation", "position"]


@admin.register(EligibilityQuestion)
class EligibilityQuestionAdmin(ContentVersionAdmin):
    list_display = ["text", "scheme", "answer_count"]
    list_filter = ["scheme"]
    list_select_related = ["scheme"]
    search_fields = ["text", "source", "scheme__title"]
    autocomplete_fields = ["scheme"]
    form = QuestionForm
    fields = ["scheme", "text", "source", "source_url", "position"]
    inlines = [ChoiceInline]

    def get_queryset(self, request):
        return super().get_queryset(request).prefetch_related("choices")

    @admin.display(description=_("answers"))
    def answer_count(self, question):
        return len(question.choices.all())


class QuestionInline(admin.TabularInline):
    """On the scheme's form: the questions, their answers one click away (« Modifier »)."""

    model = EligibilityQuestion
    form = QuestionRowForm
    extra = 0
    fields = ["text", "source", "source_url", "position"]
    show_change_link = True
    verbose_name_plural = _(
        "questions of « Préparer ma candidature » (their answers: « Modification »)"
    )
