"""`manage.py check --deploy` is clean with the production environment of docs/deploy.md."""

import os
import secrets
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
# Variables of the developer's or CI's shell that would change what is checked.
CLEARED = {"DEBUG", "SECRET_KEY", "ALLOWED_HOSTS", "CSRF_TRUSTED_ORIGINS", "EPORTAL_HTTPS",
           "EPORTAL_BASE_URL", "SECURE_HSTS_SECONDS", "EPORTAL_HSTS_INCLUDE_SUBDOMAINS"}


def production_env(tmp_path, **changes):
    env = {key: value for key, value in os.environ.items() if key not in CLEARED and not key.startswith("PYTEST")}
    env.update(
        DJANGO_SETTINGS_MODULE="eportal.settings.base",
        EPORTAL_VAR_DIR=str(tmp_path),
        SECRET_KEY=secrets.token_urlsafe(60),
        ALLOWED_HOSTS="kesach.example.gov.vn",
        CSRF_TRUSTED_ORIGINS="https://kesach.example.gov.vn",
        EPORTAL_BASE_URL="https://kesach.example.gov.vn",
        EPORTAL_HTTPS="1",
        EPORTAL_TRUSTED_PROXIES="127.0.0.1",
    )
    for key, value in changes.items():
        if value is None:
            env.pop(key, None)
        else:
            env[key] = value
    return env


def check_deploy(env):
    return subprocess.run(
        [sys.executable, "manage.py", "check", "--deploy", "--fail-level", "WARNING"],
        cwd=ROOT, env=env, capture_output=True, text=True, timeout=120,
    )


def test_production_settings_pass_the_deploy_check(tmp_path):
    result = check_deploy(production_env(tmp_path))
    assert result.returncode == 0, result.stdout + result.stderr
    assert "no issues" in result.stdout


def test_without_https_the_deploy_check_fails(tmp_path):
    result = check_deploy(production_env(tmp_path, EPORTAL_HTTPS=None))
    assert result.returncode != 0
    for check in ["security.W004", "security.W012", "security.W016"]:  # HSTS, secure cookies
        assert check in result.stderr, result.stderr


def test_a_short_secret_key_fails_the_deploy_check(tmp_path):
    result = check_deploy(production_env(tmp_path, SECRET_KEY="CHANGE-ME-a-long-random-string"))
    assert result.returncode != 0
    assert "security.W009" in result.stderr


def test_debug_is_refused_for_a_public_host_name(tmp_path):
    result = check_deploy(production_env(tmp_path, DEBUG="1"))
    assert result.returncode != 0
    assert "DEBUG=1 is refused" in result.stderr


def test_debug_still_starts_on_the_developers_machine(tmp_path):
    env = production_env(tmp_path, DEBUG="1", ALLOWED_HOSTS="127.0.0.1,localhost", EPORTAL_HTTPS=None)
    result = subprocess.run([sys.executable, "manage.py", "check"], cwd=ROOT, env=env,
                            capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr
