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
