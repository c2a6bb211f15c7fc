"""A local HTTP server playing the Telegram Bot API, for end-to-end bot tests.

It implements, as https://core.telegram.org/bots/api documents them, the
methods the bot uses, and is strict where Telegram is: HTML must parse (only
Telegram's tags, every < and & escaped), messages are 1–4096 characters after
entity parsing, callback data is at most 64 bytes.
"""

from __future__ import annotations

import html
import json
import re
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qs

_TAGS = {
    "b",
    "strong",
    "i",
    "em",
    "u",
    "ins",
    "s",
    "strike",
    "del",
    "span",
    "tg-spoiler",
    "a",
    "code",
    "pre",
    "blockquote",
    "tg-emoji",
}
_TAG = re.compile(r"<(/?)([a-z-]+)(\s[^<>]*)?>")
_ENTITY = re.compile(r"&(lt|gt|amp|quot|#\d+|#x[0-9a-fA-F]+);")
_JSON_FIELDS = {
    "reply_markup",
    "commands",
    "allowed_updates",
    "reply_parameters",
    "link_preview_options",
    "entities",
    "scope",
}


class BadRequest(Exception):
    pass


def parse_html(text: str) -> str:
    """Visible text of Telegram HTML, or BadRequest as Telegram would answer."""
    i, stack, out = 0, [], []
    while i < len(text):
        c = text[i]
        if c == "<":
            m = _TAG.match(text, i)
            if not m or m.group(2) not in _TAGS:
                raise BadRequest(f"can't parse entities: unsupported start tag at byte offset {i}")
            if m.group(1):
                if not stack or stack[-1] != m.group(2):
                    raise BadRequest(f"can't parse entities: unmatched end tag at byte offset {i}")
                stack.pop()
            else:
                stack.append(m.group(2))
            i = m.end()
        elif c == "&":
            m = _ENTITY.match(text, i)
            if not m:
                raise BadRequest(f"can't parse entities: unescaped & at byte offset {i}")
            out.append(html.unescape(m.group()))
            i = m.end()
        elif c == ">":
            raise BadRequest(f"can't parse entities: unescaped > at byte offset {i}")
        else:
            out.append(c)
            i += 1
    if stack:
        raise BadRequest(f"can't parse entities: can't find end tag corresponding to start tag {stack[-1]}")
    return "".join(out)


