# Run at build time (cmake -P) by pelo_embed_assets (cmake/PeloEmbed.cmake): writes OUTPUT, a C++
# source defining pelo::report::Assets() with the bytes of each file in ASSETS (a list of
# NAME=PATH), as arrays of bytes, so that any content (a `)"` in JavaScript, a NUL) survives.
if(NOT OUTPUT OR NOT ASSETS)
  message(FATAL_ERROR "embed_assets.cmake: OUTPUT and ASSETS are required")
endif()
string(REPLACE "|" ";" ASSETS "${ASSETS}")
set(arrays "")
set(rows "")
set(index 0)
foreach(asset ${ASSETS})
  string(FIND "${asset}" "=" at)
  string(SUBSTRING "${asset}" 0 ${at} name)
  math(EXPR from "${at} + 1")
  string(SUBSTRING "${asset}" ${from} -1 path)
  if(NOT EXISTS "${path}")
    message(FATAL_ERROR "embed_assets.cmake: ${path} is missing (run scripts/install-deps.sh)")
  endif()
  file(READ "${path}" hex HEX)
  string(LENGTH "${hex}" hex_length)
  math(EXPR size "${hex_length} / 2")
  string(REGEX REPLACE "([0-9a-f][0-9a-f])" "0x\\1," bytes "${hex}")
  # 24 bytes a line.
  string(REGEX REPLACE "((0x[0-9a-f][0-9a-f],){24})" "\\1\n    " bytes "${bytes}")
  if(name MATCHES "\\.js$")
    set(type "text/javascript; charset=utf-8")
  elseif(name MATCHES "\\.css$")
    set(type "text/css; charset=utf-8")
  elseif(name MATCHES "\\.html$")
    set(type "text/html; charset=utf-8")
  else()
    set(type "text/plain; charset=utf-8")
  endif()
  string(APPEND arrays "// ${name}: ${path}\nconst unsigned char kAsset${index}[${size} + 1] = {\n    ${bytes}0};\n")
  string(APPEND rows "      {\"${name}\", \"${type}\",\n       std::string_view(reinterpret_cast<const char*>(kAsset${index}), ${size})},\n")
  math(EXPR index "${index} + 1")
endforeach()
set(text "// Generated at build time by cmake/embed_assets.cmake: do not edit.
#include \"pelo/report/assets.h\"

namespace pelo::report {
namespace {

${arrays}
}  // namespace

const std::vector<Asset>& Assets() {
  static const std::vector<Asset> kAssets = {
${rows}  };
  return kAssets;
}

}  // namespace pelo::report
")
# Rewritten only when it changes, so that an unchanged asset does not recompile the layer.
if(EXISTS "${OUTPUT}")
  file(READ "${OUTPUT}" old)
  if(old STREQUAL text)
    return()
  endif()
endif()
file(WRITE "${OUTPUT}" "${text}")
