#!/usr/bin/env python3
"""Reference implementation (stdlib only) of DVC 3.x on-disk hashing/serialization.

Written from the behaviour documented in docs/dvc-format.md (the folder above). It does NOT
import or run DVC; it re-implements:

  * file hashing: plain md5 of the bytes (DVC 3.x, ``hash: md5``) and the legacy
    DVC 2.x ``md5-dos2unix`` variant (both the current dvc-data per-1MiB-chunk
    text detection and the original DVC 2.x per-file detection);
  * directory hashing: the ``.dir`` manifest bytes, its md5 (+ ``.dir``), size
    and nfiles, with DVC's default ignore rules (.git, .hg, .dvc, nested DVC
    repos) and os.walk(followlinks=False) traversal;
  * ``.dvc`` file text as written by ``dvc add`` (ruamel round-trip style);
  * ``dvc.lock`` deps/outs entries and whole stage entries;
  * the run-cache key/value (``.dvc/cache/runs/<k[:2]>/<k>/<v>``);
  * stage md5 (``md5:`` of single-stage .dvc files, dict_md5) and dict_sha256;
  * cache object paths (3.x ``files/md5`` and legacy 2.x layout).

Usage:
  dvc_ref.py hash PATH [--legacy dvc3|dvc2]     per-file md5 + dir hash + manifest
  dvc_ref.py manifest DIR                        raw .dir manifest bytes to stdout
  dvc_ref.py dvcfile PATH                        text of PATH.dvc as `dvc add` writes it
  dvc_ref.py lock-entry PATH [--indent N]        dvc.lock deps/outs list item
  dvc_ref.py stage NAME --cmd CMD [--dep P]... [--out P]... [--params-json JSON]
                                                 dvc.lock text for one stage + run-cache key
  dvc_ref.py cache-path OID [--cache DIR] [--legacy]
  dvc_ref.py check-lock ROOT                     ROOT/dvc.lock against LOCKFILE_SCHEMA, DVC's writer
                                                 and the files on disk (needs PyYAML to parse)
  dvc_ref.py selftest                            reproduce vectors from the DVC test suites
"""

import argparse
import hashlib
import json
import os
import re
import stat
import sys
import tempfile

CHUNK = 2**20  # dvc_data.hashfile.hash.fobj_md5 chunk_size (1 MiB)
TEXT_BLOCK = 512  # dvc_data.hashfile.istextfile.DEFAULT_CHUNK_SIZE
TEXT_CHARS = bytes(range(32, 127)) + b"\n\r\t\f\b"


# ----------------------------------------------------------------------------
# file hashing
# ----------------------------------------------------------------------------
def istextblock(block: bytes) -> bool:
    if not block:
        return True  # empty is text
    if b"\x00" in block:
        return False
    nontext = block.translate(None, TEXT_CHARS)
    return len(nontext) / len(block) <= 0.30


def file_md5(path: str, legacy: str = "") -> str:
    """legacy: '' -> DVC 3.x md5; 'dvc3' -> md5-dos2unix as dvc-data computes it
    today (text test per 1 MiB chunk); 'dvc2' -> DVC 2.x (text test once per file)."""
    h = hashlib.md5()
    with open(path, "rb") as f:
        if legacy == "dvc2":
            first = f.read(TEXT_BLOCK)
            is_text = istextblock(first)
            f.seek(0)
        while True:
            chunk = f.read(CHUNK)
            if not chunk:
                break
            if legacy == "dvc3":
                if istextblock(chunk[:TEXT_BLOCK]):
                    chunk = chunk.replace(b"\r\n", b"\n")
            elif legacy == "dvc2":
                if is_text:
                    chunk = chunk.replace(b"\r\n", b"\n")
            h.update(chunk)
    return h.hexdigest()


def bytes_md5(data: bytes) -> str:
    return hashlib.md5(data).hexdigest()


# ----------------------------------------------------------------------------
# directory walking (os.walk + DvcIgnoreFilter default patterns)
# ----------------------------------------------------------------------------
class IgnoreInCollectedDir(Exception):
    pass


def _default_ignored(name: str, is_dir: bool) -> bool:
    # DvcIgnoreFilter default patterns: ".hg/", ".git/", ".git", ".dvc/"
    # (no leading slash => they match at any depth).
    if name == ".git":
        return True
    if is_dir and name in (".hg", ".dvc"):
        return True
    return False


def walk_files(root: str):
    """Yield (relparts tuple, abspath) for every file DVC would put in the tree."""
    root = os.path.normpath(root)
    for dirpath, dirnames, filenames in os.walk(root, topdown=True):
        # nested DVC repos (subrepos) are ignored: a dir containing ".dvc"
        keep = []
        for d in dirnames:
            full = os.path.join(dirpath, d)
            if _default_ignored(d, True):
                continue
            if os.path.exists(os.path.join(full, ".dvc")):
                continue  # subrepo
            keep.append(d)
        dirnames[:] = keep
        files = [f for f in filenames if not _default_ignored(f, False)]
        if not files:
            continue
        if ".dvcignore" in files:
            raise IgnoreInCollectedDir(
                f".dvcignore file should not be in collected dir path: '{dirpath}'"
            )
        rel = () if dirpath == root else tuple(
            dirpath[len(root) + 1 :].split(os.sep)
        )
        for f in files:
            yield rel + (f,), os.path.join(dirpath, f)


def build_tree(root: str, legacy: str = ""):
    """Return (entries, manifest_bytes, dir_oid, size, nfiles)."""
    entries = []
    size = 0
    for parts, full in walk_files(root):
        st = os.stat(full)  # follows symlinks, like _localfs_info
        entries.append({"md5": file_md5(full, legacy), "relpath": "/".join(parts)})
        size += st.st_size
    entries.sort(key=lambda e: e["relpath"])  # Python code-point order
    manifest = json.dumps(entries, sort_keys=True).encode("utf-8")
    # the tree object itself is always hashed with plain md5 of these bytes
    oid = bytes_md5(manifest) + ".dir"
    return entries, manifest, oid, size, len(entries)


