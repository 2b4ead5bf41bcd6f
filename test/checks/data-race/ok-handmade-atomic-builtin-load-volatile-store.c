/* Found in liburcu tests/benchmark/test_urcu_assign.c: rcu_assign_pointer()
   is a volatile store after a barrier (CMM_STORE_SHARED), rcu_dereference()
   a GNU __atomic_load with __ATOMIC_CONSUME. Mixing a builtin atomic load
   with volatile stores on a plain object is the pre-C11 idiom of hand-made
   atomics: the builtin orders memory, but is not one side of a race with
   the object's plain accesses, which fearless never reported before it
   understood the builtins (precision first; docs/checks/data-race.md,
   Limitations). No FEARLESS_RUN program: ThreadSanitizer, which knows no
   hand-made atomics, reports it by the letter. */
// RUN: %fearless-mock -x c -std=c11 -Xclang -verify %s
// expected-no-diagnostics
#include <pthread.h>

struct node { int a; };
static struct node nodes[2];
static struct node *current;
static pthread_mutex_t copy_mutex = PTHREAD_MUTEX_INITIALIZER;

static void *reader(void *arg) {
  (void)arg;
  for (int i = 0; i < 1000; i++) {
    struct node *p = __atomic_load_n(&current, __ATOMIC_CONSUME);
    if (p && p->a != 8)
      return (void *)1;
  }
  return 0;
}

static void *writer(void *arg) {
  (void)arg;
  for (int i = 0; i < 1000; i++) {
    pthread_mutex_lock(&copy_mutex);
    __atomic_thread_fence(__ATOMIC_RELEASE);
    *(struct node *volatile *)&current = &nodes[i % 2];
    pthread_mutex_unlock(&copy_mutex);
  }
  return 0;
}

int run(void) {
  pthread_t r, w;
  nodes[0].a = nodes[1].a = 8;
  pthread_create(&r, 0, reader, 0);
  pthread_create(&w, 0, writer, 0);
  pthread_join(r, 0);
  pthread_join(w, 0);
  return 0;
}
