/* Regression (real code, docs/real-world.md): the write is in a helper whose only caller holds the lock
   RUN: %fearless -x c -std=c11 -Xclang -verify %s
   expected-no-diagnostics */
#include <pthread.h>
struct Pool { pthread_mutex_t m; int limit; int busy; };
static void *worker(void *p) {
  struct Pool *ctx = p;
  pthread_mutex_lock(&ctx->m);
  int stop = ctx->busy >= ctx->limit;
  pthread_mutex_unlock(&ctx->m);
  return stop ? p : 0;
}
/* Only called with ctx->m held (see resize). */
static int resizeInternal(struct Pool *ctx, pthread_t *t, int n) {
  if (pthread_create(t, 0, worker, ctx))
    return 1;
  ctx->limit = n; /* the new worker blocks on ctx->m, which the caller holds */
  return 0;
}
int resize(struct Pool *ctx, pthread_t *t, int n) {
  pthread_mutex_lock(&ctx->m);
  int r = resizeInternal(ctx, t, n);
  pthread_mutex_unlock(&ctx->m);
  return r;
}
