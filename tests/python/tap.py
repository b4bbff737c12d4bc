"""Runs the unittest modules test_*.py of a directory and reports TAP, one
line a test (and a failing subtest), for automake's tap-driver.sh.

    python3 tests/python/tap.py tests/python
"""
import sys
import traceback
import unittest


class TapResult(unittest.TestResult):
    def __init__(self):
        super().__init__()
        self.n = 0

    def _report(self, ok, test, directive="", err=None):
        self.n += 1
        name = test.id().split(".", 1)[-1]
        doc = test.shortDescription()
        line = "%s %d - %s%s" % ("ok" if ok else "not ok", self.n,
                                 "%s: %s" % (name, doc) if doc else name, directive)
        print(line.replace("\n", " "), flush=True)
        if err is not None:
            for text in traceback.format_exception(*err):
                for part in text.rstrip("\n").split("\n"):
                    print("# " + part, flush=True)

    def addSuccess(self, test):
        super().addSuccess(test)
        self._report(True, test)

    def addFailure(self, test, err):
        super().addFailure(test, err)
        self._report(False, test, err=err)

    def addError(self, test, err):
        super().addError(test, err)
        self._report(False, test, err=err)

    def addSkip(self, test, reason):
        super().addSkip(test, reason)
        self._report(True, test, " # SKIP " + reason)

    def addExpectedFailure(self, test, err):
        super().addExpectedFailure(test, err)
        self._report(True, test, " # TODO expected failure")

    def addUnexpectedSuccess(self, test):
        super().addUnexpectedSuccess(test)
        self._report(False, test, " # unexpected success")

    def addSubTest(self, test, subtest, err):
        super().addSubTest(test, subtest, err)
        if err is not None:
            self._report(False, subtest, err=err)


def main(argv):
    directory = argv[1] if len(argv) > 1 else "."
    suite = unittest.defaultTestLoader.discover(directory, pattern="test_*.py",
                                                top_level_dir=directory)
    result = TapResult()
    suite.run(result)
    print("1..%d" % result.n, flush=True)
    return 0 if result.wasSuccessful() and result.n > 0 else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv))
