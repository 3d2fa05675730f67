# pelo_warnings: the warning set every pelo target compiles with.
add_library(pelo_warnings INTERFACE)
target_compile_options(pelo_warnings INTERFACE -Wall -Wextra -Wpedantic -Wshadow
                       -Wnon-virtual-dtor -Wold-style-cast -Wcast-align -Wunused
                       -Woverloaded-virtual -Wimplicit-fallthrough)
if(PELO_WERROR)
  target_compile_options(pelo_warnings INTERFACE -Werror)
endif()

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

# pelo_add_test(NAME SOURCES... DEPS ...): one GoogleTest binary, its cases registered with ctest.
function(pelo_add_test name)
  cmake_parse_arguments(ARG "" "" "SOURCES;DEPS;LABELS" ${ARGN})
  add_executable(${name} ${ARG_SOURCES})
  target_include_directories(${name} PRIVATE ${PROJECT_SOURCE_DIR}/src ${PROJECT_SOURCE_DIR}/tests)
  target_link_libraries(${name} PRIVATE ${ARG_DEPS} GTest::gtest GTest::gmock GTest::gtest_main
                        pelo_warnings)
  target_compile_definitions(${name} PRIVATE
    PELO_SHARED_DIR="${PELO_SHARED_DIR}"
    PELO_SOURCE_DIR="${PROJECT_SOURCE_DIR}"
    PELO_BINARY_DIR="${PROJECT_BINARY_DIR}")
  gtest_discover_tests(${name} DISCOVERY_MODE PRE_TEST DISCOVERY_TIMEOUT 60
                       PROPERTIES LABELS "${ARG_LABELS}")
endfunction()
