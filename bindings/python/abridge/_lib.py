"""libabridge and GLib through ctypes: the structures and functions of
<abridge/abridge.h> and <abridge/plugin.h> that the module uses.

The library is found, in this order, at $ABRIDGE_LIBRARY (a path to
libabridge.so.0), in the $(libdir) abridge was installed to (written into
_paths.py by make install), then wherever the dynamic loader finds
libabridge.so.0.
"""

import ctypes
import os
from ctypes import (POINTER, Structure, c_char_p, c_double, c_int, c_size_t,
                    c_uint, c_uint32, c_void_p)

SONAME = "libabridge.so.0"


def _candidates():
    explicit = os.environ.get("ABRIDGE_LIBRARY")
    if explicit:
        return [explicit]
    found = []
    try:
        from ._paths import LIBDIR
    except ImportError:
        LIBDIR = None
    if LIBDIR:
        installed = os.path.join(LIBDIR, SONAME)
        if os.path.exists(installed):
            found.append(installed)
    found.append(SONAME)
    return found


def _load():
    errors = []
    for name in _candidates():
        try:
            return ctypes.CDLL(name)
        except OSError as e:
            errors.append(str(e))
    raise ImportError(
        "abridge: cannot load %s (%s): install abridge, or set ABRIDGE_LIBRARY "
        "to the library's path" % (SONAME, "; ".join(errors)))


lib = _load()
# GLib is loaded already, as libabridge's dependency: this finds that copy.
glib = ctypes.CDLL("libglib-2.0.so.0")


class GError(Structure):
    _fields_ = [("domain", c_uint32), ("code", c_int), ("message", c_char_p)]


class GArray(Structure):
    _fields_ = [("data", c_void_p), ("len", c_uint)]


class BriefItem(Structure):
    _fields_ = [("extract", c_int), ("sentence", c_uint32), ("start", c_uint32),
                ("end", c_uint32), ("score", c_double), ("text", c_char_p),
                ("annotations", c_void_p)]


class BriefStruct(Structure):
    _fields_ = [("items", POINTER(GArray)), ("scores", POINTER(c_double)),
                ("n_scores", c_uint32), ("keywords", POINTER(c_char_p))]


class Budget(Structure):
    _fields_ = [("kind", c_int), ("n", c_uint), ("ratio", c_double)]


class ArticleStruct(Structure):
    _fields_ = [("text", c_void_p), ("len", c_size_t), ("title", c_char_p),
                ("author", c_char_p), ("date", c_char_p), ("site_name", c_char_p),
                ("url", c_char_p), ("description", c_char_p), ("language", c_char_p)]


class OptionStruct(Structure):
    _fields_ = [("key", c_char_p), ("type", c_uint32), ("default_value", c_char_p),
                ("help", c_char_p)]


class PluginStruct(Structure):
    # The members of ABI 1.0 up to the option table; the rest is not read.
    _fields_ = [("struct_size", c_uint32), ("abi_version", c_uint32), ("id", c_char_p),
                ("name", c_char_p), ("version", c_char_p), ("description", c_char_p),
                ("flags", c_uint32), ("reserved", c_uint32),
                ("options", POINTER(OptionStruct))]


class PluginEntry(Structure):
    _fields_ = [("descriptor", POINTER(PluginStruct)), ("file", c_char_p)]


BUDGET_SENTENCES, BUDGET_WORDS, BUDGET_CHARS, BUDGET_RATIO = range(4)
ORDER_ARTICLE, ORDER_SCORE = range(2)
ERROR_INPUT, ERROR_USAGE, ERROR_PLUGIN = range(3)
DECODE_HTML = 1
OPTION_TYPES = {1: "bool", 2: "int", 3: "double", 4: "string"}

GErrorP = POINTER(GError)


def _fn(name, restype, *argtypes):
    f = getattr(lib, name)
    f.restype = restype
    f.argtypes = argtypes
    return f


# Functions returning memory to free take c_void_p results, so that ctypes
# does not copy the string and lose the pointer.
error_quark = _fn("abridge_error_quark", c_uint32)
input_decode = _fn("abridge_input_decode", c_void_p, c_char_p, c_size_t, c_int,
                   POINTER(c_size_t), POINTER(c_void_p), POINTER(GErrorP))
extract_html = _fn("abridge_extract_html", POINTER(ArticleStruct), c_char_p, c_size_t,
                   POINTER(GErrorP))
article_free = _fn("abridge_article_free", None, POINTER(ArticleStruct))
document_new_lang = _fn("abridge_document_new_lang", c_void_p, c_char_p, c_size_t, c_char_p,
                        c_char_p, POINTER(GErrorP))
document_free = _fn("abridge_document_free", None, c_void_p)
document_title = _fn("abridge_document_title", c_void_p, c_void_p, POINTER(c_size_t))
document_dateline = _fn("abridge_document_dateline", c_char_p, c_void_p)
document_language = _fn("abridge_document_language", c_char_p, c_void_p)
document_sentence_count = _fn("abridge_document_sentence_count", c_uint32, c_void_p)
registry_new = _fn("abridge_registry_new", c_void_p, POINTER(c_char_p), POINTER(GErrorP))
registry_count = _fn("abridge_registry_count", c_uint, c_void_p)
registry_get = _fn("abridge_registry_get", POINTER(PluginEntry), c_void_p, c_uint)
plugin_get_options = _fn("abridge_plugin_get_options", POINTER(OptionStruct),
                         POINTER(PluginStruct))
engine_new = _fn("abridge_engine_new", c_void_p, c_void_p, c_char_p, POINTER(c_char_p),
                 POINTER(GErrorP))
engine_free = _fn("abridge_engine_free", None, c_void_p)
engine_name = _fn("abridge_engine_name", c_char_p, c_void_p)
default_plugins = _fn("abridge_default_plugins", c_char_p)
engine_summarize = _fn("abridge_engine_summarize", POINTER(BriefStruct), c_void_p, c_void_p,
                       POINTER(Budget), c_int, POINTER(GErrorP))
brief_free = _fn("abridge_brief_free", None, POINTER(BriefStruct))
language_codes = _fn("abridge_language_codes", c_void_p)

g_free = glib.g_free
g_free.restype = None
g_free.argtypes = [c_void_p]
g_error_free = glib.g_error_free
g_error_free.restype = None
g_error_free.argtypes = [GErrorP]
