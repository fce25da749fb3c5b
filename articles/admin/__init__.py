"""The editors' desk: one declarative ModelAdmin per model.

``articles`` holds the article list and change form with their link inlines and review actions;
``entities`` the registries (persons, countries, topics, sources) and link rejections; ``jobs``
the Celery import jobs; ``suspects`` the suspects queue and the name blocks.
"""

from django.contrib import admin

from articles.admin import articles, entities, jobs, stories, suspects  # noqa: F401

admin.site.site_header = "newsdb editors' desk"
admin.site.site_title = "newsdb desk"
admin.site.index_title = "Curation desk"
admin.site.index_template = "admin/articles/desk_index.html"
