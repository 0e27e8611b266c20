/* Uses an installed libipart through its public header only. */
#include <ipart/ipart.h>
#include <stdio.h>

int main(void)
{
    ipart_date d, end;
    if (ipart_date_parse(&d, "2017-09-15") != IPART_OK ||
        ipart_period_end(&end, "NO", d, 30) != IPART_OK)
        return 1;
    printf("consumer %s %04d-%02d-%02d\n", ipart_version_string(), end.year, end.month, end.day);
    return ipart_version() == IPART_VERSION_NUMBER ? 0 : 2;
}
