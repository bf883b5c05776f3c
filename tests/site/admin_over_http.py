"""An editor in Wagtail's admin over real HTTP, for tests against a server process.

With DEBUG off the session and CSRF cookies are `Secure`; a cookie jar would keep them
from a plain-HTTP loopback server, so this client keeps its cookies itself (the server
behind a TLS proxy sees the same requests).
"""

from __future__ import annotations

import re
from http.cookies import SimpleCookie

import httpx
from wagtail.test.utils.form_data import querydict_from_html

_CSRF_INPUT = re.compile(r'name="csrfmiddlewaretoken" value="([^"]+)"')


class AdminEditor:
    def __init__(self, base_url: str) -> None:
        self.base_url = base_url
        self.http = httpx.Client(base_url=base_url, timeout=120, follow_redirects=False)
        self.cookies: dict[str, str] = {}

    def close(self) -> None:
        self.http.close()

    def _request(self, method: str, path: str, **kwargs) -> httpx.Response:
        headers = kwargs.pop("headers", {})
        if self.cookies:
            headers["Cookie"] = "; ".join(f"{k}={v}" for k, v in self.cookies.items())
        if method == "POST":
            headers.setdefault("Referer", f"{self.base_url}{path}")
            headers.setdefault("Origin", self.base_url)
        response = self.http.request(method, path, headers=headers, **kwargs)
        for header in response.headers.get_list("set-cookie"):
            for name, morsel in SimpleCookie(header).items():
                self.cookies[name] = morsel.value
        return response

    def get(self, path: str) -> httpx.Response:
        return self._request("GET", path)

    def post(self, path: str, data: dict, files: dict | None = None) -> httpx.Response:
        page = self.get(path) if "csrftoken" not in self.cookies else None
        token = self.cookies.get("csrftoken")
        if page is not None and (found := _CSRF_INPUT.search(page.text)):
            token = token or found.group(1)
        return self._request("POST", path, data={**data, "csrfmiddlewaretoken": token}, files=files)

    def sign_in(self, username: str, password: str) -> None:
        self.get("/admin/login/")
        response = self.post("/admin/login/", {"username": username, "password": password})
        assert response.status_code == 302, response.text[-2000:]

    def upload_image(self, title: str, filename: str, content: bytes) -> None:
        response = self.post(
            "/admin/images/add/",
            {"title": title},
            files={"file": (filename, content, "image/jpeg")},
        )
        assert response.status_code == 302, response.text[-3000:]

    def publish(self, page_id: int, **changes: str) -> None:
        """Change fields in the page editor, if asked, and press "Publish"."""
        path = f"/admin/pages/{page_id}/edit/"
        form = querydict_from_html(self.get(path).text, form_id="page-edit-form")
        data = {key: form.getlist(key) for key in form}
        data.update(changes)
        data["action-publish"] = "publish"
        response = self.post(path, data)
        assert response.status_code == 302, response.text[-3000:]
