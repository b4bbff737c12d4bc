"""The Python module (bindings/python/abridge) against the build tree's
libabridge and plugins, and against the abridge command: the same text and
options give the same brief, scores and offsets.

Run by tests/python/test-python.sh (make check), which sets
ABRIDGE_LIBRARY, ABRIDGE_PLUGIN_SYSTEM_PATH, PYTHONPATH, ABRIDGE and
top_srcdir.
"""
import json
import os
import shutil
import subprocess
import tempfile
import threading
import unittest
import warnings

import abridge

SRCDIR = os.environ.get("top_srcdir", os.path.join(os.path.dirname(__file__), "..", ".."))
ARTICLES = os.path.join(SRCDIR, "tests", "fixtures", "articles")
PAGES = os.path.join(SRCDIR, "tests", "fixtures", "html")
COMMAND = os.environ.get("ABRIDGE")


def fixture(directory, name, mode="r"):
    with open(os.path.join(directory, name), mode, **({} if "b" in mode else {"encoding": "utf-8"})) as f:
        return f.read()


def command_json(*args):
    """The abridge command's JSON output for ARGS."""
    done = subprocess.run([COMMAND, "-f", "json", *args], capture_output=True, check=True)
    return json.loads(done.stdout)


@unittest.skipUnless(COMMAND, "ABRIDGE (the command to compare with) is not set")
class SameAsTheCommand(unittest.TestCase):
    def check(self, name, *args, **kwargs):
        path = os.path.join(ARTICLES, name)
        expected = command_json(*args, path)
        brief = abridge.summarize(fixture(ARTICLES, name), **kwargs)
        self.assertEqual([s.text for s in brief], [s["text"] for s in expected["sentences"]])
        self.assertEqual([s.index for s in brief], [s["index"] for s in expected["sentences"]])
        for got, want in zip(brief, expected["sentences"]):
            self.assertAlmostEqual(got.score, want["score"], delta=abs(want["score"]) * 1e-5 + 1e-9)
            # The command's offsets are bytes into the same text.
            self.assertEqual(len(brief.text[:got.start].encode("utf-8")), want["start"])
            self.assertEqual(len(brief.text[:got.end].encode("utf-8")), want["end"])
        for key in ("title", "dateline", "language", "plugin"):
            self.assertEqual(getattr(brief, key), expected[key], key)
        return brief

    def test_default(self):
        """the default brief: 3 sentences of the default plugin, as the command gives them"""
        brief = self.check("plain.txt")
        self.assertEqual(len(brief), 3)
        self.assertEqual(brief.plugin, abridge.DEFAULT_PLUGIN)
        self.assertEqual(abridge.DEFAULT_PLUGIN, "lead")

    def test_dateline_and_multibyte(self):
        """a dateline cut, and character offsets where the command's are bytes (an em dash)"""
        brief = self.check("dateline-washington.txt", "-n", "2", sentences=2)
        self.assertEqual(brief.dateline, "WASHINGTON")
        first = brief.sentences[0]
        self.assertEqual(brief.text[first.start:first.end], first.text)
        self.assertLess(first.start, len(brief.text[:first.start].encode("utf-8")))

    def test_plugin_and_budgets(self):
        """another plugin, a word budget, a ratio, best first"""
        self.check("plain.txt", "-p", "lead", "-n", "2", plugin="lead", sentences=2)
        self.check("plain.txt", "-w", "40", words=40)
        self.check("plain.txt", "-r", "0.5", ratio=0.5)
        self.check("plain.txt", "-c", "200", chars=200)
        self.check("plain.txt", "--order", "score", "-n", "4", sentences=4, order="score")

    def test_options(self):
        """plugin options as a dict (bools spelt true/false) or as strings"""
        self.check("plain.txt", "-p", "centrality", "-O", "centrality.variant=textrank",
                   plugin="centrality", options={"centrality.variant": "textrank"})
        self.check("plain.txt", "-p", "lead", "-O", "lead.per_paragraph=true", "-n", "2",
                   plugin="lead", sentences=2, options={"lead.per_paragraph": True})
        self.check("plain.txt", "-p", "lead", "-O", "lead.per_paragraph=true", "-n", "2",
                   plugin="lead", sentences=2, options=["lead.per_paragraph=true"])

    def test_language(self):
        """the language guessed, or given"""
        brief = self.check("german.txt")
        self.assertEqual(brief.language, "de")
        self.check("german.txt", "--lang", "de", lang="de")

    def test_extract(self):
        """a page's article and metadata, as abridge extract gives them"""
        for name in ("news-comments.html", "news-nav.html", "news-related.html"):
            with self.subTest(page=name):
                done = subprocess.run([COMMAND, "extract", "-f", "json", os.path.join(PAGES, name)],
                                      capture_output=True, check=True)
                want = json.loads(done.stdout)
                page = abridge.extract(fixture(PAGES, name))
                self.assertEqual(page.text, want["text"])
                for key in ("title", "author", "date", "site_name", "url", "language"):
                    self.assertEqual(getattr(page, key), want.get(key), key)
                self.assertTrue(page.text)


