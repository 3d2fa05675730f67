#!/usr/bin/env python3
"""Checks that one layer's files include only headers of layers it links (docs/adr/0019).

The build runs it once per layer (cmake/PeloTargets.cmake), which passes every layer's folder
and the layers this one links, so the rule follows the CMake targets rather than a list kept
here. A layer's public headers (include/pelo/<dir>/) may include headers of the layers it
links publicly (DEPS, transitively); its sources (src/<dir>/) those of every layer it links.
An include names a layer by its prefix: "pelo/<dir>/..." for public headers, "<dir>/..." for
src-internal ones (the include root of src/). Files in a folder of another layer nested below
this one's are that layer's business. Prints one line per wrong include and fails; on success
touches the stamp file.
"""

import argparse
import os
import re
import sys

INCLUDE = re.compile(r'^\s*#\s*include\s*([<"])([^>"]+)[>"]')
SUFFIXES = (".h", ".hpp", ".cc", ".cpp")


def parse_args(argv):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--root", required=True, help="the project's source folder")
    parser.add_argument("--layer", required=True, help="the layer to check")
    parser.add_argument("--layer-dir", action="append", default=[], metavar="NAME=DIR",
                        help="every layer's folder under src/ (repeated)")
    parser.add_argument("--public-links", default="",
                        help="comma-separated layers the public headers may include")
    parser.add_argument("--links", default="",
                        help="comma-separated layers the sources may include")
    parser.add_argument("--stamp", help="touched when every include is allowed")
    return parser.parse_args(argv)


def split(text):
    return {item for item in text.split(",") if item}


class Layers:
    """Which layer a folder, file or include belongs to: the longest matching folder wins."""

    def __init__(self, layer_dirs):
        self.dirs = {}
        for item in layer_dirs:
            name, _, folder = item.partition("=")
            if not name or not folder:
                raise SystemExit(f"check_layer_includes: bad --layer-dir {item!r}")
            self.dirs[name] = folder.strip("/")

    def _owner(self, path, prefix):
        best = None
        for name, folder in self.dirs.items():
            start = prefix + folder + "/"
            if path.startswith(start) and (best is None or len(start) > len(best[1])):
                best = (name, start)
        return best[0] if best else None

    def of_include(self, include, quoted):
        """The layer an include names, or None. Only a quoted include can be src-internal: a
        library's <folder/file.h> is no layer's even when a layer has that folder name."""
        return self._owner(include, "pelo/") or (self._owner(include, "") if quoted else None)

    def of_file(self, relative):
        """The layer a file under include/ or src/ is part of."""
        return self._owner(relative, "include/pelo/") or self._owner(relative, "src/")


def files_of(root, layers, layer):
    """(relative path, is public header) of every C++ file in `layer`'s two folders."""
    folder = layers.dirs[layer]
    for top, public in ((f"include/pelo/{folder}", True), (f"src/{folder}", False)):
        for current, subdirs, names in os.walk(os.path.join(root, top)):
            subdirs.sort()
            for name in sorted(names):
                if not name.endswith(SUFFIXES):
                    continue
                relative = os.path.relpath(os.path.join(current, name), root)
                relative = relative.replace(os.sep, "/")
                if layers.of_file(relative) == layer:
                    yield relative, public


def problems_in(root, layers, layer, relative, allowed, links):
    with open(os.path.join(root, relative), encoding="utf-8", errors="replace") as text:
        for number, line in enumerate(text, 1):
            match = INCLUDE.match(line)
            if not match:
                continue
            include = match.group(2)
            target = layers.of_include(include, quoted=match.group(1) == '"')
            if target is None:
                if include.startswith("pelo/"):
                    yield (f"{relative} includes {include}, which is in no layer (line {number})")
            elif target not in allowed and target in links:
                yield (f"{relative} includes {include} but {layer} links {target} privately: a "
                       f"public header includes only what DEPS reach (line {number})")
            elif target not in allowed:
                yield (f"{relative} includes {include} but {layer} does not link {target} "
                       f"(line {number})")


def main(argv):
    args = parse_args(argv)
    layers = Layers(args.layer_dir)
    if args.layer not in layers.dirs:
        raise SystemExit(f"check_layer_includes: no --layer-dir for layer {args.layer!r}")
    public_allowed = split(args.public_links) | {args.layer}
    source_allowed = split(args.links) | public_allowed
    problems = []
    for relative, public in files_of(args.root, layers, args.layer):
        allowed = public_allowed if public else source_allowed
        problems.extend(
            problems_in(args.root, layers, args.layer, relative, allowed, source_allowed))
    if problems:
        if args.stamp and os.path.exists(args.stamp):
            os.remove(args.stamp)
        for problem in problems:
            print(problem, file=sys.stderr)
        return 1
    if args.stamp:
        os.makedirs(os.path.dirname(os.path.abspath(args.stamp)), exist_ok=True)
        with open(args.stamp, "w", encoding="utf-8") as stamp:
            stamp.write("ok\n")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
