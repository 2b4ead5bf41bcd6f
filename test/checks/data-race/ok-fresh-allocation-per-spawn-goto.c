/* A local pointer given a fresh allocation before each spawn, the loop made
   with a goto, and reset to NULL after a free (lrzip's fill_buffer and its
   dealloc macro): each thread gets its own object, and the spawner's writes
   before the next spawn are to the next one.
   RUN: %fearless-mock -x c -std=c11 -Xclang -verify %s
   expected-no-diagnostics
*/
#include <pthread.h>
#include <stdlib.h>
#define dealloc(ptr) do { free(ptr); ptr = NULL; } while (0)
struct job { long i; long *out; };
static void *work(void *data) {
  struct job *j = data;
  j->out[j->i] = j->i * 2;
  free(j);
  return NULL;
}
int main(void) {
  long out[4];
  pthread_t threads[4];
  long n = 0;
  struct job *sts;
again:
  sts = malloc(sizeof *sts);
  if (!sts)
    return 1;
  sts->i = n;
  sts->out = out;
  if (pthread_create(&threads[n], NULL, work, sts) != 0) {
    dealloc(sts);
    return 1;
  }
  if (++n < 4)
    goto again;
  for (long k = 0; k < 4; k++)
    pthread_join(threads[k], NULL);
  return out[3] == 6 ? 0 : 1;
}
