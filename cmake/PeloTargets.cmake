# pelo_warnings: the warning set every pelo target compiles with.
add_library(pelo_warnings INTERFACE)
target_compile_options(pelo_warnings INTERFACE -Wall -Wextra -Wpedantic -Wshadow
                       -Wnon-virtual-dtor -Wold-style-cast -Wcast-align -Wunused
                       -Woverloaded-virtual -Wimplicit-fallthrough)
if(PELO_WERROR)
  target_compile_options(pelo_warnings INTERFACE -Werror)
endif()

# pelo_test_code: what the tests' own sources compile with besides the warnings. The CI presets
# set PELO_TEST_OPTIMIZATION to -O0;-g0 (after the build type's flags: the last -O and -g win):
# the libraries and apps under test keep the preset's optimisation, debug lines and sanitizers,
# while the test code, mostly gtest macros, compiles in half the time (docs/adr/0014). A
# sanitizer report still names test functions; gtest names a failure's file and line itself.
set(PELO_TEST_OPTIMIZATION "" CACHE STRING
    "Extra compile flags of the tests' own code (a list), e.g. -O0;-g0")
add_library(pelo_test_code INTERFACE)
target_compile_options(pelo_test_code INTERFACE ${PELO_TEST_OPTIMIZATION})

# pelo_add_layer(NAME SOURCES... [DEPS ...] [PRIVATE_DEPS ...]): one static library per layer,
# installed (component development) and exported as pelo::NAME, as the build's alias names it
# (cmake/PeloInstall.cmake, docs/adr/0027). Only what a user of the installed library needs is in
# its interface: the installed headers, and its private dependencies as link-only, which
# pelo-config.cmake finds; the warnings are the build's own.
function(pelo_add_layer name)
  cmake_parse_arguments(ARG "" "" "SOURCES;DEPS;PRIVATE_DEPS" ${ARGN})
  if(NOT ARG_SOURCES)
    message(FATAL_ERROR "pelo: layer ${name} has no sources")
  endif()
  add_library(pelo_${name} STATIC ${ARG_SOURCES})
  add_library(pelo::${name} ALIAS pelo_${name})
  set_target_properties(pelo_${name} PROPERTIES EXPORT_NAME ${name})
  target_include_directories(pelo_${name}
    PUBLIC $<BUILD_INTERFACE:${PROJECT_SOURCE_DIR}/include>
           $<INSTALL_INTERFACE:${CMAKE_INSTALL_INCLUDEDIR}>
    PRIVATE ${PROJECT_SOURCE_DIR}/src)
  target_link_libraries(pelo_${name} PUBLIC ${ARG_DEPS}
                        PRIVATE $<BUILD_INTERFACE:pelo_warnings> ${ARG_PRIVATE_DEPS})
  install(TARGETS pelo_${name} EXPORT pelo-targets
          ARCHIVE DESTINATION ${CMAKE_INSTALL_LIBDIR} COMPONENT development)
  # What the arrow check needs (pelo_check_layer_arrows, below).
  file(RELATIVE_PATH dir ${PROJECT_SOURCE_DIR}/src ${CMAKE_CURRENT_SOURCE_DIR})
  set_property(GLOBAL APPEND PROPERTY PELO_LAYERS ${name})
  set_property(GLOBAL PROPERTY PELO_LAYER_DIR_${name} ${dir})
  set_property(GLOBAL PROPERTY PELO_LAYER_DEPS_${name} ${ARG_DEPS})
  set_property(GLOBAL PROPERTY PELO_LAYER_PRIVATE_DEPS_${name} ${ARG_PRIVATE_DEPS})
endfunction()

set(PELO_LAYER_INCLUDE_CHECKER ${CMAKE_CURRENT_LIST_DIR}/check_layer_includes.py)

# The layers `deps` (pelo::<layer> or pelo_<layer>, others ignored) name and every layer those
# link publicly, transitively: what a user of them may include.
function(_pelo_layer_closure deps out)
  get_property(layers GLOBAL PROPERTY PELO_LAYERS)
  set(closure "")
  set(queue ${deps})
  while(queue)
    list(POP_FRONT queue dep)
    string(REGEX REPLACE "^pelo(::|_)" "" layer "${dep}")
    if(layer STREQUAL dep OR NOT layer IN_LIST layers OR layer IN_LIST closure)
      continue()
    endif()
    list(APPEND closure ${layer})
    get_property(next GLOBAL PROPERTY PELO_LAYER_DEPS_${layer})
    list(APPEND queue ${next})
  endwhile()
  set(${out} "${closure}" PARENT_SCOPE)