def hash_path(path: str, legacy: str = "") -> dict:
    """Meta + hash as DVC would record them (keys in DVC's serialization order)."""
    if os.path.isdir(path):
        _, _, oid, size, nfiles = build_tree(path, legacy)
        return {"md5": oid, "size": size, "nfiles": nfiles}
    st = os.stat(path)
    d = {"md5": file_md5(path, legacy), "size": st.st_size}
    if os.name != "nt" and st.st_mode & (stat.S_IXUSR | stat.S_IXGRP | stat.S_IXOTH):
        d["isexec"] = True
    return d


# ----------------------------------------------------------------------------
# dict_md5 / dict_sha256 (dvc.utils)
# ----------------------------------------------------------------------------
def dict_filter(d, exclude=()):
    if not exclude or not isinstance(d, (list, dict)):
        return d
    if isinstance(d, list):
        return [dict_filter(e, exclude) for e in d]
    return {k: dict_filter(v, exclude) for k, v in d.items() if k not in exclude}


def dict_hash(d, typ, exclude=()):
    data = json.dumps(dict_filter(d, exclude), sort_keys=True).encode("utf-8")
    return hashlib.new(typ, data).hexdigest()


def dict_md5(d, exclude=()):
    return dict_hash(d, "md5", exclude)


def dict_sha256(d, exclude=()):
    return dict_hash(d, "sha256", exclude)


STAGE_MD5_EXCLUDE = [
    "desc", "type", "labels", "meta",  # annotation fields
    "locked", "frozen", "metric", "persist", "isexec", "size", "nfiles",
]


def stage_md5(stage_dict: dict) -> str:
    """md5: field of single-stage .dvc files (imports / legacy `dvc run`)."""
    d = dict(stage_dict)
    for k in ("md5", "meta", "desc"):
        d.pop(k, None)
    if d.get("wdir") == ".":
        del d["wdir"]
    return dict_md5(d, exclude=STAGE_MD5_EXCLUDE)


def run_cache_key_value(lock_entry: dict):
    """lock_entry = one stage's dvc.lock entry (cmd/deps/params/outs)."""
    value = dict_sha256(lock_entry, exclude=["size", "nfiles"])
    k = dict(lock_entry)
    k["outs"] = [o["path"] for o in lock_entry.get("outs", [])]
    key = dict_sha256(k, exclude=["size", "nfiles"])
    return key, value


def cache_path(oid: str, cache_dir: str = ".dvc/cache", legacy: bool = False) -> str:
    base = cache_dir if legacy else f"{cache_dir}/files/md5"
    return f"{base}/{oid[:2]}/{oid[2:]}"


# ----------------------------------------------------------------------------
# minimal ruamel.yaml (round-trip, default settings) emitter
# ----------------------------------------------------------------------------
_BOOL = re.compile(r"^(?:true|True|TRUE|false|False|FALSE)$")
_FLOAT = re.compile(
    r"""^(?:[-+]?(?:[0-9][0-9_]*)\.[0-9_]*(?:[eE][-+]?[0-9]+)?
    |[-+]?(?:[0-9][0-9_]*)(?:[eE][-+]?[0-9]+)
    |[-+]?\.[0-9_]+(?:[eE][-+][0-9]+)?
    |[-+]?\.(?:inf|Inf|INF)
    |\.(?:nan|NaN|NAN))$""",
    re.X,
)
_INT = re.compile(
    r"""^(?:[-+]?0b[0-1_]+
    |[-+]?0o?[0-7_]+
    |[-+]?[0-9_]+
    |[-+]?0x[0-9a-fA-F_]+)$""",
    re.X,
)
_NULL = re.compile(r"^(?:~|null|Null|NULL|)$")
_TIMESTAMP = re.compile(
    r"""^(?:[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]
    |[0-9][0-9][0-9][0-9]-[0-9][0-9]?-[0-9][0-9]?
    (?:[Tt]|[ \t]+)[0-9][0-9]?
    :[0-9][0-9]:[0-9][0-9](?:\.[0-9]*)?
    (?:[ \t]*(?:Z|[-+][0-9][0-9]?(?::[0-9][0-9])?))?)$""",
    re.X,
)
_FIRST = {
    "bool": "tTfF",
    "float": "-+0123456789.",
    "int": "-+0123456789",
    "timestamp": "0123456789",
}


def _resolves_to_str(s: str) -> bool:
    """True if the YAML 1.2 implicit resolvers (ruamel VersionedResolver) would
    leave this plain scalar a string."""
    if s == "" or _NULL.match(s):
        return False
    c = s[0]
    if c in _FIRST["bool"] and _BOOL.match(s):
        return False
    if c in _FIRST["float"] and _FLOAT.match(s):
        return False
    if c in _FIRST["int"] and _INT.match(s):
        return False
    if c in _FIRST["timestamp"] and _TIMESTAMP.match(s):
        return False
    if s in ("<<", "="):
        return False
    return True


_WS = "\0 \t\r\n\x85\u2028\u2029"
_BREAKS = "\n\x85\u2028\u2029"


