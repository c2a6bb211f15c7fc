"""`berita telegram`: python-telegram-bot handlers over retrieval.Berita.

Policy lives in one place, the gate (a group -1 ``TypeHandler``): which updates
are addressed to us, who may use the bot, how often. Handlers below it stay thin:
call the shared API off the event loop, render with ``telegram_format``.
"""

from __future__ import annotations

import asyncio
import logging
import re
import time
from collections import OrderedDict
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import urlparse

from telegram import BotCommand, InlineKeyboardMarkup, Message, MessageEntity, Update
from telegram.constants import ChatType, ParseMode
from telegram.error import InvalidToken, TelegramError
from telegram.ext import (
    Application,
    ApplicationBuilder,
    ApplicationHandlerStop,
    CallbackContext,
    CallbackQueryHandler,
    CommandHandler,
    ContextTypes,
    ExtBot,
    MessageHandler,
    TypeHandler,
    filters,
)
from telegram.request import HTTPXRequest

from retrieval import Answer, Berita, BeritaError, Config
from retrieval.conversation import Conversation
from retrieval.errors import ConfigError, IndexCorruptError, IndexMissingError, QuestionError
from retrieval.language import EXAMPLES, detect, format_date, text
from retrieval.timeline import query_language
from retrieval.watch import Watcher

from . import callbacks
from .access import Access, OncePer, RateLimiter
from .redact import redact, redact_secret
from .telegram_format import (
    answer_blocks,
    answer_keyboard,
    esc,
    passage_blocks,
    sources_blocks,
    split_messages,
    telegram_language,
    timeline_blocks,
)

log = logging.getLogger(__name__)

COMMANDS = {
    "en": [
        ("ask", "Ask a question about the articles"),
        ("timeline", "Dated events in the articles, oldest first"),
        ("new", "Start a new conversation (forget earlier questions)"),
        ("sources", "List the indexed articles"),
        ("help", "What this bot knows"),
        ("reindex", "Re-read the articles folder (admins)"),
    ],
    "id": [
        ("ask", "Tanyakan sesuatu tentang artikel"),
        ("timeline", "Peristiwa bertanggal di artikel, dari yang terlama"),
        ("new", "Mulai percakapan baru (lupakan pertanyaan sebelumnya)"),
        ("sources", "Daftar artikel terindeks"),
        ("help", "Apa yang diketahui bot ini"),
        ("reindex", "Baca ulang folder artikel (admin)"),
    ],
}
# Answers remembered so an edited question can update its answer in place; the
# oldest are forgotten first (an edit of an older one gets a fresh reply).
REMEMBERED_REPLIES = 5000
# Conversations kept for follow-up questions, least recently used forgotten first (a reply
# to a forgotten one starts afresh). A conversation holds at most conversation.MAX_TURNS
# turns of a few hundred bytes each, so this bounds the memory to a few megabytes.
REMEMBERED_CONVERSATIONS = 1000


@dataclass
class Thread:
    """One conversation of one chat; the lock keeps its questions in order."""

    id: int
    conversation: Conversation
    chat_id: int
    lock: asyncio.Lock = field(default_factory=asyncio.Lock)
    used: float = field(default_factory=time.monotonic)


