"""Settings for Vitrine, read from the environment.

Safe defaults make a fresh clone run as a local demo (SQLite file in `var/`, DEBUG on).
A deployment sets DEBUG=false, SECRET_KEY, ALLOWED_HOSTS and DATABASE_URL; with those,
`manage.py check --deploy` passes without warnings.
"""

import os
from pathlib import Path
from urllib.parse import urlsplit

import dj_database_url
from django.core.exceptions import ImproperlyConfigured

BASE_DIR = Path(__file__).resolve().parent.parent
VAR_DIR = Path(os.environ.get("VITRINE_VAR_DIR", BASE_DIR / "var"))


def env_bool(name: str, default: bool) -> bool:
    value = os.environ.get(name)
    if value is None:
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


def env_list(name: str, default: str) -> list[str]:
    return [item.strip() for item in os.environ.get(name, default).split(",") if item.strip()]


DEBUG = env_bool("DEBUG", True)

_DEV_SECRET_KEY = "dev-only-insecure-key-vitrine-do-not-use-in-production"
SECRET_KEY = os.environ.get("SECRET_KEY", _DEV_SECRET_KEY if DEBUG else "")
if not SECRET_KEY:
    raise ImproperlyConfigured("SECRET_KEY must be set when DEBUG is off.")

# `.localhost`: the demo museums answer on design.localhost, industry.localhost …
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", "localhost,.localhost,127.0.0.1,[::1],testserver")
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS", "")

INSTALLED_APPS = [
    "wagtail.contrib.forms",
    "wagtail.contrib.redirects",
    "wagtail.contrib.settings",
    "wagtail.embeds",
    "wagtail.sites",
    "wagtail.users",
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.admin",
    "wagtail",
    "wagtail_localize",
    "wagtail_localize.locales",
    "wagtail_headless_preview",
    "modelcluster",
    "taggit",
    "graphene_django",
    "grapple",
    "django_tasks",
    "django_tasks_db",  # the queue's table, whichever backend TASKS_BACKEND picks
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    # After grapple: registers its GraphQL types in grapple's registry in ready().
    "museum_site",
    "museum_site.museums",
    "museum_site.termennetwerk",
    "museum_site.iiif",
    "museum_site.ldes",
    "tours",
    "search",
    "shop",
    "shop.accounts",
    "shop.visits",
    "shop.tickets",
]

MIDDLEWARE = [
    # X-Request-ID in, on every log line, and out (museum_site.request_id).
    "museum_site.request_id.RequestIdMiddleware",
    # /healthz and /readyz for load balancers: before the host check and the HTTPS redirect.
    "museum_site.health.HealthCheckMiddleware",
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.http.ConditionalGetMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
    # The page chooser opens no other museum's page for a museum's staff.
    "museum_site.museums.choosers.ChooserGuardMiddleware",
]

ROOT_URLCONF = "museum_site.urls"
WSGI_APPLICATION = "museum_site.wsgi.application"

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

if "DATABASE_URL" not in os.environ:
    VAR_DIR.mkdir(parents=True, exist_ok=True)
