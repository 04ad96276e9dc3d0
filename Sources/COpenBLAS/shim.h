#ifndef NEURITE_COPENBLAS_SHIM_H
#define NEURITE_COPENBLAS_SHIM_H
#include <cblas.h>
#endif
