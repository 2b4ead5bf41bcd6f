// rocksdb's PutDataBlockToCache (block_based_table_reader.cc:1462): the
// contents are moved only where the compression type is kNoCompression,
// and used only behind `type != kNoCompression &&`. The type is a by-value
// parameter the function only reads, so no path runs both; the second test
// is an operand of `&&`, and kNoCompression an enumerator of value 0.
// RUN: %fearless-mock -std=c++17 -Xclang -verify %s
// CONFIRM: address
// expected-no-diagnostics
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

void put(Contents &&contents, CompressionType type, int *compressedCache) {
  if (type != kNoCompression)
    inspect(contents, type);
  else
    keep(std::move(contents));
  if (compressedCache != nullptr && type != kNoCompression &&
      contents.owns()) // only where nothing moved it
    cache(std::move(contents));
}

#ifdef FEARLESS_RUN
void inspect(const Contents &, CompressionType) {}
void keep(Contents) {}
void cache(Contents) {}
int main() {
  int side = 0;
  put(Contents{std::make_unique<int>(1)}, kNoCompression, &side);
  put(Contents{std::make_unique<int>(1)}, kZlib, &side);
}
#endif