class BotAPIStandIn:
    def __init__(
        self, token: str = "7001234567:AAStand-in-secret-token-XyZ", username: str = "berita_test_bot"
    ):
        self.token = token
        self.username = username
        self.bot_id = int(token.split(":")[0])
        self.calls: list[tuple[str, dict]] = []
        self.errors: list[tuple[str, str]] = []
        self._updates: list[dict] = []
        self._next_update = 1
        self._next_message = 1000
        self._messages: dict[tuple[int, int], dict] = {}
        self._cond = threading.Condition()
        self.fail_next: dict[str, int] = {}  # method -> times to answer 502
        self.webhook: dict | None = None
        self.get_updates: list[dict] = []  # the parameters of every getUpdates call
        self._server: ThreadingHTTPServer | None = None

    # --- lifecycle ---------------------------------------------------------

    def start(self) -> str:
        standin = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def log_message(self, *args):  # quiet
                pass

            def do_POST(self):
                standin._handle(self)

            do_GET = do_POST

        self._server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self._server.daemon_threads = True
        threading.Thread(target=self._server.serve_forever, daemon=True).start()
        return self.base_url

    @property
    def base_url(self) -> str:
        return f"http://127.0.0.1:{self._server.server_address[1]}/bot"

    def stop(self) -> None:
        with self._cond:
            self._cond.notify_all()
        if self._server:
            self._server.shutdown()
            self._server.server_close()

    # --- feeding updates ---------------------------------------------------

    def _user(self, user_id: int, language_code: str | None) -> dict:
        u = {"id": user_id, "is_bot": False, "first_name": f"User{user_id}"}
        if language_code:
            u["language_code"] = language_code
        return u

    @staticmethod
    def _entities(text: str) -> list[dict]:
        """Entities as Telegram makes them: offsets and lengths in UTF-16 code units."""

        def units(s: str) -> int:
            return len(s.encode("utf-16-le")) // 2

        found = []
        command = re.match(r"/[A-Za-z0-9_]+(@[A-Za-z0-9_]+)?", text)
        if command:
            found.append({"type": "bot_command", "offset": 0, "length": units(command.group())})
        for m in re.finditer(r"(?<![\w@])@[A-Za-z][A-Za-z0-9_]{3,31}\b", text):
            if command and m.start() < command.end():
                continue
            found.append({"type": "mention", "offset": units(text[: m.start()]), "length": units(m.group())})
        return found

    def push_message(
        self,
        text: str,
        user_id: int = 111,
        chat_id: int | None = None,
        chat_type: str = "private",
        language_code: str | None = "en",
        reply_to: dict | None = None,
    ) -> dict:
        with self._cond:
            msg = self._new_message(text, user_id, chat_id, chat_type, language_code, reply_to)
            return self._push({"message": msg})

    def _new_message(self, text, user_id, chat_id, chat_type, language_code, reply_to) -> dict:
        chat_id = chat_id if chat_id is not None else user_id
        chat = {"id": chat_id, "type": chat_type}
        if chat_type != "private":
            chat["title"] = "Test group"
        self._next_message += 1
        msg = {
            "message_id": self._next_message,
            "date": int(time.time()),
            "chat": chat,
            "text": text,
        }
        if chat_type == "channel":
            msg["sender_chat"] = chat
        else:
            msg["from"] = self._user(user_id, language_code)
        entities = self._entities(text)
        if entities:
            msg["entities"] = entities
        if reply_to is not None:
            msg["reply_to_message"] = reply_to
        self._messages[(chat_id, msg["message_id"])] = msg
        return msg

    def push_edit(self, message: dict, text: str) -> dict:
        """The user edits ``message`` (an update's "message") to read ``text``."""
        with self._cond:
            edited = {k: v for k, v in message.items() if k != "entities"}
            edited.update(text=text, edit_date=int(time.time()))
            entities = self._entities(text)
            if entities:
                edited["entities"] = entities
            self._messages[(message["chat"]["id"], message["message_id"])] = edited
            return self._push({"edited_message": edited})

    def push_channel_post(self, text: str, chat_id: int = -1009) -> dict:
        with self._cond:
            return self._push({"channel_post": self._new_message(text, 0, chat_id, "channel", None, None)})

    def push_raw(self, update: dict) -> dict:
        """Any update body at all, e.g. one python-telegram-bot cannot parse."""
        with self._cond:
            return self._push(dict(update))

    def push_callback(
        self, data: str, message: dict | None, user_id: int = 111, language_code: str | None = "en"
    ) -> dict:
        """A button press; ``message=None`` is a button under an inline-mode message."""
        with self._cond:
            query = {
                "id": f"cb{self._next_update}",
                "from": self._user(user_id, language_code),
                "chat_instance": "ci",
                "data": data,
            }
            if message is None:
                query["inline_message_id"] = f"inline{self._next_update}"
            else:
                query["message"] = message
            return self._push({"callback_query": query})

    def pending(self) -> int:
        """Updates not yet confirmed by a later getUpdates offset."""
        with self._cond:
            return len(self._updates)

    def _push(self, update: dict) -> dict:
        update["update_id"] = self._next_update
        self._next_update += 1
        self._updates.append(update)
        self._cond.notify_all()
        return update

    # --- inspecting --------------------------------------------------------

    def sent(self, method: str) -> list[dict]:
        with self._cond:
            return [p for m, p in self.calls if m == method]

    def wait_for(self, method: str, count: int = 1, timeout: float = 60.0) -> list[dict]:
        deadline = time.monotonic() + timeout
        with self._cond:
            while True:
                found = [p for m, p in self.calls if m == method]
                if len(found) >= count:
                    return found
                left = deadline - time.monotonic()
                if left <= 0:
                    raise AssertionError(
                        f"timed out waiting for {count} {method}; calls: "
                        f"{[m for m, _ in self.calls]} errors: {self.errors}"
                    )
                self._cond.wait(min(left, 0.2))

    # --- the API -----------------------------------------------------------

    def _handle(self, req: BaseHTTPRequestHandler) -> None:
        m = re.fullmatch(r"/bot([^/]+)/(\w+)", req.path.split("?")[0])
        length = int(req.headers.get("Content-Length") or 0)
        body = req.rfile.read(length) if length else b""
        if not m:
            return self._reply(req, 404, {"ok": False, "error_code": 404, "description": "Not Found"})
        token, method = m.groups()
        if token != self.token:
            return self._reply(req, 401, {"ok": False, "error_code": 401, "description": "Unauthorized"})
        params = self._params(req.headers.get("Content-Type", ""), body)
        with self._cond:
            if self.fail_next.get(method):
                self.fail_next[method] -= 1
                return self._reply(req, 502, {"ok": False, "error_code": 502, "description": "Bad Gateway"})
        handler = getattr(self, f"api_{method}", None)
        if handler is None:
            return self._reply(req, 404, {"ok": False, "error_code": 404, "description": "Not Found: method"})
        try:
            result = handler(params)
        except BadRequest as exc:
            with self._cond:
                self.errors.append((method, str(exc)))
                self.calls.append((method + ":rejected", params))
                self._cond.notify_all()
            return self._reply(
                req, 400, {"ok": False, "error_code": 400, "description": f"Bad Request: {exc}"}
            )
        if method != "getUpdates":
            with self._cond:
                self.calls.append((method, params))
                self._cond.notify_all()
        self._reply(req, 200, {"ok": True, "result": result})

    @staticmethod
    def _params(content_type: str, body: bytes) -> dict:
        if content_type.startswith("application/json"):
            return json.loads(body or b"{}")
        if content_type.startswith("multipart/form-data"):
            raise BadRequest("multipart uploads are not supported by the stand-in")
        params = {k: v[0] for k, v in parse_qs(body.decode(), keep_blank_values=True).items()}
        for k in _JSON_FIELDS & set(params):
            params[k] = json.loads(params[k])
        return params

    @staticmethod
    def _reply(req, status: int, payload: dict) -> None:
        data = json.dumps(payload).encode()
        req.send_response(status)
        req.send_header("Content-Type", "application/json")
        req.send_header("Content-Length", str(len(data)))
        req.end_headers()
        try:
            req.wfile.write(data)
        except (BrokenPipeError, ConnectionResetError):  # the client gave up (e.g. shutting down)
            pass

    def api_getMe(self, p):
        return {
            "id": self.bot_id,
            "is_bot": True,
            "first_name": "Berita",
            "username": self.username,
            "can_join_groups": True,
            "can_read_all_group_messages": False,
            "supports_inline_queries": False,
        }

    def api_getUpdates(self, p):
        with self._cond:
            self.get_updates.append(p)
        offset = int(p.get("offset") or 0)
        timeout = min(float(p.get("timeout") or 0), 0.5)
        deadline = time.monotonic() + timeout
        with self._cond:
            while True:
                self._updates = [u for u in self._updates if u["update_id"] >= offset]
                if self._updates or time.monotonic() >= deadline:
                    return list(self._updates[: int(p.get("limit") or 100)])
                self._cond.wait(max(0.0, deadline - time.monotonic()))

    def _check_text(self, p: dict) -> str:
        text = p.get("text", "")
        visible = parse_html(text) if p.get("parse_mode") == "HTML" else text
        if not visible.strip():
            raise BadRequest("message text is empty")
        if len(visible) > 4096:
            raise BadRequest("message is too long")
        for row in (p.get("reply_markup") or {}).get("inline_keyboard", []):
            for button in row:
                if len(button.get("callback_data", "").encode()) > 64:
                    raise BadRequest("BUTTON_DATA_INVALID")
        return visible

    def api_sendMessage(self, p):
        visible = self._check_text(p)
        chat_id = int(p["chat_id"])
        with self._cond:
            self._next_message += 1
            chat_type = "private" if chat_id > 0 else "supergroup"
            msg = {
                "message_id": self._next_message,
                "date": int(time.time()),
                "chat": {"id": chat_id, "type": chat_type},
                "from": self.api_getMe(p),
                "text": visible,
            }
            reply = p.get("reply_parameters") or {}
            if "reply_to_message_id" in p:
                reply = {"message_id": int(p["reply_to_message_id"])}
            target = self._messages.get((chat_id, int(reply.get("message_id", 0))))
            if target is not None:
                msg["reply_to_message"] = {k: v for k, v in target.items() if k != "reply_to_message"}
            if p.get("reply_markup"):
                msg["reply_markup"] = p["reply_markup"]
            self._messages[(chat_id, msg["message_id"])] = msg
            return msg

    def api_editMessageText(self, p):
        visible = self._check_text(p)
        with self._cond:
            key = (int(p["chat_id"]), int(p["message_id"]))
            msg = self._messages.get(key)
            if msg is None:
                raise BadRequest("message to edit not found")
            msg = {**msg, "text": visible, "edit_date": int(time.time())}
            if p.get("reply_markup"):
                msg["reply_markup"] = p["reply_markup"]
            self._messages[key] = msg
            return msg

    def api_answerCallbackQuery(self, p):
        if len(p.get("text", "")) > 200:
            raise BadRequest("callback answer text is too long")
        return True

    def api_setMyCommands(self, p):
        for c in p["commands"]:
            if not re.fullmatch(r"[a-z0-9_]{1,32}", c["command"]) or not 1 <= len(c["description"]) <= 256:
                raise BadRequest("BOT_COMMAND_INVALID")
        return True

    def api_setWebhook(self, p):
        self.webhook = p
        return True

    def api_deleteWebhook(self, p):
        self.webhook = None
        return True

    def api_getWebhookInfo(self, p):
        return {
            "url": (self.webhook or {}).get("url", ""),
            "has_custom_certificate": False,
            "pending_update_count": 0,
        }
