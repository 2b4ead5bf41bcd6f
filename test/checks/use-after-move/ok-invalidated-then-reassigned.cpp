// The twin of invalidation-functions-option.cpp: an invalidated object that
// is assigned a new value before its next use is fine, and a function not in
// the list invalidates nothing.
// RUN: %fearless-mock -std=c++17 -Xclang -verify %s \
// RUN:   -fplugin-arg-fearless-InvalidationFunctions='db::Connection::close'
// expected-no-diagnostics
namespace db {
struct Connection {
  void close();
  void flush();
  void query() const;
};
} // namespace db

void reopened() {
  db::Connection c;
  c.close();
  c = db::Connection(); // a new connection
  c.query();
}

void notListed() {
  db::Connection c;
  c.flush(); // not in InvalidationFunctions
  c.query();
}
