"""Settings for newsdb, read from the environment.

Local development needs nothing set: SQLite in the repo and DEBUG on. Production sets
DJANGO_DEBUG=0, DJANGO_SECRET_KEY, DJANGO_ALLOWED_HOSTS and DATABASE_URL (PostgreSQL).
"""

import ipaddress
import os
from pathlib import Path

import dj_database_url
from django.core.exceptions import ImproperlyConfigured

BASE_DIR = Path(__file__).resolve().parent.parent


def env_bool(name: str, default: bool) -> bool:
    """Read a yes/no environment variable ("1", "true", "yes", "on" mean yes)."""
    value = os.environ.get(name)
    if value is None:
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


def env_list(name: str, default: str = "") -> list[str]:
    """Read a comma-separated environment variable into a list of non-empty items."""
    return [item.strip() for item in os.environ.get(name, default).split(",") if item.strip()]


def env_proxies(name: str) -> int | list[str]:
    """Read the trusted proxies: a count of hops, or addresses and CIDR blocks (none if unset)."""
    items = env_list(name)
    if len(items) == 1 and items[0].isdigit():
        return int(items[0])
    for item in items:
        try:
            ipaddress.ip_network(item, strict=False)
        except ValueError:
            raise ImproperlyConfigured(
                f"{name}: {item!r} is neither a count nor an address or CIDR block."
            ) from None
    return items or 0


DEBUG = env_bool("DJANGO_DEBUG", True)

SECRET_KEY = os.environ.get("DJANGO_SECRET_KEY", "")
if not SECRET_KEY:
    if not DEBUG:
        raise ImproperlyConfigured("DJANGO_SECRET_KEY must be set when DJANGO_DEBUG is off.")
    # Development only: a key that protects nothing, so nothing secret lives in the repo.
    SECRET_KEY = "django-insecure-local-development-only"

ALLOWED_HOSTS = env_list("DJANGO_ALLOWED_HOSTS", "127.0.0.1,localhost" if DEBUG else "")
CSRF_TRUSTED_ORIGINS = env_list("DJANGO_CSRF_TRUSTED_ORIGINS")

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.postgres",
    "rest_framework",
    "rest_framework.authtoken",
    "django_filters",
    "drf_spectacular",
    "drf_spectacular_sidecar",
    "simple_history",
    "articles",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "articles.api.middleware.StatementTimeoutMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "simple_history.middleware.HistoryRequestMiddleware",
]

ROOT_URLCONF = "newsdb.urls"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
            ],
        },
    },
]

WSGI_APPLICATION = "newsdb.wsgi.application"

