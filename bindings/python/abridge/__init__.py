"""Short, faithful briefs of news articles: the abridge engine from Python.

    >>> import abridge
    >>> brief = abridge.summarize(text, sentences=2)
    >>> for s in brief:
    ...     print(round(s.score, 2), s.text)
    >>> page = abridge.extract(html)          # the article of a web page
    >>> page.title, page.author, page.date
    >>> [p.id for p in abridge.plugins()]     # ['centrality', 'frequency', ...]

A thin layer over libabridge (through ctypes): the briefs are the ones the
`abridge` command gives for the same text and options. Text is a str, or
bytes in any encoding the command reads (UTF-8, UTF-16 with a byte order
mark, else Windows-1252). Errors raise InputError (text that cannot be
read), UsageError (an unknown plugin, option or language, a bad budget) or
PluginError (a plugin failed, or a part of abridge is not installed).

Calls may run in several threads at once: each call has its own engine,
and the plugin registries (one per plugin_dirs) are shared. The plugin
search path ($ABRIDGE_PLUGIN_PATH, then the installed plugin directory) is
read once, the first time a plugin_dirs is used.
"""

import math
import os
import threading
import warnings
from ctypes import POINTER, byref, c_char_p, c_size_t, c_void_p, string_at
from dataclasses import dataclass
from typing import Optional, Tuple

from . import _lib

__all__ = ["summarize", "extract", "plugins", "languages", "Brief", "Sentence", "Article",
           "Plugin", "Option", "Error", "InputError", "UsageError", "PluginError",
           "DecodeWarning"]

DEFAULT_PLUGIN = _lib.default_plugins().decode("utf-8")
DEFAULT_SENTENCES = 3


class Error(Exception):
    """An error libabridge reported; the message says what is wrong."""


class InputError(Error, ValueError):
    """Text abridge cannot read (a NUL character, invalid UTF-8, too large)."""


class UsageError(Error, ValueError):
    """An unknown plugin, option or language, or a budget out of range."""


class PluginError(Error):
    """A plugin failed, or a module of abridge could not be loaded."""


class DecodeWarning(UserWarning):
    """Bytes that were not UTF-8, read in another encoding (named in the message)."""


@dataclass(frozen=True)
class Sentence:
    """One sentence of a brief. START and END index Brief.text (characters)."""
    index: int    # the sentence's number in the article, from 0
    text: str     # what a reader sees (a dateline cut from the first sentence)
    score: float  # the fused score that chose it
    start: int
    end: int


@dataclass(frozen=True)
class Brief:
    """The brief of an article: its sentences, in the order asked for.

    TEXT is the article as abridge read it, which the sentences' offsets
    index: the text given, cleaned as the command cleans its input (CRLF
    and CR become LF; soft hyphens and zero-width characters dropped;
    no-break spaces become spaces; NFC). For text without those it is the
    text given, so its offsets index that too.
    """
    sentences: Tuple[Sentence, ...]
    text: str
    title: Optional[str]
    dateline: Optional[str]
    language: str
    plugin: str

    def __iter__(self):
        return iter(self.sentences)

    def __len__(self):
        return len(self.sentences)

    def __str__(self):
        return "\n".join(s.text for s in self.sentences)


@dataclass(frozen=True)
class Article:
    """The article of a web page; each field None when the page has none."""
    text: str  # paragraphs (headings, list items too) separated by a blank line
    title: Optional[str]
    author: Optional[str]
    date: Optional[str]
    site_name: Optional[str]
    url: Optional[str]
    description: Optional[str]
    language: Optional[str]


@dataclass(frozen=True)
class Option:
    """An option a plugin declares: -O plugin.key=value, options={"plugin.key": value}."""
    key: str
    type: str  # bool, int, double or string
    default: Optional[str]
    help: Optional[str]


@dataclass(frozen=True)
class Plugin:
    """A plugin abridge found and accepted."""
    id: str
    name: Optional[str]
    version: Optional[str]
    description: Optional[str]
    file: str
    options: Tuple[Option, ...]


# ---- errors and strings ------------------------------------------------------

def _str(value):
    return value.decode("utf-8", "replace") if value is not None else None


