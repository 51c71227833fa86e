#!/usr/bin/env python3
"""The architecture the package promises, checked on every CI run:

1. BinaUsahaDomain imports Foundation only (and the standard library's Synchronization).
2. The web and the commands never import the persistence target: they get repositories and
   units of work from the composition root.
3. No web or command file calls a repository's write method: every write is a domain use case.
4. Every target imports each target and product it declares (no unused dependencies).
"""
import pathlib
import re
import sys

root = pathlib.Path(__file__).resolve().parent.parent
sources = root / "Sources"
problems = []


def imports(target):
    found = {}
    for path in (sources / target).rglob("*.swift"):
        for line in path.read_text().splitlines():
            match = re.match(r"\s*(?:@\w+\s+)*import\s+(\w+)", line)
            if match:
                found.setdefault(match.group(1), []).append(path.relative_to(root))
    return found


domain = imports("BinaUsahaDomain")
for module, paths in domain.items():
    if module not in ("Foundation", "Synchronization"):
        problems.append(f"BinaUsahaDomain imports {module}: {paths[0]}")

for target in ("BinaUsahaWeb", "BinaUsahaCLI"):
    for path in imports(target).get("BinaUsahaPersistence", []):
        problems.append(f"{path} imports BinaUsahaPersistence")

repositories = r"(?:regions|users|credentials|audit|beneficiaries|interests|importJobs|importJobStore|potentials|skills|plans|planningPeople|groups|coaching)"
writes = r"(?:save|update|delete|create|insert|append|record|add|remove|saveResource|setPasswordHash|createSignIn|endSignIn|endSignIns|createToken|revokeTokens|beginLoginAttempt|finishLoginAttempt|claimNext|failExhausted|applyStartingPotentials|moveToDeleted|moveBack|eraseDeleted)"
pattern = re.compile(r"\." + repositories + r"(?:\([^()]*\))?\." + writes + r"\(")
for target in ("BinaUsahaWeb", "BinaUsahaCLI"):
    for path in (sources / target).rglob("*.swift"):
        for number, line in enumerate(path.read_text().splitlines(), 1):
            if pattern.search(line):
                problems.append(f"{path.relative_to(root)}:{number}: writes to a repository directly: {line.strip()}")

manifest = (root / "Package.swift").read_text()
product_modules = {"Vapor": "Vapor", "Fluent": "Fluent", "FluentKit": "FluentKit", "FluentSQL": "FluentSQL",
                   "FluentSQLiteDriver": "FluentSQLiteDriver", "FluentPostgresDriver": "FluentPostgresDriver",
                   "AsyncKit": "AsyncKit", "VaporTesting": "VaporTesting"}
starts = list(re.finditer(r'\.(?:target|executableTarget|testTarget)\(\s*name:\s*"(\w+)"', manifest))
for index, match in enumerate(starts):
    name = match.group(1)
    end = starts[index + 1].start() if index + 1 < len(starts) else len(manifest)
    body = manifest[match.end():end]
    if not (sources / name).exists():
        continue
    declared = re.findall(r'"(BinaUsaha\w+|binausaha)"', body) + re.findall(r'\.product\(name:\s*"(\w+)"', body)
    used = imports(name)
    for dependency in declared:
        module = product_modules.get(dependency, dependency)
        if module == "binausaha":
            continue
        if module not in used:
            problems.append(f"{name} declares {dependency} but never imports it")

if problems:
    print("Architecture check failed:")
    for problem in problems:
        print("  - " + problem)
    sys.exit(1)
print("Architecture check: domain imports Foundation only; web and commands write only through use cases; no unused dependencies.")
