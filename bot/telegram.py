"""`berita telegram`: python-telegram-bot handlers over retrieval.Berita.

Handlers stay thin: decide whether to answer, call the shared API off the event
loop, render with ``telegram_format``. All answers come from ``Berita.ask``.
"""

from __future__ import annotations

import asyncio
import logging
import re
from urllib.parse import urlparse

from telegram import BotCommand, Message, Update
from telegram.constants import ChatType, ParseMode
from telegram.error import InvalidToken, TelegramError
from telegram.ext import (
    Application,
    ApplicationBuilder,
    CallbackQueryHandler,
    CommandHandler,
    ContextTypes,
    MessageHandler,
    filters,
)

from retrieval import Berita, BeritaError, Config
from retrieval.access import Access, RateLimiter
from retrieval.errors import ConfigError, IndexCorruptError, IndexMissingError, QuestionError
from retrieval.language import detect, format_date, telegram_language, text
from retrieval.redact import redact, redact_secret
from retrieval.watch import Watcher

from .telegram_format import (
    answer_blocks,
    answer_keyboard,
    esc,
    passage_blocks,
    sources_blocks,
    split_messages,
)

log = logging.getLogger(__name__)
MAX_PASSAGES = 20

COMMANDS = {
    "en": [
        ("ask", "Ask a question about the articles"),
        ("sources", "List the indexed articles"),
        ("help", "What this bot knows"),
        ("reindex", "Re-read the articles folder (admins)"),
    ],
    "id": [
        ("ask", "Tanyakan sesuatu tentang artikel"),
        ("sources", "Daftar artikel terindeks"),
        ("help", "Apa yang diketahui bot ini"),
        ("reindex", "Baca ulang folder artikel (admin)"),
    ],
}


# --- helpers -----------------------------------------------------------------


def _berita(context: ContextTypes.DEFAULT_TYPE) -> Berita:
    return context.bot_data["berita"]


def _lang(update: Update, question: str = "") -> str:
    user = update.effective_user
    return telegram_language(user.language_code if user else None) or detect(question)


async def _send(message: Message, blocks: list[str], keyboard=None) -> None:
    """Reply with blocks split into ≤4096-character HTML messages; buttons go on the last."""
    parts = split_messages(blocks)
    for i, part in enumerate(parts):
        await message.reply_text(
            part,
            parse_mode=ParseMode.HTML,
            do_quote=True,
            reply_markup=keyboard if i == len(parts) - 1 else None,
            disable_web_page_preview=True,
        )


def _strip_mention(message_text: str, username: str | None) -> str:
    if username:
        message_text = re.sub(rf"@{re.escape(username)}\b", " ", message_text, flags=re.I)
    return " ".join(message_text.split())


def _question_of(message: Message | None, username: str | None) -> str:
    """The question a user message asks (for /ask, the text after the command)."""
    if message is None or not message.text:
        return ""
    t = message.text
    if t.startswith("/"):
        t = t.split(maxsplit=1)[1] if len(t.split(maxsplit=1)) > 1 else ""
    return _strip_mention(t, username)


async def _allowed(update: Update, context: ContextTypes.DEFAULT_TYPE, lang: str) -> bool:
    access: Access = context.bot_data["access"]
    user, chat = update.effective_user, update.effective_chat
    if access.allows(user.id if user else None, chat.id if chat else None):
        return True
    if update.effective_message and chat and chat.type == ChatType.PRIVATE:
        await update.effective_message.reply_text(text(lang, "not_allowed"))
    return False


async def _within_rate(update: Update, context: ContextTypes.DEFAULT_TYPE, lang: str) -> bool:
    limiter: RateLimiter = context.bot_data["limiter"]
    user = update.effective_user
    wait = limiter.wait_time(user.id if user else None)
    if wait <= 0:
        return True
    if update.callback_query:
        await update.callback_query.answer(text(lang, "rate_limited", s=int(wait) + 1), show_alert=True)
    elif update.effective_message:
        await update.effective_message.reply_text(text(lang, "rate_limited", s=int(wait) + 1))
    return False


