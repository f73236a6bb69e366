"""Groups joined one link at a time (union-find), shared by the linking stages.

Each stage keeps its own rule for when two groups may join (the same speaker, alike on
average, close centroids); this module is only how a member finds its group's root.
"""

from __future__ import annotations

from collections.abc import MutableMapping, MutableSequence
from typing import TypeVar

Node = TypeVar("Node")


def root(parent: MutableSequence[int] | MutableMapping[Node, Node], node: Node) -> Node:
    """The root of `node`'s group in `parent` (each node's parent, a root its own), halving the
    path on the way so that later lookups are short."""
    while parent[node] != node:
        parent[node] = parent[parent[node]]
        node = parent[node]
    return node
