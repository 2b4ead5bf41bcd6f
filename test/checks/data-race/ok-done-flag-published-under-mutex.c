/* A done flag published under a mutex (pbzip2's producerDone and
   NumBlocks): the producer writes `blocks` under one mutex, then stores the
   constant 1 into `done` under another, on every path after its last write
   of `blocks` (the early return too); the writer thread reads `blocks`
   without a lock only where get_done(), which reads the flag under the same
   mutex, returned 1. The store happens before that read. Each file's writer
   is joined before the next one starts, and the flag is reset while no
   writer runs. */
// RUN: %fearless-mock -x c -std=c11 -Xclang -verify %s
// CONFIRM: thread (main() below is the FEARLESS_RUN program)
// expected-no-diagnostics
#include <pthread.h>

static pthread_mutex_t progress = PTHREAD_MUTEX_INITIALIZER;
static pthread_mutex_t done_mutex = PTHREAD_MUTEX_INITIALIZER;
static int done = 0;
static int blocks = 0;

static int get_done(void) {
  int ret;
  pthread_mutex_lock(&done_mutex);
  ret = done;
  pthread_mutex_unlock(&done_mutex);
  return ret;
}

static void set_done(int value) {
  pthread_mutex_lock(&done_mutex);
  done = value;
  pthread_mutex_unlock(&done_mutex);
}

static void *writer(void *arg) {
  int current = 0;
  (void)arg;
  for (;;) {
    if (get_done() == 1 && current >= blocks)
      break;
    pthread_mutex_lock(&progress);
    if (current < blocks)
      current++;
    pthread_mutex_unlock(&progress);
  }
  return 0;
}

int interrupted(int block);

static int produce(int n) {
  pthread_mutex_lock(&progress);
  blocks = 0;
  pthread_mutex_unlock(&progress);
  for (int i = 0; i < n; i++) {
    if (interrupted(i)) {
      set_done(1);
      return 0;
    }
    pthread_mutex_lock(&progress);
    blocks = i + 1;
    pthread_mutex_unlock(&progress);
  }
  set_done(1);
  return 0;
}

int run(int files, int n) {
  pthread_t t;
  for (int f = 0; f < files; f++) {
    done = 0;
    pthread_create(&t, 0, writer, 0);
    produce(n);
    pthread_join(t, 0);
  }
  return 0;
}

#ifdef FEARLESS_RUN
int interrupted(int block) { return block == 500; }
int main(void) { return run(3, 1000); }
#endif
