"""Exercise solutions: folded in HTML, gathered at the end of the book in print.

A page's exercise is ordinary text; its solution is a ``solution`` directive
whose body (usually a ``literalinclude`` of the solution's example and its
output) is any content::

    :::{solution}
    ```{literalinclude} ../examples/queues/exercise-word-count/main.py
    ```
    :::

HTML shows it as a ``<details>`` element, closed, headed "Solution" in the
edition's language, so a reader can try the exercise first. The LaTeX writer
(PDF) moves every solution, in reading order, to a "Solutions" section at the
end of the last page, each headed with the title of the page it belongs to.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from docutils import nodes
from sphinx.application import Sphinx
from sphinx.locale import _
from sphinx.transforms.post_transforms import SphinxPostTransform
from sphinx.util.docutils import SphinxDirective
from sphinx.writers.html5 import HTML5Translator


class solution(nodes.General, nodes.Element):
    """The body of one solution; ``docname`` says whose page it is on."""


class SolutionDirective(SphinxDirective):
    has_content = True

    def run(self) -> list[nodes.Node]:
        node = solution(docname=self.env.docname)
        self.set_source_info(node)
        node += self.parse_content_to_nodes(allow_section_headings=False)
        return [node]


def visit_solution_html(self: HTML5Translator, node: solution) -> None:
    summary = self.encode(_("Solution"))  # not inside the f-string: Babel would not extract it
    self.body.append(f'<details class="solution">\n<summary>{summary}</summary>\n')


def depart_solution_html(self: HTML5Translator, node: solution) -> None:
    self.body.append("</details>\n")


def visit_solution_other(self, node: solution) -> None:
    pass


def depart_solution_other(self, node: solution) -> None:
    pass


def take_solutions(document: nodes.document, anchor: Callable[[int], str],
                   link: Callable[[str], dict[str, Any]], link_ids: bool = False) -> list[tuple[str, solution]]:
    """Where print and EPUB gather the solutions: each solution of
    ``document`` (numbered from 1 in reading order) is replaced by "Solution:
    at the end of the chapter", a reference with the attributes
    ``link(anchor(number))`` (and, with ``link_ids``, the paragraph's id
    ``<anchor>-link``, for a link back); the (anchor, solution) pairs taken out."""
    taken = []
    for number, node in enumerate(list(document.findall(solution)), 1):
        name = anchor(number)
        reference = nodes.reference("", _("at the end of the chapter"), internal=True, **link(name))
        ids = [f"{name}-link"] if link_ids else []
        node.replace_self(nodes.paragraph("", "", nodes.Text(_("Solution: ")), reference, ids=ids))
        taken.append((name, node))
    return taken


class GatherSolutionsAtTheEnd(SphinxPostTransform):
    """In print, each solution moves to a "Solutions" section at the end of the
    chapter, under its page's title; a link to it stays in its place.
    (EPUB: epub_editions.GatherSolutions.) The solution node itself reaches no
    writer but HTML's."""

    builders = ("latex",)
    default_priority = 890  # before latex_editions wraps the chapter (900)

    def run(self, **kwargs) -> None:
        chapter = next(iter(self.document.findall(nodes.section)), None)
        if chapter is None or not any(self.document.findall(solution)):
            return
        gathered = nodes.section(ids=["solutions"])
        gathered += nodes.title("", _("Solutions"))
        for section_id, node in take_solutions(self.document, lambda number: f"solution-{number}",
                                               lambda section_id: {"refid": section_id}):
            page = nodes.section(ids=[section_id])
            page += nodes.title("", self.env.titles[node["docname"]].astext())
            page += node.children
            gathered += page
        chapter += gathered


def setup(app: Sphinx) -> dict:
    app.add_node(
        solution,
        html=(visit_solution_html, depart_solution_html),
        # LaTeX and EPUB replace every solution before writing (take_solutions);
        # only the text builder writes it as it is.
        text=(visit_solution_other, depart_solution_other),
    )
    app.add_directive("solution", SolutionDirective)
    app.add_post_transform(GatherSolutionsAtTheEnd)
    return {"version": "1.0", "parallel_read_safe": True, "parallel_write_safe": True}
