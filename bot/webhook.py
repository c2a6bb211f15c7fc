"""The webhook server: Telegram posts updates here (tornado, as python-telegram-bot uses).

Our own handler rather than ``Application.run_webhook``'s, to be strict with what
arrives: the secret header is compared in constant time, a body that is not an
update is a 400 (not a 500), bodies are capped, and no body is ever logged.
"""

from __future__ import annotations

import asyncio
import hmac
import json
import logging
import signal
from http import HTTPStatus
from typing import Any

import tornado.httpserver
import tornado.web
from telegram import Update
from telegram.ext import Application

log = logging.getLogger(__name__)
SECRET_HEADER = "X-Telegram-Bot-Api-Secret-Token"
# Telegram's largest updates (a 4096-character message with entities, replying to
# another) are tens of kB; a megabyte leaves room and keeps a flood of junk cheap.
MAX_BODY_BYTES = 1_000_000


class _UpdateHandler(tornado.web.RequestHandler):
    def initialize(self, app: Application, secret: str) -> None:
        self.app, self.secret = app, secret

    def log_exception(self, typ: Any, value: Any, tb: Any) -> None:
        log.error("webhook request failed: %s", value)  # no traceback with the request in it

    async def post(self) -> None:
        given = self.request.headers.get(SECRET_HEADER, "")
        if not hmac.compare_digest(given.encode(), self.secret.encode()):
            self.set_status(HTTPStatus.FORBIDDEN)
            return
        try:
            data = json.loads(self.request.body)
            update = Update.de_json(data, self.app.bot) if isinstance(data, dict) else None
        except (ValueError, KeyError, TypeError, AttributeError) as exc:  # the sender's mistake
            log.warning("webhook: rejected a malformed update (%d bytes): %s", len(self.request.body), exc)
            update = None
        if update is None:
            self.set_status(HTTPStatus.BAD_REQUEST)
            return
        await self.app.update_queue.put(update)
        self.set_status(HTTPStatus.OK)


class WebhookServer:
    """Receives updates over HTTP and puts them on the application's update queue."""

    def __init__(self, app: Application, *, listen: str, port: int, url_path: str, secret: str):
        routes = [(rf"/{url_path.strip('/')}/?", _UpdateHandler, {"app": app, "secret": secret})]
        web = tornado.web.Application(routes, log_function=lambda handler: None)
        self._server = tornado.httpserver.HTTPServer(web, max_body_size=MAX_BODY_BYTES)
        self.listen, self.port = listen, port

    def start(self) -> None:
        self._server.listen(self.port, self.listen)

    async def stop(self) -> None:
        self._server.stop()
        await self._server.close_all_connections()


async def start_webhook(
    app: Application,
    *,
    listen: str,
    port: int,
    url_path: str,
    webhook_url: str,
    secret: str,
    allowed_updates: list[str] | None = None,
) -> WebhookServer:
    """Listen, then tell Telegram where to post (the application must be initialized)."""
    server = WebhookServer(app, listen=listen, port=port, url_path=url_path, secret=secret)
    server.start()
    await app.bot.set_webhook(webhook_url, secret_token=secret, allowed_updates=allowed_updates)
    return server


def run_webhook(app: Application, **options: Any) -> None:
    """Serve updates posted to the webhook until SIGINT/SIGTERM (like ``run_polling``)."""

    async def serve() -> None:
        stop = asyncio.Event()
        loop = asyncio.get_running_loop()
        for sig in (signal.SIGINT, signal.SIGTERM):
            loop.add_signal_handler(sig, stop.set)
        async with app:  # initialize … shutdown
            if app.post_init:
                await app.post_init(app)
            server = await start_webhook(app, **options)
            await app.start()
            try:
                await stop.wait()
            finally:
                await server.stop()
                await app.stop()
                if app.post_shutdown:
                    await app.post_shutdown(app)

    asyncio.run(serve())
