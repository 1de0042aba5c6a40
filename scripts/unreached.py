#!/usr/bin/env python3
"""Lists production classes that nothing reachable from cli.Main uses.

Run after `mvn compile`: python3 scripts/unreached.py. Edges come from jdeps over
target/classes, plus the class literals in annotations (picocli's subcommands and mixins,
which jdeps does not see); JMH benchmark classes count as roots because JMH finds them by name.
A listed class is a candidate for deletion, to be checked by hand (reflection, tests).
"""
import collections, pathlib, re, subprocess, sys

root = pathlib.Path(__file__).resolve().parent.parent
classes = root / "target" / "classes"
sources = root / "src" / "main" / "java"
out = subprocess.run(["jdeps", "-verbose:class", "-filter:none", str(classes)],
                     capture_output=True, text=True, check=True).stdout
edges = collections.defaultdict(set)
known = set()
for line in out.splitlines():
    m = re.match(r"\s+(dev\.indexlab\.\S+)\s+->\s+(dev\.indexlab\.\S+)", line)
    if m:
        a, b = (x.split("$")[0] for x in m.groups())
        known.update((a, b))
        if a != b:
            edges[a].add(b)
roots = {"dev.indexlab.cli.Main"}
for path in sources.rglob("*.java"):
    name = ".".join(path.relative_to(sources).with_suffix("").parts)
    known.add(name)
    text = path.read_text()
    if "@Benchmark" in text or "@State(" in text:
        roots.add(name)
    pkg = name.rsplit(".", 1)[0]
    imports = dict((i.rsplit(".", 1)[1], i) for i in re.findall(r"^import (dev\.indexlab\.[\w.]+);", text, re.M))
    for literal in re.findall(r"\b([A-Z]\w*)\.class\b", text):
        target = imports.get(literal, pkg + "." + literal)
        edges[name].add(target)
seen, todo = set(), list(roots)
while todo:
    c = todo.pop()
    if c in seen:
        continue
    seen.add(c)
    todo.extend(edges[c])
unreached = sorted(c for c in known if c not in seen and (sources / (c.replace(".", "/") + ".java")).exists())
print("\n".join(unreached))
sys.exit(1 if unreached else 0)
