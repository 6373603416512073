"""eportal settings. Every knob comes from an environment variable (see README)."""

from datetime import timedelta
from pathlib import Path

import dj_database_url
from django.core.exceptions import ImproperlyConfigured

from eportal.core.redis_guard import GuardedConnection

from .env import env_bool, env_int, env_list, env_str, secret_key_from_file

PROJECT_DIR = Path(__file__).resolve().parent.parent
BASE_DIR = PROJECT_DIR.parent
VAR_DIR = Path(env_str("EPORTAL_VAR_DIR", str(BASE_DIR / "var")))

DEBUG = env_bool("DEBUG", False)
SECRET_KEY = env_str("SECRET_KEY") or secret_key_from_file(VAR_DIR / "secret_key")
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", "127.0.0.1,localhost")
if DEBUG and not set(ALLOWED_HOSTS) <= {"127.0.0.1", "localhost", "::1", "[::1]"}:
    # DEBUG pages show settings and stack traces: never to anyone but the developer.
    raise ImproperlyConfigured("DEBUG=1 is refused when ALLOWED_HOSTS names a non-local host")
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS")

INSTALLED_APPS = [
    "eportal.core",
    "eportal.news",
    "eportal.legacy",
    "eportal.province",
    "eportal.compliance",
    "eportal.reports",
    "eportal.visits",
    "eportal.demo",
    "eportal.media",
    "eportal.editorial",
    "eportal.documents",
    "eportal.procedures",
    "eportal.questions",
    "eportal.consultations",
    "eportal.about",
    "eportal.schedule",
    "eportal.access",
    "eportal.satisfaction",
    "eportal.api",
    "eportal.pagecache",
    "eportal.search",
    "eportal.accounts",
    "eportal.operations",
    "wagtail.contrib.settings",
    "wagtail.contrib.table_block",
    "wagtail.contrib.routable_page",
    "wagtail.contrib.sitemaps",
    "wagtail.contrib.redirects",
    "wagtail.embeds",
    "wagtail.sites",
    "wagtail.users",
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.admin",
    "wagtail",
    "modelcluster",
    "taggit",
    "django_filters",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.sitemaps",
    "axes",
    "django_otp",
    "django_otp.plugins.otp_totp",
    "django_otp.plugins.otp_static",
]

MIDDLEWARE = [
    # Outermost: it sees the final response (cookies, Vary) before writing it for nginx.
    "eportal.pagecache.middleware.PageCacheMiddleware",
    # Before TrustedProxyMiddleware: an incoming X-Request-ID is trusted by the proxy's address.
    "eportal.operations.requestid.RequestIdMiddleware",
    "eportal.core.middleware.TrustedProxyMiddleware",
    "eportal.pagecache.sites.CachedSiteMiddleware",
    # After the host lookup: /<prefix>/… is the component site with that prefix.
    "eportal.province.addresses.PathPrefixMiddleware",
    "django.middleware.security.SecurityMiddleware",
    "eportal.core.security_headers.SecurityHeadersMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django_otp.middleware.OTPMiddleware",
    "eportal.accounts.middleware.SessionIdleTimeoutMiddleware",
    "eportal.accounts.middleware.TwoFactorMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "eportal.editorial.archive_guard.ArchiveAdminGuardMiddleware",
    "eportal.legacy.redirects.LegacyRedirectMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
    # Last, as django-axes asks: it turns a locked-out login into its 429 answer.
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "eportal.urls"
WSGI_APPLICATION = "eportal.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [PROJECT_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "wagtail.contrib.settings.context_processors.settings",
                "eportal.province.context_processors.site_root",
            ],
        },
    },
]

# Database: SQLite file under var/ unless DATABASE_URL says otherwise.
DATABASE_URL = env_str("DATABASE_URL") or f"sqlite:///{VAR_DIR / 'eportal.sqlite3'}"
DATABASES = {"default": dj_database_url.parse(DATABASE_URL, conn_max_age=env_int("DB_CONN_MAX_AGE", 60))}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    DATABASES["default"]["CONN_MAX_AGE"] = 0
    DATABASES["default"]["OPTIONS"] = {
        # WAL lets readers proceed while one writer commits; IMMEDIATE plus a busy
        # timeout makes concurrent writers (several app workers) queue instead of failing.
        "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
        "transaction_mode": "IMMEDIATE",
        "timeout": 20,
    }
else:
    DATABASES["default"]["CONN_HEALTH_CHECKS"] = True