class Briefs(unittest.TestCase):
    def setUp(self):
        self.text = fixture(ARTICLES, "plain.txt")

    def test_offsets_index_the_text(self):
        """every sentence is the text between its offsets"""
        brief = abridge.summarize(self.text, sentences=4)
        self.assertEqual(brief.text, self.text)
        self.assertEqual(len(brief), 4)
        for s in brief:
            self.assertEqual(brief.text[s.start:s.end], s.text)
            self.assertIsInstance(s.score, float)
        self.assertEqual([s.index for s in brief], sorted(s.index for s in brief))

    def test_score_order(self):
        """order="score": best first"""
        brief = abridge.summarize(self.text, sentences=5, order="score")
        scores = [s.score for s in brief]
        self.assertEqual(scores, sorted(scores, reverse=True))

    def test_str(self):
        """str(brief): one sentence a line"""
        brief = abridge.summarize(self.text, sentences=2)
        self.assertEqual(str(brief), "\n".join(s.text for s in brief))

    def test_cleaned_text(self):
        """CRLF and no-break spaces cleaned as the command cleans them; offsets index brief.text"""
        messy = self.text.replace("\n", "\r\n").replace("Dr. ", "Dr.\u00a0")
        brief = abridge.summarize(messy, sentences=3)
        self.assertEqual(brief.text, self.text)
        self.assertEqual([s.text for s in brief], [s.text for s in abridge.summarize(self.text)])
        for s in brief:
            self.assertEqual(brief.text[s.start:s.end], s.text)

    def test_bytes(self):
        """bytes in the encodings the command reads: UTF-8, UTF-16 with BOM, Windows-1252"""
        expected = [s.text for s in abridge.summarize(self.text)]
        self.assertEqual([s.text for s in abridge.summarize(self.text.encode("utf-8"))], expected)
        self.assertEqual([s.text for s in abridge.summarize(self.text.encode("utf-16"))], expected)
        latin = "Caf\u00e9 owners met on Monday. " * 3
        with warnings.catch_warnings(record=True) as caught:
            warnings.simplefilter("always")
            brief = abridge.summarize(latin.encode("cp1252"))
        self.assertEqual(brief.text, latin)
        self.assertTrue(any(issubclass(w.category, abridge.DecodeWarning) for w in caught))
        self.assertIn("not UTF-8", str(caught[0].message))

    def test_title(self):
        """a title given from outside the text"""
        brief = abridge.summarize("The council met on Monday. It approved a bridge.", title="Bridge approved")
        self.assertEqual(brief.title, "Bridge approved")

    def test_threads(self):
        """calls from several threads at once give what one thread gives"""
        expected = abridge.summarize(self.text)
        results = [None] * 8

        def work(i):
            results[i] = abridge.summarize(self.text)

        threads = [threading.Thread(target=work, args=(i,)) for i in range(8)]
        for t in threads:
            t.start()
        for t in threads:
            t.join()
        self.assertEqual(results, [expected] * 8)

    def test_empty(self):
        """text without a sentence: an empty brief"""
        self.assertEqual(len(abridge.summarize("")), 0)


