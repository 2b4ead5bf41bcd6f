/* issue 13: liburcu (include/urcu/static/urcu-common.h:97,
   urcu-qsbr.h:88: uatomic_set(&gp.futex, 0) in every reader thread).
   uatomic_set, CMM_STORE_SHARED and CMM_LOAD_SHARED expand to an access
   through a cast of the object's address to a pointer to volatile,
   `*(volatile __typeof__(x) *)&(x)`, like the Linux kernel's READ_ONCE,
   WRITE_ONCE and ACCESS_ONCE: an access deliberately marked as a relaxed
   atomic by the idiom. Two marked accesses do not race with each other
   (docs/checks/data-race.md). No FEARLESS_RUN program: ThreadSanitizer,
   which knows no hand-made atomics, reports volatile accesses by the
   letter. */
// RUN: %fearless-mock -x c -std=c11 -Xclang -verify %s
// expected-no-diagnostics
#include <pthread.h>

#define CMM_ACCESS_ONCE(x) (*(__volatile__ __typeof__(x) *)&(x))
#define CMM_LOAD_SHARED(p) CMM_ACCESS_ONCE(p)
#define CMM_STORE_SHARED(x, v) ({ __typeof__(x) _v = (v); CMM_ACCESS_ONCE(x) = _v; _v; })
#define uatomic_set(addr, v) ((void)CMM_STORE_SHARED(*(addr), (v)))
#define READ_ONCE(x) (*(const volatile __typeof__(x) *)&(x))

struct gp { int futex; long ctr; };
static struct gp gp;

static void *reader(void *arg) {
  (void)arg;
  for (int i = 0; i < 1000; i++) {
    uatomic_set(&gp.futex, 0);           /* marked write in every thread */
    if (CMM_LOAD_SHARED(gp.ctr) < 0)     /* marked read */
      return (void *)1;
    if (READ_ONCE(gp.futex) > 1)         /* marked read, the kernel's spelling */
      return (void *)1;
  }
  return 0;
}

int run(void) {
  pthread_t t[4];
  for (int i = 0; i < 4; i++)
    pthread_create(&t[i], 0, reader, 0);
  CMM_STORE_SHARED(gp.ctr, 1);           /* marked write by the spawner */
  for (int i = 0; i < 4; i++)
    pthread_join(t[i], 0);
  return 0;
}
