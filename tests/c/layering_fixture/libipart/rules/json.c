/* A fixture for c.layering_catches_*: the rules layer including cJSON. */
#include <cjson/cJSON.h>
