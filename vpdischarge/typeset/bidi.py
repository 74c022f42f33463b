"""The Unicode Bidirectional Algorithm for one line: embedding levels, and the visual order of
pieces of text.

python-bidi gives the reference algorithm (``bidi.algorithm``); we need its resolved level per
character, which its `get_display` does not return, so the steps are run here with each
character tagged by its position.
"""

from __future__ import annotations

from bidi import algorithm as uba


def levels(text: str, rtl_base: bool) -> list[int]:
    """The resolved embedding level of each character (odd = right-to-left)."""
    storage = uba.get_empty_storage()
    base = uba.PARAGRAPH_LEVELS["R" if rtl_base else "L"]
    storage["base_level"], storage["base_dir"] = base, ("L", "R")[base]
    uba.get_embedding_levels(text, storage, False, False)
    for index, char in enumerate(storage["chars"]):
        char["index"] = index
    uba.explicit_embed_and_overrides(storage, False)
    uba.resolve_weak_types(storage, False)
    uba.resolve_neutral_types(storage, False)
    uba.resolve_implicit_levels(storage, False)
    result = [base] * len(text)
    for char in storage["chars"]:
        result[char["index"]] = char["level"]
    # Characters removed by rule X9 (joiners, format controls) take their neighbour's level.
    kept = {char["index"] for char in storage["chars"]}
    for i in range(len(text)):
        if i not in kept and i:
            result[i] = result[i - 1]
    return result


def visual_order(item_levels: list[int]) -> list[int]:
    """Rule L2: indexes of items in display order, reversing every run at or above each level
    from the highest down to the lowest odd one."""
    order = list(range(len(item_levels)))
    if not item_levels:
        return order
    highest = max(item_levels)
    odd = [level for level in item_levels if level % 2]
    lowest_odd = min(odd) if odd else highest + 1
    for level in range(highest, lowest_odd - 1, -1):
        i = 0
        while i < len(order):
            if item_levels[order[i]] >= level:
                j = i
                while j < len(order) and item_levels[order[j]] >= level:
                    j += 1
                order[i:j] = reversed(order[i:j])
                i = j
            else:
                i += 1
    return order


def mirrored(ch: str) -> str:
    """The mirror image of a bracket-like character, for right-to-left runs: "(" -> ")"."""
    return uba.MIRRORED.get(ch, ch) if uba.mirrored(ch) else ch