# Cache, counters and sessions: Redis when REDIS_URL is set. Without it a file-based
# cache under var/ is shared by all worker processes of one machine.
REDIS_URL = env_str("REDIS_URL")
if REDIS_URL:
    CACHES = {
        "default": {
            "BACKEND": "django_redis.cache.RedisCache",
            "LOCATION": REDIS_URL,
            "KEY_PREFIX": env_str("CACHE_KEY_PREFIX", "eportal"),
            "OPTIONS": {
                "SOCKET_CONNECT_TIMEOUT": env_int("EPORTAL_REDIS_TIMEOUT", 2),
                "SOCKET_TIMEOUT": env_int("EPORTAL_REDIS_TIMEOUT", 2),
                # Redis down: cache reads miss and writes are dropped, so pages are served
                # from the database; eportal.core.redis_guard fails fast and logs it once.
                "IGNORE_EXCEPTIONS": True,
                "CONNECTION_POOL_KWARGS": {"connection_class": GuardedConnection},
            },
        }
    }
    SESSION_ENGINE = "django.contrib.sessions.backends.cached_db"
else:
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.filebased.FileBasedCache",
            "LOCATION": str(VAR_DIR / "cache"),
            "KEY_PREFIX": env_str("CACHE_KEY_PREFIX", "eportal"),
        }
    }

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "eportal.accounts.passwords.MinimumLengthValidator", "OPTIONS": {"min_length": 10}},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
    {"NAME": "eportal.accounts.passwords.CharacterClassesValidator"},
]

# Admin login (eportal.accounts): django-axes locks an account, and separately an address,
# after EPORTAL_LOGIN_FAILURE_LIMIT failed passwords or codes, for EPORTAL_LOGIN_LOCKOUT_MINUTES;
# `manage.py axes_reset` unlocks.
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
AXES_FAILURE_LIMIT = env_int("EPORTAL_LOGIN_FAILURE_LIMIT", 5)
AXES_COOLOFF_TIME = timedelta(minutes=env_int("EPORTAL_LOGIN_LOCKOUT_MINUTES", 15))
AXES_LOCKOUT_PARAMETERS = ["ip_address", "username"]
AXES_RESET_ON_SUCCESS = True
# Attempts during a lock do not extend it: otherwise anyone could keep an account locked for ever.
AXES_RESET_COOL_OFF_ON_FAILURE_DURING_LOCKOUT = False
AXES_CLIENT_IP_CALLABLE = "eportal.accounts.lockout.client_ip"
AXES_LOCKOUT_CALLABLE = "eportal.accounts.lockout.lockout_response"
AXES_SENSITIVE_PARAMETERS = ["username", "ip_address", "token"]
AXES_ENABLE_ADMIN = False
AXES_VERBOSE = False
WAGTAILADMIN_USER_LOGIN_FORM = "eportal.accounts.forms.LoginForm"
# Two-step verification: optional per account, or required of every admin user.
EPORTAL_REQUIRE_2FA = env_bool("EPORTAL_REQUIRE_2FA", False)
OTP_TOTP_ISSUER = env_str("EPORTAL_SITE_NAME", "Cổng thông tin điện tử")
# Sessions end when the browser closes, after SESSION_COOKIE_AGE seconds at most (Wagtail's
# "remember me"), and after EPORTAL_SESSION_IDLE_MINUTES without a request.
SESSION_COOKIE_AGE = env_int("SESSION_COOKIE_AGE", 8 * 60 * 60)
SESSION_EXPIRE_AT_BROWSER_CLOSE = True
EPORTAL_SESSION_IDLE_MINUTES = env_int("EPORTAL_SESSION_IDLE_MINUTES", 30)

LANGUAGE_CODE = "vi"
TIME_ZONE = "Asia/Ho_Chi_Minh"
USE_I18N = True
USE_TZ = True
# Our Vietnamese translations of the Wagtail admin strings the board sees every day
# (Wagtail's own Vietnamese catalogue is small); searched before the apps' catalogues.
LOCALE_PATHS = [PROJECT_DIR / "locale"]
WAGTAIL_I18N_ENABLED = False
WAGTAILADMIN_PERMITTED_LANGUAGES = [("vi", "Tiếng Việt"), ("en", "English")]

