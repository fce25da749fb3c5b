"""The suspects queue (persons that look wrong, with one-click fixes) and the name blocks."""

from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied
from django.http import HttpResponseNotAllowed, HttpResponseRedirect
from django.shortcuts import get_object_or_404
from django.urls import path, reverse
from django.utils.html import format_html, format_html_join

from articles.admin.entities import ArticlesColumn
from articles.choices import Suspicion
from articles.models import PersonBlock, SuspectPerson


class SuspicionFilter(admin.SimpleListFilter):
    """By reason: each one an indexed test (the stored codes, or the stored count)."""

    title = "reason"
    parameter_name = "reason"

    def lookups(self, request, model_admin):
        return Suspicion.choices

    def queryset(self, request, queryset):
        return queryset.suspected(self.value()) if self.value() else queryset


@admin.register(SuspectPerson)
class SuspectPersonAdmin(ArticlesColumn, admin.ModelAdmin):
    """Persons that look wrong, with the reason; merge into the suggestion or "not a person"."""

    articles_lookup = "persons__id__exact"
    list_display = ["person_name", "reasons", "suggestion", "linked_articles"]
    list_display_links = None
    list_filter = [SuspicionFilter]
    search_fields = ["name"]
    ordering = ["name"]
    list_per_page = 50
    actions = ["merge_suggested", "not_a_person"]

    def get_queryset(self, request):
        return super().get_queryset(request).suspects().select_related("suspected_duplicate")

    def get_list_display(self, request):
        """The one-click buttons only for those who may use them (editors, not viewers)."""
        may = self.has_change_permission(request) or self.has_delete_permission(request)
        return [*self.list_display, "fix"] if may else self.list_display

    def has_add_permission(self, request):
        return False

    def get_actions(self, request):
        """No plain delete here: a junk person goes by "not a person", which blocks its name."""
        actions = super().get_actions(request)
        actions.pop("delete_selected", None)
        return actions

    def get_urls(self):
        wrap = self.admin_site.admin_view
        return [
            path("<int:pk>/merge/", wrap(self.merge_view), name="articles_suspect_merge"),
            path("<int:pk>/reject/", wrap(self.reject_view), name="articles_suspect_reject"),
            *super().get_urls(),
        ]

    @admin.display(description="person", ordering="name")
    def person_name(self, person):
        url = reverse("admin:articles_person_change", args=[person.pk])
        return format_html('<a href="{}">{}</a>', url, person.name)

    @admin.display(description="why")
    def reasons(self, person):
        labels = dict(Suspicion.choices)
        return ", ".join(labels[code] for code in person.suspicion_codes)

    @admin.display(description="likely the same as")
    def suggestion(self, person):
        other = person.suspected_duplicate
        if other is None:
            return "-"
        url = reverse("admin:articles_person_change", args=[other.pk])
        return format_html('<a href="{}">{}</a>', url, other.name)

    @admin.display(description="fix")
    def fix(self, person):
        """Buttons submitting the list's form (it carries the CSRF token) to a row's view."""
        buttons = []
        if person.suspected_duplicate_id:
            url = reverse("admin:articles_suspect_merge", args=[person.pk])
            buttons.append((url, f"Merge into {person.suspected_duplicate.name}"))
        buttons.append((reverse("admin:articles_suspect_reject", args=[person.pk]), "Not a person"))
        return format_html_join(
            " ",
            '<button type="submit" class="button" formaction="{}">{}</button>',
            buttons,
        )

    def merge_view(self, request, pk):
        if request.method != "POST":
            return HttpResponseNotAllowed(["POST"])
        person = self._allowed_person(request, pk, self.has_change_permission)
        if person.suspected_duplicate_id is None:
            self.message_user(request, f"No person is suggested for “{person}”.", messages.WARNING)
        else:
            target = person.merge_into_suggested()
            self.message_user(request, f"Merged “{person}” into “{target}”.", messages.SUCCESS)
        return self._back(request)

    def reject_view(self, request, pk):
        if request.method != "POST":
            return HttpResponseNotAllowed(["POST"])
        person = self._allowed_person(request, pk, self.has_delete_permission)
        self._reject(request, person)
        return self._back(request)

    def _allowed_person(self, request, pk, allowed):
        if not allowed(request):
            raise PermissionDenied
        return get_object_or_404(SuspectPerson, pk=pk)

    def _reject(self, request, person):
        article_ids = person.reject_as_not_a_person(request.user)
        message = (
            f"“{person}” is not a person: removed from {len(article_ids)} article(s), "
            "name blocked for future imports."
        )
        self.message_user(request, message, messages.SUCCESS)

    def _back(self, request):
        return HttpResponseRedirect(reverse("admin:articles_suspectperson_changelist"))

    @admin.action(description="Merge into the suggested person", permissions=["change"])
    def merge_suggested(self, request, queryset):
        merged = 0
        for person in queryset.filter(suspected_duplicate__isnull=False).order_by("pk"):
            person.refresh_from_db()  # an earlier merge of this batch may have changed it
            if person.suspected_duplicate_id is not None:
                person.merge_into_suggested()
                merged += 1
        self.message_user(request, f"{merged} person(s) merged.", messages.SUCCESS)

    @admin.action(description="Not a person (block the name)", permissions=["delete"])
    def not_a_person(self, request, queryset):
        for person in queryset.order_by("pk"):
            self._reject(request, person)


@admin.register(PersonBlock)
class PersonBlockAdmin(admin.ModelAdmin):
    """Names that are not persons; deleting a block lets imports create the person again."""

    list_display = ["name", "created_by", "created_at"]
    list_select_related = ["created_by"]
    search_fields = ["name"]
    fields = ["name", "key", "created_by", "created_at"]
    readonly_fields = fields

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False
