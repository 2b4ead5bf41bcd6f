// The twin of ok-exclusive-branches-enum-parameter.cpp: the type changes
// between the two tests, so the contents moved where it was kNoCompression
// are used where it no longer is.
// RUN: %fearless-mock -std=c++17 -Xclang -verify %s
// CONFIRM: address
#include <memory>
#include <utility>

enum CompressionType { kNoCompression = 0x0, kZlib = 0x2 };

struct Contents {
  std::unique_ptr<int> bytes;
  bool owns() const { return *bytes > 0; }
};
void inspect(const Contents &c, CompressionType type);
void keep(Contents c);
void cache(Contents c);
CompressionType preferred(CompressionType type);

void put(Contents &&contents, CompressionType type, int *compressedCache) {
  if (type != kNoCompression)
    inspect(contents, type);
  else
    keep(std::move(contents)); // expected-note {{'contents' of type 'Contents' was moved here}} expected-note {{help:}}
  type = preferred(type);
  if (compressedCache != nullptr && type != kNoCompression &&
      contents.owns()) // expected-warning {{'contents' used after it was moved}}
    cache(std::move(contents));
}

#ifdef FEARLESS_RUN
void inspect(const Contents &, CompressionType) {}
void keep(Contents) {}
void cache(Contents) {}
CompressionType preferred(CompressionType) { return kZlib; }
int main() {
  int side = 0;
  put(Contents{std::make_unique<int>(1)}, kNoCompression, &side);
}
#endif
