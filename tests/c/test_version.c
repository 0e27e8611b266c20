/* Compile-time and run-time versions agree. SPDX-License-Identifier: Apache-2.0 */
#include "harness.h"

#include <stdio.h>

TestSuite(version, IPART_TEST_FIXTURE);

Test(version, runtime_matches_headers)
{
    cr_assert_eq(ipart_version(), IPART_VERSION_NUMBER);
    char expected[32];
    snprintf(expected, sizeof expected, "%d.%d.%d", IPART_VERSION_MAJOR, IPART_VERSION_MINOR,
             IPART_VERSION_PATCH);
    cr_assert_str_eq(ipart_version_string(), expected);
    cr_assert_str_eq(IPART_VERSION_STRING, expected);
}

Test(version, number_encodes_major_minor_patch)
{
    cr_assert_eq(IPART_VERSION_NUMBER,
                 IPART_VERSION_MAJOR * 10000 + IPART_VERSION_MINOR * 100 + IPART_VERSION_PATCH);
}

Test(version, cjson_is_the_debian_12_version_or_newer)
{
    /* STYLE.md B7: notice a cJSON upgrade (APIs after 1.7.15 must not be relied on). */
    cr_assert_geq(CJSON_VERSION_MAJOR * 10000 + CJSON_VERSION_MINOR * 100 + CJSON_VERSION_PATCH,
                  10715);
}
