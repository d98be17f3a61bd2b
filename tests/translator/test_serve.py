"""`make serve` previews an edition and rebuilds it when a .po is saved."""

from __future__ import annotations

import time
from pathlib import Path

from catalogs import edit_extension, set_translation
from book import catalog
from conftest import run_make
from preview_process import builds, fetch, running_preview
from project_copy import pages_written


def wait_for(condition, seconds: float) -> bool:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if condition():
            return True
        time.sleep(0.1)
    return False


def preview(project: Path, language: str = "zh_CN"):
    """`make serve LANGUAGE=...` running in ``project`` (log: serve.log); yields the page's URL."""
    return running_preview(project, language, project / "serve.log")


def tail(log: Path) -> str:
    """The end of the preview's output, to say why a rebuild did not come."""
    return log.read_text("utf-8", "replace")[-3000:] if log.exists() else "(no output)"


def builds_done(log: Path) -> bool:
    """Every build the preview started has ended, and has stayed so for a second.
    (A save written in two steps, truncation then text, may start two builds
    under load: a build killed with the preview leaves a half-written file.)"""
    def idle() -> bool:
        started, ended = builds(log)
        return started == ended
    if not idle():
        return False
    time.sleep(1)
    return idle()


def page_url(url: str, page: str) -> str:
    return url.replace("index.html", f"{page}.html")


def test_serve_rebuilds_and_serves_the_page_after_each_save(project_copy: Path):
    log = project_copy / "serve.log"
    queues_po = catalog("zh_CN", "queues", project_copy)
    with preview(project_copy) as url:
        queues = page_url(url, "queues")
        assert wait_for(lambda: "进程间通信（IPC）" in fetch(url), 90), "the preview never came up"
        # A translator saves a catalog:
        set_translation(queues_po, "Queues", "队列（预览）")
        assert wait_for(lambda: "队列（预览）" in fetch(queues), 60), f"not rebuilt after a .po edit\n{tail(log)}"
        # A broken catalog: the preview says where, keeps serving, and is not rewritten.
        lines = queues_po.read_text(encoding="utf-8").split("\n")
        line = lines.index('msgid "Create queue"') + 2
        lines[line - 1] = 'msgstr "创建队列'  # the closing quote forgotten
        broken = "\n".join(lines).encode("utf-8")
        queues_po.write_bytes(broken)
        def reported() -> bool:  # msgfmt names the msgstr's line or the next
            text = log.read_text("utf-8", "replace")
            return any(f"{catalog('zh_CN', 'queues', Path())}:{n}: " in text for n in (line, line + 1))

        assert wait_for(reported, 60), log.read_text("utf-8", "replace")[-3000:]
        assert "队列（预览）" in fetch(queues) and queues_po.read_bytes() == broken
        set_translation(queues_po, "Create queue", "创建队列（修好了）")
        assert wait_for(lambda: "创建队列（修好了）" in fetch(queues), 60), f"not rebuilt after the catalog was fixed\n{tail(log)}"
        # The theme's catalog (set up before a build starts, unlike the page's):
        set_translation(catalog("zh_CN", "sphinx", project_copy), "Download PDF", "下载 PDF（预览）")
        # (Every page is read again: the longest rebuild here, under make test's load.)
        assert wait_for(lambda: "下载 PDF（预览）" in fetch(url), 120), f"not rebuilt after a sphinx.po edit\n{tail(log)}"
        # An author saves the English page, or an example:
        page = project_copy / "source/queues.md"
        page.write_text(page.read_text(encoding="utf-8").replace("# Queues\n", "# Queues, live\n"),
                        encoding="utf-8")
        assert wait_for(lambda: "Queues, live" in fetch(queues), 60), f"not rebuilt after a source edit\n{tail(log)}"
        example = project_copy / "examples/processes/start-methods/main.py"
        example.write_text(example.read_text(encoding="utf-8").replace(
            "# Flush before the child starts", "# Flush now, live"), encoding="utf-8")
        assert wait_for(lambda: "Flush now, live" in fetch(page_url(url, "processes")), 60), \
            f"not rebuilt after an example edit\n{tail(log)}"
        # A developer fixes an extension: the preview runs the new code, not the copy it imported.
        module = project_copy / "extensions/translation_status.py"
        edit_extension(module)
        assert wait_for(lambda: "Marked by a changed extension." in fetch(url), 60), "extension edit not applied"
        # ...and goes on doing so, catalogs included, until the preview restarts.
        set_translation(queues_po, "Create queue", "创建队列（扩展改过之后）")
        assert wait_for(lambda: "创建队列（扩展改过之后）" in fetch(queues), 60), f"not rebuilt after an extension edit\n{tail(log)}"
        assert "Marked by a changed extension." in fetch(queues)


