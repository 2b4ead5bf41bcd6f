/* memcpy(d, s, n) reads *s and writes *d, memset(d, c, n) writes *d, like
   `*d = *s`: a thread that fills a context while the spawner copies it out
   races (x264's thread_sync_context copies a frame thread's context that
   way).
   RUN: %fearless-mock -x c -std=c11 -Xclang -verify %s
   RUN: %fearless-mock -x c -std=c11 -O2 -D_FORTIFY_SOURCE=2 -Xclang -verify %s
*/
#include <pthread.h>
#include <string.h>
typedef struct { int frame; int state[64]; } ctx_t;
static ctx_t g, n;
static int flags[8];
static void *fill(void *a) {
  for (int i = 0; i < 64; i++)
    g.state[i] = i; /* expected-warning {{data race on 'g.state[...]': this write can run at the same time as a read in another thread}} expected-note {{help: make 'g.state[...]' _Atomic(int)}} */
  return a;
}
static void *check(void *a) {
  return flags[3] ? a : 0; /* expected-note {{the other read is here}} */
}
int main(void) {
  pthread_t t, u;
  pthread_create(&t, NULL, fill, NULL); /* expected-note {{the thread is spawned here}} */
  memcpy(&n, &g, sizeof g); /* expected-note {{the other read is here}} */
  pthread_join(t, NULL); /* expected-note {{the spawning function joins it only here}} */
  pthread_create(&u, NULL, check, NULL); /* expected-note {{the thread is spawned here}} */
  memset(flags, 0, sizeof flags); /* expected-warning {{data race on 'flags': this write can run at the same time as a read in another thread}} expected-note {{help: guard every access to 'flags' with one mutex}} */
  pthread_join(u, NULL); /* expected-note {{the spawning function joins it only here}} */
  return n.state[3];
}
