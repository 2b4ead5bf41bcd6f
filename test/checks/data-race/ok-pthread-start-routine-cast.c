/* The correct twin of pthread-start-routine-cast.c: the start routine
   passed through a cast updates an atomic counter, and the spawner reads it
   after the join.
   RUN: %fearless-mock -x c -std=c11 -Xclang -verify %s
   expected-no-diagnostics
*/
#include <pthread.h>
static _Atomic int counter;
static void *work(void *p) {
  counter++;
  return p;
}
struct Job { int n; };
static void run(struct Job *j) { counter += j->n; }
int main(void) {
  pthread_t t[2];
  for (int i = 0; i < 2; i++)
    pthread_create(&t[i], 0, (void *)work, 0);
  for (int i = 0; i < 2; i++)
    pthread_join(t[i], 0);
  struct Job j = {1};
  pthread_t u;
  pthread_create(&u, 0, (void *(*)(void *))run, &j);
  pthread_join(u, 0);
  return counter;
}