# Connections are bounded. A threaded server (runserver, gunicorn's gthread workers) gives
# each request a thread; with persistent connections (CONN_MAX_AGE > 0) every thread
# kept its own (99 in a 40-buyer race with runserver, until PostgreSQL refused everyone),
# so the default is Django's own: one connection per request, closed at its end. Servers
# that keep connections do it through psycopg's pool (PostgreSQL only), at most
# DATABASE_POOL_MAX_SIZE per process: deploy/gunicorn.conf.py sets it to the worker's
# threads (workers x threads in all), `manage.py rundemo` to a small number; a request
# that finds the pool empty waits up to DATABASE_POOL_TIMEOUT seconds for a connection.
DATABASES = {
    "default": dj_database_url.parse(
        os.environ.get("DATABASE_URL", f"sqlite:///{VAR_DIR / 'db.sqlite3'}"),
        conn_max_age=int(os.environ.get("DATABASE_CONN_MAX_AGE", "0")),
    )
}
DATABASE_POOL_MAX_SIZE = int(os.environ.get("DATABASE_POOL_MAX_SIZE", "0") or 0)
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # runserver answers requests in threads, each with its own connection: writers take
    # the lock when their transaction begins (no deadlock upgrading a read lock) and wait
    # for one another instead of failing with "database is locked".
    DATABASES["default"].setdefault("OPTIONS", {}).update(
        {"transaction_mode": "IMMEDIATE", "timeout": 20}
    )
    # Tests use a file too, not Django's shared in-memory database: with that, the
    # browser tests' live server hands every request thread the test's own connection,
    # so concurrent GraphQL requests shared one transaction state and now and then one
    # failed or never answered (a page without its heading after 60 s).
    VAR_DIR.mkdir(parents=True, exist_ok=True)
    DATABASES["default"]["TEST"] = {"NAME": str(VAR_DIR / "test.sqlite3")}
if DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql":
    # A museum's database fits in memory, where reading a page out of order costs about
    # what reading the next one does; PostgreSQL's default (4) prices index lookups for
    # spinning disks and picks a full scan of the search table over its GIN indexes for
    # any word in one document in seven (bench/search.py: twice as slow).
    # JIT compiles any statement whose estimate is above jit_above_cost (100,000), for
    # 50-200 ms: it pays back on analytical queries of seconds, and every statement here
    # takes milliseconds while some estimates grow with the collection (a search's summary
    # at 200,000 documents: 54,000, and more for more). DATABASE_JIT=on to have it back.
    DATABASES["default"].setdefault("OPTIONS", {})["options"] = (
        "-c random_page_cost="
        + os.environ.get("DATABASE_RANDOM_PAGE_COST", "1.1")
        + " -c jit="
        + os.environ.get("DATABASE_JIT", "off")
    )
    # A database that does not answer is an error after a few seconds, not a hung request.
    DATABASES["default"]["OPTIONS"].setdefault(
        "connect_timeout", int(os.environ.get("DATABASE_CONNECT_TIMEOUT", "5"))
    )
    if DATABASE_POOL_MAX_SIZE > 0:
        DATABASES["default"]["CONN_MAX_AGE"] = 0  # the pool keeps them; Django requires 0
        DATABASES["default"]["OPTIONS"]["pool"] = {
            "min_size": min(
                int(os.environ.get("DATABASE_POOL_MIN_SIZE", "1")), DATABASE_POOL_MAX_SIZE
            ),
            "max_size": DATABASE_POOL_MAX_SIZE,
            "timeout": float(os.environ.get("DATABASE_POOL_TIMEOUT", "20")),
        }
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# --- Shared state (docs/deployment.md "Stateless web processes") ---------------------
# Rate limits and cached GraphQL answers live in the default cache; with several
# processes it must be shared: Redis (REDIS_URL). Sessions, the content version that keys
# cached answers, and task results are database rows. A per-process cache is refused with
# DEBUG off unless the install says it is one process (SINGLE_PROCESS=true: the demo).
SINGLE_PROCESS = env_bool("SINGLE_PROCESS", False)
if os.environ.get("REDIS_URL"):
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": os.environ["REDIS_URL"],
            "KEY_PREFIX": os.environ.get("CACHE_KEY_PREFIX", "vitrine"),
        }
    }
elif not DEBUG and not SINGLE_PROCESS:
    raise ImproperlyConfigured(
        "REDIS_URL is not set, so each process would keep its own cache: a publish, a "
        "rate limit or a sign-in lock in one web process would be unknown to the others. "
        "Set REDIS_URL=redis://host:6379/0 (a deployment), or SINGLE_PROCESS=true if this "
        "install really runs one process (the embedded demo)."
    )
else:
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
# --- end of shared state ------------------------------------------------------------

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

