#!/usr/bin/python3
"""A text table for the training-time benchmark (issue 10 item 4), from the Debian archive's package index on this
machine (`apt-cache dumpavail`): one row per package, its one-line description as text, three small numeric or
categorical columns, and the label `developer`: whether the package's section is one developers install (devel,
libdevel, the language sections). 6,000 packages, chosen by the md5 of their names, so the table is the same on every
machine with the same index.

Usage: debian-text.py OUT_CSV [ROWS]
"""
import csv
import hashlib
import subprocess
import sys

DEVELOPER = {"devel", "libdevel", "python", "perl", "ruby", "javascript", "java", "php", "golang", "rust", "ocaml",
             "haskell", "lisp", "interpreters", "vcs", "debug"}


def packages():
    text = subprocess.run(["apt-cache", "dumpavail"], check=True, capture_output=True, text=True).stdout
    for stanza in text.split("\n\n"):
        fields = {}
        for line in stanza.splitlines():
            if line[:1] not in (" ", "\t") and ":" in line:
                key, _, value = line.partition(":")
                fields[key] = value.strip()
        if "Package" in fields and "Description" in fields and "Section" in fields:
            yield fields


def main():
    out, rows = sys.argv[1], int(sys.argv[2]) if len(sys.argv) > 2 else 6000
    chosen = sorted(packages(), key=lambda p: hashlib.md5(p["Package"].encode()).hexdigest())[:rows]
    with open(out, "w", newline="") as f:
        w = csv.writer(f)
        w.writerow(["description", "installed_kb", "depends", "architecture", "priority", "developer"])
        for p in chosen:
            section = p["Section"].split("/")[-1]
            depends = len([d for d in p.get("Depends", "").split(",") if d.strip()])
            w.writerow([p["Description"], p.get("Installed-Size", "0"), depends, p.get("Architecture", ""),
                        p.get("Priority", "optional"), "true" if section in DEVELOPER else "false"])


if __name__ == "__main__":
    main()