def _analyze(scalar: str):
    """Subset of Emitter.analyze_scalar (block context, allow_unicode=True)."""
    if not scalar:
        return dict(empty=True, multiline=False, plain=True, single=True)
    block_ind = scalar.startswith("---") or scalar.startswith("...")
    line_breaks = special = False
    lead_sp = lead_br = trail_sp = trail_br = break_sp = sp_break = False
    preceded_ws = True
    followed_ws = len(scalar) == 1 or scalar[1] in _WS
    prev_sp = prev_br = False
    for i, ch in enumerate(scalar):
        if i == 0:
            if ch in "#,[]{}&*!|>'\"%@`":
                block_ind = True
            if ch in "?:" and followed_ws:
                block_ind = True
            if ch == "-" and followed_ws:
                block_ind = True
        else:
            if ch == ":" and followed_ws:
                block_ind = True
            if ch == "#" and preceded_ws:
                block_ind = True
        if ch in _BREAKS:
            line_breaks = True
        if not (ch == "\n" or "\x20" <= ch <= "\x7e"):
            if (
                ch == "\x85"
                or "\xa0" <= ch <= "\ud7ff"
                or "\ue000" <= ch <= "\ufffd"
                or "\U00010000" <= ch < "\U0010ffff"
            ) and ch != "\ufeff":
                pass  # unicode allowed (allow_unicode=True)
            else:
                special = True
        if ch == " ":
            if i == 0:
                lead_sp = True
            if i == len(scalar) - 1:
                trail_sp = True
            if prev_br:
                break_sp = True
            prev_sp, prev_br = True, False
        elif ch in _BREAKS:
            if i == 0:
                lead_br = True
            if i == len(scalar) - 1:
                trail_br = True
            if prev_sp:
                sp_break = True
            prev_sp, prev_br = False, True
        else:
            prev_sp = prev_br = False
        preceded_ws = ch in _WS
        followed_ws = i + 2 >= len(scalar) or scalar[i + 2] in _WS
    plain = single = True
    if lead_sp or lead_br or trail_sp or trail_br:
        plain = False
    if break_sp:
        plain = single = False
    if sp_break or special:
        plain = single = False
    if line_breaks:
        plain = False
    if block_ind:
        plain = False
    return dict(empty=False, multiline=line_breaks, plain=plain, single=single)


_ESC = {
    "\0": "0", "\x07": "a", "\x08": "b", "\x09": "t", "\x0a": "n", "\x0b": "v",
    "\x0c": "f", "\x0d": "r", "\x1b": "e", '"': '"', "\\": "\\", "\x85": "N",
    "\xa0": "_", "\u2028": "L", "\u2029": "P",
}


class YamlWriter:
    """Block-style emitter following PyYAML/ruamel Emitter semantics for the
    value types DVC writes (str/int/float/bool/None/list/dict). Width 80,
    mapping indent 2, sequence dash at the parent key's column."""

    WIDTH = 80

    def __init__(self):
        self.out = []
        self.column = 0
        self.whitespace = True
        self.indention = True
        self.indent = 0

    # low level -------------------------------------------------------------
    def _w(self, s):
        self.out.append(s)
        self.column += len(s)

    def _nl(self):
        self.out.append("\n")
        self.column = 0
        self.whitespace = True
        self.indention = True

    def write_indent(self):
        indent = self.indent
        if not self.indention or self.column > indent or (
            self.column == indent and not self.whitespace
        ):
            self._nl()
        if self.column < indent:
            self.whitespace = True
            self.out.append(" " * (indent - self.column))
            self.column = indent

    def write_indicator(self, ind, need_ws, whitespace=False, indention=False):
        data = ind if (self.whitespace or not need_ws) else " " + ind
        self.whitespace = whitespace
        self.indention = self.indention and indention
        self._w(data)

    # scalars ----------------------------------------------------------------
    def write_plain(self, text, split=True):
        if not text:
            return
        if not self.whitespace:
            self._w(" ")
        self.whitespace = False
        self.indention = False
        spaces = False
        start = end = 0
        while end <= len(text):
            ch = text[end] if end < len(text) else None
            if spaces:
                if ch != " ":
                    if start + 1 == end and self.column > self.WIDTH and split:
                        self.write_indent()
                        self.whitespace = False
                        self.indention = False
                    else:
                        self._w(text[start:end])
                    start = end
            else:
                if ch is None or ch == " ":
                    self._w(text[start:end])
                    start = end
            if ch is not None:
                spaces = ch == " "
            end += 1

    def write_single_quoted(self, text, split=True):
        self.write_indicator("'", True)
        spaces = breaks = False
        start = end = 0
        while end <= len(text):
            ch = text[end] if end < len(text) else None
            if spaces:
                if ch is None or ch != " ":
                    if (
                        start + 1 == end
                        and self.column > self.WIDTH
                        and split
                        and start != 0
                        and end != len(text)
                    ):
                        self.write_indent()
                    else:
                        self._w(text[start:end])
                    start = end
            elif breaks:
                if ch is None or ch not in _BREAKS:
                    if text[start] == "\n":
                        self._nl()
                    for br in text[start:end]:
                        if br == "\n":
                            self._nl()
                        else:
                            self.out.append(br)
                            self.column = 0
                    self.write_indent()
                    start = end
            else:
                if ch is None or ch in " " + _BREAKS or ch == "'":
                    if start < end:
                        self._w(text[start:end])
                        start = end
            if ch == "'":
                self._w("''")
                start = end + 1
            if ch is not None:
                spaces = ch == " "
                breaks = ch in _BREAKS
            end += 1
        self.write_indicator("'", False)

    def write_double_quoted(self, text, split=True):
        self.write_indicator('"', True)
        start = end = 0
        while end <= len(text):
            ch = text[end] if end < len(text) else None
            if (
                ch is None
                or ch in '"\\\x85\u2028\u2029\ufeff'
                or not (
                    "\x20" <= ch <= "\x7e"
                    or ("\xa0" <= ch <= "\ud7ff" or "\ue000" <= ch <= "\ufffd")
                )
            ):
                if start < end:
                    self._w(text[start:end])
                    start = end
                if ch is not None:
                    if ch in _ESC:
                        data = "\\" + _ESC[ch]
                    elif ch <= "\xff":
                        data = "\\x%02X" % ord(ch)
                    elif ch <= "\uffff":
                        data = "\\u%04X" % ord(ch)
                    else:
                        data = "\\U%08X" % ord(ch)
                    self._w(data)
                    start = end + 1
            if (
                0 < end < len(text) - 1
                and (ch == " " or start >= end)
                and self.column + (end - start) > self.WIDTH
                and split
            ):
                data = text[start:end] + "\\"
                if start < end:
                    start = end
                self._w(data)
                self.write_indent()
                self.whitespace = False
                self.indention = False
                if text[start] == " ":
                    self._w("\\")
            end += 1
        self.write_indicator('"', False)

    def scalar_text(self, v):
        """(text, is_str) for a python scalar, as ruamel represents it."""
        if v is None:
            return "", False  # represent_none -> '' (non-root)
        if v is True:
            return "true", False
        if v is False:
            return "false", False
        if isinstance(v, int):
            return str(v), False
        if isinstance(v, float):
            if v != v:
                return ".nan", False
            if v in (float("inf"), float("-inf")):
                return ".inf" if v > 0 else "-.inf", False
            return repr(v).lower(), False
        return str(v), True

    def write_scalar(self, v, simple_key=False):
        text, is_str = self.scalar_text(v)
        implicit = (not is_str) or _resolves_to_str(text)
        a = _analyze(text)
        split = not simple_key
        if implicit and a["plain"] and not (simple_key and (a["empty"] or a["multiline"])):
            if not is_str or not a["empty"]:
                self.write_plain(text, split)
            return
        if a["single"] and not (simple_key and a["multiline"]):
            self.write_single_quoted(text, split)
        else:
            self.write_double_quoted(text, split)

    # collections -------------------------------------------------------------
    @staticmethod
    def _is_scalar(v):
        return not isinstance(v, (dict, list))

    def write_value(self, v):
        """v follows a 'key:' or '- ' indicator. self.indent is the parent's."""
        if isinstance(v, dict) and v:
            self.write_mapping(v, self.indent + 2, inline_first=False)
        elif isinstance(v, list) and v:
            self.write_sequence(v, self.indent)
        elif isinstance(v, dict):
            self.write_indicator("{", True, whitespace=True)
            self.write_indicator("}", False)
        elif isinstance(v, list):
            self.write_indicator("[", True, whitespace=True)
            self.write_indicator("]", False)
        else:
            saved = self.indent
            self.indent = saved + 2  # increase_indent(flow=True) for scalars
            self.write_scalar(v)
            self.indent = saved

    def write_mapping(self, d, indent, inline_first=False):
        saved = self.indent
        self.indent = indent
        for i, (k, v) in enumerate(d.items()):
            if not (i == 0 and inline_first):
                self.write_indent()
            self.write_scalar(k, simple_key=True)
            self.write_indicator(":", False)
            self.write_value(v)
        self.indent = saved

    def write_sequence(self, lst, indent):
        saved = self.indent
        self.indent = indent
        for item in lst:
            self.write_indent()
            self.write_indicator("-", True, indention=True)
            if isinstance(item, dict) and item:
                self.write_mapping(item, indent + 2, inline_first=True)
            elif isinstance(item, list) and item:
                # nested block sequence directly after "- "
                self.write_sequence(item, indent + 2)
            else:
                self.write_value(item)
        self.indent = saved

    def dump(self, root: dict) -> str:
        self.write_mapping(root, 0)
        self._nl()
        return "".join(self.out)


