#!/usr/bin/env python3
"""The layer include check (cmake/check_layer_includes.py, docs/adr/0019) on small trees of its
own: run directly, and through pelo_add_layer in a throwaway CMake project, where the build
itself must fail naming the wrong include.

Usage: check_layer_includes_test.py SOURCE_DIR CMAKE_COMMAND GENERATOR [MAKE_PROGRAM]
"""

import os
import subprocess
import sys
import tempfile
import textwrap
import unittest

SOURCE_DIR, CMAKE, GENERATOR = sys.argv[1:4]
MAKE_PROGRAM = sys.argv[4] if len(sys.argv) > 4 else ""
CHECKER = os.path.join(SOURCE_DIR, "cmake", "check_layer_includes.py")
LAYER_DIRS = ["--layer-dir", "base=base", "--layer-dir", "calc=calc", "--layer-dir",
              "cfg=cfg", "--layer-dir", "api=svc/api", "--layer-dir", "svc=svc"]


def write(root, relative, text):
    path = os.path.join(root, relative)
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "w", encoding="utf-8") as out:
        out.write(textwrap.dedent(text))


class CheckerTest(unittest.TestCase):
    """The script on a tree: base <- calc <- cfg, and svc/api nested in svc's folder."""

    def setUp(self):
        self.tmp = tempfile.TemporaryDirectory()
        self.root = self.tmp.name
        write(self.root, "include/pelo/base/status.h", "#pragma once\n#include <string>\n")
        write(self.root, "include/pelo/calc/input.h", '#include "pelo/base/status.h"\n')
        write(self.root, "src/calc/rule.h", '#include <vector>\n#include "pelo/calc/input.h"\n')
        write(self.root, "include/pelo/cfg/settings.h", '#include "pelo/calc/input.h"\n')
        write(self.root, "src/cfg/settings.cc",
              '#include "pelo/cfg/settings.h"\n#include "cfg/values.h"\n')
        write(self.root, "src/cfg/values.h", "#pragma once\n")
        write(self.root, "src/svc/api/client.cc", '#include "pelo/base/status.h"\n')
        write(self.root, "src/svc/server.cc", '#include "svc/api/client.h"\n')

    def tearDown(self):
        self.tmp.cleanup()

    def run_checker(self, layer, public_links, links, stamp=None):
        command = [sys.executable, CHECKER, "--root", self.root, "--layer", layer, *LAYER_DIRS,
                   f"--public-links={public_links}", f"--links={links}"]
        if stamp:
            command += ["--stamp", stamp]
        return subprocess.run(command, capture_output=True, text=True, check=False)

    def test_includes_of_linked_layers_pass_and_touch_the_stamp(self):
        stamp = os.path.join(self.root, "out", "cfg.stamp")
        result = self.run_checker("cfg", "calc,base", "calc,base", stamp)
        self.assertEqual(result.returncode, 0, result.stderr)
        self.assertTrue(os.path.exists(stamp))

    def test_a_public_header_including_an_unlinked_layer_fails_naming_it(self):
        stamp = os.path.join(self.root, "cfg.stamp")
        write(self.root, stamp, "ok\n")  # from an earlier, good run
        result = self.run_checker("cfg", "base", "base", stamp)
        self.assertEqual(result.returncode, 1)
        self.assertEqual(result.stderr.strip(), "include/pelo/cfg/settings.h includes "
                         "pelo/calc/input.h but cfg does not link calc (line 1)")
        self.assertFalse(os.path.exists(stamp))

    def test_a_source_including_an_unlinked_layer_fails(self):
        write(self.root, "src/calc/ftp.cc", '#include <cmath>\n\n#include "pelo/cfg/settings.h"\n')
        result = self.run_checker("calc", "base", "base")
        self.assertEqual(result.returncode, 1)
        self.assertIn("src/calc/ftp.cc includes pelo/cfg/settings.h but calc does not link cfg "
                      "(line 3)", result.stderr)

    def test_a_src_internal_include_of_another_layer_fails(self):
        write(self.root, "src/calc/more.cc", '#include "cfg/values.h"\n')
        result = self.run_checker("calc", "base", "base")
        self.assertEqual(result.returncode, 1)
        self.assertIn("src/calc/more.cc includes cfg/values.h but calc does not link cfg",
                      result.stderr)

    def test_a_public_header_may_not_include_a_privately_linked_layer(self):
        result = self.run_checker("cfg", "base", "calc,base")
        self.assertEqual(result.returncode, 1)
        self.assertIn("include/pelo/cfg/settings.h includes pelo/calc/input.h but cfg links calc "
                      "privately", result.stderr)
        write(self.root, "include/pelo/cfg/settings.h", "#pragma once\n")
        result = self.run_checker("cfg", "base", "calc,base")  # the source may include it
        self.assertEqual(result.returncode, 0, result.stderr)

    def test_a_nested_layer_is_its_own(self):
        # svc/api is a layer inside svc's folder: its files are not svc's, and svc reaching
        # into it needs the link.
        self.assertEqual(self.run_checker("api", "base", "base").returncode, 0)
        result = self.run_checker("svc", "", "")
        self.assertEqual(result.returncode, 1)
        self.assertIn("src/svc/server.cc includes svc/api/client.h but svc does not link api",
                      result.stderr)
        self.assertNotIn("client.cc", result.stderr)
        self.assertEqual(self.run_checker("svc", "api,base", "api,base").returncode, 0)

    def test_an_include_of_a_folder_no_layer_owns_fails(self):
        write(self.root, "src/base/status.cc", '#include "pelo/nowhere/thing.h"\n')
        result = self.run_checker("base", "", "")
        self.assertEqual(result.returncode, 1)
        self.assertIn("includes pelo/nowhere/thing.h, which is in no layer", result.stderr)

    def test_angle_includes_of_libraries_named_like_a_layer_pass(self):
        write(self.root, "src/base/status.cc", "#include <calc/vendor.h>\n")
        self.assertEqual(self.run_checker("base", "", "").returncode, 0)


