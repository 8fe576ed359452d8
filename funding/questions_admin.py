"""The admin of « Préparer ma candidature »'s questions: listed on their scheme's form, each
with its answers on its own form. Registered before the schemes' admin, so that a question's
versions keep its answers (django-reversion follows what the first registration says)."""

from django import forms
from django.contrib import admin
from django.db import models
from django.utils.translation import gettext_lazy as _

from aict_site.revisions_admin import ContentVersionAdmin

from .questions import EligibilityChoice, EligibilityQuestion


def sentences(columns, rows=2):
    """Text areas for a form's text fields: questions, sources, answers and explanations are
    sentences, read whole only in a box wide enough. (Choices and addresses keep their own.)"""
    widget = forms.Textarea(attrs={"rows": rows, "cols": columns})
    return {models.CharField: {"widget": widget}}


class ChoiceInline(admin.TabularInline):
    model = EligibilityChoice
    formfield_overrides = sentences(45, rows=3)
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
    formfield_overrides = sentences(80)
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
    # One row of the scheme's form: three columns side by side.
    formfield_overrides = sentences(36, rows=3)
    extra = 0
    fields = ["text", "source", "source_url", "position"]
    show_change_link = True
    verbose_name_plural = _(
        "questions of « Préparer ma candidature » (their answers: « Modification »)"
    )
