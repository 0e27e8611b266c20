/** @file
 * libipart - version numbers.
 *
 * Policy: libraries with the same major version (the SOVERSION) are ABI
 * compatible; a minor release only appends functions, enum values and
 * options-struct fields. While the major version is 0 every minor release
 * may break the ABI, and the SOVERSION is then "0.<minor>".
 *
 * The numbers below are the single source of the version: CMake reads them
 * from this file.
 *
 * SPDX-License-Identifier: Apache-2.0
 */
#ifndef IPART_VERSION_H
#define IPART_VERSION_H

#include "common.h"

/** Major version of these headers (the SOVERSION from 1.0 on). */
#define IPART_VERSION_MAJOR 0
/** Minor version of these headers (part of the SOVERSION while the major is 0). */
#define IPART_VERSION_MINOR 1
/** Patch version of these headers. */
#define IPART_VERSION_PATCH 0
/** The version of these headers as "major.minor.patch". */
#define IPART_VERSION_STRING "0.1.0"
/** major * 10000 + minor * 100 + patch, for `#if` comparisons. */
#define IPART_VERSION_NUMBER \
    (IPART_VERSION_MAJOR * 10000 + IPART_VERSION_MINOR * 100 + IPART_VERSION_PATCH)

IPART_BEGIN_DECL

/**
 * The version of the library actually loaded, as IPART_VERSION_NUMBER.
 * Compare it with the compile-time IPART_VERSION_NUMBER to detect a header
 * and library skew (the Python and Java bindings do this when loaded).
 * Never fails; thread-safe.
 */
IPART_API int ipart_version(void);

/** The loaded library's version as "major.minor.patch". Static string, never NULL. */
IPART_API const char *ipart_version_string(void);

IPART_END_DECL

#endif /* IPART_VERSION_H */
