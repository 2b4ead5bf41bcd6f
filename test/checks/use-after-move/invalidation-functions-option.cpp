// InvalidationFunctions (clang-tidy's option of the same name): after a
// listed member function the object it was called on is unusable, after a
// listed free or static function its first argument is.
// RUN: %fearless-mock -std=c++17 -Xclang -verify %s \
// RUN:   -fplugin-arg-fearless-InvalidationFunctions='db::Connection<>::close;db::Connection<>::closeAll;db::release'
namespace db {
template <class T = int> struct Connection {
  void close();
  static void closeAll(Connection &);
  void query() const;
};
void release(Connection<> &);
} // namespace db

void member() {
  db::Connection<> c;
  c.close(); // expected-note {{'c' was invalidated here: 'close' is listed in InvalidationFunctions}}
  c.query(); // expected-warning {{'c' used after it was invalidated by 'close' [fearless-use-after-move]}}
}

void staticMember() {
  db::Connection<> c;
  db::Connection<>::closeAll(c); // expected-note {{'c' was invalidated here: 'closeAll' is listed in InvalidationFunctions}}
  c.query(); // expected-warning {{'c' used after it was invalidated by 'closeAll'}}
}

void freeFunction() {
  db::Connection<> c;
  db::release(c); // expected-note {{'c' was invalidated here: 'release' is listed in InvalidationFunctions}}
  c.query(); // expected-warning {{'c' used after it was invalidated by 'release'}}
}
