/*
 * Shared, language-neutral body of the libipart SWIG interface. It is
 * %include'd by ipart_python.i and ipart_java.i after they declared the
 * module and their typemaps for:
 *   ipart_status  -> raise/throw the exception of ipart_error_last()
 *   char **out    -> a string the caller gets, freed here with ipart_free
 *   int/size_t/int64_t/ipart_weekday *out -> scalar results
 *   T **out       -> the new object the caller owns (IPART_OBJECT_OUT below):
 *                    Python returns it, Java fills a T[1] holder
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
%immutable ipart_partner_status::partner;
%immutable ipart_partner_status::state;
%immutable ipart_partner_status::phase;
%immutable ipart_cap_status::cap;
%immutable ipart_cap_status::scope;
%immutable ipart_cap_status::phase;
%immutable ipart_cap_status::partner;
%immutable ipart_cap_status::bites;
%immutable ipart_cap_status::policy;
%immutable ipart_authority_budget::authority;
%immutable ipart_funding_source::source;
%immutable ipart_funding_source::funder;
%immutable ipart_funding_source::funder_org_no;
%immutable ipart_funding_source::granted_to;
%immutable ipart_funding_source::pays_for;
%immutable ipart_warning::rule;
%immutable ipart_warning::key;
%immutable ipart_warning::message;
%immutable ipart_need_facet::mapping;
%immutable ipart_need_facet::facet;
%immutable ipart_need_facet::finding;
%immutable ipart_dialogue_activity::activity;
%immutable ipart_dialogue_activity::kind;
%immutable ipart_dialogue_activity::title;
%immutable ipart_dialogue_activity::summary;
%immutable ipart_dialogue_activity::supplier;
%immutable ipart_dialogue_contact::activity;
%immutable ipart_dialogue_contact::id;
%immutable ipart_dialogue_contact::name;
%immutable ipart_dialogue_contact::role;
%immutable ipart_dialogue_contact::kind;
%immutable ipart_dialogue_information::id;
%immutable ipart_dialogue_information::activity;
%immutable ipart_dialogue_information::text;
%immutable ipart_dialogue_information::given_to;
%immutable ipart_dialogue_information::channel;
%immutable ipart_dialogue_pair::activity;
%immutable ipart_dialogue_pair::authority;
%immutable ipart_dialogue_pair::purpose;
%immutable ipart_dialogue_pair::matched_by;
%immutable ipart_dialogue_member::id;
%immutable ipart_dialogue_member::name;
%immutable ipart_event_header::type;
%immutable ipart_event_header::actor;
%immutable ipart_tenderer::id;
%immutable ipart_tenderer::name;
%immutable ipart_tenderer::status;
%immutable ipart_tenderer::tender_kind;
%immutable ipart_ranked::tenderer;
%immutable ipart_score::criterion;
%immutable ipart_action::type;
%immutable ipart_action::rule;
%immutable ipart_action::reason;
%immutable ipart_partner_phase::id;
%immutable ipart_partner_phase::kind;
%immutable ipart_partner_phase::state;
%immutable ipart_partner_target::id;
%immutable ipart_partner_target::status;
%immutable ipart_partner_instalment::id;
%immutable ipart_partner_instalment::target;
%immutable ipart_payment::partner;
%immutable ipart_payment::phase;
%immutable ipart_payment::instalment;
%immutable ipart_right_answer::right;
%immutable ipart_right_answer::clause;
%immutable ipart_right_answer::rule;
%immutable ipart_right_answer::reason;

/* C-only: the allocator hook (function pointers, sys/alloc.h); ipart_free
 * is used by the typemaps. */
%ignore ipart_set_allocator;
%ignore ipart_allocator;
%ignore ipart_free;

/* The partnership is opaque: the proxy owns it and frees it. */
%nodefaultctor ipart_partnership;
typedef struct ipart_partnership {} ipart_partnership;
%extend ipart_partnership {
    ~ipart_partnership() { ipart_partnership_free($self); }
}


/* The event builder is opaque too (event.h); its proxy frees it. */
%nodefaultctor ipart_event;
typedef struct ipart_event {} ipart_event;
%extend ipart_event {
    ~ipart_event() { ipart_event_free($self); }
}
%ignore ipart_event_free;

