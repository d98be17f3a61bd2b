"""The book's reliances on libraries' internals still hold on the installed
stack (Sphinx 8.2 on Python 3.11/3.12, 9.2 on 3.13+): each entry of
``extensions/internals.py`` is checked, and a failure names the module that
relies on it, what it relies on and why. Run on both stacks (``make test``
and ``make test PYTHON=python3.13``). No build: imports and introspection
only, a second or two.

Also: the speed-ups that must be in force on this stack are (the stemmer
memo, Sphinx 9's section numbers in search titles), and a use of an API
Sphinx deprecated fails the build (conf.py's filter)."""

from __future__ import annotations

import importlib
import inspect
import os
import re
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest
import sphinx

ROOT = Path(__file__).resolve().parent.parent.parent
sys.path.insert(0, str(ROOT / "extensions"))
import internals  # noqa: E402

MAJOR = sphinx.version_info[0]
APPLYING = [r for r in internals.RELIANCES if internals.applies(r, MAJOR)]


def resolve(target: str):
    module, _, attributes = target.partition(":")
    obj = importlib.import_module(module)
    for name in filter(None, attributes.split(".")):
        obj = getattr(obj, name)
    return obj


def described(reliance: internals.Reliance) -> str:
    return (f"{reliance.user} relies on {reliance.target} (Sphinx {sphinx.__version__}): {reliance.what}. "
            f"Why no public way: {reliance.why}. Upstream changed it: adapt {reliance.user}, "
            f"or make it step aside on this version, and update extensions/internals.py")


def check(reliance: internals.Reliance) -> str | None:
    """None when the reliance holds, else what is wrong."""
    if reliance.check == "absent":
        try:
            resolve(reliance.target)
        except (ImportError, AttributeError):
            return None
        return "it is back: the step-aside can be undone"
    try:
        obj = resolve(reliance.target)
    except (ImportError, AttributeError) as error:
        return f"missing: {error}"
    kind, _, argument = reliance.check.partition(":")
    if kind == "params":
        try:
            parameters = inspect.signature(obj).parameters
        except (TypeError, ValueError) as error:
            return f"no signature: {error}"
        missing = [name for name in argument.split(",") if name not in parameters]
        return f"parameters {missing} missing from {list(parameters)}" if missing else None
    if kind == "source":
        try:
            source = inspect.getsource(obj)
        except (OSError, TypeError) as error:
            return f"no source: {error}"
        return None if argument in source else f"its source no longer contains {argument!r}"
    return None


@pytest.mark.parametrize("reliance", APPLYING, ids=lambda r: f"{r.user}:{r.target}:{r.check}")
def test_reliance_holds(reliance: internals.Reliance):
    problem = check(reliance)
    assert problem is None, f"{described(reliance)}. Found: {problem}"


def test_a_moved_internal_is_reported_by_name():
    """The check itself: an entry whose target moved fails, naming the module."""
    moved = internals.Reliance("message_parsing", "sphinx.transforms.i18n:no_such_function", "a", "b")
    renamed = internals.Reliance("search_index", "sphinx.search:IndexBuilder.prune", "a", "b",
                                 check="params:no_such_parameter")
    assert check(moved).startswith("missing")
    assert "no_such_parameter" in check(renamed)
    assert "message_parsing relies on sphinx.transforms.i18n:no_such_function" in described(moved)


def test_every_module_reaching_into_internals_is_listed():
    """A module of ours that names a private attribute of a library (``x._y``
    outside its own names) or replaces a library's attribute is in the list."""
    listed = {r.user for r in internals.RELIANCES}
    # Read by hand, and public: fontTools' table objects are its documented
    # object model (ipc_chart follows fontTools' otf2ttf recipe).
    exempt = {"internals", "ipc_chart"}
    own_private = re.compile(r"\b(self|cls|_[a-z_]+|tokenizer\._Tokenizer)\._|\b_[a-zA-Z]\w*\._")
    unlisted = []
    for path in sorted((ROOT / "extensions").glob("*.py")):
        text = path.read_text(encoding="utf-8")
        code = "\n".join(line.split("#", 1)[0] for line in text.splitlines())
        private = [m.group(0) for m in re.finditer(r"\b[a-z_][a-z_0-9]*\.(_[a-zA-Z]\w*)", code)
                   if not own_private.match(m.group(0)) and not m.group(1).startswith("__")]
        patched = re.findall(r"^\s*(?:[a-z_]+\.)+[A-Za-z_]+ = ", code, flags=re.M)
        patched = [p for p in patched if not re.match(r"\s*(self|config|app\.config|env|app\.env|node|"
                                                      r"jieba\.dt|info|options|element|tokenizer)\.", p)
                   and ".children = " not in p]  # docutils' public node structure
        if (private or patched) and path.stem not in listed | exempt:
            unlisted.append(f"{path.name}: {private[:3] + patched[:3]}")
    assert not unlisted, f"modules using internals not listed in extensions/internals.py: {unlisted}"


def test_stemmer_memo_in_force():
    """search_dictionary's memo is in place once Sphinx has made the Chinese
    search language (Sphinx 9 calls no init(): the memo silently went away)."""
    pytest.importorskip("jieba")
    from sphinx import search

    import search_dictionary

    language = search_dictionary.search_chinese_class()({"dict": ""})
    assert hasattr(language.stemmer.stemWord, "cache_info"), \
        f"search_dictionary: the stemmer memo is not in force on Sphinx {sphinx.__version__}"
    assert language.stem("Queues") == search.languages["en"]({}).stem("Queues")


def test_deprecated_sphinx_api_fails_the_build(tmp_path: Path):
    """conf.py makes every RemovedInSphinx* warning an error: an extension
    using a deprecated API fails the build, named in its traceback."""
    deprecated = [name for name in dir(sphinx.deprecation) if name.startswith("RemovedInSphinx")]
    assert deprecated
    (tmp_path / "uses_deprecated.py").write_text(textwrap.dedent(f"""
        import warnings
        from sphinx.deprecation import {deprecated[-1]}

        def setup(app):
            warnings.warn("old API", {deprecated[-1]}, stacklevel=2)
            return {{"parallel_read_safe": True}}
        """))
    (tmp_path / "index.md").write_text("# Title\n")
    # The book's conf.py, its extensions replaced by the one that uses the old API.
    result = subprocess.run([sys.executable, "-m", "sphinx", "-q", "-c", str(ROOT), "-D", "extensions=uses_deprecated",
                             "-b", "html", str(tmp_path), str(tmp_path / "out")],
                            capture_output=True, text=True, env={**os.environ, "PYTHONPATH": str(tmp_path)})
    assert result.returncode != 0 and deprecated[-1] in result.stdout + result.stderr, result.stderr[-2000:]
