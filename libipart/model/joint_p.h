/*
 * Private: joint contracting authorities (RULES.md R51). Several
 * authorities act as one buyer: the lead (the authority of
 * partnership_created) and joint authorities (joint_authority_named). The
 * terms' `joint` block says what each may send, which decisions need every
 * member's consent, and how instalments, caps, option purchases and the
 * risk of a termination are shared (cost-share and risk-share keys in basis
 * points, split exactly by rules/shares.c). The hooks below run from the
 * apply machinery (partnership.c) for every event; without a `joint` block
 * they change nothing.
 *
 * SPDX-License-Identifier: Apache-2.0
 */
#ifndef IPART_MODEL_JOINT_P_H
#define IPART_MODEL_JOINT_P_H

#include "ipart/joint.h"
#include "model/partnership_p.h"

/* The members of the terms' joint block (0 without one), and a member's
 * index by authority id (-1 when it is none). */
size_t ipart__joint_count(const ipart_partnership *p);
int ipart__joint_index(const ipart_partnership *p, const char *authority);

/* R51 in may_apply: a joint authority (not the lead) sends only the event
 * types of the buyer its member entry lists (IPART_ERULE at path.actor: the
 * joint agreement, not the role, refuses). */
ipart_status ipart__joint_may(const ipart_partnership *p, const ipart__party *actor,
                              ipart__event_type type, const char *path);

/* R51 and R33 after the handler's check: consent, each member's share of a
 * payment, each member's own cap. */
ipart_status ipart__joint_check(const ipart_partnership *p, const ipart__event *ev,
                                const char *path);

/* After the handler's commit: each member's payments and option purchases,
 * and the consents a decision used up. Cannot fail. */
void ipart__joint_commit(ipart_partnership *p, const ipart__event *ev);

/* R51: the terms' joint block lists `type` under consent. */
int ipart__joint_needs_consent(const ipart_partnership *p, ipart__event_type type);

/* R51 in terms_set: the joint block. */
ipart_status ipart__joint_terms_check(const ipart_partnership *p, const ev_terms *t,
                                      const char *path);

/* R28 with R51: the units a joint authority (not the lead) may buy on its
 * own account; every member's units for the R30 sum. */
int64_t ipart__joint_option_quantity(const ipart_partnership *p, const ipart__party *buyer);
int64_t ipart__joint_option_units(const ev_terms *t);

/* The threshold classes (ipart__kind_class, rules/kinds.c) on `on` of every
 * authority of the buyer, at most IPART__MAX_JOINT, into `classes`; their
 * number. */
size_t ipart__authority_classes(const ipart_partnership *p, ipart_date on, int *classes);

/* R3 with R51: the threshold class that binds every authority of the buyer
 * on `on`; -1 when a utility procures with an authority that is not one. */
int ipart__joint_class(const ipart_partnership *p, ipart_date on);

/* A contract's payments by member: members x (instalments + 1) amounts, the
 * last column the settlement after termination (the contract's allocation). */
int64_t *ipart__contract_joint_paid(const ipart__contract *c);

#endif