@dataclass
class Threads:
    """Which conversation a question continues: a reply to one of our answers continues that
    answer's conversation; in a private chat, a question within ``followup_s`` of the last
    one continues it; anything else starts a new one. Bounded, least recently used first."""

    followup_s: float = 600.0
    limit: int = REMEMBERED_CONVERSATIONS
    _threads: OrderedDict[int, Thread] = field(default_factory=OrderedDict)
    # (chat id, our answer's message id) → (thread id, the question as it was understood)
    _answers: OrderedDict[tuple[int, int], tuple[int, str]] = field(default_factory=OrderedDict)
    _latest: dict[int, int] = field(default_factory=dict)  # private chat id → its latest thread
    _next: int = 0

    def find(self, chat_id: int, private: bool, replied_to: int | None) -> Thread | None:
        """The thread this question continues, or None for a new conversation."""
        tid: int | None = None
        recent = False  # a private chat's latest conversation counts only while recent
        if replied_to is not None and (chat_id, replied_to) in self._answers:
            tid = self._answers[(chat_id, replied_to)][0]
        elif private:
            tid, recent = self._latest.get(chat_id), True
        thread = self._threads.get(tid) if tid is not None else None
        if thread is None or (recent and time.monotonic() - thread.used > self.followup_s):
            return None
        return thread

    def start(self, chat_id: int, conversation: Conversation) -> Thread:
        self._next += 1
        thread = Thread(id=self._next, conversation=conversation, chat_id=chat_id)
        self._threads[thread.id] = thread
        while len(self._threads) > self.limit:
            tid, old = self._threads.popitem(last=False)
            if self._latest.get(old.chat_id) == tid:
                del self._latest[old.chat_id]
        return thread

    def answered(self, thread: Thread, private: bool, answer_id: int, understood: str) -> None:
        """Remember that ``answer_id`` (our message) answered in ``thread``."""
        tid = thread.id
        if tid not in self._threads:  # forgotten while it was answering
            return
        thread.used = time.monotonic()
        self._threads.move_to_end(tid)
        if private:
            self._latest[thread.chat_id] = tid
        self._answers[(thread.chat_id, answer_id)] = (tid, understood)
        while len(self._answers) > REMEMBERED_REPLIES:
            self._answers.popitem(last=False)

    def understood(self, chat_id: int, answer_id: int) -> str | None:
        """The question an answer of ours answered, as understood (for "more passages")."""
        found = self._answers.get((chat_id, answer_id))
        return found[1] if found else None

    def forget(self, chat_id: int) -> None:
        """/new: the next question in this chat starts a new conversation."""
        self._latest.pop(chat_id, None)


@dataclass
class BotData:
    """What every handler shares, as ``context.bot_data`` (made by ContextTypes, filled in
    by build_application)."""

    berita: Berita = field(init=False)
    access: Access = field(init=False)
    limiter: RateLimiter = field(init=False)
    told: OncePer = field(init=False)  # refusals are told once per rate window
    channel_posts: bool = False
    allowed_updates: list[str] = field(default_factory=list)  # what we ask Telegram for
    watcher: Watcher | None = None
    # (chat id, question message id) → our reply's message id
    replies: OrderedDict[tuple[int, int], int] = field(default_factory=OrderedDict)
    threads: Threads = field(default_factory=Threads)  # conversations, for follow-up questions

    def remember_reply(self, chat_id: int, question_id: int, reply_id: int) -> None:
        self.replies[(chat_id, question_id)] = reply_id
        self.replies.move_to_end((chat_id, question_id))
        while len(self.replies) > REMEMBERED_REPLIES:
            self.replies.popitem(last=False)


Context = CallbackContext[ExtBot[None], dict[Any, Any], dict[Any, Any], BotData]
CONTEXT_TYPES = ContextTypes(bot_data=BotData)


class TolerantBot(ExtBot[None]):
    """An ExtBot that survives an update it cannot parse.

    python-telegram-bot parses a getUpdates batch all or nothing; one malformed
    update fails the batch, the offset never advances and the poller spins on
    the same batch forever. Here a bad update is logged and replaced by an empty
    one with the same id, which the gate ignores and the offset moves past.
    """

    async def _post(self, endpoint: str, data: Any = None, **kwargs: Any) -> Any:
        result = await super()._post(endpoint, data, **kwargs)
        if endpoint == "getUpdates" and isinstance(result, list):
            result = [self._parsable(u) for u in result]
        return result

    def _parsable(self, raw: Any) -> Any:
        try:
            Update.de_json(raw, self)
            return raw
        except (KeyError, TypeError, ValueError, AttributeError) as exc:  # the rest must still get through
            update_id = raw.get("update_id") if isinstance(raw, dict) else None
            log.warning("ignoring an update that cannot be parsed (id %s): %s", update_id, exc)
            return {"update_id": update_id} if isinstance(update_id, int) else raw


def allowed_updates(config: Config) -> list[str]:
    """The update types we act on; Telegram sends nothing else (no reactions, members, …)."""
    kinds = [Update.MESSAGE, Update.EDITED_MESSAGE, Update.CALLBACK_QUERY]
    if config["telegram.channel_posts"]:
        kinds.append(Update.CHANNEL_POST)
    return kinds


# --- addressing and language ---------------------------------------------------


def _lang(update: Update, question: str = "") -> str:
    user = update.effective_user
    return telegram_language(user.language_code if user else None) or detect(question)