class Errors(unittest.TestCase):
    def test_usage(self):
        """unknown plugins, options and languages, and bad budgets, are usage errors"""
        cases = [({"plugin": "nope"}, "no plugin 'nope'"),
                 ({"options": {"centrality.nope": 1}}, "nope"),
                 ({"lang": "xx"}, "xx"),
                 ({"sentences": 0}, "sentences must be a positive integer"),
                 ({"sentences": 2, "words": 10}, "one budget at a time"),
                 ({"ratio": 1.5}, "ratio must be a number in"),
                 ({"order": "random"}, "order must be")]
        for kwargs, message in cases:
            with self.subTest(**{k: str(v) for k, v in kwargs.items()}):
                with self.assertRaises(abridge.UsageError) as raised:
                    abridge.summarize("The council met on Monday.", **kwargs)
                self.assertIn(message, str(raised.exception))
                self.assertIsInstance(raised.exception, ValueError)

    def test_input(self):
        """text abridge cannot read is an input error naming the problem"""
        with self.assertRaises(abridge.InputError) as raised:
            abridge.summarize("The council\0 met.")
        self.assertIn("NUL", str(raised.exception))
        with self.assertRaises(abridge.InputError):
            abridge.summarize("half a surrogate \ud800 here")
        with self.assertRaises(abridge.InputError):
            abridge.extract("<html><body><p>a\0b</p></body></html>")
        with self.assertRaises(TypeError):
            abridge.summarize(42)


class Pages(unittest.TestCase):
    def test_metadata(self):
        """extract(): the article and the metadata the page states"""
        page = abridge.extract(fixture(PAGES, "news-nav.html"))
        self.assertEqual(page.title, "Harbour cranes return to work after storm")
        self.assertEqual(page.author, "Mara Quill")
        self.assertEqual(page.url, "https://tidewater.example/news/harbour-cranes")
        self.assertTrue(page.text.startswith("The four container cranes"))
        self.assertNotIn("\n\n\n", page.text)

    def test_charset(self):
        """bytes: the page's <meta charset> is honoured"""
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", abridge.DecodeWarning)
            page = abridge.extract(fixture(PAGES, "latin1.html", "rb"))
        self.assertEqual(page.title, "Caf\u00e9 reopens")
        self.assertIn("Ren\u00e9e Duval", page.text)

    def test_no_text(self):
        """a page without article text: empty text, not an error"""
        self.assertEqual(abridge.extract("<html><body><nav><a href='/'>Home</a></nav></body></html>").text, "")

    def test_summarize_a_page(self):
        """summarize(page.text, title=page.title)"""
        page = abridge.extract(fixture(PAGES, "news-nav.html"))
        brief = abridge.summarize(page.text, title=page.title, sentences=2)
        self.assertEqual(len(brief), 2)
        self.assertEqual(brief.title, page.title)


class Plugins(unittest.TestCase):
    def test_shipped(self):
        """plugins(): the shipped plugins, with their files and options"""
        found = {p.id: p for p in abridge.plugins()}
        self.assertTrue({"centrality", "frequency", "lead", "quotes"} <= set(found), sorted(found))
        centrality = found["centrality"]
        self.assertTrue(centrality.file.endswith("centrality.so"), centrality.file)
        self.assertTrue(centrality.version)
        options = {o.key: o for o in centrality.options}
        self.assertIn("variant", options)
        self.assertEqual(options["variant"].type, "string")
        self.assertTrue(all(o.type in ("bool", "int", "double", "string") for o in centrality.options))

    def test_plugin_dirs(self):
        """plugin_dirs: searched first, a plugin found there is usable"""
        built = os.environ.get("ABRIDGE_TEST_FIXTURE_PLUGINS", "")
        good = os.path.join(built, "good.so")
        if not os.path.isfile(good):
            self.skipTest("the fixture plugin good.so is not built")
        with tempfile.TemporaryDirectory() as directory:
            shutil.copy(good, directory)
            os.chmod(os.path.join(directory, "good.so"), 0o755)
            found = {p.id: p for p in abridge.plugins(plugin_dirs=directory)}
            self.assertIn("last", found)
            self.assertEqual(found["last"].file, os.path.join(directory, "good.so"))
            brief = abridge.summarize("The council met on Monday. It approved a bridge. Work starts soon.",
                                      plugin="last", sentences=1, plugin_dirs=[directory])
        self.assertEqual(brief.plugin, "last")
        self.assertEqual(str(brief), "Work starts soon.")

    def test_languages(self):
        """languages(): the codes lang= takes"""
        codes = abridge.languages()
        self.assertIn("en", codes)
        self.assertIn("de", codes)
        self.assertNotIn("auto", codes)


if __name__ == "__main__":
    unittest.main()