STATIC_URL = "/static/"
STATIC_ROOT = Path(env_str("STATIC_ROOT", str(VAR_DIR / "static")))
STATICFILES_DIRS = [PROJECT_DIR / "static"]
MEDIA_URL = "/media/"
# Files that must never be public (citizens' attachments): outside MEDIA_ROOT, served
# only through views that check permissions.
EPORTAL_PRIVATE_MEDIA_ROOT = Path(env_str("EPORTAL_PRIVATE_MEDIA_ROOT", str(VAR_DIR / "private")))
MEDIA_ROOT = Path(env_str("MEDIA_ROOT", str(VAR_DIR / "media")))
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.ManifestStaticFilesStorage"},
}

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"
DATA_UPLOAD_MAX_NUMBER_FIELDS = 10_000
# Form fields of one request, files not counted (they have their own limits): a bigger
# body is refused with the 400 page before any view reads it.
DATA_UPLOAD_MAX_MEMORY_SIZE = 2_621_440
# Searches one client may make a minute (eportal.search.views).
EPORTAL_SEARCHES_PER_MINUTE = env_int("EPORTAL_SEARCHES_PER_MINUTE", 60)

WAGTAIL_SITE_NAME = env_str("EPORTAL_SITE_NAME", "Cổng thông tin điện tử")
WAGTAILADMIN_BASE_URL = env_str("EPORTAL_BASE_URL", "http://127.0.0.1:8000")
WAGTAILSEARCH_BACKENDS = {"default": {"BACKEND": "wagtail.search.backends.database"}}
# Uploads are checked by content, not by name (eportal.media): a document's content must be
# of the type its extension names, an image must open as the format its extension names.
WAGTAILDOCS_EXTENSIONS = ["pdf", "doc", "docx", "xls", "xlsx", "odt", "ods", "mp4", "webm", "vtt"]
WAGTAILDOCS_MAX_UPLOAD_SIZE = env_int("EPORTAL_MAX_UPLOAD_MB", 200) * 1024 * 1024
WAGTAILDOCS_DOCUMENT_FORM_BASE = "eportal.media.forms.DocumentForm"
# Documents are served through Wagtail's view (attachment, nosniff, CSP) whatever the storage.
WAGTAILDOCS_SERVE_METHOD = "serve_view"
# Served types spelled out: slim servers lack /etc/mime.types, and Python alone does not know
# docx, xlsx, odt or ods (they would go out as application/octet-stream).
WAGTAILDOCS_CONTENT_TYPES = {
    "pdf": "application/pdf",
    "doc": "application/msword",
    "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    "xls": "application/vnd.ms-excel",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    "odt": "application/vnd.oasis.opendocument.text",
    "ods": "application/vnd.oasis.opendocument.spreadsheet",
    "mp4": "video/mp4",
    "webm": "video/webm",
    "vtt": "text/vtt",
}
WAGTAILIMAGES_IMAGE_FORM_BASE = "eportal.media.forms.ImageForm"
# No SVG: it can carry scripts.
WAGTAILIMAGES_EXTENSIONS = ["jpg", "jpeg", "png", "gif", "webp", "avif"]
WAGTAILIMAGES_MAX_UPLOAD_SIZE = 20 * 1024 * 1024
WAGTAILIMAGES_MAX_IMAGE_PIXELS = 40_000_000
# Photos (JPEG, and AVIF which older browsers cannot show) are published as WebP; PNG stays
# lossless for logos and diagrams, and Wagtail already turns still GIFs into PNG.
WAGTAILIMAGES_FORMAT_CONVERSIONS = {"jpeg": "webp", "avif": "webp"}
WAGTAILEMBEDS_RESPONSIVE_HTML = True
# No avatars from gravatar.com: no third-party requests from the admin either.
WAGTAIL_GRAVATAR_PROVIDER_URL = None
# Nor the dashboard's look-up of new Wagtail releases (the admin's policy would block it).
WAGTAIL_ENABLE_UPDATE_CHECK = False

# The portal never loads third-party resources on its own; video embeds are linked.
EPORTAL_VIDEO_EMBED_HOSTS = env_list(
    "EPORTAL_VIDEO_EMBED_HOSTS", "www.youtube.com,youtube.com,youtu.be,m.youtube.com,vimeo.com"
)
# Reverse proxies (nginx) whose X-Forwarded-For gives the visitor's address.
EPORTAL_TRUSTED_PROXIES = env_list("EPORTAL_TRUSTED_PROXIES")
# Visitors seen within this many seconds count as "Đang online".
EPORTAL_ONLINE_WINDOW = env_int("EPORTAL_ONLINE_WINDOW", 300)
# With Redis, hits are batched into the database every this many hits.
EPORTAL_HIT_FLUSH_EVERY = env_int("EPORTAL_HIT_FLUSH_EVERY", 50)
# Visit statistics (eportal.visits): a visitor loading more frames than this in a minute is
# counted as a bot from then on (0 turns the rule off); daily rows per page, referrer and device
# are kept this many days (their months and the site's hours, days and months stay).
EPORTAL_VISIT_PERSON_MAX_PER_MINUTE = env_int("EPORTAL_VISIT_PERSON_MAX_PER_MINUTE", 60)
EPORTAL_VISIT_DAYS_KEPT = env_int("EPORTAL_VISIT_DAYS_KEPT", 400)
# Referring hosts come from the client: a day keeps at most this many (later ones: "Nguồn khác").
EPORTAL_VISIT_REFERRERS_PER_DAY = env_int("EPORTAL_VISIT_REFERRERS_PER_DAY", 500)

