# The development component (docs/adr/0027-installing-and-packaging.md): the layers' static
# libraries (installed by pelo_add_layer), the public headers, the CMake package
# (`find_package(pelo)`: pelo::pelo and pelo::<layer>) and the pkg-config file, in the GNU
# directories under the prefix. The runtime component (programs, manual pages, completions,
# systemd units) is installed where each is built.
include(CMakePackageConfigHelpers)

# pelo::pelo: every layer, for a program that wants the whole library.
get_property(pelo_layers GLOBAL PROPERTY PELO_LAYERS)
add_library(pelo_all INTERFACE)
add_library(pelo::pelo ALIAS pelo_all)
set_target_properties(pelo_all PROPERTIES EXPORT_NAME pelo)
foreach(layer ${pelo_layers})
  target_link_libraries(pelo_all INTERFACE pelo::${layer})
endforeach()
install(TARGETS pelo_all EXPORT pelo-targets COMPONENT development)

# `cmake --install --strip` and the Debian package (CPACK_STRIP_FILES) strip the programs; the
# static libraries lose their debug sections here, as Debian's -dev packages ship them.
if(NOT IS_ABSOLUTE "${CMAKE_INSTALL_LIBDIR}")
  install(CODE "
    if(CMAKE_INSTALL_DO_STRIP)
      file(GLOB pelo_archives \"\$ENV{DESTDIR}\${CMAKE_INSTALL_PREFIX}/${CMAKE_INSTALL_LIBDIR}/libpelo_*.a\")
      execute_process(COMMAND \"${CMAKE_STRIP}\" --strip-debug \${pelo_archives}
                      COMMAND_ERROR_IS_FATAL ANY)
    endif()" COMPONENT development)
endif()

# Every header under include/ is public and includes only the standard library and other
# headers under include/pelo (ARCHITECTURE.md; tests/install checks the installed tree).
install(DIRECTORY ${PROJECT_SOURCE_DIR}/include/ DESTINATION ${CMAKE_INSTALL_INCLUDEDIR}
        COMPONENT development FILES_MATCHING PATTERN "*.h")

set(pelo_cmake_dir ${CMAKE_INSTALL_LIBDIR}/cmake/pelo)
install(EXPORT pelo-targets NAMESPACE pelo:: DESTINATION ${pelo_cmake_dir}
        FILE pelo-targets.cmake COMPONENT development)
configure_package_config_file(${CMAKE_CURRENT_LIST_DIR}/pelo-config.cmake.in
  ${PROJECT_BINARY_DIR}/pelo-config.cmake INSTALL_DESTINATION ${pelo_cmake_dir})
# Before 1.0 a minor version may change the API (ADR 0027): 0.1.x accepts a request for 0.1.
write_basic_package_version_file(${PROJECT_BINARY_DIR}/pelo-config-version.cmake
  COMPATIBILITY SameMinorVersion)
install(FILES ${PROJECT_BINARY_DIR}/pelo-config.cmake ${PROJECT_BINARY_DIR}/pelo-config-version.cmake
        DESTINATION ${pelo_cmake_dir} COMPONENT development)

# pelo.pc: the libraries in link order (each layer before those it links: the reverse of the
# order src/CMakeLists.txt adds them in) and the libraries they need, as `Requires` and `Libs`
# rather than their .private forms: there is no shared libpelo, so every program links them.
# The prefix is found from the file's own place, so an install under any prefix works as is.
set(PELO_PC_LIBS "")
set(reversed ${pelo_layers})
list(REVERSE reversed)
foreach(layer ${reversed})
  string(APPEND PELO_PC_LIBS " -lpelo_${layer}")
endforeach()
if(IS_ABSOLUTE "${CMAKE_INSTALL_LIBDIR}")
  set(PELO_PC_PREFIX "${CMAKE_INSTALL_PREFIX}")
  set(PELO_PC_LIBDIR "${CMAKE_INSTALL_LIBDIR}")
else()
  file(RELATIVE_PATH up /p/${CMAKE_INSTALL_LIBDIR}/pkgconfig /p)
  string(REGEX REPLACE "/$" "" up "${up}")
  set(PELO_PC_PREFIX "\${pcfiledir}/${up}")
  set(PELO_PC_LIBDIR "\${prefix}/${CMAKE_INSTALL_LIBDIR}")
endif()
configure_file(${CMAKE_CURRENT_LIST_DIR}/pelo.pc.in ${PROJECT_BINARY_DIR}/pelo.pc @ONLY)
install(FILES ${PROJECT_BINARY_DIR}/pelo.pc DESTINATION ${CMAKE_INSTALL_LIBDIR}/pkgconfig
        COMPONENT development)