DATABASES = {
    "default": dj_database_url.config(
        default=f"sqlite:///{BASE_DIR / 'db.sqlite3'}",
        conn_max_age=int(os.environ.get("DATABASE_CONN_MAX_AGE", "60")),
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # Writers wait for each other instead of failing with "database is locked".
    DATABASES["default"].setdefault("OPTIONS", {})["timeout"] = 20

# Read replicas (PostgreSQL streaming replicas of DATABASE_URL): aliases replica1, replica2…
# newsdb.routers sends safe web requests' reads there and everything else to the primary.
for _number, _url in enumerate(env_list("DATABASE_REPLICA_URLS"), start=1):
    DATABASES[f"replica{_number}"] = {
        **dj_database_url.parse(_url, conn_max_age=DATABASES["default"]["CONN_MAX_AGE"]),
        "TEST": {"MIRROR": "default"},  # tests read the primary's test database through it
    }
# PostgreSQL's parallel query, per statement (max_parallel_workers_per_gather; empty: the server's
# setting). Off by default: the web's queries read a page through an index, and parallel workers
# started for them scan ahead past the LIMIT (at a million articles, 127,000 rows read for a page
# of a country's articles instead of 8,600) and take the cores concurrent requests need.
# JIT compilation is off too: a page query the planner misjudges as costly (a column not yet
# analysed) spent 0.7 s compiling to read 51 rows in 4 ms.
_PARALLEL = os.environ.get("NEWSDB_PG_PARALLEL_WORKERS", "0")
for _database in DATABASES.values():
    if _database["ENGINE"].startswith("django.db.backends.postgresql"):
        _settings = ["-c jit=off"]
        if _PARALLEL != "":
            _settings.append(f"-c max_parallel_workers_per_gather={int(_PARALLEL)}")
        _database.setdefault("OPTIONS", {})["options"] = " ".join(_settings)
# Parallel workers for /api/stats/'s filtered counts (articles.parallel): each aggregates the
# links of every selected article, the one kind of request that scans rather than pages. Off by
# default: on 2 cores at 1M it helped a topic's counts and slowed a country's.
NEWSDB_STATS_PARALLEL_WORKERS = int(os.environ.get("NEWSDB_STATS_PARALLEL_WORKERS", "0"))
# How long a client that wrote keeps reading the primary (longer than the replicas' lag).
DATABASE_REPLICA_PIN_SECONDS = int(os.environ.get("DATABASE_REPLICA_PIN_SECONDS", "10"))
if len(DATABASES) > 1:
    DATABASE_ROUTERS = ["newsdb.routers.ReplicaRouter"]
    MIDDLEWARE.insert(0, "newsdb.routers.ReplicaMiddleware")

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"
# The article index on id INCLUDE created_at is covering on PostgreSQL; SQLite builds it as a
# plain index on id (W040 says so on every command), which is all the embedded default needs.
SILENCED_SYSTEM_CHECKS = ["models.W040"]

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

LANGUAGE_CODE = "en-us"
TIME_ZONE = "UTC"
USE_I18N = True
USE_TZ = True

STATIC_URL = "static/"
STATIC_ROOT = BASE_DIR / "staticfiles"

# The cache holds the API's rate-limit counters: Redis when REDIS_URL is set, so every worker
# process and machine counts together; process memory (one count per process) otherwise.
REDIS_URL = os.environ.get("REDIS_URL", "")
CACHES = {
    "default": {
        "BACKEND": "django.core.cache.backends.redis.RedisCache",
        "LOCATION": REDIS_URL,
        "KEY_PREFIX": os.environ.get("NEWSDB_CACHE_PREFIX", "newsdb"),
    }
    if REDIS_URL
    else {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}
}

# How long /api/stats/ keeps an answer per distinct query (0: computed on every request).
NEWSDB_STATS_CACHE_SECONDS = int(os.environ.get("NEWSDB_STATS_CACHE_SECONDS", "60"))

# Which X-Forwarded-For hops name the client: a count of proxies in front of the app, or their
# addresses/CIDR blocks. Unset: none, the connecting address is the client.
NEWSDB_TRUSTED_PROXIES = env_proxies("NEWSDB_TRUSTED_PROXIES")

# PostgreSQL statement_timeout for each API request: a runaway query answers 503, not a stall.
NEWSDB_STATEMENT_TIMEOUT_MS = int(os.environ.get("NEWSDB_STATEMENT_TIMEOUT_MS", "5000"))

# The change feed (`ordering=updated`) holds back changes younger than this, so that a change
# committed a moment after its time was taken is never passed (see articles/feed.py).
NEWSDB_FEED_SETTLE_SECONDS = float(os.environ.get("NEWSDB_FEED_SETTLE_SECONDS", "10"))
# How long the desk's dashboard and entity pages keep what they counted (seconds): at a million
# articles their counts over time take seconds to compute and milliseconds to read back. 0: off.
NEWSDB_DASHBOARD_CACHE_SECONDS = int(os.environ.get("NEWSDB_DASHBOARD_CACHE_SECONDS", "300"))

# Import limits: a dump larger than this is refused before it is read.
NEWSDB_MAX_DUMP_BYTES = int(os.environ.get("NEWSDB_MAX_DUMP_BYTES", str(50 * 1024 * 1024)))
# An item (title, summary and body) longer than this is rejected, never stored as one article.
NEWSDB_MAX_ITEM_CHARS = int(os.environ.get("NEWSDB_MAX_ITEM_CHARS", "200000"))
# Processes running NER in `import_seeds` (0: one per core for large dumps, else 1; 1: all in the
# command's process).
NEWSDB_IMPORT_WORKERS = int(os.environ.get("NEWSDB_IMPORT_WORKERS", "0"))

# Syndicated copies (`Article.duplicate_of`, see articles/ingest/copies.py), compared on word
# 3-grams of summary and body: a text of fewer 3-grams than MIN_SHINGLES is never matched. A copy
# either keeps MIN_CONTAINMENT of the shorter text's 3-grams and MIN_JACCARD of all of them (cut,
# trailers added) or EDITED_JACCARD of all of them (lightly edited), and either way MIN_FACTS of
# the names and numbers and MIN_NUMBERS of the numbers of the text with fewer (another event on
# the same template differs there). Precision first: a false copy hides an article from
# `is_duplicate=false`. Measured in docs/quality.md.
NEWSDB_COPY_MIN_SHINGLES = int(os.environ.get("NEWSDB_COPY_MIN_SHINGLES", "12"))
NEWSDB_COPY_MIN_JACCARD = float(os.environ.get("NEWSDB_COPY_MIN_JACCARD", "0.3"))
NEWSDB_COPY_EDITED_JACCARD = float(os.environ.get("NEWSDB_COPY_EDITED_JACCARD", "0.5"))
NEWSDB_COPY_MIN_CONTAINMENT = float(os.environ.get("NEWSDB_COPY_MIN_CONTAINMENT", "0.8"))
NEWSDB_COPY_MIN_FACTS = float(os.environ.get("NEWSDB_COPY_MIN_FACTS", "0.7"))
NEWSDB_COPY_MIN_NUMBERS = float(os.environ.get("NEWSDB_COPY_MIN_NUMBERS", "0.75"))
# Stories (articles.ingest.persist.stories): a new article joins a story seen within the window
# whose similarity reaches the threshold; candidates come from keys shared by at most
# KEY_MAX_STORIES recent stories, the best CANDIDATES of them scored in full.
NEWSDB_STORY_WINDOW_DAYS = float(os.environ.get("NEWSDB_STORY_WINDOW_DAYS", "7"))
NEWSDB_STORY_THRESHOLD = float(os.environ.get("NEWSDB_STORY_THRESHOLD", "0.25"))
NEWSDB_STORY_CANDIDATES = int(os.environ.get("NEWSDB_STORY_CANDIDATES", "20"))
NEWSDB_STORY_KEY_MAX_STORIES = int(os.environ.get("NEWSDB_STORY_KEY_MAX_STORIES", "200"))

# Celery runs `import_seeds --enqueue` jobs on workers (`celery -A newsdb worker`). Off unless a
# broker is set, e.g. redis://127.0.0.1:6379/0 (RabbitMQ's amqp:// URLs work the same).
CELERY_BROKER_URL = os.environ.get("CELERY_BROKER_URL", "")
# `--enqueue` splits a dump of more items than this into tasks of this many items (its parts
# import on several workers at once); 0 sends every file whole.
NEWSDB_ENQUEUE_PART_ITEMS = int(os.environ.get("NEWSDB_ENQUEUE_PART_ITEMS", "1000"))
CELERY_TASK_DEFAULT_QUEUE = os.environ.get("CELERY_TASK_DEFAULT_QUEUE", "newsdb")
# Outcomes live in ImportJob rows, not in a result backend.
CELERY_TASK_IGNORE_RESULT = True
# A file takes seconds to minutes of NER: one at a time per worker process, acknowledged when
# done, so a worker that dies mid-file leaves the task to another (imports are idempotent).
CELERY_TASK_ACKS_LATE = True
CELERY_TASK_REJECT_ON_WORKER_LOST = True
CELERY_WORKER_PREFETCH_MULTIPLIER = 1
CELERY_BROKER_CONNECTION_RETRY_ON_STARTUP = True

REST_FRAMEWORK = {
    "DEFAULT_PERMISSION_CLASSES": ["articles.api.permissions.EditorWriteOrReadOnly"],
    "DEFAULT_AUTHENTICATION_CLASSES": [
        # Token first: an anonymous write then gets 401 with a WWW-Authenticate header.
        "rest_framework.authentication.TokenAuthentication",
        "rest_framework.authentication.SessionAuthentication",
    ],
    "DEFAULT_FILTER_BACKENDS": ["articles.api.filtersets.FilterBackend"],
    "DEFAULT_PAGINATION_CLASS": "articles.api.pagination.PageNumberPagination",
    "PAGE_SIZE": 50,
    "DEFAULT_SCHEMA_CLASS": "articles.api.schema.AutoSchema",
    "EXCEPTION_HANDLER": "articles.api.exceptions.exception_handler",
    "DEFAULT_PARSER_CLASSES": [
        "articles.api.parsers.JSONParser",
        "articles.api.parsers.FormParser",
        "articles.api.parsers.MultiPartParser",
    ],
    "DEFAULT_THROTTLE_CLASSES": [
        "articles.api.throttling.AnonThrottle",
        "articles.api.throttling.UserThrottle",
    ],
    "DEFAULT_THROTTLE_RATES": {
        "anon": os.environ.get("NEWSDB_THROTTLE_ANON", "120/minute"),
        "user": os.environ.get("NEWSDB_THROTTLE_USER", "1200/minute"),
        # GET /api/articles/export/: each may stream the whole table.
        "export": os.environ.get("NEWSDB_THROTTLE_EXPORT", "30/hour"),
    },
}

SPECTACULAR_SETTINGS = {
    "TITLE": "newsdb API",
    "DESCRIPTION": "Articles, sources, persons, countries and topics from curated news dumps.",
    "VERSION": "1.0.0",
    "SERVE_INCLUDE_SCHEMA": False,
    "SWAGGER_UI_DIST": "SIDECAR",
    "SWAGGER_UI_FAVICON_HREF": "SIDECAR",
    "REDOC_DIST": "SIDECAR",
    "POSTPROCESSING_HOOKS": [
        "drf_spectacular.hooks.postprocess_schema_enums",
        "articles.api.schema.describe_enum_values",
    ],
}

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": os.environ.get("DJANGO_LOG_LEVEL", "WARNING")},
    # Django gives its "django" logger a console handler of its own, and the records propagate
    # to the root's: every line was printed twice. Its records now reach the root's handler only
    # (runserver's request lines keep "django.server"'s own handler, which does not propagate).
    "loggers": {"django": {"handlers": [], "level": "INFO" if DEBUG else "WARNING"}},
}

if not DEBUG:
    # Production serves its collected static files itself (runserver does it in development).
    MIDDLEWARE.insert(1, "whitenoise.middleware.WhiteNoiseMiddleware")
    SECURE_SSL_REDIRECT = env_bool("DJANGO_SECURE_SSL_REDIRECT", True)
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
    SECURE_HSTS_SECONDS = int(os.environ.get("DJANGO_SECURE_HSTS_SECONDS", "31536000"))
    SECURE_HSTS_INCLUDE_SUBDOMAINS = True
    SECURE_HSTS_PRELOAD = True
    SESSION_COOKIE_SECURE = True
    CSRF_COOKIE_SECURE = True
    STORAGES = {
        "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
        "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
    }