async def _answer(update: Update, context: ContextTypes.DEFAULT_TYPE, question: str) -> None:
    message = update.effective_message
    lang = _lang(update, question)
    if not await _allowed(update, context, lang) or not await _within_rate(update, context, lang):
        return
    if not question.strip():
        await message.reply_text(text(lang, "ask_usage"))
        return
    try:
        berita = _berita(context)
        answer = await asyncio.to_thread(berita.ask, question, None, lang)
    except QuestionError as exc:
        await message.reply_text(str(exc))
        return
    except (IndexMissingError, IndexCorruptError) as exc:
        log.error("cannot answer: %s", exc)
        await message.reply_text(text(lang, "index_missing"))
        return
    await _send(message, answer_blocks(answer), answer_keyboard(answer))


async def _sources(context: ContextTypes.DEFAULT_TYPE):
    """The indexed articles, or None while there is no usable index."""
    try:
        return await asyncio.to_thread(_berita(context).sources)
    except (IndexMissingError, IndexCorruptError):
        return None


# --- handlers ----------------------------------------------------------------


async def on_help(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    lang = _lang(update)
    if not await _allowed(update, context, lang):
        return
    sources = await _sources(context) or []
    dates = sorted(s.doc.date for s in sources if s.doc.date)
    span = (
        f"{format_date(dates[0], lang)} – {format_date(dates[-1], lang)}" if dates else text(lang, "no_date")
    )
    examples = "\n".join(f"• {esc(e)}" for e in text(lang, "examples"))
    await update.effective_message.reply_text(
        text(lang, "help", articles=len(sources), dates=span, examples=examples), parse_mode=ParseMode.HTML
    )


async def on_sources(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    lang = _lang(update)
    if not await _allowed(update, context, lang):
        return
    sources = await _sources(context)
    if sources is None:
        await update.effective_message.reply_text(text(lang, "index_missing"))
        return
    await _send(update.effective_message, sources_blocks(sources, lang))


async def on_ask(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    await _answer(update, context, " ".join(context.args or []))


async def on_text(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """Private chats: every text is a question. Groups: mentions and replies to us only."""
    message = update.effective_message
    if message is None or not message.text:
        return
    bot = context.bot
    if message.chat.type != ChatType.PRIVATE:
        mentioned = bool(bot.username) and f"@{bot.username.lower()}" in message.text.lower()
        replied = (
            message.reply_to_message is not None
            and message.reply_to_message.from_user is not None
            and message.reply_to_message.from_user.id == bot.id
        )
        if not (mentioned or replied):
            return
    await _answer(update, context, _strip_mention(message.text, bot.username))


async def on_button(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    query = update.callback_query
    data = query.data or ""
    question = _question_of(query.message.reply_to_message if query.message else None, context.bot.username)
    lang = _lang(update, question)
    if not await _allowed(update, context, lang):
        await query.answer()
        return
    berita = _berita(context)
    if data.startswith("p:"):
        parts = data.split(":")
        try:
            sha, ordinal, n = parts[1], int(parts[2]), int(parts[3])
        except (IndexError, ValueError):
            await query.answer(text(lang, "gone"), show_alert=True)
            return
        passage = await asyncio.to_thread(berita.passage_at, sha, ordinal, n)
        if passage is None:
            await query.answer(text(lang, "gone"), show_alert=True)
            return
        await query.answer()
        await _send(query.message, passage_blocks(passage, lang))
    elif data.startswith("m:"):
        if not question:
            await query.answer(text(lang, "gone"), show_alert=True)
            return
        if not await _within_rate(update, context, lang):
            return
        try:
            shown = int(data[2:])
        except ValueError:
            shown = berita.config["search.top_k"]
        k = min(MAX_PASSAGES, shown + berita.config["search.top_k"])
        answer = await asyncio.to_thread(berita.ask, question, k, lang)
        await query.answer()
        keyboard = answer_keyboard(answer, more=k < MAX_PASSAGES)
        blocks = answer_blocks(answer)
        messages = split_messages(blocks)
        if len(messages) == 1:
            await query.edit_message_text(
                messages[0], parse_mode=ParseMode.HTML, reply_markup=keyboard, disable_web_page_preview=True
            )
        else:
            await _send(query.message.reply_to_message or query.message, blocks, keyboard)
    else:
        await query.answer()


async def on_reindex(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    lang = _lang(update)
    user = update.effective_user
    if not context.bot_data["access"].is_admin(user.id if user else None):
        await update.effective_message.reply_text(text(lang, "admins_only"))
        return
    await update.effective_message.reply_text(text(lang, "reindex_started"))
    report = await asyncio.to_thread(_berita(context).build)
    key = "reindex_done" if report.changed_anything else "reindex_same"
    await update.effective_message.reply_text(
        text(
            lang,
            key,
            added=len(report.added),
            changed=len(report.changed),
            removed=len(report.removed),
            documents=report.documents,
            chunks=report.chunks,
        )
    )


async def on_error(update: object, context: ContextTypes.DEFAULT_TYPE) -> None:
    """The one place handler errors land: log it, tell the user politely, keep serving."""
    log.error("error while handling an update", exc_info=context.error)
    if isinstance(update, Update) and update.effective_message:
        try:
            await update.effective_message.reply_text(text(_lang(update), "error"))
        except Exception:  # the network may be what failed; never raise from here
            log.warning("could not send the error reply")


async def _post_init(app: Application) -> None:
    for lang, commands in COMMANDS.items():
        await app.bot.set_my_commands(
            [BotCommand(c, d) for c, d in commands], language_code=None if lang == "en" else lang
        )
    berita: Berita = app.bot_data["berita"]
    if berita.config["telegram.watch"]:
        app.bot_data["watcher"] = Watcher(
            berita.config.articles_dir, berita.build, berita.config["watch.debounce_ms"]
        ).start()


async def _post_shutdown(app: Application) -> None:
    watcher = app.bot_data.pop("watcher", None)
    if watcher:
        await asyncio.to_thread(watcher.stop)


# --- wiring ------------------------------------------------------------------


def _token(config: Config) -> str:
    token = (config["telegram.token"] or "").strip()
    if not token:
        raise ConfigError("no Telegram bot token: set TELEGRAM_BOT_TOKEN or telegram.token in config.toml")
    return token


def build_application(config: Config, berita: Berita | None = None) -> Application:
    token = _token(config)
    redact_secret(token)
    base_url = config["telegram.api_base_url"].rstrip("/")
    file_url = config["telegram.file_base_url"] or re.sub(r"/bot$", "/file/bot", base_url)
    app = (
        ApplicationBuilder()
        .token(token)
        .base_url(base_url)
        .base_file_url(file_url)
        .concurrent_updates(True)
        .post_init(_post_init)
        .post_shutdown(_post_shutdown)
        .build()
    )
    app.bot_data.update(
        berita=berita or Berita(config),
        access=Access(config["telegram.allowed_ids"], config["telegram.admin_ids"]),
        limiter=RateLimiter(config["telegram.rate_limit"], config["telegram.rate_window"]),
    )
    app.add_handler(CommandHandler(["start", "help"], on_help))
    app.add_handler(CommandHandler("sources", on_sources))
    app.add_handler(CommandHandler("ask", on_ask))
    app.add_handler(CommandHandler("reindex", on_reindex))
    app.add_handler(MessageHandler(filters.TEXT & ~filters.COMMAND, on_text))
    app.add_handler(CallbackQueryHandler(on_button))
    app.add_error_handler(on_error)
    return app


def run(config: Config) -> None:
    """Serve until interrupted: long polling, or a webhook when telegram.webhook_url is set."""
    webhook_url = config["telegram.webhook_url"]
    if webhook_url and not config["telegram.webhook_secret"]:
        raise ConfigError("telegram.webhook_secret is required with a webhook (BERITA_WEBHOOK_SECRET)")
    berita = Berita(config)
    app = build_application(config, berita)
    berita.build()  # pick up whatever changed while we were down
    berita.warm_up(index=False)  # load the model before the first question, not during it
    log.info("serving %d articles", len(berita.sources()))
    try:
        if webhook_url:
            app.run_webhook(
                listen=config["telegram.webhook_listen"],
                port=config["telegram.webhook_port"],
                url_path=urlparse(webhook_url).path.lstrip("/"),
                webhook_url=webhook_url,
                secret_token=config["telegram.webhook_secret"],
                allowed_updates=Update.ALL_TYPES,
            )
        else:
            app.run_polling(allowed_updates=Update.ALL_TYPES)
    except InvalidToken:
        raise ConfigError("the Bot API rejected the bot token (check TELEGRAM_BOT_TOKEN)") from None
    except TelegramError as exc:
        raise BeritaError(
            redact(f"cannot talk to the Bot API at {config['telegram.api_base_url']}: {exc}")
        ) from None
