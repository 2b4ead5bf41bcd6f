#include <pthread.h>
void *run(void *);
int start(void) {
  int state = 0;
  pthread_t t;
  pthread_create(&t, 0, run, &state);
  return 0;
}
