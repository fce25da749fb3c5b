"""Form pieces of the desk: widgets and forms used by the admin pages and actions."""

from django import forms
from django.contrib import admin
from django.contrib.admin.widgets import AutocompleteSelect

from articles.models import Article, Person, Source, Story, Topic


class PrefetchedAutocompleteSelect(AutocompleteSelect):
    """An autocomplete that labels its selected option with an object already loaded.

    The stock widget runs one query per rendered row to find that label, so an inline of 50
    links would run 50; inline rows hand it the object their row already holds (``known``).
    """

    known = None

    def optgroups(self, name, value, attr=None):
        selected = {str(v) for v in value if v not in (None, "")}
        if self.known is None or selected != {str(self.known.pk)}:
            return super().optgroups(name, value, attr)
        label = self.choices.field.label_from_instance(self.known)
        options = [self.create_option(name, self.known.pk, label, True, 0)]
        if not self.is_required:
            options.insert(0, self.create_option(name, "", "", False, 0))
        return [(None, options, 0)]


class MultilineField(forms.CharField):
    """Text from a textarea, with the browser's CRLF line endings turned back into "\\n".

    Without this, saving an untouched body would count as editing it.
    """

    def to_python(self, value):
        return super().to_python(value).replace("\r\n", "\n")


class ArticleForm(forms.ModelForm):
    """The article change form: summary and body get room to be read."""

    class Meta:
        model = Article
        fields = [
            "title",
            "title_derived",
            "summary",
            "body",
            "status",
            "needs_review",
            "source",
            "original_source",
            "section",
            "duplicate_of",
            "story",
        ]
        field_classes = {"summary": MultilineField, "body": MultilineField}
        widgets = {
            "title": forms.TextInput(attrs={"class": "vTextField desk-title"}),
            "summary": forms.Textarea(attrs={"rows": 5, "class": "desk-reading"}),
            "body": forms.Textarea(attrs={"rows": 24, "class": "desk-reading"}),
        }


class LinkForm(forms.ModelForm):
    """One row of an article's links: its entity is labelled without a query of its own."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        name = self._meta.model.target_field
        if self.instance.pk and name in self.fields:
            widget = self.fields[name].widget
            getattr(widget, "widget", widget).known = getattr(self.instance, name)


def _autocomplete(field_name: str, queryset, label: str) -> forms.ModelChoiceField:
    """A required choice searched as you type, through the admin's autocomplete view."""
    widget = AutocompleteSelect(Article._meta.get_field(field_name), admin.site)
    return forms.ModelChoiceField(queryset=queryset, label=label, widget=widget)


class ActionForm(forms.Form):
    """A form on an action's page, given the rows the action was asked for (``selected``)."""

    def __init__(self, data=None, *, selected=None, **kwargs):
        super().__init__(data, **kwargs)
        self.selected = selected


class TopicChoiceForm(ActionForm):
    topic = _autocomplete("topics", Topic.objects.all(), "Topic")


class StoryChoiceForm(ActionForm):
    story = _autocomplete("story", Story.objects.all(), "Story")


class PersonChoiceForm(ActionForm):
    person = _autocomplete("persons", Person.objects.all(), "Person")


class MergeTargetField(forms.ModelChoiceField):
    def label_from_instance(self, row):
        count = getattr(row, "article_count", None)
        return row.name if count is None else f"{row.name} ({count} articles)"


class MergeForm(ActionForm):
    """Pick which of the selected persons the others merge into: only they are offered (to
    merge into someone else, select that person too)."""

    target = MergeTargetField(
        Person.objects.all(), label="Merge into", widget=forms.RadioSelect, empty_label=None
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.selected is not None:
            self.fields["target"].queryset = self.selected.order_by("name", "pk")


class SourceMergeForm(MergeForm):
    """Pick which of the selected sources the others merge into."""

    target = MergeTargetField(
        Source.objects.all(), label="Merge into", widget=forms.RadioSelect, empty_label=None
    )