class BuildTest(unittest.TestCase):
    """pelo_add_layer's check in a real build: `cmake --build` fails on a wrong arrow."""

    def test_the_build_fails_naming_the_include_and_passes_once_linked(self):
        with tempfile.TemporaryDirectory() as root:
            write(root, "CMakeLists.txt", f"""\
                cmake_minimum_required(VERSION 3.25)
                project(arrows LANGUAGES CXX)
                find_package(Python3 REQUIRED COMPONENTS Interpreter)
                include({SOURCE_DIR}/cmake/PeloTargets.cmake)
                add_subdirectory(src/base)
                add_subdirectory(src/cfg)
                """)
            write(root, "src/base/CMakeLists.txt", "pelo_add_layer(base SOURCES base.cc)\n")
            write(root, "src/base/base.cc", '#include "pelo/base/base.h"\nint Base() { return 1; }\n')
            write(root, "include/pelo/base/base.h", "#pragma once\nint Base();\n")
            write(root, "src/cfg/CMakeLists.txt", "pelo_add_layer(cfg SOURCES cfg.cc)\n")
            write(root, "src/cfg/cfg.cc", '#include "pelo/base/base.h"\nint Cfg() { return Base(); }\n')
            build = os.path.join(root, "build")
            configure = [CMAKE, "-S", root, "-B", build, "-G", GENERATOR]
            if MAKE_PROGRAM:
                configure.append(f"-DCMAKE_MAKE_PROGRAM={MAKE_PROGRAM}")
            done = subprocess.run(configure, capture_output=True, text=True, check=False)
            self.assertEqual(done.returncode, 0, done.stdout + done.stderr)
            done = subprocess.run([CMAKE, "--build", build], capture_output=True, text=True,
                                  check=False)
            self.assertNotEqual(done.returncode, 0)
            self.assertIn("src/cfg/cfg.cc includes pelo/base/base.h but cfg does not link base",
                          done.stdout + done.stderr)

            write(root, "src/cfg/CMakeLists.txt",
                  "pelo_add_layer(cfg SOURCES cfg.cc DEPS pelo::base)\n")
            done = subprocess.run([CMAKE, "--build", build], capture_output=True, text=True,
                                  check=False)
            self.assertEqual(done.returncode, 0, done.stdout + done.stderr)


if __name__ == "__main__":
    unittest.main(argv=sys.argv[:1], verbosity=2)
