/* Private: the timeline's labels (their message keys, "timeline.title"...),
 * exposed so a test can check that each has both languages.
 * SPDX-License-Identifier: Apache-2.0 */
#ifndef IPART_IO_TIMELINE_P_H
#define IPART_IO_TIMELINE_P_H

#include <stddef.h>

extern const char *const ipart__timeline_labels[];
extern const size_t ipart__timeline_label_count;

#endif