def yaml_dump(d: dict) -> str:
    return YamlWriter().dump(d)


# ----------------------------------------------------------------------------
# DVC file builders
# ----------------------------------------------------------------------------
def posix_rel(path: str, start: str) -> str:
    return os.path.relpath(path, start).replace(os.sep, "/")


def dvcfile_dict(path: str) -> dict:
    """Content of <path>.dvc written by `dvc add <path>` (fresh file)."""
    meta = hash_path(path)
    out = {"md5": meta.pop("md5")}
    out.update(meta)  # size, nfiles | isexec
    out["hash"] = "md5"
    out["path"] = os.path.basename(os.path.normpath(path))
    return {"outs": [out]}


def lock_item(def_path: str, path_on_disk: str) -> dict:
    """One deps/outs entry of dvc.lock: path, hash, md5, size[, nfiles|isexec]."""
    meta = hash_path(path_on_disk)
    item = {"path": def_path, "hash": "md5", "md5": meta.pop("md5")}
    item.update(meta)
    return item


def lock_stage(cmd, deps, outs, params=None, wdir="."):
    """deps/outs: lists of def_path (relative to wdir); params: {file: {k: v}}."""
    entry = {"cmd": cmd}
    d = [lock_item(p, os.path.join(wdir, p)) for p in sorted(deps)]
    if d:
        entry["deps"] = d
    if params:
        p = {}
        # default params file first, then the rest in sorted order; keys sorted
        files = sorted(params)
        if "params.yaml" in files:
            files.remove("params.yaml")
            files.insert(0, "params.yaml")
        for f in files:
            p[f] = {k: params[f][k] for k in sorted(params[f])}
        entry["params"] = p
    o = [lock_item(p, os.path.join(wdir, p)) for p in sorted(outs)]
    if o:
        entry["outs"] = o
    return entry


def check_lock(root: str) -> list:
    """Problems of ROOT/dvc.lock: LOCKFILE_SCHEMA (dvc-format.md section 7), key order, sorted
    deps/outs, DVC's writer giving the same text for the parsed data, and each deps/outs entry
    present on disk equal to what DVC computes for it. Empty when DVC would accept it as is."""
    import yaml  # PyYAML, only to parse; everything written is YamlWriter's
    with open(os.path.join(root, "dvc.lock"), encoding="utf-8") as f:
        text = f.read()
    data = yaml.safe_load(text)
    problems = []
    if not isinstance(data, dict) or data.get("schema") != "2.0":
        return ["schema: '2.0' missing"]
    if set(data) - {"schema", "stages", "datasets"}:
        problems.append(f"unknown top-level keys {sorted(set(data) - {'schema', 'stages', 'datasets'})}")
    item_keys = {"path", "hash", "md5", "etag", "checksum", "size", "nfiles", "isexec",
                 "version_id", "cloud", "files"}
    for name, stage in (data.get("stages") or {}).items():
        if not isinstance(stage.get("cmd"), (str, list)):
            problems.append(f"{name}: no cmd")
        order = [k for k in ("cmd", "deps", "params", "outs") if k in stage]
        if list(stage) != order:
            problems.append(f"{name}: keys {list(stage)}, DVC writes {order}")
        for kind in ("deps", "outs"):
            items = stage.get(kind, [])
            if [i.get("path") for i in items] != sorted(i.get("path") for i in items):
                problems.append(f"{name}: {kind} not sorted by path")
            for item in items:
                if "path" not in item or set(item) - item_keys:
                    problems.append(f"{name}: {kind} item with keys {list(item)}")
                elif os.path.exists(os.path.join(root, item["path"])):
                    expected = lock_item(item["path"], os.path.join(root, item["path"]))
                    if expected != item:
                        problems.append(f"{name}: {item} but DVC computes {expected}")
    if yaml_dump(data) != text:
        problems.append("the text differs from what DVC's writer makes of the same data")
    return problems