# Languages: the museum publishes in Dutch (the default), English and French.
LANGUAGE_CODE = "nl"
LANGUAGES = WAGTAIL_CONTENT_LANGUAGES = [
    ("nl", "Nederlands"),
    ("en", "English"),
    ("fr", "Français"),
]
WAGTAIL_I18N_ENABLED = True
# A new translation is a draft until a translator publishes it: the English and French
# sites fall back to the Dutch original meanwhile, never a live copy of Dutch text.
WAGTAILLOCALIZE_SYNC_LIVE_STATUS_ON_TRANSLATE = False
# The languages an editor may choose for the admin itself (Account > Language). Wagtail
# translates its own interface; each app's locale/ folder translates ours. Content
# languages are the same three, but the two settings are independent.
WAGTAILADMIN_PERMITTED_LANGUAGES = [
    ("nl", "Nederlands"),
    ("en", "English"),
    ("fr", "Français"),
]
TIME_ZONE = os.environ.get("TIME_ZONE", "Europe/Brussels")
USE_I18N = True
USE_TZ = True

STATIC_URL = "/static/"
STATIC_ROOT = VAR_DIR / "static"
STATIC_ROOT.mkdir(parents=True, exist_ok=True)  # whitenoise warns on a missing folder
MEDIA_URL = "/media/"
MEDIA_ROOT = Path(os.environ.get("MEDIA_ROOT", VAR_DIR / "media"))
# --- Media storage (museum_site.storage_settings, docs/deployment.md) -----------------
# MEDIA_STORAGE=local (the default: MEDIA_ROOT, private files in PRIVATE_MEDIA_ROOT) or
# s3 (S3_BUCKET, S3_ENDPOINT_URL, ...): public files by unsigned, cacheable URLs,
# private ones (documents, paid downloads, invoices) by signed URLs that expire.
from museum_site.storage_settings import media_storages  # noqa: E402

PRIVATE_MEDIA_ROOT = Path(os.environ.get("PRIVATE_MEDIA_ROOT", VAR_DIR / "private"))
S3_SIGNED_URL_SECONDS = int(os.environ.get("S3_SIGNED_URL_SECONDS", "300"))
STORAGES = {
    **media_storages(os.environ, media_root=MEDIA_ROOT, private_root=PRIVATE_MEDIA_ROOT),
    "staticfiles": {
        "BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"
        if not DEBUG
        else "django.contrib.staticfiles.storage.StaticFilesStorage"
    },
}

# The built frontend (frontend/, `npm run build`): WhiteNoise serves its files at the
# site's root, and marks Vite's content-hashed assets immutable (cached for a year);
# `museum_site.views.frontend_app` answers index.html for every page path.
FRONTEND_DIST = Path(os.environ.get("FRONTEND_DIST", BASE_DIR / "frontend" / "dist"))
WHITENOISE_ROOT = FRONTEND_DIST if FRONTEND_DIST.is_dir() else None
WHITENOISE_IMMUTABLE_FILE_TEST = r"^/?assets/.+-[A-Za-z0-9_-]{8}\.[a-z0-9]+$"

