"""A mail server on loopback that refuses every message, as a real one does when it is
out of service: it greets with `554` (RFC 5321, 3.1: "No SMTP service here") and hangs
up. Django's SMTP backend meets it over a real socket and fails as it would in
production (smtplib raises `SMTPConnectError`); nothing of the shop is replaced.
"""

from __future__ import annotations

import socketserver
import threading

GREETING = b"554 5.3.2 mail.museum.test: no SMTP service here\r\n"


class RefusingMailServer:
    """`with RefusingMailServer() as server:` listens on 127.0.0.1:`server.port`;
    `server.connections` counts the clients it turned away."""

    def __init__(self) -> None:
        self.connections = 0
        self._lock = threading.Lock()
        mail_server = self

        class Handler(socketserver.BaseRequestHandler):
            def handle(self) -> None:
                with mail_server._lock:
                    mail_server.connections += 1
                self.request.sendall(GREETING)

        self._server = socketserver.ThreadingTCPServer(("127.0.0.1", 0), Handler)
        self._server.daemon_threads = True
        self._thread = threading.Thread(target=self._server.serve_forever, daemon=True)

    @property
    def port(self) -> int:
        return self._server.server_address[1]

    def __enter__(self) -> RefusingMailServer:
        self._thread.start()
        return self

    def __exit__(self, *exc_info) -> None:
        self._server.shutdown()
        self._server.server_close()
        self._thread.join()
