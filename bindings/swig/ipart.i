/*
 * Shared, language-neutral body of the libipart SWIG interface.
 * It is %include'd by ipart_python.i and ipart_java.i after they declared
 * the module and their language's typemaps. Nothing language-specific
 * here: guard anything that is with #ifdef SWIGPYTHON / SWIGJAVA.
 *
 * The generated layer is internal (Python ipart.capi, Java
 * no.ipart.swig); users get the hand-written facades.
 *
 * SPDX-License-Identifier: Apache-2.0
 */

%{
#include "ipart/ipart.h"
%}

%include "stdint.i"
%include "typemaps.i"

/* size_t as an unsigned 64-bit value on both sides. */
%apply unsigned long long { size_t };

/* The compile-time version the wrapper was generated against, compared
 * with ipart_version() when the binding loads. */
%constant int COMPILED_VERSION_NUMBER = IPART_VERSION_NUMBER;

/* Value types are plain structs; the error detail is read-only. */
%immutable ipart_error::rule;
%immutable ipart_error::source;
%immutable ipart_error::path;
%immutable ipart_error::key;
%immutable ipart_error::message;
%immutable ipart_holiday::id;
%immutable ipart_holiday::name_en;
%immutable ipart_holiday::name_local;

/* The allocator hook is C-only (function pointers), see sys/alloc.h. */
%ignore ipart_set_allocator;
%ignore ipart_allocator;
/* ipart_free is used by the typemaps that copy out strings. */
%ignore ipart_free;

%include "ipart/common.h"
%include "ipart/version.h"
%include "ipart/errors.h"
%include "ipart/memory.h"
%include "ipart/money.h"
%include "ipart/date.h"
%include "ipart/calendar.h"