# Wagtail
WAGTAIL_SITE_NAME = os.environ.get("WAGTAIL_SITE_NAME", "Vitrine")
# Wagtail's login form with the password label translated (museum_site.admin_language).
WAGTAILADMIN_USER_LOGIN_FORM = "museum_site.admin_language.MuseumLoginForm"
WAGTAILADMIN_BASE_URL = os.environ.get("WAGTAILADMIN_BASE_URL", "http://localhost:8000")
WAGTAILIMAGES_IMAGE_MODEL = "museum_site.MuseumImage"
# Bounded uploads: no decompression bombs, no giant files.
WAGTAILIMAGES_MAX_IMAGE_PIXELS = 100_000_000
WAGTAILIMAGES_MAX_UPLOAD_SIZE = 40 * 1024 * 1024
# Tour panoramas (2:1) have their own limits, up to 16384 x 8192: the tiler decodes them
# a strip at a time (tours/panorama_uploads.py, tours/tiler.py). The form builds on
# museum_site.image_forms.MuseumImageForm: a damaged upload is a form error, not a 500.
WAGTAILIMAGES_IMAGE_FORM_BASE = "tours.panorama_uploads.ImageFormWithPanoramaLimits"
TOURS_PANORAMA_MAX_PIXELS = 16384 * 8192
TOURS_PANORAMA_MAX_UPLOAD_SIZE = 100 * 1024 * 1024
WAGTAILIMAGES_EXTENSIONS = ["avif", "gif", "jpg", "jpeg", "png", "webp"]
# Renditions (museum_site.renditions): a request makes at most RENDITIONS_PER_REQUEST new
# files (past it a rendition answers an existing one and the rest is made by the
# background job); PREPARED are the preset x format pairs made in the background when
# published content uses an image (the reference frontend's). A rendition never decodes
# more than RENDITION_SOURCE_MAX_PIXELS: JPEGs decode reduced (Pillow's draft), other
# formats cannot, so uploads above it in those formats are refused. Tour panoramas are
# tiled from the original (tours.tiler), up to WAGTAILIMAGES_MAX_IMAGE_PIXELS.
VITRINE_IMAGES = {
    "RENDITIONS_PER_REQUEST": int(os.environ.get("RENDITIONS_PER_REQUEST", 2)),
    "RENDITION_SOURCE_MAX_PIXELS": int(os.environ.get("RENDITION_SOURCE_MAX_PIXELS", 40_000_000)),
    "PREPARED": [
        ("THUMBNAIL", "WEBP"),
        ("CARD", "WEBP"),
        ("HERO", "WEBP"),
        ("FULL", "WEBP"),
        ("THUMBNAIL", "ORIGINAL"),
        ("CARD", "ORIGINAL"),
        ("FULL", "ORIGINAL"),
        # The social card (og:image) of every page, made before a crawler asks.
        ("SHARE", "JPEG"),
    ],
}
WAGTAILDOCS_EXTENSIONS = ["pdf", "txt", "csv", "docx", "odt", "xlsx", "mp3", "ogg", "vtt"]
# A file the shop sells cannot be moved to a public collection (shop.services.paid_files).
WAGTAILDOCS_DOCUMENT_FORM_BASE = "shop.document_forms.DocumentForm"
# Files in a private collection ask for a sign-in; the headless site has only the admin's.
WAGTAIL_FRONTEND_LOGIN_URL = "/admin/login/"
WAGTAILSEARCH_BACKENDS = {
    "default": {"BACKEND": "wagtail.search.backends.database"},
    "vitrine": {"BACKEND": "search.wagtail_backend"},  # `update_index` rebuilds our search too
}
# Search runs on the database unless an Elasticsearch 8 cluster is given (see search/).
ELASTICSEARCH_URL = os.environ.get("ELASTICSEARCH_URL", "")
# The admin must not call the internet (nor tell visitors' browsers to).
WAGTAIL_ENABLE_UPDATE_CHECK = False
WAGTAIL_MODERATION_ENABLED = True
WAGTAIL_WORKFLOW_ENABLED = True

# Headless: the editor's preview opens the frontend with a preview token.
WAGTAIL_HEADLESS_PREVIEW = {
    "CLIENT_URLS": {"default": os.environ.get("PREVIEW_CLIENT_URL", "/preview")},
    "SERVE_BASE_URL": None,
    "REDIRECT_ON_PREVIEW": False,
    "ENFORCE_TRAILING_SLASH": False,
}

