/* Every macro of fearless/annotations.h in a place where it belongs; valid
 * C and C++. */
#include <fearless/annotations.h>

struct FEARLESS_SEND SendBox { int value; };
struct FEARLESS_NOT_SEND Handle { int fd; };
struct FEARLESS_SYNC SyncBox { int value; };
struct FEARLESS_NOT_SYNC Cell { int value; };
typedef struct Handle FEARLESS_NOT_SEND HandleAlias;

void submit(void (*task)(void) FEARLESS_SPAWN);
void parallel_for(int n, void (*body)(int) FEARLESS_SCOPED_SPAWN);
void give(struct Handle *h FEARLESS_CONSUMES);
void send_box(struct SendBox *b FEARLESS_SENDS);

int counter FEARLESS_ASSUME_SYNCHRONIZED;
struct Stats {
  int hits FEARLESS_ASSUME_SYNCHRONIZED;
};
