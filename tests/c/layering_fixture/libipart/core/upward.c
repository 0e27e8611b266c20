/* A fixture for c.layering_catches_*: core reaching up into the model. */
#include "model/event_p.h"