/* ---- evaluation (issue 6) ------------------------------------------------
 * The arrays cross as (pointer, count) pairs; each language file maps
 *   (const int64_t *IPART_IN_ARRAY, size_t IPART_IN_COUNT)   from a sequence
 *       or buffer (Python) or a long[] (Java),
 *   (int64_t *IPART_OUT_ARRAY, size_t IPART_OUT_COUNT)       into a writable
 *       int64 buffer (Python) or a long[] (Java); None/null = no output,
 * and the %apply lines below name every such pair of evaluation.h. */
%apply (const int64_t *IPART_IN_ARRAY, size_t IPART_IN_COUNT) {
    (const int64_t *kinds, size_t criteria),
    (const int64_t *values, size_t values_count),
    (const int64_t *weights, size_t weights_count)
};
%apply (int64_t *IPART_OUT_ARRAY, size_t IPART_OUT_COUNT) {
    (int64_t *totals_out, size_t totals_count),
    (int64_t *ranks_out, size_t ranks_count),
    (int64_t *winners_out, size_t winners_count)
};

/* SWIG's stdint.i (without SWIGWORDSIZE64, see ipart_java.i) sees int64_t
 * as long long, which glibc's int64_t is not (long): call these with the
 * real pointer types, or the wrappers pass incompatible pointers. */
%feature("action") ipart_evaluation_new
    "result = ipart_evaluation_new(arg1, arg2, arg3, arg4, (const int64_t *)arg5, arg6, (const int64_t *)arg7, arg8);";
%feature("action") ipart_evaluation_score
    "result = ipart_evaluation_score((int64_t *)arg1, arg2, (int64_t *)arg3, arg4, arg5, (const int64_t *)arg6, arg7);";
%feature("action") ipart_evaluation_bulk
    "result = ipart_evaluation_bulk((int64_t *)arg1, arg2, (int64_t *)arg3, arg4, arg5, (const int64_t *)arg6, arg7);";
%feature("action") ipart_evaluation_stability_json
    "result = ipart_evaluation_stability_json(arg1, arg2, (const int64_t *)arg3, arg4);";
%feature("action") ipart_evaluation_stability
    "result = ipart_evaluation_stability(arg1, arg2, (const int64_t *)arg3, arg4);";
%feature("action") ipart_evaluation_points
    "result = ipart_evaluation_points((int64_t *)arg1, arg2, arg3, arg4, arg5);";

/* Typed results that own their memory; the proxies free them. */
%ignore ipart_stability_free;
%nodefaultctor ipart_stability;
typedef struct ipart_stability {} ipart_stability;
%extend ipart_stability {
    ~ipart_stability() { ipart_stability_free($self); }
}
%ignore ipart_rights_explanation_free;
%nodefaultctor ipart_rights_explanation;
typedef struct ipart_rights_explanation {} ipart_rights_explanation;
%extend ipart_rights_explanation {
    ~ipart_rights_explanation() { ipart_rights_explanation_free($self); }
}

%nodefaultctor ipart_evaluation;
typedef struct ipart_evaluation {} ipart_evaluation;
%extend ipart_evaluation {
    ~ipart_evaluation() { ipart_evaluation_free($self); }
}
%ignore ipart_evaluation_free;


/* ipart_partnership_apply_events(): how many were applied is an output
 * like the scalar *out ones (the batch itself is typemapped per language). */
%apply size_t *out { size_t *applied };

/* Functions creating an object through `T **out` return it: each language
 * file defines IPART_OBJECT_OUT(T) (an argout typemap; the caller owns the
 * object, which its proxy frees), applied to every such type here. */
IPART_OBJECT_OUT(ipart_partnership)
IPART_OBJECT_OUT(ipart_event)
IPART_OBJECT_OUT(ipart_evaluation)
IPART_OBJECT_OUT(ipart_stability)
IPART_OBJECT_OUT(ipart_rights_explanation)

%include "ipart/common.h"
%include "ipart/version.h"
%include "ipart/errors.h"
%include "ipart/memory.h"
%include "ipart/money.h"
%include "ipart/date.h"
%include "ipart/calendar.h"
%include "ipart/partnership.h"
%include "ipart/contract.h"
%include "ipart/dialogue.h"
%include "ipart/evaluation.h"
%include "ipart/rights.h"
%include "ipart/messages.h"
%include "ipart/exports.h"
%include "ipart/timeline.h"
%include "ipart/joint.h"
%include "ipart/scope.h"
%include "ipart/event.h"
