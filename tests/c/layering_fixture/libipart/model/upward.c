/* A fixture for c.layering_catches_*: the model reaching up into io. */
#include "io/codec_p.h"
