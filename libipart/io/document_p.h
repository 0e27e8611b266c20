/* Private: applying one decoded-from-JSON event, shared by apply, load and
 * the what-if scenarios.
 * SPDX-License-Identifier: Apache-2.0 */
#ifndef IPART_IO_DOCUMENT_P_H
#define IPART_IO_DOCUMENT_P_H

#include <cjson/cJSON.h>

#include "model/partnership_p.h"

/* Decode and apply one event object; `path` locates it in errors. */
ipart_status ipart__apply_object(ipart_partnership *p, const cJSON *json, const char *path);

#endif
