#ifndef NEURITE_CRSVG_SHIM_H
#define NEURITE_CRSVG_SHIM_H
// librsvg (SVG → cairo) and cairo (image surfaces, PNG encoding), from Debian's librsvg2-dev.
#include <librsvg/rsvg.h>
#include <cairo.h>
#endif
