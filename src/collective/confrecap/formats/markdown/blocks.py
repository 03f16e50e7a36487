"""Top-level blocks of a markdown-it token stream, and the items of a list."""

from collective.confrecap.formats.markdown.rendering import plain_text
from dataclasses import dataclass
from markdown_it.token import Token


@dataclass
class Block:
    """A top-level block: its tokens, kind ('paragraph', 'heading', …), level."""

    tokens: list
    kind: str
    level: int = 0
    inline: Token | None = None

    @property
    def text(self):
        return plain_text(self.inline.children) if self.inline else ""


def blocks_of(tokens):
    """Group a token stream into its top-level blocks."""
    blocks, index = [], 0
    while index < len(tokens):
        token, end = tokens[index], index
        if token.nesting == 1:
            depth = 0
            while True:
                depth += tokens[end].nesting
                if depth == 0:
                    break
                end += 1
        part = tokens[index : end + 1]
        kind = token.type.removesuffix("_open")
        inline = part[1] if kind in ("heading", "paragraph") else None
        level = int(token.tag[1]) if kind == "heading" else 0
        blocks.append(Block(part, kind, level, inline))
        index = end + 1
    return blocks


def list_items(block):
    """Token lists of the top-level items of a list block."""
    return [b.tokens for b in blocks_of(block.tokens[1:-1])]


def item_blocks(item):
    """The blocks inside a list item's tokens."""
    return blocks_of(item[1:-1])
