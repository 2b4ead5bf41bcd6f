// Code in system headers is not reported.
// RUN: %fearless-mock -std=c++17 -isystem %S/Inputs/sys -Xclang -verify %s
// expected-no-diagnostics
#include <detach_in_header.h>

void caller() { libraryDetach(); }