# GraphQL: one schema assembled by grapple from every app's `register_schema_query` hook.
GRAPHENE = {
    "SCHEMA": "grapple.schema.schema",
    "ATOMIC_MUTATIONS": True,
    # Sets request.user from the JWT header (never the session cookie): shop.accounts.
    "MIDDLEWARE": ["shop.accounts.graphql.middleware.TokenAuthenticationMiddleware"],
}
GRAPPLE = {
    "APPS": [],  # our apps register hand-written types; see museum_site.graphql.registration
    "EXPOSE_GRAPHIQL": False,
    "PAGE_SIZE": 20,
    "MAX_PAGE_SIZE": 100,
}
VITRINE_GRAPHQL = {
    "MAX_QUERY_BYTES": int(os.environ.get("GRAPHQL_MAX_QUERY_BYTES", 20_000)),
    "MAX_DEPTH": 12,
    "MAX_ALIASES": 30,
    "MAX_FIELDS": 1_000,
    "MAX_PAGE_SIZE": 100,
    # The most values one query may make the server resolve: list sizes multiplied along
    # each path, summed over the query (museum_site.graphql.limits.query_cost). 350,000
    # keeps the costliest accepted query within 20x the exhibition page's time
    # (bench/graphql_limits.py) and every frontend operation under half of it.
    "MAX_COST": int(os.environ.get("GRAPHQL_MAX_COST", 350_000)),
    "INTROSPECTION": env_bool("GRAPHQL_INTROSPECTION", DEBUG),
    "RESPONSE_CACHE_SECONDS": int(os.environ.get("GRAPHQL_RESPONSE_CACHE_SECONDS", 300)),
}

# The frontend's public origin: links in the shop's e-mails (data requests, newsletter)
# open its pages. Django serves the built frontend itself (FRONTEND_DIST above), so by
# default it is this site's own origin; set it where the frontend lives elsewhere.
FRONTEND_URL = os.environ.get("FRONTEND_URL", "http://localhost:8000").rstrip("/")
# The page renderer (frontend/server/renderer.mjs) Django asks for every public page's
# HTML (museum_site.page_renderer); empty: the browser renders the app shell itself.
# `manage.py rundemo` starts one and sets it.
PAGE_RENDERER_URL = os.environ.get("PAGE_RENDERER_URL", "").rstrip("/")

# Customer accounts (shop.accounts): JWT lifetimes as in Saleor, and the frontends that
# links in account e-mails may point at (a reset link to any other host would hand the
# token to that host): by default local ones and FRONTEND_URL's.
VITRINE_ACCOUNTS = {
    "ACCESS_TOKEN_SECONDS": int(os.environ.get("ACCOUNT_ACCESS_TOKEN_SECONDS", 5 * 60)),
    "REFRESH_TOKEN_SECONDS": int(os.environ.get("ACCOUNT_REFRESH_TOKEN_SECONDS", 30 * 24 * 3600)),
    "ALLOWED_CLIENT_HOSTS": env_list(
        "ALLOWED_CLIENT_HOSTS",
        ",".join(["localhost", "127.0.0.1", "[::1]", urlsplit(FRONTEND_URL).hostname or ""]),
    ),
    # Pages that e-mailed links open, with a signed `token`: templates with {lang} and the
    # frontend's localised area segments ({privacy}, {newsletter}); a path is relative to
    # FRONTEND_URL (shop.accounts.frontend_links). Data export and erasure for anyone,
    # without an account:
    "DATA_REQUEST_URL": os.environ.get("DATA_REQUEST_URL", "/{lang}/{privacy}/request"),
    "DATA_REQUEST_LINK_SECONDS": int(os.environ.get("DATA_REQUEST_LINK_SECONDS", 24 * 3600)),
    # Newsletter double opt-in: the confirmation link (expires) and the unsubscribe link
    # in every newsletter e-mail (does not) open these pages with the signed `token`.
    "NEWSLETTER_CONFIRM_URL": os.environ.get(
        "NEWSLETTER_CONFIRM_URL", "/{lang}/{newsletter}/confirm"
    ),
    "NEWSLETTER_UNSUBSCRIBE_URL": os.environ.get(
        "NEWSLETTER_UNSUBSCRIBE_URL", "/{lang}/{newsletter}/unsubscribe"
    ),
    "NEWSLETTER_CONFIRM_LINK_SECONDS": int(
        os.environ.get("NEWSLETTER_CONFIRM_LINK_SECONDS", 72 * 3600)
    ),
    # A group booking's own page (its status and history), linked from its e-mails with
    # the booking's token (shop.visits.emails).
    "VISIT_BOOKING_URL": os.environ.get("VISIT_BOOKING_URL", "/{lang}/{groups}/booking"),
    # An order's own page for buyers without an account (status, lines, tickets with QR
    # codes and PDFs, invoices, cancelling tickets), linked from every order e-mail with
    # the order's signed `link` (shop.services.order_emails, shop.services.order_links).
    "ORDER_URL": os.environ.get("ORDER_URL", "/{lang}/{checkout}/order"),
}

