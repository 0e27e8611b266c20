# Lay out what the Maven build (pom.xml, configured into STAGE) builds from:
#   STAGE/src/main/java        every .java below SOURCE_DIRS (facade, loader, SWIG)
#   STAGE/target/classes/NATIVE_DIR/
#       the install component java-natives of BUILD (libipartjni with RUNPATH
#       $ORIGIN and libipart under its SONAME), and natives.properties: the
#       files in load order, each with its size and SHA-256, which
#       NativeLoader checks after extracting them.
file(REMOVE_RECURSE "${STAGE}/src" "${STAGE}/target")
foreach(dir IN LISTS SOURCE_DIRS)
  file(GLOB_RECURSE sources RELATIVE "${dir}" "${dir}/*.java")
  foreach(source IN LISTS sources)
    get_filename_component(package_dir "${source}" DIRECTORY)
    file(COPY "${dir}/${source}" DESTINATION "${STAGE}/src/main/java/${package_dir}")
  endforeach()
endforeach()

set(classes "${STAGE}/target/classes")
execute_process(COMMAND "${CMAKE_COMMAND}" --install "${BUILD}" --prefix "${classes}"
                        --component java-natives
                RESULT_VARIABLE rc OUTPUT_QUIET)
if(NOT rc EQUAL 0)
  message(FATAL_ERROR "installing the component java-natives into ${classes} failed")
endif()

# Dependencies first: libipart, then the JNI library that needs it.
set(lines "")
set(names "")
foreach(name IN LISTS FILES)
  set(file "${classes}/${NATIVE_DIR}/${name}")
  if(NOT EXISTS "${file}")
    message(FATAL_ERROR "the component java-natives did not install ${file}")
  endif()
  file(SIZE "${file}" size)
  file(SHA256 "${file}" digest)
  string(APPEND lines "${name}.size=${size}\n${name}.sha256=${digest}\n")
  list(APPEND names "${name}")
endforeach()
string(REPLACE ";" " " names "${names}")
file(WRITE "${classes}/${NATIVE_DIR}/natives.properties"
     "# Written by bindings/java/stage_maven.cmake: the libraries NativeLoader extracts.\n"
     "files=${names}\n${lines}")
