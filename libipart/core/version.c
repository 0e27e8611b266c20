/* Run-time version. SPDX-License-Identifier: Apache-2.0 */
#include "ipart/version.h"

int ipart_version(void)
{
    return IPART_VERSION_NUMBER;
}

const char *ipart_version_string(void)
{
    return IPART_VERSION_STRING;
}
