# Install the build into a scratch prefix, then build and run a consumer
# with find_package(ipart 0) (as a user who only knows "0.x" writes it),
# check which other requests the version file accepts, and build and run
# one with pkg-config's flags, without LD_LIBRARY_PATH (the README's
# Install section).
file(REMOVE_RECURSE "${WORK}")
execute_process(COMMAND "${CMAKE_COMMAND}" --install "${BUILD}" --prefix "${WORK}/prefix"
                RESULT_VARIABLE rc OUTPUT_QUIET)
if(NOT rc EQUAL 0)
  message(FATAL_ERROR "install failed")
endif()
# Only the usual directories: the layouts of the packages (the wheel's
# ipart/, the jar's no/ipart/native/) are installed only by component.
file(GLOB top RELATIVE "${WORK}/prefix" "${WORK}/prefix/*")
list(REMOVE_ITEM top bin include lib lib64 share)
if(top)
  message(FATAL_ERROR "a plain install put ${top} at the top of the prefix")
endif()
execute_process(COMMAND "${CMAKE_COMMAND}" -S "${SOURCE}/consumer" -B "${WORK}/consumer"
                        "-DCMAKE_PREFIX_PATH=${WORK}/prefix" -DIPART_REQUEST=0
                RESULT_VARIABLE rc OUTPUT_QUIET)
if(rc EQUAL 0)
  execute_process(COMMAND "${CMAKE_COMMAND}" --build "${WORK}/consumer" RESULT_VARIABLE rc OUTPUT_QUIET)
endif()
if(NOT rc EQUAL 0)
  message(FATAL_ERROR "find_package(ipart) consumer failed to configure or build")
endif()
execute_process(COMMAND "${WORK}/consumer/consumer" RESULT_VARIABLE rc OUTPUT_VARIABLE out)
if(NOT rc EQUAL 0 OR NOT out MATCHES "2017-10-16")
  message(FATAL_ERROR "consumer failed (${rc}): ${out}")
endif()
file(GLOB_RECURSE pc "${WORK}/prefix/*/libipart.pc")
get_filename_component(pcdir "${pc}" DIRECTORY)
set(ENV{PKG_CONFIG_PATH} "${pcdir}")
execute_process(COMMAND pkg-config --cflags --libs libipart OUTPUT_VARIABLE flags
                RESULT_VARIABLE rc OUTPUT_STRIP_TRAILING_WHITESPACE)
if(NOT rc EQUAL 0)
  message(FATAL_ERROR "pkg-config does not know libipart")
endif()
separate_arguments(flags UNIX_COMMAND "${flags}")
execute_process(COMMAND "${CC}" -std=c11 -Wall -Werror "${SOURCE}/consumer/consumer.c" ${flags}
                        -o "${WORK}/pc-consumer" RESULT_VARIABLE rc)
if(NOT rc EQUAL 0)
  message(FATAL_ERROR "building with pkg-config flags failed: ${flags}")
endif()
unset(ENV{LD_LIBRARY_PATH})
execute_process(COMMAND "${WORK}/pc-consumer" RESULT_VARIABLE rc OUTPUT_VARIABLE pc_out)
if(NOT rc EQUAL 0 OR NOT pc_out STREQUAL out)
  message(FATAL_ERROR "the pkg-config consumer does not run without LD_LIBRARY_PATH (${rc}): ${pc_out}")
endif()

# Installed headers cite only what is installed or in doc/ (not the
# design notes outside the repository).
file(GLOB_RECURSE headers "${WORK}/prefix/include/ipart/*.h")
foreach(h IN LISTS headers)
  file(STRINGS "${h}" cites REGEX "RULES\\.md|shared/design")
  if(cites)
    message(FATAL_ERROR "${h} cites a file that is not shipped: ${cites}")
  endif()
endforeach()

# The version file: which find_package(ipart <request>) it accepts.
file(GLOB_RECURSE version_file "${WORK}/prefix/*/ipartConfigVersion.cmake")
file(STRINGS "${version_file}" line REGEX "^set\\(PACKAGE_VERSION \"")
string(REGEX REPLACE ".*\"([0-9]+)\\.([0-9]+)\\.([0-9]+)\".*" "\\1;\\2;\\3" v "${line}")
list(GET v 0 major)
list(GET v 1 minor)
math(EXPR next_minor "${minor} + 1")
math(EXPR next_major "${major} + 1")
function(expect_compatible request expected)
  string(REPLACE "." ";" parts "${request}")
  list(LENGTH parts PACKAGE_FIND_VERSION_COUNT)
  list(APPEND parts 0 0)
  list(GET parts 0 PACKAGE_FIND_VERSION_MAJOR)
  list(GET parts 1 PACKAGE_FIND_VERSION_MINOR)
  set(PACKAGE_FIND_VERSION "${request}")
  include("${version_file}")
  if(NOT "${PACKAGE_VERSION_COMPATIBLE}" STREQUAL "${expected}")
    message(FATAL_ERROR "find_package(ipart ${request}) against ${PACKAGE_VERSION}: "
                        "compatible ${PACKAGE_VERSION_COMPATIBLE}, expected ${expected}")
  endif()
endfunction()
expect_compatible("${major}" TRUE)
expect_compatible("${major}.${minor}" TRUE)
expect_compatible("${major}.${minor}.0" TRUE)
expect_compatible("${major}.${next_minor}" FALSE)
expect_compatible("${next_major}" FALSE)
if(major EQUAL 0 AND minor GREATER 0)
  expect_compatible("0.0" FALSE)   # 0.x: another minor is another ABI
endif()
message(STATUS "installed libipart found by find_package and pkg-config: ${out}")
