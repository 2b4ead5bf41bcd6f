/* Regression (zstd pool.c, a true positive): the creator writes a field
   after starting the worker, without the mutex the worker reads it under.
   RUN: %fearless-mock -x c -std=c11 -Xclang -verify %s
*/
#include <pthread.h>
struct Pool { pthread_mutex_t m; int limit; int busy; };
static void *worker(void *p) {
  struct Pool *ctx = p;
  pthread_mutex_lock(&ctx->m); /* expected-note {{'ctx->m' is held here, but not at the other access}} */
  int stop = ctx->busy >= ctx->limit; /* expected-note {{the other read is here}} */
  pthread_mutex_unlock(&ctx->m);
  return stop ? p : 0;
}
int create(struct Pool *ctx) {
  pthread_t t;
  if (pthread_create(&t, 0, worker, ctx)) /* expected-note {{the thread is spawned here}} */
    return 1;
  ctx->limit = 4; /* expected-warning {{data race on 'ctx->limit': this write can run at the same time as a read in another thread}} expected-note {{help: hold 'ctx->m' at the other access too}} */
  pthread_join(t, 0); /* expected-note {{the spawning function joins it only here}} */
  return 0;
}
