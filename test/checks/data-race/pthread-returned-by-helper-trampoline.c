/* lbzip2 starts every thread through a helper that calls pthread_create with
   a trampoline and the caller's function, and returns the pthread_t; it
   joins them through a macro around pthread_join. Each call of the helper
   starts the function it is given.
   RUN: %fearless-mock -x c -std=c11 -Xclang -verify %s
*/
#include <pthread.h>
#include <stdlib.h>
#define xjoin(t) ((void)(pthread_join((t), NULL) && (abort(), 0)))
static int produced;
static void source_thread_proc(void) {
  produced++; /* expected-warning {{data race on 'produced': this write can run at the same time as a read in another thread}} expected-note {{help: make 'produced' _Atomic(int)}} */
}
static void *thread_entry(void *real_entry) {
  ((void (*)(void))real_entry)();
  return NULL;
}
static pthread_t xcreate(void (*entry)(void)) {
  pthread_t thread;
  int err = pthread_create(&thread, NULL, thread_entry, (void *)entry); /* expected-note {{'xcreate' starts the thread here and returns it}} */
  if (err != 0)
    abort();
  return thread;
}
int main(void) {
  pthread_t source_thread = xcreate(source_thread_proc); /* expected-note {{the thread is spawned here}} */
  int seen = produced; /* expected-note {{the other read is here}} */
  xjoin(source_thread); /* expected-note {{the spawning function joins it only here}} */
  return seen;
}
