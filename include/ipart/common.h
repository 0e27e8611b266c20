/** @file
 * libipart - common definitions shared by every public header.
 *
 * SPDX-License-Identifier: Apache-2.0
 */
#ifndef IPART_COMMON_H
#define IPART_COMMON_H

#include <stddef.h>
#include <stdint.h>

/*
 * IPART_API marks a function exported from libipart.so. The library is
 * built with hidden visibility, so anything without it stays internal.
 * Packagers may predefine IPART_API to change that without patching.
 */
#ifndef IPART_API
#  if defined(SWIG)
#    define IPART_API
#  elif defined(_WIN32)
#    if defined(IPART_BUILDING_SHARED)
#      define IPART_API __declspec(dllexport)
#    else
#      define IPART_API
#    endif
#  elif defined(__GNUC__) || defined(__clang__)
#    define IPART_API __attribute__((visibility("default")))
#  else
#    define IPART_API
#  endif
#endif

/**
 * @def IPART_BEGIN_DECL
 * Opens a block of declarations with C linkage (`extern "C" {` in C++).
 * @def IPART_END_DECL
 * Closes the block IPART_BEGIN_DECL opened.
 */
#ifdef __cplusplus
#  define IPART_BEGIN_DECL extern "C" {
#  define IPART_END_DECL }
#else
#  define IPART_BEGIN_DECL
#  define IPART_END_DECL
#endif

/**
 * @def IPART_DEPRECATED
 * Marks a function that will be removed; the compiler warns with `msg`.
 * @def IPART_WARN_UNUSED
 * Marks a function whose result must not be ignored.
 */
#if !defined(SWIG) && (defined(__GNUC__) || defined(__clang__))
#  define IPART_DEPRECATED(msg) __attribute__((deprecated(msg)))
#  define IPART_WARN_UNUSED __attribute__((warn_unused_result))
#else
#  define IPART_DEPRECATED(msg)
#  define IPART_WARN_UNUSED
#endif

#endif /* IPART_COMMON_H */
