/* The same analysis in C: a pthread borrows a local that dies while the
   thread may still run (the thread is never joined on the error path). */
#include <pthread.h>
#include <stdio.h>

static void *worker(void *arg) {
  int *progress = arg;
  ++*progress;
  return NULL;
}

int run(int fail) {
  int progress = 0;
  pthread_t tid;
  if (pthread_create(&tid, NULL, worker, &progress) != 0)
    return -1;
  if (fail)
    return 1; /* returns without pthread_join */
  pthread_join(tid, NULL);
  printf("%d\n", progress);
  return 0;
}
