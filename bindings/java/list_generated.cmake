# Write the .java files SWIG generated into DIR as a javac response file
# OUTPUT (one quoted path a line), for add_jar(... @OUTPUT). Run at build
# time, after SWIG: the file names follow the .i (renames, enums), so they
# are not known at configure time. UseSWIG (module version 2) removes the
# files of earlier runs, so nothing stale is listed. Fails if a file every
# run produces (REQUIRED) is missing.
file(GLOB sources "${DIR}/*.java")
foreach(name IN LISTS REQUIRED)
  if(NOT EXISTS "${DIR}/${name}")
    message(FATAL_ERROR "SWIG did not generate ${DIR}/${name}: check bindings/swig/ipart_java.i")
  endif()
endforeach()
list(SORT sources)
set(text "")
foreach(path IN LISTS sources)
  string(APPEND text "\"${path}\"\n")
endforeach()
# Always rewritten: its timestamp tells add_jar that SWIG ran (the
# contents may change while the names stay the same).
file(WRITE "${OUTPUT}" "${text}")
