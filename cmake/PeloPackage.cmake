# The Debian packages, made by CPack from the install rules (docs/adr/0027):
#   cpack -G DEB --config build/release/CPackConfig.cmake -B OUT
# makes pelo_<version>_<arch>.deb (component runtime: the programs, their manual pages,
# completions and systemd units) and libpelo-dev_<version>_<arch>.deb (component development:
# static libraries, headers, the CMake package and pelo.pc), both for the /usr prefix. The runtime
# package's Depends are computed from its binaries by dpkg-shlibdeps; the -dev package depends on
# the -dev packages that pelo-config.cmake and pelo.pc find.
set(PELO_PACKAGE_MAINTAINER
    "pelo maintainers <maintainers@users.noreply.r-seed-78225edc.example>"
    CACHE STRING "The Maintainer field of the Debian packages")
set(PELO_PACKAGE_HOMEPAGE "" CACHE STRING "The Homepage field of the Debian packages, if any")

# Each package carries /usr/share/doc/<package>/copyright and changelog.gz, as Debian requires.
# The changelog's newest entry must name the version being packaged.
set(deb_dir ${PROJECT_SOURCE_DIR}/packaging/deb)
file(STRINGS ${deb_dir}/changelog newest LIMIT_COUNT 1)
if(NOT newest MATCHES "^pelo \\(${PROJECT_VERSION}\\) ")
  message(FATAL_ERROR "pelo: packaging/deb/changelog's newest entry is not version "
                      "${PROJECT_VERSION}: add one (`${newest}`)")
endif()
set_property(DIRECTORY ${PROJECT_SOURCE_DIR} APPEND PROPERTY CMAKE_CONFIGURE_DEPENDS
             ${deb_dir}/changelog)
execute_process(COMMAND gzip -9nc INPUT_FILE ${deb_dir}/changelog
                OUTPUT_FILE ${PROJECT_BINARY_DIR}/changelog.gz COMMAND_ERROR_IS_FATAL ANY)
foreach(package_component pelo=runtime libpelo-dev=development)
  string(REPLACE "=" ";" package_component ${package_component})
  list(GET package_component 0 package)
  list(GET package_component 1 component)
  install(FILES ${deb_dir}/copyright ${PROJECT_BINARY_DIR}/changelog.gz
          DESTINATION ${CMAKE_INSTALL_DATAROOTDIR}/doc/${package} COMPONENT ${component})
endforeach()

set(CPACK_GENERATOR DEB)
set(CPACK_PACKAGE_NAME pelo)
set(CPACK_PACKAGE_VERSION ${PROJECT_VERSION})
set(CPACK_PACKAGE_CONTACT ${PELO_PACKAGE_MAINTAINER})
# CPack's own default summary, so that CPackDeb does not put one shared summary above both
# packages' descriptions: each description's first line is its package's synopsis.
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY "${CMAKE_PROJECT_NAME} built using CMake")
set(CPACK_PACKAGING_INSTALL_PREFIX /usr)
set(CPACK_STRIP_FILES ON)
set(CPACK_COMPONENTS_ALL runtime development)
set(CPACK_DEB_COMPONENT_INSTALL ON)
set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)
set(CPACK_DEBIAN_PACKAGE_SOURCE pelo)
set(CPACK_DEBIAN_PACKAGE_PRIORITY optional)
set(CPACK_DEBIAN_PACKAGE_HOMEPAGE ${PELO_PACKAGE_HOMEPAGE})
set(CPACK_DEBIAN_PACKAGE_CONTROL_STRICT_PERMISSION ON)

set(CPACK_DEBIAN_RUNTIME_PACKAGE_NAME pelo)
set(CPACK_DEBIAN_RUNTIME_PACKAGE_SECTION utils)
set(CPACK_DEBIAN_RUNTIME_PACKAGE_SHLIBDEPS ON)
set(CPACK_DEBIAN_RUNTIME_DESCRIPTION [=[keep and understand your Peloton workout data
pelo signs in to Peloton, syncs the whole workout history into a local
SQLite database (incrementally), and exports CSV, FIT, TCX and GPX files,
an HTML report and a local dashboard, with power curves, FTP and training
load computed from the samples.
.
pelo-sim is a simulator of the Peloton API, so that `pelo demo` and tests
run with no account and no network.]=])

set(CPACK_DEBIAN_DEVELOPMENT_PACKAGE_NAME libpelo-dev)
set(CPACK_DEBIAN_DEVELOPMENT_PACKAGE_SECTION libdevel)
set(CPACK_DEBIAN_DEVELOPMENT_PACKAGE_DEPENDS
    "libcurl4-openssl-dev, libsimdjson-dev, nlohmann-json3-dev, libspdlog-dev, libsqlite3-dev, \
libssl-dev, libhowardhinnant-date-dev, libeigen3-dev, libcpp-httplib-dev, libzstd-dev, \
pkg-config")
set(CPACK_DEBIAN_DEVELOPMENT_DESCRIPTION [=[static libraries and headers of pelo (libpelo)
libpelo is the library under the pelo command: a typed Peloton API client,
the Auth0 logins, the incremental sync into SQLite, ride analytics and the
FIT, TCX, GPX and CSV writers, one static library per layer.
.
find_package(pelo) gives the CMake targets pelo::pelo and pelo::<layer>;
pkg-config --cflags --libs pelo gives the same for other build systems.]=])

include(CPack)
