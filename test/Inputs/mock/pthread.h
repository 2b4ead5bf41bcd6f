#pragma once
/* Mock POSIX threads: just the declarations fearless models. */
#ifdef __cplusplus
extern "C" {
#endif
typedef unsigned long int pthread_t;
typedef struct { int __opaque; } pthread_attr_t;
typedef struct { int __opaque[10]; } pthread_mutex_t;
typedef struct { int __opaque; } pthread_mutexattr_t;
#define PTHREAD_MUTEX_INITIALIZER {{0}}
int pthread_create(pthread_t *thread, const pthread_attr_t *attr,
                   void *(*start_routine)(void *), void *arg);
int pthread_join(pthread_t thread, void **retval);
int pthread_detach(pthread_t thread);
void pthread_exit(void *retval);
int pthread_mutex_init(pthread_mutex_t *, const pthread_mutexattr_t *);
int pthread_mutex_lock(pthread_mutex_t *mutex);
int pthread_mutex_unlock(pthread_mutex_t *mutex);
#ifdef __cplusplus
}
#endif
