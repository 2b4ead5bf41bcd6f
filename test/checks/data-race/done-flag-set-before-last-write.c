/* The twin of ok-done-flag-published-under-mutex.c: the producer sets the
   done flag before its last write of `blocks`, so the writer thread may see
   the flag and read `blocks` while that write runs. */
// RUN: %fearless-mock -x c -std=c11 -Xclang -verify %s
// CONFIRM: thread (main() below is the FEARLESS_RUN program)
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
    if (get_done() == 1 && current >= blocks) // expected-note {{the other read is here}}
      break;
    pthread_mutex_lock(&progress);
    if (current < blocks)
      current++;
    pthread_mutex_unlock(&progress);
  }
  return 0;
}

static int produce(int n) {
  pthread_mutex_lock(&progress);
  blocks = 0;
  pthread_mutex_unlock(&progress);
  for (int i = 0; i < n; i++) {
    pthread_mutex_lock(&progress);
    blocks = i + 1;
    pthread_mutex_unlock(&progress);
  }
  set_done(1);
  pthread_mutex_lock(&progress); // expected-note {{'progress' is held here, but not at the other access}}
  blocks = n + 1; // expected-warning {{data race on 'blocks'}} expected-note {{help: hold 'progress' at the other access too}}
  pthread_mutex_unlock(&progress);
  return 0;
}

int run(int files, int n) {
  pthread_t t;
  for (int f = 0; f < files; f++) {
    done = 0;
    pthread_create(&t, 0, writer, 0); // expected-note {{the thread is spawned here}}
    produce(n); // expected-note {{reached through this call}}
    pthread_join(t, 0); // expected-note {{the spawning function joins it only here}}
  }
  return 0;
}

#ifdef FEARLESS_RUN
int main(void) { return run(3, 1000); }
#endif
