"""The article list and change form, their link inlines and the review actions."""

from django import forms
from django.contrib import admin, messages
from django.contrib.admin.widgets import AutocompleteSelect
from django.forms.models import BaseInlineFormSet
from django.urls import reverse
from django.utils.html import format_html

from articles import counts
from articles.admin.actions import asking
from articles.admin.changelist import IndexOrderedChangeList
from articles.admin.columns import SECTION_CHARS, SOURCE_CHARS, compact_provenance, hover_cell
from articles.admin.evidence import evidence_panel
from articles.admin.filters import (
    AutocompleteFilter,
    IndexedValuesFilter,
    LinkedOnlyFilter,
    ReviewReasonFilter,
)
from articles.admin.history import DeskHistoryAdmin
from articles.admin.paginator import EstimatedCountPaginator
from articles.admin.widgets import (
    ArticleForm,
    LinkForm,
    PersonChoiceForm,
    PrefetchedAutocompleteSelect,
    StoryChoiceForm,
    TopicChoiceForm,
)
from articles.choices import ReviewReason, codes_of
from articles.ingest.persist.stories import move_articles, split_off, stories_recomputed
from articles.models import LINK_MODELS, Article

# The review column's word per reason (the list fits 1,280 px; the full reasons on hover).
REVIEW_SHORT = {
    ReviewReason.DERIVED_TITLE: "title",
    ReviewReason.SUSPECT_PERSON: "suspect",
    ReviewReason.LOW_CONFIDENCE: "weak",
    ReviewReason.NO_COUNTRY: "country",
}


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


def link_inline(model) -> type[LinkInline]:
    """The inline of one link kind: its key (target, and a person's role), value and origin."""
    target = model.target_model()._meta
    attrs = {
        "model": model,
        "fields": [*model.key_fields, model.value_field, "origin"],
        "verbose_name": target.verbose_name,
        "verbose_name_plural": target.verbose_name_plural,
    }
    return type(f"{model.__name__}Inline", (LinkInline,), attrs)


