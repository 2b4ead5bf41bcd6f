/* The correct twin of pthread-returned-by-helper-trampoline.c: what the
   thread writes is read after the join.
   RUN: %fearless-mock -x c -std=c11 -Xclang -verify %s
   expected-no-diagnostics
*/
#include <pthread.h>
#include <stdlib.h>
#define xjoin(t) ((void)(pthread_join((t), NULL) && (abort(), 0)))
static int produced;
static void source_thread_proc(void) { produced++; }
static void *thread_entry(void *real_entry) {
  ((void (*)(void))real_entry)();
  return NULL;
}
static pthread_t xcreate(void (*entry)(void)) {
  pthread_t thread;
  int err = pthread_create(&thread, NULL, thread_entry, (void *)entry);
  if (err != 0)
    abort();
  return thread;
}
int main(void) {
  pthread_t source_thread = xcreate(source_thread_proc);
  xjoin(source_thread);
  return produced;
}
