"""A base for nodes that hold several messages (code comments, diagram labels).

Sphinx's Locale transform keeps one ``translated`` mark per node, set by each
of its messages in turn; when the last message is translated by the identical
text (``msgstr == msgid``, as for a label like "API") it skips the whole node,
leaving its other messages in English. Nodes of this class are translated
message by message, so they ignore that mark.
"""

from __future__ import annotations

from sphinx import addnodes


class PerMessageTranslatable(addnodes.translatable):
    def __setitem__(self, key, value) -> None:
        if key == "translated":
            return  # each message is applied by apply_translated_message
        super().__setitem__(key, value)