def test_a_preview_rebuild_writes_what_make_html_writes(built_copy: Path):
    # Preview rebuilds run in processes forked from a server that imported
    # Sphinx once; their output must not differ from `make html`'s. (A copy
    # with the HTML built, as a translator's: the preview compiles the
    # catalogs itself, then make html finds them compiled.)
    with preview(built_copy) as url:
        assert wait_for(lambda: "进程间通信（IPC）" in fetch(url), 90), "the preview never came up"
        # A code comment: on its page only (a title is on every page's navigation).
        set_translation(catalog("zh_CN", "pipes", built_copy), "Consumer, receives data", "消费者，接收数据（预览）")
        assert wait_for(lambda: "消费者，接收数据（预览）" in fetch(page_url(url, "pipes")), 60), "not rebuilt after a .po edit"
        # The search index and the stylesheets are written after the page.
        log = built_copy / "serve.log"
        assert wait_for(lambda: builds_done(log), 60), f"a build did not end\n{tail(log)}"
    written = pages_written(built_copy / "build/html", lambda: run_make("html", "LANGUAGES=zh_CN", cwd=built_copy))
    assert written == {"zh_CN": {"pipes"}}  # the edit, seen by make too
    served, built = built_copy / "build/serve/zh_CN", built_copy / "build/html/zh_CN"
    files = sorted(path.relative_to(built) for path in built.rglob("*") if path.is_file() and path.name != ".built")
    assert files == sorted(path.relative_to(served) for path in served.rglob("*") if path.is_file())
    assert [name for name in files if (served / name).read_bytes() != (built / name).read_bytes()] == []


def test_serve_previews_the_english_edition_too(project_copy: Path):
    with preview(project_copy, "en") as url:
        assert wait_for(lambda: "Interprocess Communication (IPC)" in fetch(url), 90), \
            (project_copy / "serve.log").read_text("utf-8", "replace")[-3000:]
        page, url = project_copy / "source/processes.md", page_url(url, "processes")
        page.write_text(page.read_text(encoding="utf-8").replace("## Start methods", "## Start methods, live"),
                        encoding="utf-8")
        assert wait_for(lambda: "Start methods, live" in fetch(url), 60), "not rebuilt after a source edit"
        # A mistake in conf.py: named with its line, the last good build still served.
        conf = project_copy / "conf.py"
        good = conf.read_text(encoding="utf-8")
        conf.write_text(good + "language = (\n", encoding="utf-8")
        log = project_copy / "serve.log"
        expected = ("syntax error in your configuration file", f"(conf.py, line {good.count(chr(10)) + 1})")
        assert wait_for(lambda: all(text in log.read_text("utf-8", "replace") for text in expected), 60), \
            log.read_text("utf-8", "replace")[-3000:]
        assert "Start methods, live" in fetch(url)
        conf.write_text(good, encoding="utf-8")
        page.write_text(page.read_text(encoding="utf-8").replace("## Start methods, live", "## Start methods, again"),
                        encoding="utf-8")
        assert wait_for(lambda: "Start methods, again" in fetch(url), 60), "not rebuilt after conf.py was fixed"


def test_serve_refuses_a_language_that_is_not_an_edition():
    result = run_make("serve", "LANGUAGE=fr", check=False)
    assert result.returncode != 0
    assert "'fr' is not an edition in languages.toml" in result.stderr
    assert "make add-language LANGUAGE=fr" in result.stderr
