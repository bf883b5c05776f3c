"""The real @saleor/sdk 0.7.0, unchanged, against our live server (tests/e2e/saleor_sdk).

`node run.mjs` signs up, confirms, signs in, reads `me`, edits the account, refreshes,
changes the password, signs out and deletes the account, printing one JSON line per
step; e-mailed tokens are handed to it on stdin from Django's test outbox. These tests
fail rather than skip when Node or the npm packages are missing: a skipped proof of
compatibility is no proof.
"""

from __future__ import annotations

import json
import queue
import shutil
import subprocess
import threading
from pathlib import Path

import pytest
from django.core import mail

from tests.accounts import builders
from tests.accounts.conftest import link_params

SDK_PROJECT = Path(__file__).resolve().parents[1] / "e2e" / "saleor_sdk"
STEP_TIMEOUT = 60

pytestmark = [pytest.mark.database_neutral, pytest.mark.django_db(transaction=True)]


def node_or_fail() -> str:
    node = shutil.which("node")
    if node is None:
        pytest.fail("Node 20 is needed for the @saleor/sdk test: install nodejs (Debian).")
    if not (SDK_PROJECT / "node_modules" / "@saleor" / "sdk").is_dir():
        pytest.fail(
            f"@saleor/sdk is not installed: run `npm ci` in {SDK_PROJECT} "
            f"(or {SDK_PROJECT / 'install.sh'})."
        )
    return node


class SdkScript:
    """`node run.mjs` as a child process: its steps as parsed lines, tokens to its stdin."""

    def __init__(self, url: str, scenario: str, *args: str) -> None:
        self.process = subprocess.Popen(
            [node_or_fail(), "run.mjs", url, scenario, *args],
            cwd=SDK_PROJECT,
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        self.lines: queue.Queue[str | None] = queue.Queue()
        threading.Thread(target=self._read, daemon=True).start()
        self.steps: dict[str, dict] = {}

    def _read(self) -> None:
        assert self.process.stdout is not None
        for line in self.process.stdout:
            self.lines.put(line)
        self.lines.put(None)

    def next_step(self) -> dict:
        try:
            line = self.lines.get(timeout=STEP_TIMEOUT)
        except queue.Empty:
            pytest.fail(f"run.mjs said nothing for {STEP_TIMEOUT} s; steps so far: {self.steps}")
        if line is None:
            self.process.wait(timeout=STEP_TIMEOUT)
            stderr = self.process.stderr.read() if self.process.stderr else ""
            pytest.fail(f"run.mjs ended early ({self.process.returncode}): {stderr}")
        seen = json.loads(line)
        assert "error" not in seen, f"step {seen['step']} failed: {seen['error']}"
        self.steps[seen["step"]] = seen
        return seen

    def until(self, step: str) -> dict:
        while True:
            seen = self.next_step()
            if seen["step"] == step:
                return seen

    def send(self, text: str) -> None:
        assert self.process.stdin is not None
        self.process.stdin.write(text + "\n")
        self.process.stdin.flush()

    def close(self) -> None:
        if self.process.poll() is None:
            self.process.kill()
        self.process.wait(timeout=STEP_TIMEOUT)


@pytest.fixture
def sdk_script(live_server, settings):
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    scripts: list[SdkScript] = []

    def start(scenario: str, *args: str) -> SdkScript:
        script = SdkScript(f"{live_server.url}/graphql/", scenario, *args)
        scripts.append(script)
        return script

    yield start
    for script in scripts:
        script.close()


def emailed_token(subject_part: str) -> str:
    message = next(m for m in reversed(mail.outbox) if subject_part in m.subject)
    return link_params(message)["token"]


def test_the_sdk_signs_up_signs_in_refreshes_changes_password_and_deletes(sdk_script, mailoutbox):
    script = sdk_script("account")

    assert script.until("register") == {
        "step": "register",
        "requiresConfirmation": True,
        "errors": [],
    }
    assert script.until("loginBeforeConfirm")["errors"] == ["INACTIVE"]
    assert script.until("waitForToken")["kind"] == "confirmation"
    # The SDK registers without a languageCode: the e-mails go in the museum's default, Dutch.
    script.send(emailed_token("bevestig uw e-mailadres"))
    confirmed = script.until("confirm")
    assert confirmed["errors"] == [] and confirmed["email"].startswith("visitor.")

    login = script.until("login")
    assert login["errors"] == [] and login["email"] == confirmed["email"]
    # The claims the SDK decodes: owner "saleor" routes refreshes to tokenRefresh.
    assert login["claims"]["owner"] == "saleor" and login["claims"]["type"] == "access"
    assert login["refreshClaims"]["type"] == "refresh"
    assert script.until("state")["email"] == login["email"]
    me = script.until("me")
    assert me == {"step": "me", "email": login["email"], "addresses": 0, "isStaff": False}

    assert script.until("updateAccount") == {
        "step": "updateAccount",
        "name": "Anna Bijns",
        "errors": [],
    }
    created = script.until("createAddress")
    assert created["errors"] == [] and created["addresses"] == 1
    assert created["country"] == {
        "code": "BE",
        "country": "Belgium",
        "__typename": "CountryDisplay",
    }
    default = script.until("setDefaultAddress")
    assert default["defaultBilling"] == created["id"] and default["isDefaultBilling"] is True

    refreshed = script.until("refresh")
    assert refreshed == {"step": "refresh", "token": True, "email": login["email"], "errors": []}
    verified = script.until("verify")
    assert verified == {
        "step": "verify",
        "isValid": True,
        "type": "access",
        "email": login["email"],
    }

    assert script.until("changePassword")["errors"] == []
    after_change = script.until("verifyAfterPasswordChange")
    assert after_change["isValid"] is False
    assert after_change["errors"] == ["JWT_INVALID_TOKEN"]
    assert after_change["state"] is None, "the SDK signs out when its token is refused"
    assert script.until("loginWithOldPassword")["errors"] == ["INVALID_CREDENTIALS"]
    relogin = script.until("loginWithNewPassword")
    assert relogin["errors"] == [] and relogin["sameToken"] is False

    assert script.until("logout") == {"step": "logout", "state": None, "me": None}
    assert script.until("loginAgain")["errors"] == []
    assert script.until("requestDeletion")["errors"] == []
    assert script.until("waitForToken")["kind"] == "deletion"
    script.send(emailed_token("verwijdering van uw account"))
    deleted = script.until("delete")
    assert deleted["errors"] == [] and deleted["email"].endswith("@anonymised.invalid")
    assert script.until("loginAfterDelete")["errors"] == ["INVALID_CREDENTIALS"]
    assert script.until("done")


def test_the_sdk_refreshes_and_retries_when_the_server_says_the_token_expired(sdk_script, settings):
    settings.VITRINE_ACCOUNTS = {**settings.VITRINE_ACCOUNTS, "ACCESS_TOKEN_SECONDS": 2}
    user = builders.customer("late@example.org", password=builders.PASSWORD)
    script = sdk_script("expiry", user.email, builders.PASSWORD)

    assert script.until("login")["errors"] == []
    assert script.until("meAfterExpiry") == {"step": "meAfterExpiry", "email": "late@example.org"}
    assert script.until("verify") == {"step": "verify", "isValid": True}
    assert script.until("done")