endfunction()

# The arrows, enforced (docs/adr/0019): before a layer compiles, cmake/check_layer_includes.py
# checks that its public headers include only headers of layers it links publicly and its
# sources only those of layers it links at all. Deferred to the end of the configure step so
# that it sees every layer, whichever folder adds it.
function(pelo_check_layer_arrows)
  get_property(layers GLOBAL PROPERTY PELO_LAYERS)
  set(checker ${PELO_LAYER_INCLUDE_CHECKER})
  set(layer_dirs "")
  foreach(layer ${layers})
    get_property(dir GLOBAL PROPERTY PELO_LAYER_DIR_${layer})
    list(APPEND layer_dirs --layer-dir ${layer}=${dir})
  endforeach()
  foreach(layer ${layers})
    get_property(dir GLOBAL PROPERTY PELO_LAYER_DIR_${layer})
    get_property(deps GLOBAL PROPERTY PELO_LAYER_DEPS_${layer})
    get_property(private_deps GLOBAL PROPERTY PELO_LAYER_PRIVATE_DEPS_${layer})
    _pelo_layer_closure("${deps}" public_links)
    _pelo_layer_closure("${deps};${private_deps}" links)
    file(GLOB_RECURSE files CONFIGURE_DEPENDS ${PROJECT_SOURCE_DIR}/include/pelo/${dir}/*
         ${PROJECT_SOURCE_DIR}/src/${dir}/*)
    list(JOIN public_links "," public_links)
    list(JOIN links "," links)
    set(stamp ${PROJECT_BINARY_DIR}/arrows/${layer}.stamp)
    add_custom_command(OUTPUT ${stamp}
      COMMAND ${Python3_EXECUTABLE} ${checker} --root ${PROJECT_SOURCE_DIR} --layer ${layer}
              ${layer_dirs} --public-links=${public_links} --links=${links} --stamp ${stamp}
      DEPENDS ${checker} ${files}
      COMMENT "Checking the includes of layer ${layer} against what it links"
      VERBATIM)
    add_custom_target(pelo_${layer}_arrows DEPENDS ${stamp})
    add_dependencies(pelo_${layer} pelo_${layer}_arrows)
  endforeach()
endfunction()
cmake_language(DEFER DIRECTORY ${PROJECT_SOURCE_DIR} CALL pelo_check_layer_arrows)

# Which test binaries a build configures, builds (target pelo_tests) and registers with ctest, by
# their LABELS (docs/adr/0014-test-command-speed.md):
#   all        every test binary (dev, release)
#   sanitizer  all but those labelled `release-only` (asan-ubsan)
#   threads    only those labelled `threads`, and not `release-only` (tsan)
set(PELO_TEST_SCOPE "all" CACHE STRING "Test binaries to build and register: all, sanitizer, threads")
set_property(CACHE PELO_TEST_SCOPE PROPERTY STRINGS all sanitizer threads)
if(NOT PELO_TEST_SCOPE MATCHES "^(all|sanitizer|threads)$")
  message(FATAL_ERROR "pelo: PELO_TEST_SCOPE is all, sanitizer or threads, not '${PELO_TEST_SCOPE}'")
endif()

# How a test binary is registered with ctest (docs/adr/0014):
#   case    one ctest test per GoogleTest case (dev: `ctest -R Name` runs one case)
#   binary  one ctest test per shard of the binary (the CI presets): each process runs a share
#           of the cases (GoogleTest's GTEST_TOTAL_SHARDS/GTEST_SHARD_INDEX), so what a binary's
#           cases share (a synced database, a simulator's world) is built once per process, not
#           once per case, and a process is started per shard rather than per case.
set(PELO_TEST_REGISTRATION "case" CACHE STRING "ctest tests per test binary: case or binary")
set_property(CACHE PELO_TEST_REGISTRATION PROPERTY STRINGS case binary)
if(NOT PELO_TEST_REGISTRATION MATCHES "^(case|binary)$")
  message(FATAL_ERROR
          "pelo: PELO_TEST_REGISTRATION is case or binary, not '${PELO_TEST_REGISTRATION}'")
endif()

# pelo_add_test(NAME [SOURCES...] [DEPS ...] LABELS ... [SHARDS n] [COST n]): one GoogleTest
# binary, its cases registered with ctest (PELO_TEST_REGISTRATION; SHARDS: processes in
# `binary`, default 1, for the binaries whose cases take minutes in all; COST: how early ctest
# starts each of them, default SHARDS, for a binary that takes long in one process because its
# shards would each build again what its cases share). Every binary runs
# tests/support/test_main.cc, which fails a test that starts a thread unless LABELS has
# `threads`. A binary outside PELO_TEST_SCOPE is still defined (so its directory can add
# properties) but built only on request and not registered. More sources and their layers'
# libraries can be added from other directories with pelo_add_test_sources.
function(pelo_add_test name)
  cmake_parse_arguments(ARG "" "SHARDS;COST" "SOURCES;DEPS;LABELS" ${ARGN})
  if(NOT ARG_LABELS)
    message(FATAL_ERROR "pelo: test ${name} has no LABELS")
  endif()
  if(NOT ARG_SHARDS)
    set(ARG_SHARDS 1)
  endif()
  if(NOT ARG_COST)
    set(ARG_COST ${ARG_SHARDS})
  endif()
  set(in_scope TRUE)
  if(PELO_TEST_SCOPE STREQUAL "threads" AND NOT "threads" IN_LIST ARG_LABELS)
    set(in_scope FALSE)
  endif()
  if(NOT PELO_TEST_SCOPE STREQUAL "all" AND "release-only" IN_LIST ARG_LABELS)
    set(in_scope FALSE)
  endif()
  if("threads" IN_LIST ARG_LABELS)
    set(main pelo_test_main_threads)
  else()
    set(main pelo_test_main)
  endif()

  if(in_scope)
    add_executable(${name} ${ARG_SOURCES})
    add_dependencies(pelo_tests ${name})
  else()
    add_executable(${name} EXCLUDE_FROM_ALL ${ARG_SOURCES})
  endif()
  target_include_directories(${name} PRIVATE ${PROJECT_SOURCE_DIR}/src ${PROJECT_SOURCE_DIR}/tests)
  target_link_libraries(${name} PRIVATE ${ARG_DEPS} ${main} GTest::gtest GTest::gmock
                        pelo_warnings pelo_test_code)
  target_compile_definitions(${name} PRIVATE
    PELO_SHARED_DIR="${PELO_SHARED_DIR}"
    PELO_SOURCE_DIR="${PROJECT_SOURCE_DIR}"
    PELO_BINARY_DIR="${PROJECT_BINARY_DIR}")
  if(in_scope AND PELO_TEST_REGISTRATION STREQUAL "binary")
    math(EXPR last "${ARG_SHARDS} - 1")
    foreach(shard RANGE ${last})
      set(test ${name})
      if(ARG_SHARDS GREATER 1)
        set(test ${name}/${shard})
      endif()
      add_test(NAME ${test} COMMAND ${name})
      # COST: ctest starts the costliest first; a fresh clone has no timings of its own yet, and
      # a sharded binary started last would leave one core idle at the end.
      set_tests_properties(${test} PROPERTIES
        LABELS "${ARG_LABELS}"
        ENVIRONMENT "GTEST_TOTAL_SHARDS=${ARG_SHARDS};GTEST_SHARD_INDEX=${shard}"
        COST ${ARG_COST})
    endforeach()
  elseif(in_scope)
    gtest_discover_tests(${name} DISCOVERY_MODE PRE_TEST DISCOVERY_TIMEOUT 60)
    # The labels, set by a file ctest reads after the discovered tests: GoogleTest's PROPERTIES
    # would flatten a list of labels ("unit;threads" becomes the label unit and a property named
    # threads).
    set(labels_file "${CMAKE_CURRENT_BINARY_DIR}/${name}_labels.cmake")
    file(CONFIGURE OUTPUT "${labels_file}" CONTENT [=[
if(@name@_TESTS)
  set_tests_properties(${@name@_TESTS} PROPERTIES LABELS "@ARG_LABELS@")
endif()
]=] @ONLY)
    set_property(DIRECTORY APPEND PROPERTY TEST_INCLUDE_FILES "${labels_file}")
  endif()
endfunction()

# pelo_add_test_sources(NAME SOURCES... [DEPS ...]): adds a directory's test files (paths
# relative to it) and the libraries they test to a binary made by pelo_add_test elsewhere:
# how each layer's folder under tests/unit adds its files to pelo_unit_test or
# pelo_unit_threads_test (docs/adr/0014).
function(pelo_add_test_sources name)
  cmake_parse_arguments(ARG "" "" "SOURCES;DEPS" ${ARGN})
  if(NOT ARG_SOURCES)
    message(FATAL_ERROR "pelo: pelo_add_test_sources(${name}) has no SOURCES")
  endif()
  target_sources(${name} PRIVATE ${ARG_SOURCES})
  if(ARG_DEPS)
    target_link_libraries(${name} PRIVATE ${ARG_DEPS})
  endif()
endfunction()
