/* liburcu's tests start threads through create_thread(func, arg), which
   records the pthread_t in a global table and returns it, and join them all
   with wait_all_threads(), which walks the table. The caller drops the
   returned handle: the thread is joined where the table is, out of the
   caller's sight, so what the caller reads after wait_all_threads() is not
   paired with the thread.
   RUN: %fearless-mock -x c -std=c11 -Xclang -verify %s
   expected-no-diagnostics
*/
#include <pthread.h>
#include <stdlib.h>
#define NR_THREADS 16
static pthread_t thread_map[NR_THREADS];
static int nr_threads;
static long n_updates;
static pthread_t create_thread(void *(*func)(void *), void *arg) {
  pthread_t tid;
  if (pthread_create(&tid, NULL, func, arg) != 0)
    abort();
  thread_map[nr_threads++] = tid;
  return tid;
}
static void wait_all_threads(void) {
  for (int i = 0; i < nr_threads; i++)
    pthread_join(thread_map[i], NULL);
  nr_threads = 0;
}
static void *update_test(void *arg) {
  n_updates++;
  return arg;
}
int main(void) {
  create_thread(update_test, NULL);
  wait_all_threads();
  return n_updates == 1 ? 0 : 1;
}
