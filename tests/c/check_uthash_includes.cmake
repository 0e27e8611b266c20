# uthash's default out-of-memory handler calls exit(); only the wrapper
# libipart/core/hash_p.h (which makes it non-fatal) may include it.
file(GLOB_RECURSE sources "${SOURCE_DIR}/libipart/*.c" "${SOURCE_DIR}/libipart/*.h")
set(bad "")
foreach(f IN LISTS sources)
  file(STRINGS "${f}" hits REGEX "#[ \t]*include[ \t]*[<\"]uthash\\.h[>\"]")
  if(hits AND NOT f MATCHES "libipart/core/hash_p\\.h$")
    list(APPEND bad "${f}")
  endif()
endforeach()
if(bad)
  message(FATAL_ERROR "include libipart/core/hash_p.h instead of uthash.h in: ${bad}")
endif()