def _raise(error):
    """Raises the GError ERROR (set by a call) as the matching exception, and frees it."""
    message = _str(error.contents.message)
    code, domain = error.contents.code, error.contents.domain
    _lib.g_error_free(error)
    cls = Error
    if domain == _lib.error_quark():
        cls = {_lib.ERROR_INPUT: InputError, _lib.ERROR_USAGE: UsageError,
               _lib.ERROR_PLUGIN: PluginError}.get(code, Error)
    raise cls(message)


def _decode(data, flags):
    """The text abridge reads from DATA (str or bytes), as UTF-8 bytes."""
    if isinstance(data, str):
        try:
            raw = data.encode("utf-8")
        except UnicodeEncodeError as e:
            raise InputError("not valid Unicode at character %d: %s" % (e.start, e.reason)) from None
    elif isinstance(data, (bytes, bytearray, memoryview)):
        raw = bytes(data)
    else:
        raise TypeError("text must be str or bytes, not %s" % type(data).__name__)
    out_len = c_size_t()
    warning = c_void_p()
    error = POINTER(_lib.GError)()
    text = _lib.input_decode(raw, len(raw), flags, byref(out_len), byref(warning), byref(error))
    if not text:
        _raise(error)
    try:
        if warning.value:
            warnings.warn(string_at(warning.value).decode("utf-8", "replace"), DecodeWarning,
                          stacklevel=3)
        return string_at(text, out_len.value)
    finally:
        _lib.g_free(warning)
        _lib.g_free(text)


# ---- plugins -----------------------------------------------------------------

_registries = {}
_registries_lock = threading.Lock()


def _registry(plugin_dirs):
    """The registry of PLUGIN_DIRS (then the default search path), made once."""
    if isinstance(plugin_dirs, (str, bytes, os.PathLike)):
        plugin_dirs = [plugin_dirs]
    key = tuple(os.fsencode(d) for d in (plugin_dirs or ()))
    with _registries_lock:
        registry = _registries.get(key)
        if registry is None:
            dirs = (c_char_p * (len(key) + 1))(*key, None)
            error = POINTER(_lib.GError)()
            registry = _lib.registry_new(dirs, byref(error))
            if not registry:
                _raise(error)
            _registries[key] = registry
        return registry


def _options(plugin):
    table = _lib.plugin_get_options(plugin)
    found = []
    i = 0
    while table and table[i].key is not None:
        o = table[i]
        found.append(Option(_str(o.key), _lib.OPTION_TYPES.get(o.type, str(o.type)),
                            _str(o.default_value), _str(o.help)))
        i += 1
    return tuple(found)


def plugins(plugin_dirs=None):
    """The plugins found in PLUGIN_DIRS (a directory or a list of them), then
    $ABRIDGE_PLUGIN_PATH, then the installed plugin directory, as Plugin
    records. Plugins that cannot be used are refused with a line on stderr."""
    registry = _registry(plugin_dirs)
    found = []
    for i in range(_lib.registry_count(registry)):
        entry = _lib.registry_get(registry, i).contents
        d = entry.descriptor.contents
        found.append(Plugin(_str(d.id), _str(d.name), _str(d.version), _str(d.description),
                            os.fsdecode(entry.file), _options(entry.descriptor)))
    return found


def languages():
    """The ISO 639-1 codes summarize(lang=...) takes besides "auto"."""
    codes = _lib.language_codes()
    try:
        return string_at(codes).decode("ascii").split()
    finally:
        _lib.g_free(codes)


# ---- summarize -----------------------------------------------------------------

def _budget(sentences, words, chars, ratio):
    given = [(name, value) for name, value in
             (("sentences", sentences), ("words", words), ("chars", chars), ("ratio", ratio))
             if value is not None]
    if len(given) > 1:
        raise UsageError("one budget at a time, not %s" % " and ".join(n for n, _ in given))
    name, value = given[0] if given else ("sentences", DEFAULT_SENTENCES)
    if name == "ratio":
        if isinstance(value, bool) or not isinstance(value, (int, float)) \
                or not (0 < value <= 1) or math.isnan(value):
            raise UsageError("ratio must be a number in (0, 1], not %r" % (value,))
        return _lib.Budget(_lib.BUDGET_RATIO, 0, float(value))
    if isinstance(value, bool) or not isinstance(value, int) or not 0 < value < 2 ** 31:
        raise UsageError("%s must be a positive integer, not %r" % (name, value))
    kind = {"sentences": _lib.BUDGET_SENTENCES, "words": _lib.BUDGET_WORDS,
            "chars": _lib.BUDGET_CHARS}[name]
    return _lib.Budget(kind, value, 0.0)


