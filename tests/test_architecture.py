"""docs/architecture.md draws who imports whom; the picture is generated from the code and must match it."""

import re
from pathlib import Path

from tools.import_graph import mermaid

ROOT = Path(__file__).resolve().parents[1]


def test_the_architecture_diagram_is_the_import_graph_of_the_code():
    document = (ROOT / "docs" / "architecture.md").read_text()
    (drawn,) = re.findall(r"```mermaid\n(.*?)\n```", document, flags=re.S)
    assert drawn == mermaid(), "regenerate with: python tools/import_graph.py --mermaid"
