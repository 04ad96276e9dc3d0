#ifndef NEURITE_CEDITLINE_SHIM_H
#define NEURITE_CEDITLINE_SHIM_H
// Fixed-arity wrappers around libedit's variadic el_set/history calls (Swift cannot call variadic C).
#include <stdio.h>
#include <histedit.h>
#endif