def _option_strings(options):
    if options is None:
        return None
    if hasattr(options, "items"):
        pairs = []
        for key, value in options.items():
            if isinstance(value, bool):
                value = "true" if value else "false"
            pairs.append("%s=%s" % (key, value))
        options = pairs
    elif isinstance(options, str):
        options = [options]
    encoded = [o.encode("utf-8") for o in options]
    return (c_char_p * (len(encoded) + 1))(*encoded, None)


def _chars(text_bytes, offset, cache):
    """The character offset of byte OFFSET in the UTF-8 TEXT_BYTES."""
    if offset not in cache:
        cache[offset] = len(text_bytes[:offset].decode("utf-8", "replace"))
    return cache[offset]


def summarize(text, plugin=DEFAULT_PLUGIN, sentences=None, *, words=None, chars=None,
              ratio=None, order="article", lang="auto", title=None, options=None,
              plugin_dirs=None):
    """The brief of the article TEXT (str, or bytes in any encoding abridge reads).

    PLUGIN: the summarizer, or several fused by rank ("lead:2+frequency").
    The budget, one of: SENTENCES (default 3), WORDS or CHARS (at most that
    many; the first sentence always), RATIO (a share of the sentences,
    rounded up). ORDER: "article" (default) or "score" (best first).
    LANG: an ISO 639-1 code of languages(), or "auto" (guessed; English for
    short texts). TITLE: the article's title, when not in the text.
    OPTIONS: plugin options, {"centrality.variant": "textrank"} or
    ["centrality.variant=textrank"]. PLUGIN_DIRS: directories searched for
    plugins first. Returns a Brief; never empty when the text has a sentence.
    """
    budget = _budget(sentences, words, chars, ratio)
    if order not in ("article", "score"):
        raise UsageError("order must be 'article' or 'score', not %r" % (order,))
    option_array = _option_strings(options)
    registry = _registry(plugin_dirs)
    data = _decode(text, 0)

    error = POINTER(_lib.GError)()
    doc = _lib.document_new_lang(data, len(data), title.encode("utf-8") if title else None,
                                 lang.encode("utf-8"), byref(error))
    if not doc:
        _raise(error)
    engine = brief = None
    try:
        engine = _lib.engine_new(registry, plugin.encode("utf-8"), option_array, byref(error))
        if not engine:
            _raise(error)
        brief = _lib.engine_summarize(engine, doc, byref(budget),
                                      _lib.ORDER_SCORE if order == "score" else _lib.ORDER_ARTICLE,
                                      byref(error))
        if not brief:
            _raise(error)
        items = brief.contents.items.contents
        array = (_lib.BriefItem * items.len).from_address(items.data) if items.len else ()
        cache = {}
        chosen = tuple(Sentence(item.sentence, _str(item.text), item.score,
                                _chars(data, item.start, cache), _chars(data, item.end, cache))
                       for item in array)
        title_len = c_size_t()
        title_ptr = _lib.document_title(doc, byref(title_len))
        return Brief(chosen, data.decode("utf-8"),
                     _str(string_at(title_ptr, title_len.value)) if title_ptr else None,
                     _str(_lib.document_dateline(doc)), _str(_lib.document_language(doc)),
                     _str(_lib.engine_name(engine)))
    finally:
        _lib.brief_free(brief)
        _lib.engine_free(engine)
        _lib.document_free(doc)


# ---- web pages -----------------------------------------------------------------

def extract(html):
    """The article of the web page HTML (str, or bytes: its <meta charset> is
    honoured): its text, paragraphs a blank line apart, and the title,
    author, date, site name, canonical URL, description and language the
    page states. summarize(page.text, title=page.title) summarizes it."""
    data = _decode(html, _lib.DECODE_HTML)
    error = POINTER(_lib.GError)()
    article = _lib.extract_html(data, len(data), byref(error))
    if not article:
        _raise(error)
    try:
        a = article.contents
        return Article(string_at(a.text, a.len).decode("utf-8") if a.text else "",
                       _str(a.title), _str(a.author), _str(a.date), _str(a.site_name),
                       _str(a.url), _str(a.description), _str(a.language))
    finally:
        _lib.article_free(article)
