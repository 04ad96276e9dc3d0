#ifndef NEURITE_CSIXEL_SHIM_H
#define NEURITE_CSIXEL_SHIM_H
// libsixel (RGB pixels → DEC sixel escape sequences), from Debian's libsixel-dev.
#include <sixel/sixel.h>
#endif
