# pelo_embed_assets(TARGET OUTPUT file.cc ASSETS NAME PATH [NAME PATH ...]): compiles the files
# into TARGET as pelo::report::Assets() (include/pelo/report/assets.h), generated at build time
# by cmake/embed_assets.cmake, so that an edit of a web file rebuilds the binary and nothing is
# read from disk at run time (ADR 0022).
function(pelo_embed_assets target)
  cmake_parse_arguments(ARG "" "OUTPUT" "ASSETS" ${ARGN})
  set(pairs "")
  set(paths "")
  while(ARG_ASSETS)
    list(POP_FRONT ARG_ASSETS name path)
    if(NOT path)
      message(FATAL_ERROR "pelo_embed_assets: ${name} has no path")
    endif()
    list(APPEND pairs "${name}=${path}")
    list(APPEND paths "${path}")
  endwhile()
  string(REPLACE ";" "|" joined "${pairs}")
  add_custom_command(
    OUTPUT ${ARG_OUTPUT}
    COMMAND ${CMAKE_COMMAND} -DOUTPUT=${ARG_OUTPUT} "-DASSETS=${joined}"
            -P ${PROJECT_SOURCE_DIR}/cmake/embed_assets.cmake
    DEPENDS ${paths} ${PROJECT_SOURCE_DIR}/cmake/embed_assets.cmake
    COMMENT "Embedding the web assets of ${target}"
    VERBATIM)
  target_sources(${target} PRIVATE ${ARG_OUTPUT})
endfunction()
