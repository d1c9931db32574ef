#!/usr/bin/env python3
"""Where the wasm's code bytes go, by the function names rustc leaves in its output.

    scripts/wasm-functions.py [WASM]           the biggest groups of one build
    scripts/wasm-functions.py OLD.wasm NEW.wasm which groups grew or shrank between two

WASM defaults to target/wasm32-unknown-unknown/release/claimlens-app.wasm, the module
cargo writes before wasm-bindgen and wasm-opt (the shipped one has no names). A group is
the first `claimlens_*` path in a function's name (generic code instantiated for our
types counts as ours), else its crate. It also says whether Rust's float printing is in
the build: the app writes decimals itself (`src/decimals.rs`) because printing an f64
pulls in about 7 KB gzipped, and one `format!("{}", x)` of an f64 brings it back.
Reads the file only; the figures are raw code bytes, not gzipped transfer.
"""
import collections
import re
import sys

DEFAULT = 'target/wasm32-unknown-unknown/release/claimlens-app.wasm'
FLOAT_PRINTING = re.compile(r'flt2dec|fmt5float|fmt\.\.float')


def leb(data, at):
    value = shift = 0
    while True:
        byte = data[at]
        at += 1
        value |= (byte & 127) << shift
        shift += 7
        if not byte & 128:
            return value, at


def skip_limits(data, at):
    flags, at = leb(data, at)
    _, at = leb(data, at)
    return leb(data, at)[1] if flags & 1 else at


def functions(path):
    """Name -> code size of every function defined in the module."""
    data = open(path, 'rb').read()
    at, imported, sizes, names = 8, 0, [], {}
    while at < len(data):
        section = data[at]
        length, at = leb(data, at + 1)
        end, cur = at + length, at
        if section == 2:  # imports: functions among them shift the index space
            count, cur = leb(data, cur)
            for _ in range(count):
                for _ in range(2):
                    n, cur = leb(data, cur)
                    cur += n
                kind = data[cur]
                cur += 1
                if kind == 0:
                    imported += 1
                    cur = leb(data, cur)[1]
                elif kind == 1:
                    cur = skip_limits(data, cur + 1)
                elif kind == 2:
                    cur = skip_limits(data, cur)
                else:
                    cur += 2
        elif section == 10:  # code
            count, cur = leb(data, cur)
            for _ in range(count):
                size, cur = leb(data, cur)
                sizes.append(size)
                cur += size
        elif section == 0:  # custom: the "name" section's function names
            n, cur = leb(data, cur)
            if data[cur:cur + n] == b'name':
                cur += n
                while cur < end:
                    kind = data[cur]
                    sub, cur = leb(data, cur + 1)
                    if kind == 1:
                        count, c = leb(data, cur)
                        for _ in range(count):
                            index, c = leb(data, c)
                            n, c = leb(data, c)
                            names[index] = data[c:c + n].decode('utf8', 'replace')
                            c += n
                    cur += sub
        at = end
    return {names.get(imported + k, f'#{imported + k}'): s for k, s in enumerate(sizes)}


def group(name):
    ours = re.search(r'(claimlens_\w+?)(?:\.\.|::|\d+)([a-z_]+)', name)
    if ours:
        return f'{ours.group(1)}::{ours.group(2)}'
    # Legacy mangling: a path such as `yew..html..Scope` (also inside `<T as Trait>`
    # impl names), else the first length-prefixed segment.
    path = re.search(r'([a-z_][a-z0-9_]*)\.\.', name) or re.match(r'_ZN\d+([a-z_]+)', name)
    if path:
        return path.group(1)
    # v0 mangling: the crate root is `Cs<hash>_<length><name>`.
    root = re.search(r'Cs[0-9A-Za-z]+_(\d+)', name)
    if root:
        return name[root.end():root.end() + int(root.group(1))]
    return name[:40]


def groups(funcs):
    totals = collections.Counter()
    for name, size in funcs.items():
        totals[group(name)] += size
    return totals


def float_printing(funcs):
    return sum(s for n, s in funcs.items() if FLOAT_PRINTING.search(n))


def main(args):
    if len(args) == 2:
        old, new = functions(args[0]), functions(args[1])
        a, b = groups(old), groups(new)
        print(f'code bytes {sum(old.values()):,} -> {sum(new.values()):,}')
        for key in sorted(set(a) | set(b), key=lambda k: -abs(b[k] - a[k]))[:30]:
            if b[key] != a[key]:
                print(f'{b[key] - a[key]:+9,} {a[key]:9,} -> {b[key]:9,}  {key}')
        print(f'float printing: {float_printing(old):,} -> {float_printing(new):,} bytes')
        return
    funcs = functions(args[0] if args else DEFAULT)
    totals = groups(funcs)
    print(f'code bytes {sum(funcs.values()):,} in {len(funcs):,} functions')
    for key, size in totals.most_common(30):
        print(f'{size:9,}  {key}')
    found = float_printing(funcs)
    print(f'float printing: {"absent" if not found else f"PRESENT ({found:,} bytes)"}')


if __name__ == '__main__':
    main(sys.argv[1:])
