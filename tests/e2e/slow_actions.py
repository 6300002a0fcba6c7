"""A stand-in action server that answers /health but takes too long on every action.

Run as ``python -m tests.e2e.slow_actions PORT SECONDS``.
"""

from __future__ import annotations

import sys
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer


class _SlowHandler(BaseHTTPRequestHandler):
    delay = 60.0

    def do_GET(self) -> None:  # noqa: N802 - http.server's naming
        self._answer(b'{"status": "ok"}')

    def do_POST(self) -> None:  # noqa: N802
        self.rfile.read(int(self.headers.get("Content-Length") or 0))
        time.sleep(self.delay)
        self._answer(b'{"events": [], "responses": []}')

    def _answer(self, body: bytes) -> None:
        try:
            self.send_response(200)
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)
        except (BrokenPipeError, ConnectionResetError):
            pass  # Rasa gave up waiting, as it should


def main() -> None:
    port, _SlowHandler.delay = int(sys.argv[1]), float(sys.argv[2])
    ThreadingHTTPServer(("127.0.0.1", port), _SlowHandler).serve_forever()


if __name__ == "__main__":
    main()
