/* The public headers compile on their own with -Wall -Wextra -Wpedantic -Werror.
 * SPDX-License-Identifier: Apache-2.0 */
#include <ipart/ipart.h>
#include <ipart/sys/alloc.h>
/* Each header is self-contained, whatever the order. */
#include <ipart/calendar.h>
#include <ipart/date.h>
#include <ipart/money.h>

int ipart_headertest_anchor(void);
int ipart_headertest_anchor(void)
{
    return IPART_VERSION_NUMBER > 0 ? IPART_OK : IPART_EINTERNAL;
}
