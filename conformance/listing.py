"""The contract as a list: every catalogue entry with its category, which families have it,
its signature and a one-line contract (``pytest --list-entries[=text|markdown|json]``).

The one-line contract is the first sentence of the reference backend's docstring for the entry
(``reference_backend.classic``'s for the entries only classic Keras 2.3 has): the reference's
docstrings are the contracts its answers follow.
"""

from __future__ import annotations

import inspect
import json
import re
from dataclasses import asdict, dataclass
from types import ModuleType

from .catalogue import CATALOGUE, KERAS_2_3_IMPORTS
from .catalogue.records import Entry

FORMATS = ("text", "markdown", "json")
_AVAILABILITY = {
    "required": "both families; Keras 2 refuses a backend without it",
    "core": "both families",
    "tf_keras": "tf_keras only",
    "classic": "classic Keras 2.2/2.3 only",
}


@dataclass(frozen=True)
class Listed:
    """One entry as the listing shows it."""

    name: str
    category: str
    availability: str
    signature: str
    newer: list[str]  # trailing parameters only tf_keras has
    imported_by_keras_2_3: bool  # Keras 2.3.1's loader imports it from an external backend
    contract: str


def _first_sentence(text: str) -> str:
    flat = " ".join(text.split())
    match = re.match(r"(.+?\.)(\s|$)", flat)
    return match.group(1) if match else flat


def _contract_line(name: str, references: tuple[ModuleType, ...]) -> str:
    for module in references:
        function = getattr(module, name, None)
        doc = inspect.getdoc(function) if function is not None else None
        if doc:
            return _first_sentence(doc)
    return ""


def entries() -> list[Listed]:
    """Every catalogue entry, in report order."""
    import reference_backend
    import reference_backend.classic

    references = (reference_backend, reference_backend.classic)
    return [_listed(entry, references) for entry in CATALOGUE.values()]


def _listed(entry: Entry, references: tuple[ModuleType, ...]) -> Listed:
    return Listed(name=entry.name, category=entry.category, availability=_AVAILABILITY[entry.availability],
                  signature=f"{entry.name}({entry.signature})" if entry.signature is not None else entry.name,
                  newer=list(entry.newer), imported_by_keras_2_3=entry.name in KERAS_2_3_IMPORTS,
                  contract=_contract_line(entry.name, references))


def render(listed: list[Listed], form: str) -> str:
    """``listed`` as plain text (one block per entry), a Markdown table, or JSON."""
    if form == "json":
        return json.dumps([asdict(item) for item in listed], indent=2) + "\n"
    if form == "markdown":
        lines = ["| entry | category | families | signature | contract |", "|---|---|---|---|---|"]
        for item in listed:
            cells = (f"`{item.name}`", item.category, item.availability, f"`{item.signature}`",
                     item.contract.replace("|", "\\|"))
            lines.append("| " + " | ".join(cells) + " |")
        return "\n".join(lines) + "\n"
    blocks = []
    for item in listed:
        newer = f"; tf_keras only: {', '.join(item.newer)}" if item.newer else ""
        blocks.append(f"{item.signature}\n    {item.category}; {item.availability}{newer}\n    {item.contract}")
    return "\n".join(blocks) + f"\n\n{len(listed)} entries\n"
