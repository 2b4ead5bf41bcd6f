#pragma once
#include <thread>
inline void libraryDetach() {
  int local = 0;
  std::thread([&] { (void)local; }).detach();
}
