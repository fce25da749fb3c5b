from django.apps import AppConfig
from django.db.models.signals import post_migrate


class ArticlesConfig(AppConfig):
    name = "articles"
    verbose_name = "News articles"

    def ready(self):
        from articles import counts
        from articles.fts5 import ensure_triggers

        post_migrate.connect(ensure_triggers, sender=self)
        counts.connect()
