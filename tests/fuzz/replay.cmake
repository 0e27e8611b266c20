# Build the seed corpus from the golden cases, then replay every file of it
# and of the target's minimised corpus (if any).
execute_process(COMMAND "${PYTHON}" "${SCRIPT}" "${CASES}" "${CORPUS}" RESULT_VARIABLE rc)
if(NOT rc EQUAL 0)
  message(FATAL_ERROR "cannot build the fuzz corpus")
endif()
file(GLOB files "${CORPUS}/*" "${MINIMISED}/*")
list(LENGTH files count)
message(STATUS "replaying ${count} files")
execute_process(COMMAND "${REPLAY}" ${files} RESULT_VARIABLE rc)
if(NOT rc EQUAL 0)
  message(FATAL_ERROR "the fuzz target failed on the corpus (${rc})")
endif()
