/** @file
 * libipart - the innovation-partnership procedure (Directive 2014/24/EU
 * Art. 31; Norwegian innovasjonspartnerskap) as a C library.
 *
 * Umbrella header: include only this one.
 *
 * SPDX-License-Identifier: Apache-2.0
 */
#ifndef IPART_IPART_H
#define IPART_IPART_H

#include "common.h"
#include "version.h"
#include "errors.h"
#include "memory.h"
#include "money.h"
#include "date.h"
#include "calendar.h"
#include "partnership.h"
#include "contract.h"
#include "dialogue.h"
#include "evaluation.h"
#include "rights.h"
#include "messages.h"
#include "exports.h"
#include "timeline.h"
#include "joint.h"
#include "scope.h"
#include "event.h"
#include "tree.h"

#endif /* IPART_IPART_H */
