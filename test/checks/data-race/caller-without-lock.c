/* A helper's callers must all hold the lock for it to count: one caller
   without it makes the race real.
   RUN: %fearless-mock -x c -std=c11 -Xclang -verify %s
*/
#include <pthread.h>
struct Pool { pthread_mutex_t m; int limit; };
static void *worker(void *p) {
  struct Pool *ctx = p;
  pthread_mutex_lock(&ctx->m); /* expected-note {{'ctx->m' is held here, but not at the other access}} */
  int l = ctx->limit; /* expected-note {{the other read is here}} */
  pthread_mutex_unlock(&ctx->m);
  return l ? p : 0;
}
static int startAndSet(struct Pool *ctx, pthread_t *t, int n) {
  if (pthread_create(t, 0, worker, ctx)) /* expected-note {{the thread is spawned here}} */
    return 1;
  ctx->limit = n; /* expected-warning {{data race on 'ctx->limit'}} expected-note {{help: hold 'ctx->m' at the other access too}} */
  return 0;
}
int locked(struct Pool *ctx, pthread_t *t) {
  pthread_mutex_lock(&ctx->m);
  int r = startAndSet(ctx, t, 1);
  pthread_mutex_unlock(&ctx->m);
  return r;
}
int unlocked(struct Pool *ctx, pthread_t *t) { return startAndSet(ctx, t, 2); }