def _our_mentions(message: Message, username: str | None, bot_id: int) -> list[MessageEntity]:
    """Entities that mention this bot: exactly @username (any case), or a text mention of it."""
    found = []
    for entity, value in message.parse_entities([MessageEntity.MENTION, MessageEntity.TEXT_MENTION]).items():
        if entity.type == MessageEntity.MENTION:
            if username and value[1:].lower() == username.lower():
                found.append(entity)
        elif entity.user is not None and entity.user.id == bot_id:
            found.append(entity)
    return found


def _command_for_us(message: Message, username: str | None) -> bool:
    """A /command at the start, without @bot or with ours (``/ask@other_bot`` is not ours)."""
    entities = message.entities
    if not (message.text and entities and entities[0].type == MessageEntity.BOT_COMMAND):
        return False
    if entities[0].offset != 0:
        return False
    command = message.parse_entity(entities[0])
    target = command.partition("@")[2]
    return not target or (username is not None and target.lower() == username.lower())


def _addressed(message: Message, username: str | None, bot_id: int) -> bool:
    """Private chats: every text. Groups and channels: our commands, mentions, replies to us."""
    if not message.text:
        return False
    if message.chat.type == ChatType.PRIVATE:
        return True
    if _command_for_us(message, username) or _our_mentions(message, username, bot_id):
        return True
    replied = message.reply_to_message
    return replied is not None and replied.from_user is not None and replied.from_user.id == bot_id


def _question_of(message: Message | None, username: str | None, bot_id: int) -> str:
    """The question a message asks: its text without the command and our mentions."""
    if message is None or not message.text:
        return ""
    t = message.text
    # Cut our mentions by entity (offsets are UTF-16 code units; parse_entity knows).
    for entity in sorted(_our_mentions(message, username, bot_id), key=lambda e: -e.offset):
        mention = message.parse_entity(entity)
        utf16 = t.encode("utf-16-le")
        start = len(utf16[: entity.offset * 2].decode("utf-16-le"))
        if t[start : start + len(mention)] == mention:
            t = t[:start] + " " + t[start + len(mention) :]
    first = message.entities[0] if message.entities else None
    if first is not None and first.type == MessageEntity.BOT_COMMAND and first.offset == 0:
        t = t[len(message.parse_entity(first)) :]
    return " ".join(t.split())


# --- the gate --------------------------------------------------------------------


async def gate(update: Update, context: Context) -> None:
    """Group -1: stop every update we must not act on, before any handler sees it.

    Refusals (not allowed, too fast) are told once per rate window and then kept
    quiet, so a flood never becomes a flood of replies.
    """
    data = context.bot_data
    bot = context.bot
    query = update.callback_query
    message = update.message or update.edited_message or update.channel_post
    if update.channel_post and not data.channel_posts:
        raise ApplicationHandlerStop
    if query is None and (message is None or not _addressed(message, bot.username, bot.id)):
        raise ApplicationHandlerStop
    user, chat = update.effective_user, update.effective_chat
    key = ("user", user.id) if user else ("chat", chat.id if chat else 0)
    private = chat is not None and chat.type == ChatType.PRIVATE
    lang = _lang(update, message.text or "" if message else "")
    if not data.access.allows(user.id if user else None, chat.id if chat else None):
        if message is not None and private and data.told.first(("not_allowed", key)):
            await message.reply_text(text(lang, "not_allowed"))
        raise ApplicationHandlerStop
    wait = data.limiter.wait_time(key)
    if wait > 0:
        if data.told.first(("rate", key)):
            notice = text(lang, "rate_limited", s=int(wait) + 1)
            if query is not None:
                await query.answer(notice, show_alert=True)
            elif message is not None:
                await message.reply_text(notice)
        raise ApplicationHandlerStop


# --- helpers ---------------------------------------------------------------------


async def _send(message: Message, blocks: list[str], keyboard: InlineKeyboardMarkup | None = None) -> Message:
    """Reply with blocks split into ≤4096-character HTML messages; buttons go on the last."""
    parts = split_messages(blocks)
    sent = message
    for i, part in enumerate(parts):
        sent = await message.reply_text(
            part,
            parse_mode=ParseMode.HTML,
            do_quote=True,
            reply_markup=keyboard if i == len(parts) - 1 else None,
            disable_web_page_preview=True,
        )
    return sent


