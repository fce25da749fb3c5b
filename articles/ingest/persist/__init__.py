"""Persistence: the only ingest code that touches the ORM, in idempotent upserts.

- ``catalog``: what the extractors read (country aliases, topics) and the rows articles link to
  (sources, topics, persons), found or created once per run;
- ``items``: the one conversion between a ``ParsedItem`` and an ``Article``, both ways, and the
  field limits the models set;
- ``upsert``: articles created or updated chunk by chunk;
- ``links``: automatic links planned and applied, one bulk statement per kind and operation;
- ``locking``: one file's transaction, serialised across processes on PostgreSQL;
- ``surnames``: one-word persons folded into the full name they turned out to mean.

Rules kept here and nowhere else:
- an article is identified by its content fingerprint: the same text is stored once;
- re-importing changes only fields no editor has edited (``Article.edited_fields``);
- automatic links are added, recounted and removed to match the extractor; links an editor made
  (``origin="editor"``) are never touched, and links an editor removed (``LinkRejection``) never
  come back.
"""