# ----------------------------------------------------------------------------
# self test against vectors quoted in dvc-format.md
# ----------------------------------------------------------------------------
def _gen(root, struct):
    for name, content in struct.items():
        p = os.path.join(root, name)
        if isinstance(content, dict):
            os.makedirs(p, exist_ok=True)
            _gen(p, content)
        else:
            os.makedirs(os.path.dirname(p), exist_ok=True)
            with open(p, "wb") as f:
                f.write(content if isinstance(content, bytes) else content.encode())


def selftest() -> int:
    fails = 0

    def check(label, got, exp):
        nonlocal fails
        ok = got == exp
        fails += not ok
        print(f"[{'ok' if ok else 'FAIL'}] {label}: {got!r}" + ("" if ok else f" != {exp!r}"))

    # -- file md5 (dvc-data tests/hashfile/test_build.py, dvc tests)
    with tempfile.TemporaryDirectory() as t:
        for content, exp in [
            (b"foo", "acbd18db4cc2f85cedef654fccc4a4d8"),
            (b"bar", "37b51d194a7513e45b56f6524f2d51f2"),
            (b"foo\n", "d3b07384d113edec49eaa6238ad5ff00"),
            (b"text", "1cb251ec0d568de6a929b520c4aed8d1"),
            (b"new_file_content", "86d049de17c76ac44cdcac146042ec9b"),
            (b"file_content", "7f0b6bb0b7e951b7fd2b2a4a326297e1"),
            (b"new", "22af645d1859cb5ca6da0c484f1f37ea"),
            (b"file", "8c7dd922ad47494fc02c388e12c00eac"),
            (b"", "d41d8cd98f00b204e9800998ecf8427e"),
        ]:
            p = os.path.join(t, "f")
            with open(p, "wb") as f:
                f.write(content)
            check(f"file md5 {content!r}", file_md5(p), exp)

        # dos2unix (dvc-data tests/hashfile/test_hash.py::test_file_md5_dos2unix)
        a, b = os.path.join(t, "cr"), os.path.join(t, "crlf")
        open(a, "wb").write(b"a\nb\nc")
        open(b, "wb").write(b"a\r\nb\r\nc")
        check("md5-dos2unix(a\\r\\nb\\r\\nc) == md5-dos2unix(a\\nb\\nc)",
              file_md5(b, "dvc3"), file_md5(a, "dvc3"))
        check("md5(a\\r\\nb\\r\\nc) differs in 3.x", file_md5(b) != file_md5(a), True)
        # istextblock (dvc-data tests/hashfile/test_istextfile.py)
        check("istextblock empty", istextblock(b""), True)
        check("istextblock text", istextblock(b"text"), True)
        check("istextblock binary", istextblock(b"\x00\x001"), False)
        check("istextblock long_binary", istextblock(
            b"True\x80\x04\x95\x1a\x00\x00\x00\x00\x00\x00\x00\x8c\x08\r\n"
            b"__main__\x94\x8c\x06Animal\x94\x93\x94)\x81\x94."), False)

    # -- directory hashes
    dir_vectors = [
        # dvc-data tests/hashfile/test_build.py::test_build_directory,
        # dvc tests/func/test_install.py, tests/func/test_virtual_directory.py
        ({"foo": "foo", "bar": "bar"}, "5ea40360f5b4ec688df672a4db9c17d1.dir", 6, 2),
        # dvc tests/func/test_install.py::test_merge_driver
        ({"master": "master", "one": "one", "two": "two"},
         "839ef9371606817569c1ee0e5f4ed233.dir", 12, 3),
        # dvc tests/func/test_virtual_directory.py
        ({"foo": "foo", "bar": "bar", "foobar": "foobar"},
         "a5beca056acbef9e0013347efdc2b751.dir", 12, 3),
        ({"foo": "foo", "bar": "bar", "foobar": "foobar", "subdir": {"file": "file"}},
         "de78e9fff7c3478c6b316bf08437d0f6.dir", 16, 4),
        ({"foo": "foo", "bar": "bar", "subdir": {"lorem": "lorem", "ipsum": "ipsum"}},
         "15b0e3c73ad2c748ce206988cb6b7319.dir", 16, 4),
        ({"bar": "bar", "subdir": {"lorem": "lorem", "ipsum": "ipsum"}},
         "991ea7d558d320d8817a0798e9c676f1.dir", 13, 3),
        ({"bar": "bar"}, "91aaa9bb58b657d623ef143b195a67e4.dir", 3, 1),
        ({"foo": "foo", "subdir": {"lorem": "lorem"}},
         "22a16c9bf84b3068bc2206d88a6b5776.dir", 8, 2),
        ({"foo": "foo", "subdir": {"ipsum": "lorem ipsum", "file": "file"}},
         "32f5734ea1a2aa1a067c0c15f0ae5781.dir", 18, 3),
        ({"foo": "foobar", "subdir": {"lorem": "lorem"}},
         "49408ac059c76086a3a892129a324b60.dir", 11, 2),
        # dvc tests/func/test_diff.py
        ({"file": "text"}, "0dab3fae569586d4c33272e5011605bf.dir", 4, 1),
        ({"1": "1", "2": "2"}, "5fb6b29836c388e093ca0715c872fe2a.dir", 2, 2),
        ({"1": "1", "2": "two", "3": "3"}, "9b5faf37366b3370fd98e3e60ca439c1.dir", 5, 3),
        ({"1": "1", "3": "3"}, "83ae82fb367ac9926455870773ff09e6.dir", 2, 2),
        ({"dir_file1": "dir file content"}, "92daf39af116ca2fb245acaeb2ae65f7.dir", 16, 1),
        ({"dir_file1": "dir file content", "dir_file2": "dir file 2 content"},
         "38175ad60f0e58ac94e0e2b7688afd81.dir", 34, 2),
        ({"file": "text1", "subdir": {"file2": "text2"}},
         "cb58ee07cb01044db229e4d6121a0dfc.dir", 10, 2),
        ({"subdir": {"file2": "text2", "file3": "text1"}},
         "a4ac9c339aacc60b6a3152e362c319c8.dir", 10, 2),
        ({"foo": "foo", "subdir": {"foo": "foo"}},
         "c7684c8b3b0d28cf80d5305e2d856bfc.dir", 6, 2),
        ({"bar": "foo", "subdir": {"bar": "foo"}},
         "31b36b3ea5f4485e27f10578c47183b0.dir", 6, 2),
        ({"subdir": {"subfoo": "subfoo", "subbar": "subbar"}, "foo": "foo", "bar": "bar"},
         "1aca2c799df82929bbdd976557975546.dir", 18, 4),
        ({"subdir": {"subfoo": "subfoo", "subbar": "subbar", "new": "new"},
          "foo": "foo", "bar": "bar"},
         "efa5b20d5f935dcc5555b26db6e19b76.dir", 21, 5),
        # dvc tests/func/test_data_cloud.py, tests/func/test_repo_index.py
        ({"one": "one", "two": "two"}, "6b18131dc289fd37006705affe961ef8.dir", 6, 2),
        ({"subdir": {"file": "file"}}, "d28c9e28591aeb7e303dc6772ffa6f6b.dir", 4, 1),
        # empty directory (computed: md5 of b"[]"; not from a DVC test)
        ({"empty_sub": {}}, "d751713988987e9331980363e24189ce.dir", 0, 0),
        # default ignores: .git file/dir, .hg dir, .dvc dir are not part of the tree
        ({"foo": "foo", "bar": "bar", ".git": {"HEAD": "x"}, ".hg": {"x": "y"},
          "sub": {".git": "gitdir: ..", ".dvc": {"config": ""}}},
         "5ea40360f5b4ec688df672a4db9c17d1.dir", 6, 2),
    ]
    for struct, exp_oid, exp_size, exp_n in dir_vectors:
        with tempfile.TemporaryDirectory() as t:
            d = os.path.join(t, "data")
            os.makedirs(d)
            _gen(d, struct)
            _, manifest, oid, size, n = build_tree(d)
            check(f"dir {sorted(struct)} oid", oid, exp_oid)
            check("   size/nfiles", (size, n), (exp_size, exp_n))

    # manifest bytes (dvc-data tests/index/conftest.py)
    entries = [
        {"md5": "c157a79031e1c40f85931829bc5fc552", "relpath": "bar"},
        {"md5": "258622b1688250cb619f3c9ccaefb7eb", "relpath": "baz"},
    ]
    mb = json.dumps(entries, sort_keys=True).encode()
    check("manifest bytes (tests/index/conftest.py)", mb,
          b'[{"md5": "c157a79031e1c40f85931829bc5fc552", "relpath": "bar"}, '
          b'{"md5": "258622b1688250cb619f3c9ccaefb7eb", "relpath": "baz"}]')
    check("   md5", bytes_md5(mb) + ".dir", "1f69c66028c35037e8bf67e5bc4ceb6a.dir")

    # -- .dvc text (dvc tests/func/test_install.py)
    with tempfile.TemporaryDirectory() as t:
        d = os.path.join(t, "data")
        os.makedirs(d)
        _gen(d, {"foo": "foo", "bar": "bar"})
        check(".dvc text (dir)", yaml_dump(dvcfile_dict(d)),
              "outs:\n- md5: 5ea40360f5b4ec688df672a4db9c17d1.dir\n  size: 6\n"
              "  nfiles: 2\n  hash: md5\n  path: data\n")
        f = os.path.join(t, "foo")
        open(f, "wb").write(b"foo")
        os.chmod(f, 0o644)
        check(".dvc text (file; dvc tests/func/test_add.py::test_add)",
              yaml_dump(dvcfile_dict(f)),
              "outs:\n- md5: acbd18db4cc2f85cedef654fccc4a4d8\n  size: 3\n"
              "  hash: md5\n  path: foo\n")
        if os.name != "nt":
            os.chmod(f, 0o755)
            check(".dvc dict (exec; test_add_executable)", dvcfile_dict(f),
                  {"outs": [{"md5": "acbd18db4cc2f85cedef654fccc4a4d8", "size": 3,
                             "isexec": True, "hash": "md5", "path": "foo"}]})

    # -- dvc.lock text (dvc tests/func/test_run.py::test_run_external_outputs)
    lock = {
        "schema": "2.0",
        "stages": {
            "mystage": {
                "cmd": "mycmd",
                "deps": [{"path": "remote://workspace/foo", "hash": "md5",
                          "md5": "acbd18db4cc2f85cedef654fccc4a4d8", "size": 3}],
                "outs": [{"path": "remote://workspace/bar", "hash": "md5",
                          "md5": "37b51d194a7513e45b56f6524f2d51f2", "size": 3}],
            }
        },
    }
    check("dvc.lock text", yaml_dump(lock),
          "schema: '2.0'\nstages:\n  mystage:\n    cmd: mycmd\n    deps:\n"
          "    - path: remote://workspace/foo\n      hash: md5\n"
          "      md5: acbd18db4cc2f85cedef654fccc4a4d8\n      size: 3\n    outs:\n"
          "    - path: remote://workspace/bar\n      hash: md5\n"
          "      md5: 37b51d194a7513e45b56f6524f2d51f2\n      size: 3\n")
    # dvc.yaml text (same test)
    check("dvc.yaml text", yaml_dump({"stages": {"mystage": {
        "cmd": "mycmd", "deps": ["remote://workspace/foo"],
        "outs": [{"remote://workspace/bar": {"cache": False}}]}}}),
        "stages:\n  mystage:\n    cmd: mycmd\n    deps:\n    - remote://workspace/foo\n"
        "    outs:\n    - remote://workspace/bar:\n        cache: false\n")
    # .dvc with annotations (layout of tests/func/test_add.py::test_add_preserve_fields)
    check("annotated out layout", yaml_dump({"outs": [{"path": "foo", "desc": "out desc",
          "labels": ["label1", "label2"], "meta": {"key": "value"}}]}),
          "outs:\n- path: foo\n  desc: out desc\n  labels:\n  - label1\n  - label2\n"
          "  meta:\n    key: value\n")
    # None -> empty scalar ("params: - custom.yaml:" form written by dvc stage add)
    check("None value", yaml_dump({"params": [{"custom.yaml": None}]}),
          "params:\n- custom.yaml:\n")
    # long plain scalar folding at width 80
    long_cmd = "python train.py " + " ".join(f"--arg{i} value{i}" for i in range(8))
    got = yaml_dump({"cmd": long_cmd})
    check("fold long cmd", got.splitlines()[1].startswith("  "), True)

    # -- run-cache (dvc tests/unit/stage/test_cache.py)
    script = b'open("out", "w+").write("out"); '

    def ent(p, data):
        return {"path": p, "hash": "md5", "md5": bytes_md5(data), "size": len(data)}

    vecs = [
        ("test_stage_cache",
         {"cmd": "python script.py", "deps": [ent("dep", b"dep"), ent("script.py", script)],
          "outs": [ent("out", b"out")]},
         "c7a85d71de1912c43d9c5b6218c71630d6277e8fc11e4ccf5e12b3c202234838",
         "5e2824029f8da9ef6c57131a638ceb65f27c02f16c85d71e85671c27daed0501"),
        ("test_stage_cache_params",
         {"cmd": "python script.py",
          "params": {"params.yaml": {"bar": 2, "foo": 1},
                     "myparams.yaml": {"baz": 3, "qux": 4}},
          "outs": [ent("out", b"out")]},
         "8fdb377d1b4c0a303b788771b122dfba9bbbbc43f14ce41d35715cf4fea08459",
         "9ce1963a69beb1299800188647cd960b7afff101be19fd46226e32bb8be8ee44"),
        ("test_stage_cache_wdir",
         {"cmd": "python ../script.py",
          "deps": [ent("../dep", b"dep"), ent("../script.py", script)],
          "outs": [ent("out", b"out")]},
         "6ad5cce3347e9e96c77d4353d84e5c8cae8c9151c486c4ea3d3d79e9051800f1",
         "1fa3e1a9f785f8364ad185d62bd0813ce8794afcfc79410e985eac0443cc5462"),
    ]
    copy_py = (b"\nimport os\nimport shutil\nimport sys\n\nif os.path.isfile(sys.argv[1]):\n"
               b"    shutil.copyfile(sys.argv[1], sys.argv[2])\nelse:\n"
               b"    shutil.copytree(sys.argv[1], sys.argv[2])\n")
    vecs.append(("test_shared_stage_cache",
                 {"cmd": "python copy.py foo bar",
                  "deps": [ent("copy.py", copy_py), ent("foo", b"foo")],
                  "outs": [ent("bar", b"foo")]},
                 "6d4c6de74e7c0d60d2122e2063b4724a8c78a6799def6c7cf5093f45e7f2f3b7",
                 "435e34f80692059e79ec53346cbfe29fd9ee65b62f5f06f17f5950ce5a7408ea"))
    for label, entry, k, v in vecs:
        check(f"run-cache {label}", run_cache_key_value(entry), (k, v))
    # also via the filesystem path (lock_stage) for test_stage_cache
    with tempfile.TemporaryDirectory() as t:
        _gen(t, {"dep": "dep", "script.py": script, "out": "out"})
        e = lock_stage("python script.py", ["script.py", "dep"], ["out"], wdir=t)
        check("run-cache via lock_stage", run_cache_key_value(e), vecs[0][2:])

    # -- dict_md5 / dict_sha256 / stage md5 (dvc tests/unit/utils, tests/func)
    d = {"cmd": "python code.py foo file1", "locked": "true",
         "outs": [{"path": "file1", "metric": {"type": "raw"}, "cache": False,
                   "md5": "acbd18db4cc2f85cedef654fccc4a4d8"}],
         "deps": [{"path": "foo", "md5": "acbd18db4cc2f85cedef654fccc4a4d8"},
                  {"path": "code.py", "md5": "d05447644b89960913c7eee5fd776adb"}]}
    check("dict_md5 (tests/func/test_utils.py)", dict_md5(d, exclude=["metric", "locked"]),
          "8b263fa05ede6c3145c164829be694b4")
    check("dict_sha256 #1 (tests/unit/utils/test_utils.py)", dict_sha256(
        {"cmd": "echo content > out", "deps": {"dep": "2254342becceafbd04538e0a38696791"},
         "outs": {"out": "f75b8179e4bbe7e2b4a074dcef62de95"}}),
        "f472eda60f09660a4750e8b3208cf90b3a3b24e5f42e0371d829710e9464d74a")
    check("dict_sha256 #2", dict_sha256(
        {"cmd": "echo content > out", "deps": {"dep": "2254342becceafbd04538e0a38696791"},
         "outs": ["out"]}),
        "a239b67073bd58affcdb81fff3305d1726c6e7f9c86f3d4fca0e92e8147dc7b0")
    tsd = {"md5": "123456", "cmd": "mycmd", "outs": [{"path": "a", "md5": "123456789"}],
           "deps": [{"path": "b", "md5": "987654321"}]}
    check("stage md5 (tests/unit/stage/test_stage.py)", stage_md5(tsd),
          "e9521a22111493406ea64a88cda63e0b")
    check("stage md5 wdir='.' ignored", stage_md5(dict(tsd, wdir=".")),
          "e9521a22111493406ea64a88cda63e0b")
    check("stage md5 wdir='..'", stage_md5(dict(tsd, wdir="..")),
          "2ceba15e87f6848aa756502c1e6d24e9")
    check("stage md5 meta ignored", stage_md5(dict(tsd, meta={"author": "Suor"})),
          "e9521a22111493406ea64a88cda63e0b")
    check("stage md5 annotations ignored (tests/func/test_stage.py)", stage_md5(
        {"desc": "stage desc", "meta": {"key1": "value1", "key2": "value2"},
         "outs": [{"md5": "d3b07384d113edec49eaa6238ad5ff00", "size": 4, "hash": "md5",
                   "path": "foo", "desc": "foo desc", "type": "mytype",
                   "labels": ["get-started", "dataset-registry"],
                   "meta": {"key1": "value1"}}]}),
        "cde267b60ef5a00e9a35cc1999ab83a3")

    # -- cache paths
    check("cache path 3.x", cache_path("acbd18db4cc2f85cedef654fccc4a4d8"),
          ".dvc/cache/files/md5/ac/bd18db4cc2f85cedef654fccc4a4d8")
    check("cache path .dir", cache_path("5ea40360f5b4ec688df672a4db9c17d1.dir"),
          ".dvc/cache/files/md5/5e/a40360f5b4ec688df672a4db9c17d1.dir")
    check("cache path legacy", cache_path("acbd18db4cc2f85cedef654fccc4a4d8", legacy=True),
          ".dvc/cache/ac/bd18db4cc2f85cedef654fccc4a4d8")

    # -- YAML quoting of hash-like / number-like scalars
    check("quote all-digit md5", yaml_dump({"md5": "12345678901234567890123456789012"}),
          "md5: '12345678901234567890123456789012'\n")
    check("quote float-like md5", yaml_dump({"md5": "12e45678901234567890123456789012"}),
          "md5: '12e45678901234567890123456789012'\n")
    check("plain hex md5", yaml_dump({"md5": "1e2a5678901234567890123456789012"}),
          "md5: 1e2a5678901234567890123456789012\n")

    print("FAILURES:", fails)
    return 1 if fails else 0


