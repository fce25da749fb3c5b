"""The article list and change form, their link inlines and the review actions."""

from django import forms
from django.contrib import admin, messages
from django.contrib.admin.widgets import AutocompleteSelect
from django.forms.models import BaseInlineFormSet

from articles.admin.actions import action_page, bound_if_applied
from articles.admin.filters import AutocompleteFilter, LinkedOnlyFilter
from articles.admin.history import DeskHistoryAdmin
from articles.admin.widgets import (
    ArticleForm,
    LinkForm,
    PersonChoiceForm,
    PrefetchedAutocompleteSelect,
    TopicChoiceForm,
)
from articles.models import Article, ArticleCountry, ArticlePerson, ArticleTopic


class LinkFormSet(BaseInlineFormSet):
    """Saves links the editors' way: what they add or change is theirs, what they delete stays
    deleted (a rejection the importer honours)."""

    def save_new(self, form, commit=True):
        link = super().save_new(form, commit=False)
        if commit:
            link.save_by_editor()
        return link

    def save_existing(self, form, obj, commit=True):
        link = super().save_existing(form, obj, commit=False)
        name = link.target_field
        replaced = form.initial.get(name) if name in form.changed_data else None
        if commit:
            link.save_by_editor(replaced_target_id=replaced)
        return link

    def delete_existing(self, obj, commit=True):
        if commit:
            obj.reject()


class LinkInline(admin.TabularInline):
    """An article's links to one kind of entity, picked by autocomplete."""

    extra = 0
    form = LinkForm
    formset = LinkFormSet
    readonly_fields = ["origin"]

    def get_queryset(self, request):
        return super().get_queryset(request).select_related(self.model.target_field)

    def formfield_for_foreignkey(self, db_field, request, **kwargs):
        if db_field.name == self.model.target_field:
            using = kwargs.get("using")
            kwargs["widget"] = PrefetchedAutocompleteSelect(db_field, self.admin_site, using=using)
        return super().formfield_for_foreignkey(db_field, request, **kwargs)


class ArticlePersonInline(LinkInline):
    model = ArticlePerson
    fields = ["person", "role", "count", "origin"]
    verbose_name = "person"
    verbose_name_plural = "persons"


class ArticleCountryInline(LinkInline):
    model = ArticleCountry
    fields = ["country", "count", "origin"]
    verbose_name = "country"
    verbose_name_plural = "countries"


class ArticleTopicInline(LinkInline):
    model = ArticleTopic
    fields = ["topic", "score", "origin"]
    verbose_name = "topic"
    verbose_name_plural = "topics"


@admin.register(Article)
class ArticleAdmin(DeskHistoryAdmin):
    form = ArticleForm
    list_display = [
        "title",
        "source",
        "section",
        "status",
        "needs_review",
        "person_count",
        "country_count",
        "provenance_lines",
    ]
    list_select_related = ["source"]
    list_filter = [
        "status",
        "needs_review",
        ("source", LinkedOnlyFilter),
        ("countries", AutocompleteFilter),
        ("topics", LinkedOnlyFilter),
        ("persons", AutocompleteFilter),
        "title_derived",
        "provenance_file",
    ]
    search_fields = ["title", "summary", "body"]
    date_hierarchy = "created_at"
    autocomplete_fields = ["source", "original_source"]
    readonly_fields = ["provenance_lines", "provenance_sha256", "edited_fields", "created_at"]
    fieldsets = [
        (None, {"fields": ["title", "title_derived", "summary", "body"]}),
        (
            "Curation",
            {"fields": ["status", "needs_review", "source", "original_source", "section"]},
        ),
        ("Provenance", {"fields": readonly_fields, "classes": ["collapse"]}),
    ]
    inlines = [ArticlePersonInline, ArticleCountryInline, ArticleTopicInline]
    actions = ["mark_reviewed", "publish", "assign_topic", "remove_person"]
    list_per_page = 50

    @property
    def media(self):
        """The desk's style, and the autocomplete filters' scripts (select2 on the list too)."""
        select2 = AutocompleteSelect(Article.persons.field, self.admin_site).media
        # Listing jquery.init.js first keeps the filter script after it when media are merged.
        scripts = ["admin/js/jquery.init.js", "articles/admin/autocomplete_filter.js"]
        desk = forms.Media(css={"all": ["articles/admin/desk.css"]}, js=scripts)
        return super().media + select2 + desk

    def get_queryset(self, request):
        return super().get_queryset(request).with_counts()

    @admin.display(description="persons", ordering="person_count")
    def person_count(self, article):
        return article.person_count

    @admin.display(description="countries", ordering="country_count")
    def country_count(self, article):
        return article.country_count

    @admin.display(description="provenance", ordering="provenance_file")
    def provenance_lines(self, article):
        return article.provenance

    def has_add_permission(self, request):
        """No add form: an article comes from a dump or ``POST /api/articles/``, which give it
        its content fingerprint and provenance (a form would store an empty fingerprint)."""
        return False

    def save_model(self, request, obj, form, change):
        """An editor's change is kept by re-import: the changed fields are marked edited."""
        if change:
            obj.mark_edited(*obj.changed_fields())
        super().save_model(request, obj, form, change)

    @admin.action(description="Mark reviewed", permissions=["change"])
    def mark_reviewed(self, request, queryset):
        count = queryset.mark_reviewed()
        self.message_user(request, f"{count} article(s) marked reviewed.", messages.SUCCESS)

    @admin.action(description="Publish", permissions=["change"])
    def publish(self, request, queryset):
        count = queryset.publish()
        self.message_user(request, f"{count} article(s) published.", messages.SUCCESS)

    @admin.action(description="Assign topic…", permissions=["change"])
    def assign_topic(self, request, queryset):
        form = bound_if_applied(TopicChoiceForm, request)
        if not form.is_valid():
            title = "Assign a topic"
            return action_page(self, request, queryset, form, title=title, submit="Assign topic")
        topic = form.cleaned_data["topic"]
        count = queryset.assign_topic(topic)
        message = f"Topic “{topic}” assigned to {count} article(s)."
        self.message_user(request, message, messages.SUCCESS)

    @admin.action(description="Remove person link…", permissions=["change"])
    def remove_person(self, request, queryset):
        form = bound_if_applied(PersonChoiceForm, request)
        if not form.is_valid():
            title = "Remove a person from articles"
            return action_page(self, request, queryset, form, title=title, submit="Remove person")
        person = form.cleaned_data["person"]
        count = queryset.remove_person(person)
        self.message_user(
            request, f"“{person}” removed from {count} article(s); re-import will not add it back."
        )
