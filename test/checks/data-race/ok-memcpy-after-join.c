/* The correct twin of memcpy-reads-source.c: the spawner copies the context
   out only after the join, and clears the flags before the thread starts.
   RUN: %fearless-mock -x c -std=c11 -Xclang -verify %s
   expected-no-diagnostics
*/
#include <pthread.h>
#include <string.h>
typedef struct { int frame; int state[64]; } ctx_t;
static ctx_t g, n;
static int flags[8];
static void *fill(void *a) {
  for (int i = 0; i < 64; i++)
    g.state[i] = i;
  return a;
}
static void *check(void *a) {
  return flags[3] ? a : 0;
}
int main(void) {
  pthread_t t, u;
  pthread_create(&t, NULL, fill, NULL);
  pthread_join(t, NULL);
  memcpy(&n, &g, sizeof g);
  memset(flags, 0, sizeof flags);
  pthread_create(&u, NULL, check, NULL);
  pthread_join(u, NULL);
  return n.state[3];
}
