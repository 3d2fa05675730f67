# Runs at install time (install(CODE) in this folder's CMakeLists.txt), when the prefix is known:
# `cmake --install build --prefix P` and CPack (DESTDIR + /usr) choose it then, not at configure
# time. Writes pelo-sync.service with ExecStart= naming the installed pelo, and installs it with
# file(INSTALL), which honours DESTDIR and records the file in the install manifest.
# In: PELO_UNIT_SOURCE_DIR (this folder), PELO_UNIT_WORK_DIR (its build folder),
# PELO_UNIT_BINDIR (CMAKE_INSTALL_BINDIR as configured, relative or absolute),
# CMAKE_INSTALL_PREFIX (the install's).
if(CMAKE_INSTALL_PREFIX MATCHES "/_CPack_Packages/")
  # CPack without DESTDIR installs into its staging folder as the prefix, which would end up in
  # ExecStart=. With CPACK_SET_DESTDIR the prefix is the package's own (/usr).
  message(FATAL_ERROR "pelo-sync.service: the install prefix ${CMAKE_INSTALL_PREFIX} is CPack's "
                      "staging folder, not where pelo will be; set CPACK_SET_DESTDIR ON")
endif()
if(IS_ABSOLUTE "${PELO_UNIT_BINDIR}")
  set(PELO_EXEC "${PELO_UNIT_BINDIR}/pelo")
else()
  set(PELO_EXEC "${CMAKE_INSTALL_PREFIX}/${PELO_UNIT_BINDIR}/pelo")
endif()
# A private directory per install: two installs of one build at once (to two prefixes, as the
# tests do) must not write each other's unit.
string(RANDOM LENGTH 12 pelo_unit_tag)
set(pelo_unit_dir "${PELO_UNIT_WORK_DIR}/pelo-systemd-${pelo_unit_tag}")
configure_file("${PELO_UNIT_SOURCE_DIR}/pelo-sync.service.in" "${pelo_unit_dir}/pelo-sync.service"
               @ONLY)
file(INSTALL DESTINATION "${CMAKE_INSTALL_PREFIX}/lib/systemd/user" TYPE FILE
     PERMISSIONS OWNER_READ OWNER_WRITE GROUP_READ WORLD_READ
     FILES "${pelo_unit_dir}/pelo-sync.service")
file(REMOVE_RECURSE "${pelo_unit_dir}")