async def _answer(update: Update, context: Context, question: str) -> None:
    """Answer ``question`` in its conversation; an edited question updates the answer we gave
    it, if we can."""
    message = update.effective_message
    if message is None:
        return
    data = context.bot_data
    lang = _lang(update, question)
    if not question.strip():
        await message.reply_text(text(lang, "ask_usage"))
        return
    private = message.chat.type == ChatType.PRIVATE
    earlier = data.replies.get((message.chat_id, message.message_id))
    replied = message.reply_to_message
    # An edit continues the conversation of the answer it edits; a reply, that of the answer.
    to = earlier if update.edited_message is not None and earlier is not None else None
    if to is None and replied is not None and replied.from_user is not None:
        to = replied.message_id if replied.from_user.id == context.bot.id else None
    try:
        thread = data.threads.find(message.chat_id, private, to)
        if thread is None:
            conversation = await asyncio.to_thread(data.berita.conversation)
            thread = data.threads.start(message.chat_id, conversation)
        async with thread.lock:
            answer = await asyncio.to_thread(
                data.berita.ask, question, None, lang, conversation=thread.conversation
            )
    except QuestionError as exc:
        await message.reply_text(str(exc))
        return
    except (IndexMissingError, IndexCorruptError) as exc:
        log.error("cannot answer: %s", exc)
        await message.reply_text(text(lang, "index_missing"))
        return
    sent_id = await _reply_with(update, context, answer, earlier)
    data.remember_reply(message.chat_id, message.message_id, sent_id)
    data.threads.answered(thread, private, sent_id, answer.understood_as or answer.question)


async def _reply_with(update: Update, context: Context, answer: Answer, earlier: int | None) -> int:
    """Send ``answer`` (or edit our ``earlier`` reply to an edited question); our message's id."""
    message = update.effective_message
    assert message is not None
    blocks, keyboard = answer_blocks(answer), answer_keyboard(answer)
    messages = split_messages(blocks)
    if update.edited_message is not None and earlier is not None and len(messages) == 1:
        try:
            await context.bot.edit_message_text(
                messages[0],
                chat_id=message.chat_id,
                message_id=earlier,
                parse_mode=ParseMode.HTML,
                reply_markup=keyboard,
                disable_web_page_preview=True,
            )
            return earlier
        except TelegramError as exc:  # deleted, too old, or unchanged: answer afresh
            log.info("could not edit the earlier answer: %s", exc)
    sent = await _send(message, blocks, keyboard)
    return sent.message_id


async def _sources(context: Context):
    """The indexed articles, or None while there is no usable index."""
    try:
        return await asyncio.to_thread(context.bot_data.berita.sources)
    except (IndexMissingError, IndexCorruptError):
        return None


# --- handlers ----------------------------------------------------------------------


async def on_help(update: Update, context: Context) -> None:
    lang = _lang(update)
    sources = await _sources(context) or []
    dates = sorted(s.doc.date for s in sources if s.doc.date)
    span = (
        f"{format_date(dates[0], lang)} – {format_date(dates[-1], lang)}" if dates else text(lang, "no_date")
    )
    examples = "\n".join(f"• {esc(e)}" for e in EXAMPLES.get(lang, EXAMPLES["en"]))
    assert update.effective_message is not None  # the handler's filters guarantee a message
    await update.effective_message.reply_text(
        text(lang, "help", articles=len(sources), dates=span, examples=examples), parse_mode=ParseMode.HTML
    )


async def on_sources(update: Update, context: Context) -> None:
    lang = _lang(update)
    assert update.effective_message is not None
    sources = await _sources(context)
    if sources is None:
        await update.effective_message.reply_text(text(lang, "index_missing"))
        return
    await _send(update.effective_message, sources_blocks(sources, lang))


async def on_question(update: Update, context: Context) -> None:
    """/ask, a private text, a mention or a reply to us (the gate decided it is for us)."""
    message = update.effective_message
    await _answer(update, context, _question_of(message, context.bot.username, context.bot.id))


async def on_timeline(update: Update, context: Context) -> None:
    """/timeline [query]: the dated events of the articles (those mentioning the query)."""
    message = update.effective_message
    assert message is not None
    query = _question_of(message, context.bot.username, context.bot.id) or None
    user = update.effective_user
    # A timeline query is often one word ("banjir"): read its language as the CLI does.
    lang = telegram_language(user.language_code if user else None) or query_language(query)
    try:
        found = await asyncio.to_thread(context.bot_data.berita.timeline, query)
    except (IndexMissingError, IndexCorruptError):
        await message.reply_text(text(lang, "index_missing"))
        return
    await _send(message, timeline_blocks(found, lang, query))


