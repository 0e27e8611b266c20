# Install the build into a scratch prefix, then build and run a consumer
# with find_package(ipart) and compile one with pkg-config's flags.
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
                        "-DCMAKE_PREFIX_PATH=${WORK}/prefix" RESULT_VARIABLE rc OUTPUT_QUIET)
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
message(STATUS "installed libipart found by find_package and pkg-config: ${out}")
