// googletest's assertions on pthread_create's status, against the real
// Debian headers (libgtest-dev): ASSERT_EQ(0, status), ASSERT_EQ(0,
// pthread_create(...)) and ASSERT_TRUE(rc == 0) return early only when no
// thread was started (Models/Paths.def: the comparison EqHelper::Compare
// tests as, the value an AssertionResult is made from), so that return
// leaves no thread borrowing the local (googletest's own
// googletest-port-test.cc:316). A failing assertion after the spawn is an
// ordinary path: its return leaves the thread running on the local.
// REQUIRES: gtest
// RUN: %fearless -std=c++17 -Xclang -verify %s
#include <gtest/gtest.h>
#include <pthread.h>

static void *work(void *p) {
  ++*static_cast<int *>(p);
  return nullptr;
}
bool ready();

TEST(Status, Variable) {
  int local = 0;
  pthread_t id;
  const int status = pthread_create(&id, nullptr, &work, &local);
  ASSERT_EQ(0, status);
  pthread_join(id, nullptr);
}

TEST(Status, Direct) {
  int local = 0;
  pthread_t id;
  ASSERT_EQ(0, pthread_create(&id, nullptr, &work, &local));
  pthread_join(id, nullptr);
}

TEST(Status, TrueOfComparison) {
  int local = 0;
  pthread_t id;
  int rc = pthread_create(&id, nullptr, &work, &local);
  ASSERT_TRUE(rc == 0);
  pthread_join(id, nullptr);
}

TEST(Status, FailureAfterTheSpawn) {
  int local = 0;
  pthread_t id;
  ASSERT_EQ(0, pthread_create(&id, nullptr, &work, &local)); // expected-warning {{thread may outlive 'local', which it borrows}} expected-note {{the address of 'local' is passed to the thread here}}
  ASSERT_TRUE(ready()); // expected-note {{the thread is not joined when this path is taken}} expected-note {{'local' is destroyed here}}
  pthread_join(id, nullptr);
}