# Anonymous pages are written here for nginx (deploy/nginx) and purged by dependency tags
# when content changes; empty turns the page cache off.
EPORTAL_PAGE_CACHE_DIR = env_str("EPORTAL_PAGE_CACHE_DIR", str(VAR_DIR / "pagecache"))

# E-mail: the editorial workflow notifies by e-mail when EMAIL_HOST is set; it always
# shows waiting pages on each reviewer's admin dashboard.
EMAIL_HOST = env_str("EMAIL_HOST")
if EMAIL_HOST:
    EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    EMAIL_PORT = env_int("EMAIL_PORT", 587)
    EMAIL_HOST_USER = env_str("EMAIL_HOST_USER")
    EMAIL_HOST_PASSWORD = env_str("EMAIL_HOST_PASSWORD")
    EMAIL_USE_TLS = env_bool("EMAIL_USE_TLS", True)
    EMAIL_TIMEOUT = 10
else:
    EMAIL_BACKEND = "django.core.mail.backends.dummy.EmailBackend"
DEFAULT_FROM_EMAIL = env_str("DEFAULT_FROM_EMAIL", "cong-thong-tin@localhost")
WAGTAILADMIN_NOTIFICATION_FROM_EMAIL = DEFAULT_FROM_EMAIL

CSRF_FAILURE_VIEW = "eportal.core.views.csrf_failure"
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "strict-origin-when-cross-origin"
# DENY for browsers without CSP frame-ancestors; the others follow the Content-Security-Policy
# (eportal.core.security_headers), which lets the portal frame its own hit counter.
X_FRAME_OPTIONS = "DENY"
SESSION_COOKIE_HTTPONLY = True
if env_bool("EPORTAL_HTTPS", False):
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
    SESSION_COOKIE_SECURE = True
    CSRF_COOKIE_SECURE = True
    SECURE_HSTS_SECONDS = env_int("SECURE_HSTS_SECONDS", 31536000)
    # Off unless asked: hosts under the portal's name (mail, old e-services) may still be
    # plain HTTP, and includeSubDomains would make browsers refuse them for a year.
    SECURE_HSTS_INCLUDE_SUBDOMAINS = env_bool("EPORTAL_HSTS_INCLUDE_SUBDOMAINS", False)
SILENCED_SYSTEM_CHECKS = [
    # nginx redirects every plain-HTTP request (deploy/nginx/eportal-site.conf) and the app
    # listens on 127.0.0.1 only; redirecting in Django too would send local probes
    # (monitoring, curl 127.0.0.1:8000) to https.
    "security.W008",
    # See SECURE_HSTS_INCLUDE_SUBDOMAINS above.
    "security.W005",
    # Preloading is decided for a whole registrable domain (the province's *.gov.vn), not
    # by one portal on it.
    "security.W021",
]

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    # Every record gets the id of the request being handled (eportal.operations).
    "filters": {"request": {"()": "eportal.operations.logs.RequestContextFilter"}},
    "formatters": {
        "plain": {"format": "%(asctime)s %(levelname)s %(name)s [%(request_id)s]: %(message)s"},
        "json": {"()": "eportal.operations.logs.JsonFormatter"},
    },
    # LOG_FORMAT=json (production) writes one JSON object a line; plain text by default.
    "handlers": {
        "console": {"class": "logging.StreamHandler", "formatter": env_str("LOG_FORMAT", "plain"), "filters": ["request"]}
    },
    "root": {"handlers": ["console"], "level": env_str("LOG_LEVEL", "INFO")},
    "loggers": {
        "django.request": {"level": "ERROR"},
        "django_tasks": {"level": "WARNING"},
        "wagtail": {"level": "WARNING"},
    },
}
