# Install the build into a scratch prefix, then run the version test
# against the installed ipart.jar and lib<JNI_NAME>.so only: the JNI
# library must find the installed libipart.so through its RUNPATH $ORIGIN.
file(REMOVE_RECURSE "${WORK}")
# By component (libipart itself is "Unspecified"): each writes its own
# install_manifest_<component>.txt, so this does not race with the C
# install test, which installs everything at the same time.
foreach(component IN ITEMS Unspecified java)
  execute_process(COMMAND "${CMAKE_COMMAND}" --install "${BUILD}" --prefix "${WORK}/prefix"
                          --component ${component}
                  RESULT_VARIABLE rc OUTPUT_QUIET)
  if(NOT rc EQUAL 0)
    message(FATAL_ERROR "install of component ${component} failed")
  endif()
endforeach()
set(lib "${WORK}/prefix/${LIB_DIR}/lib${JNI_NAME}.so")
set(jar "${WORK}/prefix/${JAR_DIR}/ipart.jar")
foreach(f IN ITEMS "${lib}" "${jar}")
  if(NOT EXISTS "${f}")
    message(FATAL_ERROR "not installed: ${f}")
  endif()
endforeach()
file(READ_ELF "${lib}" RUNPATH runpath RPATH rpath)
if(NOT "${runpath}${rpath}" STREQUAL "$ORIGIN")
  message(FATAL_ERROR "installed ${lib} has RUNPATH '${runpath}' RPATH '${rpath}', not $ORIGIN")
endif()
# The build tree must play no part: run from the prefix with a clean
# environment for the loader.
unset(ENV{LD_LIBRARY_PATH})
execute_process(
  COMMAND "${JAVA}" "-Djava.library.path=${WORK}/prefix/${LIB_DIR}"
          -cp "${jar}:${CLASSPATH}" org.junit.runner.JUnitCore no.ipart.VersionTest
  RESULT_VARIABLE rc OUTPUT_VARIABLE out ERROR_VARIABLE err)
if(NOT rc EQUAL 0)
  message(FATAL_ERROR "VersionTest failed against the installed binding (${rc}):\n${out}\n${err}")
endif()
message(STATUS "installed ipart.jar + lib${JNI_NAME}.so work: ${out}")
