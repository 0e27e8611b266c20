/*
 * Shared, language-neutral body of the libipart SWIG interface. It is
 * %include'd by ipart_python.i and ipart_java.i after they declared the
 * module and their typemaps for:
 *   ipart_status  -> raise/throw the exception of ipart_error_last()
 *   char **out    -> a string the caller gets, freed here with ipart_free
 *   int/size_t/int64_t/ipart_weekday *out -> scalar results
 * Struct outputs (ipart_money *out...) are proxy objects the caller passes
 * in, which works the same way in every language.
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

/* The compile-time version the wrapper was generated against, compared
 * with ipart_version() when the binding loads. */
%constant int COMPILED_VERSION_NUMBER = IPART_VERSION_NUMBER;

/* Value types are plain structs; strings in them are read-only. */
%immutable ipart_error::rule;
%immutable ipart_error::source;
%immutable ipart_error::path;
%immutable ipart_error::key;
%immutable ipart_error::message;
%immutable ipart_holiday::id;
%immutable ipart_holiday::name_en;
%immutable ipart_holiday::name_local;
%immutable ipart_party::id;
%immutable ipart_party::name;
%immutable ipart_party::kind;
%immutable ipart_party::status;
%immutable ipart_due::kind;
%immutable ipart_due::event_type;

/* C-only: the allocator hook (function pointers, sys/alloc.h); ipart_free
 * is used by the typemaps. */
%ignore ipart_set_allocator;
%ignore ipart_allocator;
%ignore ipart_free;
/* Created through the helpers below, which return the object. */
%ignore ipart_partnership_new;
%ignore ipart_partnership_load;
%ignore ipart_partnership_clone;

/* The partnership is opaque: the proxy owns it and frees it. */
%nodefaultctor ipart_partnership;
typedef struct ipart_partnership {} ipart_partnership;
%extend ipart_partnership {
    ~ipart_partnership() { ipart_partnership_free($self); }
}

%newobject ipart_swig_partnership_new;
%newobject ipart_swig_partnership_load;
%newobject ipart_swig_partnership_clone;
%inline %{
/* NULL on failure, with the detail in ipart_error_last(); the language
 * files turn a NULL result into an exception. */
ipart_partnership *ipart_swig_partnership_new(const char *profile)
{
    ipart_partnership *p = NULL;
    return ipart_partnership_new(&p, profile) == IPART_OK ? p : NULL;
}
ipart_partnership *ipart_swig_partnership_load(const char *document_json)
{
    ipart_partnership *p = NULL;
    return ipart_partnership_load(&p, document_json) == IPART_OK ? p : NULL;
}
ipart_partnership *ipart_swig_partnership_clone(const ipart_partnership *partnership)
{
    ipart_partnership *p = NULL;
    return ipart_partnership_clone(&p, partnership) == IPART_OK ? p : NULL;
}
%}

%include "ipart/common.h"
%include "ipart/version.h"
%include "ipart/errors.h"
%include "ipart/memory.h"
%include "ipart/money.h"
%include "ipart/date.h"
%include "ipart/calendar.h"
%include "ipart/partnership.h"
%include "ipart/rights.h"
