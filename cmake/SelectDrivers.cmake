# Resolves MIG_WITH_<DRIVER> (ON / OFF / AUTO) into MIG_HAVE_<DRIVER>, in one
# place, so that the core never tests for a client library itself.

find_package(SQLite3 REQUIRED)
find_package(PkgConfig)

function(mig_check_choice var)
  string(TOUPPER "${${var}}" v)
  if(NOT v MATCHES "^(ON|OFF|AUTO|TRUE|FALSE|YES|NO|1|0)$")
    message(FATAL_ERROR "${var} must be ON, OFF or AUTO (got '${${var}}')")
  endif()
endfunction()

mig_check_choice(MIG_WITH_POSTGRES)
mig_check_choice(MIG_WITH_MYSQL)

set(MIG_HAVE_POSTGRES OFF)
string(TOUPPER "${MIG_WITH_POSTGRES}" _pg)
if(NOT _pg MATCHES "^(OFF|FALSE|NO|0)$")
  find_package(PostgreSQL)
  if(PostgreSQL_FOUND)
    set(MIG_HAVE_POSTGRES ON)
  elseif(NOT _pg STREQUAL "AUTO")
    message(FATAL_ERROR "MIG_WITH_POSTGRES=ON but libpq was not found (apt-get install libpq-dev)")
  endif()
endif()

set(MIG_HAVE_MYSQL OFF)
string(TOUPPER "${MIG_WITH_MYSQL}" _my)
if(NOT _my MATCHES "^(OFF|FALSE|NO|0)$")
  if(PkgConfig_FOUND)
    pkg_check_modules(MYSQLCLIENT IMPORTED_TARGET libmariadb)
    if(NOT MYSQLCLIENT_FOUND)
      pkg_check_modules(MYSQLCLIENT IMPORTED_TARGET mysqlclient)
    endif()
  endif()
  if(MYSQLCLIENT_FOUND)
    set(MIG_HAVE_MYSQL ON)
  elseif(NOT _my STREQUAL "AUTO")
    message(FATAL_ERROR "MIG_WITH_MYSQL=ON but no MySQL client library was found (apt-get install default-libmysqlclient-dev)")
  endif()
endif()

message(STATUS "migrations drivers: sqlite=ON postgres=${MIG_HAVE_POSTGRES} mysql=${MIG_HAVE_MYSQL}")