# Limits on the mutations that mail an address anyone can type, and on failed sign-ins
# (shop.accounts.rate_limits): django-ratelimit rates ("5/h", "10/15m"; empty = none),
# counted in the default cache, which must be shared between processes (REDIS_URL).
# TRUSTED_PROXIES: how many reverse proxies of ours append to X-Forwarded-For in front
# of Django; with 0 the client is REMOTE_ADDR, and a forged header changes nothing.
VITRINE_RATE_LIMITS = {
    "MAIL_PER_ADDRESS": os.environ.get("RATE_LIMIT_MAIL_PER_ADDRESS", "5/h") or None,
    "MAIL_PER_IP": os.environ.get("RATE_LIMIT_MAIL_PER_IP", "20/h") or None,
    "LOGIN_FAILURES_PER_ADDRESS": os.environ.get("RATE_LIMIT_LOGIN_FAILURES_PER_ADDRESS", "10/15m")
    or None,
    "LOGIN_FAILURES_PER_IP": os.environ.get("RATE_LIMIT_LOGIN_FAILURES_PER_IP", "50/15m") or None,
    "TRUSTED_PROXIES": int(os.environ.get("TRUSTED_PROXIES", 0)),
}

# Stripe: the official library; STRIPE_API_BASE points it at localstripe in tests and
# the demo, and stays unset in production (real Stripe).
STRIPE_API_BASE = os.environ.get("STRIPE_API_BASE") or None
STRIPE_SECRET_KEY = os.environ.get("STRIPE_SECRET_KEY", "")
STRIPE_PUBLISHABLE_KEY = os.environ.get("STRIPE_PUBLISHABLE_KEY", "")
STRIPE_WEBHOOK_SECRET = os.environ.get("STRIPE_WEBHOOK_SECRET", "")
# Where the checkout page loads Stripe.js (and only there): Stripe's own in production,
# localstripe's stand-in (<localstripe>/js.stripe.com/v3/) in the demo and the tests.
STRIPE_JS_URL = os.environ.get("STRIPE_JS_URL", "https://js.stripe.com/v3/")
VITRINE_SHOP_DOWNLOAD_SECONDS = int(os.environ.get("SHOP_DOWNLOAD_SECONDS", 7 * 24 * 3600))
# Invoices are kept 10 years (Belgian VAT Code art. 60) before orders are anonymised.
VITRINE_SHOP_INVOICE_RETENTION_YEARS = int(os.environ.get("SHOP_INVOICE_RETENTION_YEARS", 10))
# Open checkouts are deleted after this many idle days (manage.py expire_checkouts);
# a consenting visitor is reminded once after SHOP_CHECKOUT_REMINDER_DAYS.
VITRINE_SHOP_CHECKOUT_EXPIRY_DAYS = int(os.environ.get("SHOP_CHECKOUT_EXPIRY_DAYS", 14))
VITRINE_SHOP_CHECKOUT_REMINDER_DAYS = int(os.environ.get("SHOP_CHECKOUT_REMINDER_DAYS", 2))
# Goods may be returned this many days after they were posted or set ready (EU: 14 at least).
VITRINE_SHOP_WITHDRAWAL_DAYS = max(14, int(os.environ.get("SHOP_WITHDRAWAL_DAYS", 14)))

