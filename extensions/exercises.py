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


class GatherSolutionsAtTheEnd(SphinxPostTransform):
    """In print, each solution moves to a "Solutions" section at the end of the
    chapter, under its page's title; a link to it stays in its place."""

    builders = ("latex",)
    default_priority = 890  # before latex_editions wraps the chapter (900)

    def run(self, **kwargs) -> None:
        found = list(self.document.findall(solution))
        chapter = next(iter(self.document.findall(nodes.section)), None)
        if not found or chapter is None:
            return
        gathered = nodes.section(ids=["solutions"])
        gathered += nodes.title("", _("Solutions"))
        for number, node in enumerate(found, 1):
            docname = node["docname"]
            section_id = f"solution-{number}"
            page = nodes.section(ids=[section_id])
            page += nodes.title("", self.env.titles[docname].astext())
            page += node.children
            gathered += page
            link = nodes.reference("", _("at the end of the chapter"), refid=section_id, internal=True)
            node.replace_self(nodes.paragraph("", "", nodes.Text(_("Solution: ")), link))
        chapter += gathered


def setup(app: Sphinx) -> dict:
    app.add_node(
        solution,
        html=(visit_solution_html, depart_solution_html),
        latex=(visit_solution_other, depart_solution_other),
        text=(visit_solution_other, depart_solution_other),
        epub=(visit_solution_html, depart_solution_html),
    )
    app.add_directive("solution", SolutionDirective)
    app.add_post_transform(GatherSolutionsAtTheEnd)
    return {"version": "1.0", "parallel_read_safe": True, "parallel_write_safe": True}
