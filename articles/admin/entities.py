"""The registries editors keep clean (persons, countries, topics, sources) and link rejections."""

from django.contrib import admin, messages
from django.db import transaction
from django.urls import reverse
from django.utils.html import format_html

from articles.admin.actions import action_page, asking
from articles.admin.entity_pages import EntityPageAdmin
from articles.admin.history import DeskHistoryAdmin
from articles.admin.paginator import EstimatedCountPaginator
from articles.admin.widgets import MergeForm, SourceMergeForm
from articles.models import (
    ArticlePerson,
    Country,
    CountryAlias,
    LinkRejection,
    Person,
    PersonAlias,
    Source,
    SourceAlias,
    Topic,
    rejudge,
)

# The merge target is picked among the selected persons: a list an editor can read.
MERGE_LIMIT = 50


def merge_confirmation(model_admin, request, queryset, form, target, merged):
    """The page asking the editor to confirm merging ``merged`` into ``target`` (the model's
    ``merge_confirmation.html`` lists what moves)."""
    template = f"admin/articles/{model_admin.opts.model_name}/merge_confirmation.html"
    return action_page(
        model_admin,
        request,
        queryset,
        form,
        title="Confirm the merge",
        submit="Yes, merge",
        template=template,
        target=target,
        merged=merged,
    )


class ArticlesColumn(EntityPageAdmin):
    """A list column: how many articles link to the row, linking to that filtered article list;
    the row's page tells the story of its articles.

    The rows come annotated by their QuerySet's ``with_article_counts()``.
    """

    articles_lookup: str  # the article changelist parameter that selects this row's articles
    show_full_result_count = False
    paginator = EstimatedCountPaginator

    def get_queryset(self, request):
        return super().get_queryset(request).with_article_counts()

    @admin.display(description="articles", ordering="article_count")
    def linked_articles(self, obj):
        url = reverse("admin:articles_article_changelist")
        return format_html(
            '<a href="{}?{}={}">{}</a>', url, self.articles_lookup, obj.pk, obj.article_count
        )


class MergedEntityAdmin:
    """What persons and sources share: their other names as a column, and a merge action
    bounded to ``MERGE_LIMIT`` selected rows (each admin's ``merge_selected`` asks the target)."""

    @admin.display(description="also known as")
    def alias_names(self, entity):
        return ", ".join(alias.name for alias in entity.aliases.all())

    def merge_bounded(self, request, queryset):
        if queryset.count() > MERGE_LIMIT:
            plural = self.model._meta.verbose_name_plural
            message = f"Select at most {MERGE_LIMIT} {plural} to merge at once."
            self.message_user(request, message, messages.WARNING)
            return None
        return self.merge_selected(request, queryset)


class PersonAliasInline(admin.TabularInline):
    model = PersonAlias
    fields = ["name"]
    extra = 0


@admin.register(Person)
class PersonAdmin(MergedEntityAdmin, ArticlesColumn, DeskHistoryAdmin):
    articles_lookup = "persons__id__exact"
    list_display = ["name", "linked_articles", "alias_names", "wikidata_id"]
    ordering = ["name"]
    search_fields = ["name", "aliases__name", "=wikidata_id"]
    fields = ["name", "slug", "wikidata_id", "key", "created_at"]
    readonly_fields = ["key", "created_at"]
    inlines = [PersonAliasInline]
    actions = ["merge_persons"]

    def get_queryset(self, request):
        return super().get_queryset(request).prefetch_related("aliases")

    def save_related(self, request, form, formsets, change):
        """A renamed person (or new alias) is judged again for the suspects queue."""
        super().save_related(request, form, formsets, change)
        rejudge([form.instance.pk], [])

    @admin.action(description="Merge into…", permissions=["change"])
    def merge_persons(self, request, queryset):
        """Merge the selected persons into one of them (a bounded list to pick from)."""
        return self.merge_bounded(request, queryset)

    @asking(MergeForm, title="Merge persons", submit="Review merge")
    def merge_selected(self, request, queryset, form):
        target = form.cleaned_data["target"]
        merged = list(queryset.exclude(pk=target.pk).with_alias_counts())
        if not merged:
            self.message_user(request, f"Nothing to merge into “{target}”.", messages.WARNING)
            return None
        if "confirm" not in request.POST:
            return merge_confirmation(self, request, queryset, form, target, merged)
        with transaction.atomic():
            article_ids = list(
                ArticlePerson.objects.filter(person__in=merged).values_list("article", flat=True)
            )
            for person in merged:
                person.merge_into(target)
            rejudge([target.pk], article_ids)
        names = ", ".join(person.name for person in merged)
        self.message_user(request, f"Merged {names} into “{target}”.", messages.SUCCESS)


