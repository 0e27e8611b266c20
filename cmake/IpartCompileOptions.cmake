# Warnings and sanitizers for libipart's own C code (never for generated
# SWIG wrappers, which are not warning-clean).

set(IPART_C_WARNINGS
  -Wall -Wextra -Wpedantic -Wshadow -Wstrict-prototypes -Wmissing-prototypes
  -Wformat=2 -Wvla -Wcast-qual -Wundef)
if(IPART_WERROR)
  list(APPEND IPART_C_WARNINGS -Werror)
endif()

if(IPART_SANITIZE)
  string(REPLACE ";" "," _ipart_sanitizers "${IPART_SANITIZE}")
  add_compile_options(-fsanitize=${_ipart_sanitizers} -fno-omit-frame-pointer
                      -fno-sanitize-recover=all)
  add_link_options(-fsanitize=${_ipart_sanitizers})
endif()

# Apply libipart's warnings to a target of its own code.
function(ipart_warnings target)
  target_compile_options(${target} PRIVATE ${IPART_C_WARNINGS})
endfunction()

# Fuzzing: coverage-instrument every object so libFuzzer sees the library.
if(IPART_BUILD_FUZZERS)
  if(NOT CMAKE_C_COMPILER_ID MATCHES "Clang")
    message(FATAL_ERROR "IPART_BUILD_FUZZERS needs clang (libFuzzer): configure with CC=clang")
  endif()
  add_compile_options(-fsanitize=fuzzer-no-link)
endif()

# Coverage: every object instrumented; `cmake --build --preset coverage-report`
# runs the C tests and has gcovr check libipart/ against the floors of
# ARCHITECTURE.md (lines 95 %, branches 90 %). Debian's gcovr. The branches
# of uthash's macros (HASH_ADD, HASH_FIND...: bucket splits, hash
# functions, ~400 branches) are uthash's, not libipart's, and not counted;
# their lines are. The `ipart` command (libipart/cli) is not the library:
# its own suites (label cli, pytest) test it, and it is left out here.
if(IPART_COVERAGE)
  add_compile_options(--coverage -O0)
  add_link_options(--coverage)
  find_program(IPART_GCOVR gcovr REQUIRED)
  add_custom_target(ipart_coverage
    COMMAND find ${PROJECT_BINARY_DIR} -name "*.gcda" -delete
    COMMAND ${CMAKE_CTEST_COMMAND} --test-dir ${PROJECT_BINARY_DIR} -L "^c$" -j2 --output-on-failure
    COMMAND ${IPART_GCOVR} --root ${PROJECT_SOURCE_DIR} --filter "${PROJECT_SOURCE_DIR}/libipart/"
            --exclude "${PROJECT_SOURCE_DIR}/libipart/cli/"
            --exclude-unreachable-branches --exclude-throw-branches
            --exclude-branches-by-pattern ".*\\bHASH_[A-Z_]+\\("
            --print-summary --txt ${PROJECT_BINARY_DIR}/coverage.txt
            --fail-under-line 95 --fail-under-branch 90 ${PROJECT_BINARY_DIR}
    WORKING_DIRECTORY ${PROJECT_BINARY_DIR}
    COMMENT "C tests, then gcovr over libipart/ (floors: lines 95 %, branches 90 %)"
    VERBATIM)
endif()