@admin.register(Article)
class ArticleAdmin(DeskHistoryAdmin):
    form = ArticleForm
    list_display = [
        "title",
        "source_name",
        "section_name",
        "status",
        "review",
        "dated",
        "person_count",
        "country_count",
        "copy_of",
        "provenance_short",
    ]
    list_select_related = ["source"]
    list_filter = [
        "status",
        "needs_review",
        # "Empty": the originals; "Not empty": the copies of an earlier article.
        ("duplicate_of", admin.EmptyFieldListFilter),
        ReviewReasonFilter,
        ("source", LinkedOnlyFilter),
        ("countries", AutocompleteFilter),
        ("topics", LinkedOnlyFilter),
        ("persons", AutocompleteFilter),
        "title_derived",
        ("provenance_file", IndexedValuesFilter),
        "created_at",
    ]
    search_fields = ["title", "summary", "body"]
    # No date_hierarchy: its year bar reads the date of every article (SELECT DISTINCT over the
    # table); the created_at filter's ranges (today, past 7 days, this month, this year) do not.
    autocomplete_fields = ["source", "original_source", "story"]
    # An id box with a lookup popup: a select of a million articles would never load.
    raw_id_fields = ["duplicate_of"]
    provenance_fields = ["provenance_lines", "provenance_sha256", "edited_fields", "created_at"]
    readonly_fields = ["reasons", *provenance_fields]
    curation_readonly = ["dated_source"]
    fieldsets = [
        (None, {"fields": ["title", "title_derived", "summary", "body"]}),
        ("Mentions found by the importer", {"fields": ["mentions"], "classes": ["collapse"]}),
        (
            "Curation",
            {
                "fields": [
                    "status",
                    "needs_review",
                    "reasons",
                    "source",
                    "original_source",
                    "section",
                    "duplicate_of",
                    "story",
                    "dated",
                    "dated_source",
                ]
            },
        ),
        ("Provenance", {"fields": provenance_fields, "classes": ["collapse"]}),
    ]
    readonly_fields = [*readonly_fields, "mentions", *curation_readonly]
    inlines = [link_inline(model) for model in LINK_MODELS.values()]
    actions = [
        "mark_reviewed",
        "publish",
        "assign_topic",
        "remove_person",
        "mark_not_copies",
        "move_to_story",
        "split_story",
    ]
    list_per_page = 50
    # At a million articles: no second COUNT(*) of the whole table, an estimate past 10,000.
    show_full_result_count = False
    paginator = EstimatedCountPaginator

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

    def get_changelist(self, request, **kwargs):
        return IndexOrderedChangeList

    # Not sortable: sorting counts every article's links (seconds at a million); a page
    # counts only its own 50.
    @admin.display(description="persons")
    def person_count(self, article):
        return article.person_count

    @admin.display(description="countries")
    def country_count(self, article):
        return article.country_count

    # Not sortable: almost every article is an original; the "duplicate of" filter lists copies.
    @admin.display(description="copy of")
    def copy_of(self, article):
        """The original's id, linked to its page (no query: the id is on the row)."""
        if article.duplicate_of_id is None:
            return "-"
        url = reverse("admin:articles_article_change", args=[article.duplicate_of_id])
        return format_html('<a href="{}">#{}</a>', url, article.duplicate_of_id)

    @admin.display(description="review reasons")
    def reasons(self, article):
        labels = dict(ReviewReason.choices)
        return ", ".join(labels.get(code, code) for code in codes_of(article.review_reasons))

    @admin.display(description="review", ordering="needs_review")
    def review(self, article):
        """On the queue or not, and why: a short word per reason, the full reasons on hover."""
        if not article.needs_review:
            return "-"
        codes = codes_of(article.review_reasons)
        short = ", ".join(REVIEW_SHORT.get(code, code) for code in codes) or "yes"
        return format_html(
            '<span class="desk-clip" title="{}">{}</span>', self.reasons(article), short
        )

    # Not sortable: ordering a million articles by their outlet's name joins and sorts them all
    # (10 s); the source filter lists one outlet's articles from its index instead.
    @admin.display(description="source")
    def source_name(self, article):
        return hover_cell(article.source.name if article.source else "", SOURCE_CHARS)

    @admin.display(description="section", ordering="section")
    def section_name(self, article):
        return hover_cell(article.section, SECTION_CHARS)

    @admin.display(description="in the text")
    def mentions(self, article):
        """Why each automatic person and country link exists: its mentions, highlighted."""
        return evidence_panel(article)

    @admin.display(description="provenance", ordering="provenance_file")
    def provenance_lines(self, article):
        return article.provenance

    @admin.display(description="provenance", ordering="provenance_file")
    def provenance_short(self, article):
        start, end = article.provenance_line_start, article.provenance_line_end
        return compact_provenance(article.provenance_file, start, end)

    def changelist_view(self, request, extra_context=None):
        """Without the navigation sidebar (the home page lists the models) the list and its
        filters fit a 1,280 px screen."""
        extra_context = {"is_nav_sidebar_enabled": False, **(extra_context or {})}
        return super().changelist_view(request, extra_context)

    def get_search_results(self, request, queryset, search_term):
        """The full-text search of the API (``Article.objects.search``) over title, summary and
        body: an index lookup, where ``ILIKE`` read every body. Listed in the list's order."""
        if not search_term.strip():
            return queryset, False
        return queryset.search(search_term), False

    def has_add_permission(self, request):
        """No add form: an article comes from a dump or ``POST /api/articles/``, which give it
        its content fingerprint and provenance (a form would store an empty fingerprint)."""
        return False

    @counts.kept
    def delete_model(self, request, obj):
        """Its links' entities and its source are recounted once, not once per link; its story
        is recomputed."""
        with stories_recomputed(Article.objects.filter(pk=obj.pk)):
            super().delete_model(request, obj)

    @counts.kept
    def delete_queryset(self, request, queryset):
        with stories_recomputed(queryset):
            super().delete_queryset(request, queryset)

    def save_model(self, request, obj, form, change):
        """An editor's change is kept by re-import: the changed fields are marked edited. A new
        story is the editor's too (clustering keeps it); none splits the article off alone."""
        moved = change and "story" in form.changed_data
        target = obj.story
        if moved:  # saved as it was: ``move_articles`` recomputes the story it leaves
            obj.story_id = form.initial.get("story")
        changed = [name for name in obj.changed_fields() if name != "story"] if change else []
        if "dated" in changed:  # the editor's date: re-import keeps it
            obj.dated_source = Article.DatedSource.EDITOR
        obj.mark_edited(*changed)
        super().save_model(request, obj, form, change)
        obj.forget_evidence(changed)
        if moved:
            move_articles([obj.pk], target) if target else split_off([obj.pk])
            obj.refresh_from_db()

    def save_related(self, request, form, formsets, change):
        """After the links are saved: a corrected cause leaves the review reasons (a country
        added clears "no country"; an edited title, "derived title")."""
        super().save_related(request, form, formsets, change)
        form.instance.refresh_review_reasons()

    @admin.action(description="Mark reviewed", permissions=["change"])
    def mark_reviewed(self, request, queryset):
        count = queryset.mark_reviewed()
        self.message_user(request, f"{count} article(s) marked reviewed.", messages.SUCCESS)

    @admin.action(description="Publish", permissions=["change"])
    def publish(self, request, queryset):
        count = queryset.publish()
        self.message_user(request, f"{count} article(s) published.", messages.SUCCESS)

    @admin.action(description="Assign topic…", permissions=["change"])
    @asking(TopicChoiceForm, title="Assign a topic", submit="Assign topic")
    def assign_topic(self, request, queryset, form):
        topic = form.cleaned_data["topic"]
        count = queryset.assign_topic(topic)
        message = f"Topic “{topic}” assigned to {count} article(s)."
        self.message_user(request, message, messages.SUCCESS)

    @admin.action(description="Not a copy (keep as an original)", permissions=["change"])
    def mark_not_copies(self, request, queryset):
        count = queryset.mark_not_copies()
        message = f"{count} article(s) kept as originals; re-import will not mark them again."
        self.message_user(request, message, messages.SUCCESS)

    @admin.action(description="Move to story…", permissions=["change"])
    @asking(StoryChoiceForm, title="Move articles to a story", submit="Move")
    def move_to_story(self, request, queryset, form):
        story = form.cleaned_data["story"]
        count = move_articles(queryset.values_list("pk", flat=True), story)
        message = f"{count} article(s) moved to “{story}”; re-clustering keeps them there."
        self.message_user(request, message, messages.SUCCESS)

    @admin.action(description="Split off into a new story", permissions=["change"])
    def split_story(self, request, queryset):
        story = split_off(queryset.values_list("pk", flat=True))
        message = f"{story.size} article(s) now form the story “{story}”."
        self.message_user(request, message, messages.SUCCESS)

    @admin.action(description="Remove person link…", permissions=["change"])
    @asking(PersonChoiceForm, title="Remove a person from articles", submit="Remove person")
    def remove_person(self, request, queryset, form):
        person = form.cleaned_data["person"]
        count = queryset.remove_person(person)
        self.message_user(
            request, f"“{person}” removed from {count} article(s); re-import will not add it back."
        )
