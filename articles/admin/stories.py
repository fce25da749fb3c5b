"""The story list and page: editors rename, merge and inspect stories (articles move and split
from the article list and form, see ``articles.admin.articles``)."""

from django.contrib import admin, messages
from django.urls import reverse
from django.utils.html import format_html

from articles.ingest.persist.stories import merge_stories, rename_story
from articles.models import Article, Story


class StoryArticleInline(admin.TabularInline):
    """The story's articles, read-only: each links to its form, where it can be moved."""

    model = Article
    fields = ["article_link", "source", "created_at", "story_locked"]
    readonly_fields = fields
    extra = 0
    can_delete = False
    show_change_link = False
    verbose_name_plural = "articles (move one from its page, or split from the article list)"

    def get_queryset(self, request):
        return super().get_queryset(request).select_related("source").order_by("created_at")

    def has_add_permission(self, request, obj=None):
        return False

    @admin.display(description="article")
    def article_link(self, article):
        url = reverse("admin:articles_article_change", args=[article.pk])
        return format_html('<a href="{}">{}</a>', url, article.title)


@admin.register(Story)
class StoryAdmin(admin.ModelAdmin):
    list_display = ["label", "size", "first_seen", "last_seen", "label_edited"]
    list_filter = ["label_edited"]
    search_fields = ["label"]
    fields = ["label", "label_edited", "size", "first_seen", "last_seen", "articles_list"]
    readonly_fields = ["label_edited", "size", "first_seen", "last_seen", "articles_list"]
    inlines = [StoryArticleInline]
    actions = ["merge_selected"]
    list_per_page = 50
    show_full_result_count = False

    def has_add_permission(self, request):
        """Stories come from clustering, or from splitting articles off on the article list."""
        return False

    @admin.display(description="in the article list")
    def articles_list(self, story):
        url = reverse("admin:articles_article_changelist")
        return format_html('<a href="{}?story={}">{} article(s)</a>', url, story.pk, story.size)

    def save_model(self, request, obj, form, change):
        """A new label is the editor's: re-clustering keeps it."""
        if "label" in form.changed_data:
            rename_story(obj, form.cleaned_data["label"])
        else:
            super().save_model(request, obj, form, change)

    @admin.action(description="Merge selected stories (into the largest)", permissions=["change"])
    def merge_selected(self, request, queryset):
        stories = list(queryset.order_by("-size", "first_seen", "pk"))
        if len(stories) < 2:
            self.message_user(request, "Select two or more stories to merge.", messages.WARNING)
            return
        target = merge_stories(stories[0], stories[1:])
        message = f"{len(stories) - 1} story(ies) merged into “{target.label}”."
        self.message_user(request, message, messages.SUCCESS)
