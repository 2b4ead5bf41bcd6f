namespace legacy {
template <class F> void post(F task) {}
} // namespace legacy
void log(int);
void postBorrowing() {
  int id = 1;
  legacy::post([&] { log(id); });
}