class CountryAliasInline(admin.TabularInline):
    model = CountryAlias
    fields = ["text", "kind", "is_active"]
    extra = 0

    def get_queryset(self, request):
        return super().get_queryset(request).select_related("country")  # for each row's label


@admin.register(Country)
class CountryAdmin(ArticlesColumn, admin.ModelAdmin):
    articles_lookup = "countries__id__exact"
    list_display = ["name", "code", "alpha3", "linked_articles"]
    ordering = ["name"]
    search_fields = ["name", "code", "alpha3", "aliases__text"]
    inlines = [CountryAliasInline]


@admin.register(Topic)
class TopicAdmin(ArticlesColumn, DeskHistoryAdmin):
    articles_lookup = "topics__id__exact"
    list_display = ["name", "parent", "iptc_code", "linked_articles"]
    ordering = ["name"]
    list_select_related = ["parent"]
    search_fields = ["name", "keywords"]
    autocomplete_fields = ["parent"]
    prepopulated_fields = {"slug": ["name"]}
    fields = ["name", "slug", "parent", "iptc_code", "keywords"]


class SourceAliasInline(admin.TabularInline):
    model = SourceAlias
    fields = ["name"]
    extra = 0


@admin.register(Source)
class SourceAdmin(MergedEntityAdmin, ArticlesColumn, DeskHistoryAdmin):
    articles_lookup = "source__id__exact"
    list_display = ["name", "slug", "linked_articles", "alias_names"]
    ordering = ["name"]
    search_fields = ["name", "aliases__name"]
    fields = ["name", "slug", "key", "created_at"]
    readonly_fields = ["key", "created_at"]
    inlines = [SourceAliasInline]
    actions = ["merge_sources"]

    def get_queryset(self, request):
        return super().get_queryset(request).prefetch_related("aliases")

    @admin.action(description="Merge into…", permissions=["change"])
    def merge_sources(self, request, queryset):
        """Merge the selected sources into one of them (a bounded list to pick from)."""
        return self.merge_bounded(request, queryset)

    @asking(SourceMergeForm, title="Merge sources", submit="Review merge")
    def merge_selected(self, request, queryset, form):
        target = form.cleaned_data["target"]
        merged = list(queryset.exclude(pk=target.pk))
        if not merged:
            self.message_user(request, f"Nothing to merge into “{target}”.", messages.WARNING)
            return None
        if "confirm" not in request.POST:
            return merge_confirmation(self, request, queryset, form, target, merged)
        with transaction.atomic():
            for source in merged:
                source.merge_into(target)
        names = ", ".join(source.name for source in merged)
        self.message_user(request, f"Merged {names} into “{target}”.", messages.SUCCESS)


@admin.register(LinkRejection)
class LinkRejectionAdmin(admin.ModelAdmin):
    """Links editors removed; deleting a rejection lets the importer link it again."""

    list_display = ["article", "kind", "target_name", "created_at"]
    list_filter = ["kind"]
    list_select_related = ["article"]
    search_fields = ["article__title"]
    fields = ["article", "kind", "target_id", "target_name", "created_at"]
    readonly_fields = fields

    def get_queryset(self, request):
        return super().get_queryset(request).with_target_names()

    @admin.display(description="removed link to")
    def target_name(self, rejection):
        return rejection.target_name

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False