# Background jobs (django-tasks, as Wagtail 8 uses for its own): tiling panoramas after
# publishing, order e-mails, and Wagtail's reference index, admin search index and file
# deletions. "immediate" (the default) runs a job in the request that queues it (the
# tiler and the e-mails once the transaction has committed): the demo needs no worker,
# but an editor's publish waits for the tiler. A deployment sets "database": jobs are
# rows in the database (django-tasks-db) and `manage.py db_worker` runs them in a
# process of their own (docs/settings.md: "Background jobs").
_TASK_BACKENDS = {
    "immediate": "django_tasks.backends.immediate.ImmediateBackend",
    "database": "django_tasks_db.DatabaseBackend",
}
_tasks_backend = os.environ.get("TASKS_BACKEND", "immediate").strip().lower()
if _tasks_backend not in _TASK_BACKENDS:
    raise ImproperlyConfigured(
        f"TASKS_BACKEND must be one of {', '.join(_TASK_BACKENDS)}, not {_tasks_backend!r}."
    )
TASKS = {"default": {"BACKEND": _TASK_BACKENDS[_tasks_backend]}}

# Production hardening (DEBUG off): `check --deploy` is clean.
if not DEBUG:
    SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT", True)
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
    SESSION_COOKIE_SECURE = True
    CSRF_COOKIE_SECURE = True
    SECURE_HSTS_SECONDS = int(os.environ.get("SECURE_HSTS_SECONDS", 31_536_000))
    SECURE_HSTS_INCLUDE_SUBDOMAINS = True
    SECURE_HSTS_PRELOAD = env_bool("SECURE_HSTS_PRELOAD", True)
    SECURE_CONTENT_TYPE_NOSNIFF = True

# --- NDE Termennetwerk (museum_site.termennetwerk) ----------------------------------
# The Term editor's lookup. Sources are the Termennetwerk's source URIs, per Term kind;
# languages must be ones the API's `Language` enum has (nl, en, fy today). The timeout
# bounds each call as a whole, so the admin says "cannot be reached" quickly.
TERMENNETWERK_URL = os.environ.get(
    "TERMENNETWERK_URL", "https://termennetwerk-api.netwerkdigitaalerfgoed.nl/graphql"
)
TERMENNETWERK_TIMEOUT = float(os.environ.get("TERMENNETWERK_TIMEOUT", "3"))
TERMENNETWERK_LANGUAGES = ["nl", "en"]
TERMENNETWERK_SOURCES = {
    "material": ["http://vocab.getty.edu/aat"],
    "concept": ["http://vocab.getty.edu/aat"],
    "object_type": ["http://vocab.getty.edu/aat"],
    "period": ["http://vocab.getty.edu/aat"],
    "person": ["https://data.rkd.nl/rkdartists", "https://www.wikidata.org#entities-all"],
    "place": ["https://www.geonames.org", "https://www.wikidata.org#entities-places"],
}

EMAIL_BACKEND = os.environ.get("EMAIL_BACKEND", "django.core.mail.backends.console.EmailBackend")

# --- Logs and error reports (museum_site.observability) -----------------------------
# One line per record on stderr, JSON with DEBUG off (LOG_FORMAT=json|text), each with
# the request's id (X-Request-ID, museum_site.request_id). Sentry when SENTRY_DSN is set.
from museum_site import observability  # noqa: E402

LOGGING = observability.logging_config(
    level=os.environ.get("LOG_LEVEL", "WARNING"),
    log_format=os.environ.get("LOG_FORMAT", "text" if DEBUG else "json"),
)
if os.environ.get("SENTRY_DSN"):
    observability.start_sentry(os.environ["SENTRY_DSN"], os.environ)
# --- end of logs and error reports --------------------------------------------------
