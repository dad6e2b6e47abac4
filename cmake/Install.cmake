# What `cmake --install` puts where (GNUInstallDirs): the command, the
# shared and static libraries, the public headers, pkg-config and CMake
# package files, the man page and the licence. The package files are
# relocatable: they find the prefix from where they were installed, so
# `cmake --install build --prefix DIR` works for any DIR.
include(CMakePackageConfigHelpers)

set(MIG_CMAKE_DIR ${CMAKE_INSTALL_LIBDIR}/cmake/migrations)

install(TARGETS migrations RUNTIME DESTINATION ${CMAKE_INSTALL_BINDIR})
install(TARGETS migrations_shared EXPORT migrationsTargets
  LIBRARY DESTINATION ${CMAKE_INSTALL_LIBDIR}
  INCLUDES DESTINATION ${CMAKE_INSTALL_INCLUDEDIR})
install(TARGETS migrations_core EXPORT migrationsStaticTargets
  ARCHIVE DESTINATION ${CMAKE_INSTALL_LIBDIR}
  INCLUDES DESTINATION ${CMAKE_INSTALL_INCLUDEDIR})

install(FILES ${MIG_PUBLIC_INCLUDE}/migrations.h DESTINATION ${CMAKE_INSTALL_INCLUDEDIR})
install(FILES
  ${MIG_PUBLIC_INCLUDE}/migrations/common.h
  ${MIG_PUBLIC_INCLUDE}/migrations/errors.h
  ${MIG_PUBLIC_INCLUDE}/migrations/session.h
  ${MIG_PUBLIC_INCLUDE}/migrations/status.h
  ${MIG_PUBLIC_GENERATED}/migrations/version.h
  DESTINATION ${CMAKE_INSTALL_INCLUDEDIR}/migrations)

# CMake: find_package(migrations) gives migrations::migrations (shared);
# COMPONENTS static adds migrations::migrations_static, whose link
# dependencies (SQLite, threads) the config then looks for too.
install(EXPORT migrationsTargets NAMESPACE migrations:: DESTINATION ${MIG_CMAKE_DIR})
install(EXPORT migrationsStaticTargets NAMESPACE migrations:: DESTINATION ${MIG_CMAKE_DIR})
configure_package_config_file(cmake/migrationsConfig.cmake.in
  ${CMAKE_CURRENT_BINARY_DIR}/migrationsConfig.cmake
  INSTALL_DESTINATION ${MIG_CMAKE_DIR})
# One SONAME per major version, so any release of the same major fits.
write_basic_package_version_file(${CMAKE_CURRENT_BINARY_DIR}/migrationsConfigVersion.cmake
  VERSION ${PROJECT_VERSION} COMPATIBILITY SameMajorVersion)
install(FILES
  ${CMAKE_CURRENT_BINARY_DIR}/migrationsConfig.cmake
  ${CMAKE_CURRENT_BINARY_DIR}/migrationsConfigVersion.cmake
  DESTINATION ${MIG_CMAKE_DIR})

# pkg-config: the prefix is found from the .pc file's own place.
file(RELATIVE_PATH MIG_PC_TO_PREFIX
  ${CMAKE_INSTALL_PREFIX}/${CMAKE_INSTALL_LIBDIR}/pkgconfig ${CMAKE_INSTALL_PREFIX})
string(REGEX REPLACE "/$" "" MIG_PC_TO_PREFIX "${MIG_PC_TO_PREFIX}")
# libpq and the MySQL client are not link dependencies: the drivers open
# them at run time (drivers/client_lib.h).
set(MIG_PC_REQUIRES_PRIVATE sqlite3)
set(MIG_PC_DL "")
foreach(l IN LISTS CMAKE_DL_LIBS)
  string(APPEND MIG_PC_DL " -l${l}")
endforeach()
string(STRIP "${MIG_PC_DL}" MIG_PC_DL)
configure_file(cmake/migrations.pc.in ${CMAKE_CURRENT_BINARY_DIR}/migrations.pc @ONLY)
install(FILES ${CMAKE_CURRENT_BINARY_DIR}/migrations.pc DESTINATION ${CMAKE_INSTALL_LIBDIR}/pkgconfig)

install(FILES docs/migrations.1 DESTINATION ${CMAKE_INSTALL_MANDIR}/man1)
install(FILES LICENSE README.md DESTINATION ${CMAKE_INSTALL_DOCDIR})
