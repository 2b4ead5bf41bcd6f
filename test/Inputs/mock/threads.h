#pragma once
/* Mock C11 threads. */
#ifdef __cplusplus
extern "C" {
#endif
typedef unsigned long thrd_t;
typedef int (*thrd_start_t)(void *);
enum { thrd_success = 0, thrd_error = 2 };
int thrd_create(thrd_t *thr, thrd_start_t func, void *arg);
int thrd_join(thrd_t thr, int *res);
int thrd_detach(thrd_t thr);
#ifdef __cplusplus
}
#endif