async def on_new(update: Update, context: Context) -> None:
    """/new: the next question in this chat starts a new conversation (replies to earlier
    answers still continue theirs)."""
    message = update.effective_message
    assert message is not None
    context.bot_data.threads.forget(message.chat_id)
    await message.reply_text(text(_lang(update), "new_conversation"))


async def on_button(update: Update, context: Context) -> None:
    query = update.callback_query
    assert query is not None  # CallbackQueryHandler
    button = callbacks.parse(query.data)
    message = query.message if isinstance(query.message, Message) else None
    asked = message.reply_to_message if message else None
    question = _question_of(asked, context.bot.username, context.bot.id)
    lang = _lang(update, question)
    berita = context.bot_data.berita
    if message is None or button is None:  # an inline message, or one older than 48 h
        await query.answer(text(lang, "gone"))
        return
    if isinstance(button, callbacks.ShowPassage):
        passage = await asyncio.to_thread(berita.passage_at, button.sha, button.ordinal, button.n)
        if passage is None:
            await query.answer(text(lang, "gone"), show_alert=True)
            return
        await query.answer()
        await _send(message, passage_blocks(passage, lang))
        return
    # A follow-up is asked again as it was understood ("When did Choe Son Hui …?"), not as
    # typed: more passages for the same question, the conversation left as it is.
    understood = context.bot_data.threads.understood(message.chat_id, message.message_id)
    if not (understood or question):
        await query.answer(text(lang, "gone"), show_alert=True)
        return
    k = min(callbacks.MAX_PASSAGES, button.shown + berita.config["search.top_k"])
    answer = await asyncio.to_thread(berita.ask, understood or question, k, lang)
    if understood and understood != question:
        answer.understood_as = understood
    await query.answer()
    blocks = answer_blocks(answer)
    messages = split_messages(blocks)
    if len(messages) == 1:
        await query.edit_message_text(
            messages[0],
            parse_mode=ParseMode.HTML,
            reply_markup=answer_keyboard(answer),
            disable_web_page_preview=True,
        )
    else:
        await _send(asked or message, blocks, answer_keyboard(answer))


async def on_stale_button(update: Update, context: Context) -> None:
    """Button data we never wrote (forged, or from an older version): say so, quietly."""
    assert update.callback_query is not None
    await update.callback_query.answer(text(_lang(update), "gone"))


async def on_reindex(update: Update, context: Context) -> None:
    lang = _lang(update)
    user, message = update.effective_user, update.effective_message
    assert message is not None
    if not context.bot_data.access.is_admin(user.id if user else None):
        await message.reply_text(text(lang, "admins_only"))
        return
    await message.reply_text(text(lang, "reindex_started"))
    report = await asyncio.to_thread(context.bot_data.berita.build)
    key = "reindex_done" if report.changed_anything else "reindex_same"
    counts = {"added": len(report.added), "changed": len(report.changed), "removed": len(report.removed)}
    await message.reply_text(text(lang, key, **counts, documents=report.documents, chunks=report.chunks))


async def on_error(update: object, context: Context) -> None:
    """The one place handler errors land: log it, tell the user politely, keep serving."""
    log.error("error while handling an update", exc_info=context.error)
    if not isinstance(update, Update):
        return
    try:
        if update.callback_query is not None:
            await update.callback_query.answer(text(_lang(update), "error"), show_alert=True)
        elif update.effective_message is not None:
            await update.effective_message.reply_text(text(_lang(update), "error"))
    except TelegramError:  # the network may be what failed; never raise from here
        log.warning("could not send the error reply")


async def _post_init(app: Application) -> None:
    for lang, commands in COMMANDS.items():
        await app.bot.set_my_commands(
            [BotCommand(c, d) for c, d in commands], language_code=None if lang == "en" else lang
        )
    data: BotData = app.bot_data
    config = data.berita.config
    if config["telegram.watch"]:
        data.watcher = Watcher(config.articles_dir, data.berita.build, config["watch.debounce_ms"]).start()


async def _post_shutdown(app: Application) -> None:
    data: BotData = app.bot_data
    watcher, data.watcher = data.watcher, None
    if watcher:
        await asyncio.to_thread(watcher.stop)


# --- wiring ------------------------------------------------------------------------


def _token(config: Config) -> str:
    token = (config["telegram.token"] or "").strip()
    if not token:
        raise ConfigError("no Telegram bot token: set TELEGRAM_BOT_TOKEN or telegram.token in config.toml")
    return token


