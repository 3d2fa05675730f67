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
