/* EXPECT: fearless-data-race
   FOUND IN: zstd lib/common/pool.c:157 (POOL_create_advanced writes ctx->threadLimit after starting the workers, without ctx->queueMutex)
   VERDICT: TP: the workers read the field under the mutex, the creator writes it without */
#include <pthread.h>
struct Pool { pthread_mutex_t m; int limit; int busy; };
static void *worker(void *p) {
  struct Pool *ctx = p;
  pthread_mutex_lock(&ctx->m);
  int stop = ctx->busy >= ctx->limit;
  pthread_mutex_unlock(&ctx->m);
  return stop ? p : 0;
}
int create(struct Pool *ctx) {
  pthread_t t;
  if (pthread_create(&t, 0, worker, ctx))
    return 1;
  ctx->limit = 4; /* the worker may be reading it right now */
  pthread_join(t, 0);
  return 0;
}