def build_application(config: Config, berita: Berita | None = None) -> Application:
    token = _token(config)
    redact_secret(token)
    redact_secret(config["telegram.webhook_secret"])
    base_url = config["telegram.api_base_url"].rstrip("/")
    file_url = config["telegram.file_base_url"] or re.sub(r"/bot$", "/file/bot", base_url)
    bot = TolerantBot(
        token,
        base_url=base_url,
        base_file_url=file_url,
        # ApplicationBuilder's defaults: a pool for concurrent handlers, one for polling.
        request=HTTPXRequest(connection_pool_size=256),
        get_updates_request=HTTPXRequest(),
    )
    app = (
        ApplicationBuilder()
        .bot(bot)
        .context_types(CONTEXT_TYPES)
        .concurrent_updates(True)
        .post_init(_post_init)
        .post_shutdown(_post_shutdown)
        .build()
    )
    data: BotData = app.bot_data
    data.berita = berita or Berita(config)
    data.access = Access(config["telegram.allowed_ids"], config["telegram.admin_ids"])
    data.limiter = RateLimiter(config["telegram.rate_limit"], config["telegram.rate_window"])
    data.told = OncePer(config["telegram.rate_window"])
    data.channel_posts = config["telegram.channel_posts"]
    data.allowed_updates = allowed_updates(config)
    data.threads = Threads(followup_s=config["telegram.followup_minutes"] * 60)
    # Edits re-answer questions only; an edited /help needs no second reply.
    new = filters.UpdateType.MESSAGE
    questions = filters.UpdateType.MESSAGES | filters.UpdateType.CHANNEL_POST
    app.add_handler(TypeHandler(Update, gate), group=-1)
    app.add_handler(CommandHandler(["start", "help"], on_help, filters=new))
    app.add_handler(CommandHandler("sources", on_sources, filters=new))
    app.add_handler(CommandHandler("reindex", on_reindex, filters=new))
    app.add_handler(CommandHandler("timeline", on_timeline, filters=new))
    app.add_handler(CommandHandler("new", on_new, filters=new))
    app.add_handler(CommandHandler("ask", on_question, filters=questions))
    app.add_handler(MessageHandler(filters.TEXT & ~filters.COMMAND, on_question))
    app.add_handler(CallbackQueryHandler(on_button, pattern=callbacks.PATTERN))
    app.add_handler(CallbackQueryHandler(on_stale_button))
    app.add_error_handler(on_error)
    return app


async def _check_bot_api(app: Application) -> None:
    """Reach the Bot API once (getMe); raises what python-telegram-bot raises."""
    async with app.bot:
        pass


def run(config: Config) -> None:
    """Serve until interrupted: long polling, or a webhook when telegram.webhook_url is set."""
    webhook_url = config["telegram.webhook_url"]
    if webhook_url and not config["telegram.webhook_secret"]:
        raise ConfigError("telegram.webhook_secret is required with a webhook (BERITA_WEBHOOK_SECRET)")
    berita = Berita(config)
    app = build_application(config, berita)
    try:
        asyncio.run(_check_bot_api(app))  # fail in a second, before loading the model
    except InvalidToken:
        raise ConfigError("the Bot API rejected the bot token (check TELEGRAM_BOT_TOKEN)") from None
    except TelegramError as exc:
        raise BeritaError(
            redact(f"cannot talk to the Bot API at {config['telegram.api_base_url']}: {exc}")
        ) from None
    berita.build()  # pick up whatever changed while we were down
    _ = berita.embedder  # load the model before the first question, not during it
    log.info("serving %d articles", len(berita.sources()))
    try:
        if webhook_url:
            from .webhook import run_webhook

            run_webhook(
                app,
                listen=config["telegram.webhook_listen"],
                port=config["telegram.webhook_port"],
                url_path=urlparse(webhook_url).path.lstrip("/"),
                webhook_url=webhook_url,
                secret=config["telegram.webhook_secret"],
                allowed_updates=app.bot_data.allowed_updates,
            )
        else:
            app.run_polling(allowed_updates=app.bot_data.allowed_updates, close_loop=False)
    except InvalidToken:
        raise ConfigError("the Bot API rejected the bot token (check TELEGRAM_BOT_TOKEN)") from None
    except TelegramError as exc:
        raise BeritaError(
            redact(f"cannot talk to the Bot API at {config['telegram.api_base_url']}: {exc}")
        ) from None
