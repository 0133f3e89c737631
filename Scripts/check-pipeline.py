#!/usr/bin/env python3
"""Checks that the package graph is the pipeline (docs/architecture.md).

Reads `swift package describe --type json` and fails when a library target imports one that
comes after it in the pipeline, when Figures reaches the interpreter or swift-syntax, or when
the execution stage depends on a page renderer. Prints one line per stage.
"""
import json
import subprocess
import sys

PIPELINE = ["Markup", "Notebook", "Engine", "Outputs", "Kernel", "Execution", "Figures", "Site", "Export", "Serve",
            "WeaveCommands", "weave", "weave-serve"]
SWIFT_SYNTAX = {"SwiftSyntax", "SwiftParser", "SwiftOperators", "SwiftDiagnostics", "SwiftParserDiagnostics", "SwiftIDEUtils"}


def main() -> int:
    described = subprocess.run(["swift", "package", "describe", "--type", "json"], check=True,
                               capture_output=True, text=True).stdout
    targets = {t["name"]: t for t in json.loads(described)["targets"]}

    def closure(name: str) -> set:
        seen, stack = set(), [name]
        while stack:
            for dependency in targets.get(stack.pop(), {}).get("target_dependencies", []):
                if dependency not in seen:
                    seen.add(dependency)
                    stack.append(dependency)
        return seen

    problems = []
    for position, name in enumerate(PIPELINE):
        if name not in targets:
            problems.append(f"{name}: no such target")
            continue
        direct = targets[name].get("target_dependencies", [])
        later = [d for d in direct if d in PIPELINE and PIPELINE.index(d) > position]
        if later:
            problems.append(f"{name} imports {', '.join(later)}, which come after it")
        print(f"{name}: {', '.join(direct) or 'nothing of weave'}")
    figures = closure("Figures") | {"Figures"}
    if "Kernel" in figures:
        problems.append("Figures reaches Kernel")
    products = {p for t in figures for p in targets.get(t, {}).get("product_dependencies", [])}
    if products & SWIFT_SYNTAX:
        problems.append(f"Figures reaches swift-syntax: {sorted(products & SWIFT_SYNTAX)}")
    if {"Site", "Figures", "Export"} & closure("Execution"):
        problems.append("Execution depends on a renderer")
    # The web server (and the networking libraries under it) is loaded by weave-serve only.
    if "Serve" in closure("weave"):
        problems.append("weave reaches Serve: the web server belongs to weave-serve")
    for problem in problems:
        print("pipeline: " + problem, file=sys.stderr)
    if not problems:
        print("pipeline: every target imports only stages before it")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
