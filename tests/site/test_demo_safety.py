"""The demo is safe on a shared network: it listens on loopback unless told otherwise,
its admin password is random per install (printed once, kept on later loads,
DEMO_ADMIN_PASSWORD still sets one), and the URLs it prints are the ones it serves."""

from __future__ import annotations

import subprocess

import pytest
from django.contrib.auth import get_user_model

from museum_site.demo.loader import ADMIN_USERNAME, ensure_admin
from museum_site.demo.server_address import browser_url, default_addrport, split_addrport
from tests.site.server_process import ROOT


@pytest.fixture(autouse=True)
def _fast_hashes(settings):
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


def _admin():
    return get_user_model().objects.get(username=ADMIN_USERNAME)


@pytest.mark.django_db
def test_the_first_load_makes_a_random_password_and_a_second_keeps_it():
    first = ensure_admin(None)
    assert first and len(first) >= 16 and first != "vitrine-demo"
    assert _admin().check_password(first) and _admin().is_superuser

    assert ensure_admin(None) is None  # nothing to print: the password is not changed
    assert _admin().check_password(first)

    _admin().delete()
    assert ensure_admin(None) != first  # another install, another password


@pytest.mark.django_db
def test_demo_admin_password_sets_the_password_on_any_load():
    assert ensure_admin("chosen-by-the-museum") == "chosen-by-the-museum"
    assert _admin().check_password("chosen-by-the-museum")
    assert ensure_admin("changed-later") == "changed-later"
    assert _admin().check_password("changed-later")
    assert ensure_admin(None) is None and _admin().check_password("changed-later")


def test_the_demo_listens_on_loopback_and_prints_urls_that_follow_host_and_port(monkeypatch):
    for name in ("DEMO_HOST", "PORT"):
        monkeypatch.delenv(name, raising=False)
    assert default_addrport() == "127.0.0.1:8000"
    assert browser_url(*split_addrport(default_addrport())) == "http://127.0.0.1:8000"
    monkeypatch.setenv("PORT", "8123")
    assert browser_url(*split_addrport(default_addrport())) == "http://127.0.0.1:8123"
    assert browser_url(*split_addrport("0.0.0.0:9000")) == "http://localhost:9000"
    assert browser_url(*split_addrport("::1:9000")) == "http://[::1]:9000"


def _demo_commands(*overrides: str) -> str:
    env = {"PATH": "/usr/bin:/bin", "HOST": "somewhere.example"}  # some shells export HOST
    return subprocess.run(
        ["make", "-n", "--always-make", "demo", *overrides],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        check=True,
    ).stdout


def test_make_demo_serves_on_loopback_unless_told_otherwise():
    commands = _demo_commands()
    assert "manage.py rundemo 127.0.0.1:8000 " in commands
    assert "DEMO_HOST=127.0.0.1 PORT=8000 .venv/bin/python manage.py load_demo" in commands
    commands = _demo_commands("HOST=0.0.0.0", "PORT=8080")
    assert "manage.py rundemo 0.0.0.0:8080 " in commands
    assert "DEMO_HOST=0.0.0.0 PORT=8080" in commands
