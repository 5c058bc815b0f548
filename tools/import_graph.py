"""The first-party import graph, read from the source (no import runs): cycles between apps, cycles
between modules, and the imports written inside functions.

    python tools/import_graph.py [-v]
    python tools/import_graph.py --mermaid   # the diagram in docs/architecture.md

`lint-imports` (make lint) enforces the layers; this prints the figures the architecture notes quote
(docs/architecture.md) and, with -v, every import inside a function and every app's dependencies."""

import ast
import configparser
import sys
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
NOT_APPS = {"tests", "tools"}


def modules() -> dict[str, Path]:
    found = {}
    for init in sorted(ROOT.glob("*/__init__.py")):
        if init.parent.name in NOT_APPS:
            continue
        for path in init.parent.rglob("*.py"):
            if "migrations" in path.parts:
                continue
            name = ".".join(path.relative_to(ROOT).with_suffix("").parts)
            found[name.removesuffix(".__init__")] = path
    return found


def resolve(name: str, known: dict) -> str | None:
    while name and name not in known:
        if "." not in name:
            return None
        name = name.rsplit(".", 1)[0]
    return name


def imported(node, package: str) -> list[str]:
    if isinstance(node, ast.Import):
        return [alias.name for alias in node.names]
    base = node.module or ""
    if node.level:
        parts = package.split(".")
        base = ".".join(parts[: len(parts) - node.level + 1] + ([base] if base else []))
    return [f"{base}.{alias.name}" for alias in node.names] + [base]


def graph(known: dict):
    edges, in_functions = defaultdict(set), set()
    for name, path in known.items():
        tree = ast.parse(path.read_text())
        package = name if path.name == "__init__.py" else name.rsplit(".", 1)[0]
        inside = {
            id(sub)
            for node in ast.walk(tree)
            if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef)
            for sub in ast.walk(node)
            if isinstance(sub, ast.Import | ast.ImportFrom)
        }
        for node in ast.walk(tree):
            if not isinstance(node, ast.Import | ast.ImportFrom):
                continue
            for target in imported(node, package):
                other = resolve(target, known)
                if other and other != name:
                    edges[name].add(other)
                    if id(node) in inside:
                        in_functions.add((name, other, node.lineno))
                    if isinstance(node, ast.ImportFrom):
                        break
    return edges, in_functions


def cycles(edges: dict, nodes) -> list[list[str]]:
    """Strongly connected components of more than one node (Tarjan)."""
    index, low, stack, on_stack, found, counter = {}, {}, [], set(), [], [0]
    sys.setrecursionlimit(10_000)

    def visit(node):
        index[node] = low[node] = counter[0]
        counter[0] += 1
        stack.append(node)
        on_stack.add(node)
        for other in edges.get(node, ()):
            if other not in index:
                visit(other)
                low[node] = min(low[node], low[other])
            elif other in on_stack:
                low[node] = min(low[node], index[other])
        if low[node] == index[node]:
            component = []
            while True:
                other = stack.pop()
                on_stack.discard(other)
                component.append(other)
                if other == node:
                    break
            if len(component) > 1:
                found.append(sorted(component))

    for node in nodes:
        if node not in index:
            visit(node)
    return found


def app_edges(edges: dict) -> dict[str, set[str]]:
    apps = defaultdict(set)
    for source, targets in edges.items():
        for target in targets:
            if source.split(".")[0] != target.split(".")[0]:
                apps[source.split(".")[0]].add(target.split(".")[0])
    return apps


def mermaid() -> str:
    """Who imports whom between apps, as a mermaid flowchart, apps in the order `.importlinter`
    lists them (top layer first): docs/architecture.md carries this text, and a test
    (tests/test_architecture.py) keeps the two equal."""
    config = configparser.ConfigParser()
    config.read(ROOT / ".importlinter")
    order = config["importlinter"]["root_packages"].split()
    apps = app_edges(graph(modules())[0])
    lines = ["flowchart TD"]
    for app in order:
        if apps.get(app):
            lines.append(f"    {app} --> " + " & ".join(other for other in order if other in apps[app]))
    return "\n".join(lines)


def main() -> None:
    if "--mermaid" in sys.argv:
        print(mermaid())
        return
    known = modules()
    edges, in_functions = graph(known)
    apps = app_edges(edges)
    across = {item for item in in_functions if item[0].split(".")[0] != item[1].split(".")[0]}
    print("cycles between apps:", cycles(apps, sorted({name.split(".")[0] for name in known})))
    print("cycles between modules:", cycles(edges, sorted(known)))
    print(f"first-party imports inside functions: {len(in_functions)} ({len(across)} across apps)")
    if "-v" in sys.argv:
        for source, target, line in sorted(in_functions):
            print(f"  {source}:{line} -> {target}")
        for app in sorted(apps):
            print(f"{app} -> {', '.join(sorted(apps[app]))}")


if __name__ == "__main__":
    main()
