/* Private: the timeline's labels, exposed so a test can check that each
 * has both languages. SPDX-License-Identifier: Apache-2.0 */
#ifndef IPART_IO_TIMELINE_P_H
#define IPART_IO_TIMELINE_P_H

#include <stddef.h>

typedef struct ipart__label {
    const char *key; /* stable name, for tests and translators */
    const char *en;
    const char *nb;
} ipart__label;

extern const ipart__label ipart__timeline_labels[];
extern const size_t ipart__timeline_label_count;

#endif
