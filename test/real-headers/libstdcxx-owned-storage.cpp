// Pointers into what a local owns, against the real libstdc++ 12 headers:
// a string's c_str() and a vector's data() given to a detached thread are
// freed with the local (Models/Owners.def); a string given by value is
// copied into the thread, and a joined thread is done before the local dies.
// RUN: %fearless -std=c++17 -pthread -Xclang -verify %s
#include <string>
#include <string_view>
#include <thread>
#include <vector>

void print(const char *s);
void view(std::string_view s);
void sum(const int *p, int n);

void detached_c_str(int id) {
  std::string name = "a worker name too long for the small buffer " + std::to_string(id);
  std::thread(print, name.c_str()).detach(); // expected-warning {{thread may outlive 'name', which it borrows}} expected-note {{a pointer to what 'name' owns is passed to the thread here}} expected-note {{the thread is detached here}}
} // expected-note {{'name' is destroyed here}}

void detached_data() {
  std::vector<int> v(100, 1);
  std::thread(sum, v.data(), 100).detach(); // expected-warning {{thread may outlive 'v', which it borrows}} expected-note {{a pointer to what 'v' owns is passed to the thread here}} expected-note {{the thread is detached here}}
} // expected-note {{'v' is destroyed here}}

void copied(int id) {
  std::string name = "worker " + std::to_string(id);
  std::thread(view, name).detach();
}

void joined(int id) {
  std::string name = "worker " + std::to_string(id);
  std::thread t(print, name.c_str());
  t.join();
}
