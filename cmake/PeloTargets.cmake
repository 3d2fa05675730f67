# pelo_warnings: the warning set every pelo target compiles with.
add_library(pelo_warnings INTERFACE)
target_compile_options(pelo_warnings INTERFACE -Wall -Wextra -Wpedantic -Wshadow
                       -Wnon-virtual-dtor -Wold-style-cast -Wcast-align -Wunused
                       -Woverloaded-virtual -Wimplicit-fallthrough)
if(PELO_WERROR)
  target_compile_options(pelo_warnings INTERFACE -Werror)
endif()

# pelo_test_code: what the tests' own sources compile with besides the warnings. The CI presets
# set PELO_TEST_OPTIMIZATION to -O0 (it comes after the build type's flags, and the last -O
# wins): the libraries and apps under test keep the preset's optimisation and sanitizers, while
# the test code, mostly gtest macros, compiles in half the time (docs/adr/0014).
set(PELO_TEST_OPTIMIZATION "" CACHE STRING "Extra compile flags of the tests' own code, e.g. -O0")
add_library(pelo_test_code INTERFACE)
target_compile_options(pelo_test_code INTERFACE ${PELO_TEST_OPTIMIZATION})

# pelo_add_layer(NAME SOURCES... [DEPS ...] [PRIVATE_DEPS ...]): one static library per layer.
function(pelo_add_layer name)
  cmake_parse_arguments(ARG "" "" "SOURCES;DEPS;PRIVATE_DEPS" ${ARGN})
  if(NOT ARG_SOURCES)
    message(FATAL_ERROR "pelo: layer ${name} has no sources")
  endif()
  add_library(pelo_${name} STATIC ${ARG_SOURCES})
  add_library(pelo::${name} ALIAS pelo_${name})
  target_include_directories(pelo_${name} PUBLIC ${PROJECT_SOURCE_DIR}/include
                             PRIVATE ${PROJECT_SOURCE_DIR}/src)
  target_link_libraries(pelo_${name} PUBLIC ${ARG_DEPS} PRIVATE pelo_warnings ${ARG_PRIVATE_DEPS})
endfunction()

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

# pelo_add_test(NAME SOURCES... DEPS ... LABELS ...): one GoogleTest binary, its cases registered
# with ctest. Every binary runs tests/support/test_main.cc, which fails a test that starts a
# thread unless LABELS has `threads`. A binary outside PELO_TEST_SCOPE is still defined (so its
# directory can add properties) but built only on request and not registered.
function(pelo_add_test name)
  cmake_parse_arguments(ARG "" "" "SOURCES;DEPS;LABELS" ${ARGN})
  if(NOT ARG_LABELS)
    message(FATAL_ERROR "pelo: test ${name} has no LABELS")
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
  if(in_scope)
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