# ----------------------------------------------------------------------------
# CLI
# ----------------------------------------------------------------------------
def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__,
                                 formatter_class=argparse.RawDescriptionHelpFormatter)
    sub = ap.add_subparsers(dest="command", required=True)
    h = sub.add_parser("hash")
    h.add_argument("path")
    h.add_argument("--legacy", choices=["dvc3", "dvc2"], default="")
    m = sub.add_parser("manifest")
    m.add_argument("path")
    df = sub.add_parser("dvcfile")
    df.add_argument("path")
    le = sub.add_parser("lock-entry")
    le.add_argument("path")
    le.add_argument("--def-path", help="path as written in dvc.yaml (default: PATH)")
    st = sub.add_parser("stage")
    st.add_argument("name")
    st.add_argument("--cmd", required=True)
    st.add_argument("--dep", action="append", default=[])
    st.add_argument("--out", action="append", default=[])
    st.add_argument("--params-json", help='e.g. {"params.yaml": {"lr": 0.1}}')
    st.add_argument("--wdir", default=".")
    cp = sub.add_parser("cache-path")
    cp.add_argument("oid")
    cp.add_argument("--cache", default=".dvc/cache")
    cp.add_argument("--legacy", action="store_true")
    cl = sub.add_parser("check-lock")
    cl.add_argument("root")
    sub.add_parser("selftest")
    a = ap.parse_args(argv)

    if a.command == "selftest":
        return selftest()
    if a.command == "hash":
        if os.path.isdir(a.path):
            entries, manifest, oid, size, n = build_tree(a.path, a.legacy)
            for e in entries:
                print(f"{e['md5']}  {e['relpath']}")
            print(f"dir md5: {oid}  size: {size}  nfiles: {n}")
            print("manifest bytes (stored at "
                  f"{cache_path(oid, legacy=bool(a.legacy))}):")
            sys.stdout.flush()
            sys.stdout.buffer.write(manifest + b"\n")
        else:
            meta = hash_path(a.path) if not a.legacy else {
                "md5": file_md5(a.path, a.legacy), "size": os.path.getsize(a.path)}
            print(json.dumps(meta))
        return 0
    if a.command == "manifest":
        _, manifest, _, _, _ = build_tree(a.path)
        sys.stdout.buffer.write(manifest)
        return 0
    if a.command == "dvcfile":
        sys.stdout.write(yaml_dump(dvcfile_dict(a.path)))
        return 0
    if a.command == "lock-entry":
        item = lock_item(a.def_path or a.path.replace(os.sep, "/"), a.path)
        sys.stdout.write(yaml_dump({"deps": [item]}).split("\n", 1)[1])
        return 0
    if a.command == "stage":
        params = json.loads(a.params_json) if a.params_json else None
        entry = lock_stage(a.cmd, a.dep, a.out, params, a.wdir)
        sys.stdout.write(yaml_dump({"schema": "2.0", "stages": {a.name: entry}}))
        key, value = run_cache_key_value(entry)
        print(f"# run-cache entry: .dvc/cache/runs/{key[:2]}/{key}/{value}")
        return 0
    if a.command == "check-lock":
        problems = check_lock(a.root)
        print("\n".join(problems) if problems else "ok")
        return 1 if problems else 0
    if a.command == "cache-path":
        print(cache_path(a.oid, a.cache, a.legacy))
        return 0
    return 2


if __name__ == "__main__":
    sys.exit(main())
