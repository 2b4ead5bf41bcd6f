//===- GuardedEscapeReports.h - Borrows past their lock ------*- C++ -*-===//
//
// Reports of the data-race check for borrows that outlive the lock guarding
// what they borrow (GuardedEscapeReports.cpp).
//
//===----------------------------------------------------------------------===//

#ifndef FEARLESS_CHECKS_GUARDEDESCAPEREPORTS_H
#define FEARLESS_CHECKS_GUARDEDESCAPEREPORTS_H

namespace fearless {

class Session;
struct GuardedEscape;
struct SyncValueEscape;

/// Reports \p E, a borrow of guarded data used after its lock is released
/// (GuardedEscapes.h): the use is an access without the lock.
void reportGuardedEscape(Session &S, const GuardedEscape &E);

/// Reports \p E, a borrow into a synchronized value used after its guard
/// is gone (SyncValues.h).
void reportSyncValueEscape(Session &S, const SyncValueEscape &E);

} // namespace fearless

#endif // FEARLESS_CHECKS_GUARDEDESCAPEREPORTS_H
