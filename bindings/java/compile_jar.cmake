# Compile every .java below SOURCE_DIRS (the SWIG-generated files are only
# known after SWIG ran) into CLASSES, then jar them as OUTPUT. Extra
# class path entries come in CLASSPATH.
file(REMOVE_RECURSE "${CLASSES}")
file(MAKE_DIRECTORY "${CLASSES}")
set(sources "")
foreach(dir IN LISTS SOURCE_DIRS)
  file(GLOB_RECURSE found "${dir}/*.java")
  list(APPEND sources ${found})
endforeach()
if(NOT sources)
  message(FATAL_ERROR "no Java sources found in ${SOURCE_DIRS}")
endif()
string(REPLACE ";" "\n" lines "${sources}")
file(WRITE "${CLASSES}.sources" "${lines}\n")
set(cp_args "")
if(CLASSPATH)
  set(cp_args -cp "${CLASSPATH}")
endif()
execute_process(COMMAND "${JAVAC}" -encoding UTF-8 -Xlint:-options --release 17 ${cp_args}
                        -d "${CLASSES}" "@${CLASSES}.sources"
                RESULT_VARIABLE rc)
if(NOT rc EQUAL 0)
  message(FATAL_ERROR "javac failed")
endif()
execute_process(COMMAND "${JAR}" cf "${OUTPUT}" -C "${CLASSES}" . RESULT_VARIABLE rc)
if(NOT rc EQUAL 0)
  message(FATAL_ERROR "jar failed")
endif()
