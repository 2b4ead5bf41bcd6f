// Minimal std pieces shared by the mock headers. Not the real library: just
// enough declarations for fearless to recognise library calls by name.
#pragma once
namespace std {
using size_t = decltype(sizeof(0));
using nullptr_t = decltype(nullptr);
template <class T> struct remove_reference { using type = T; };
template <class T> struct remove_reference<T &> { using type = T; };
template <class T> struct remove_reference<T &&> { using type = T; };
template <class T>
using remove_reference_t = typename remove_reference<T>::type;
template <class T> struct decay { using type = T; };
template <class T> struct decay<T &> { using type = T; };
template <class T> struct decay<T &&> { using type = T; };
template <class T> using decay_t = typename decay<T>::type;
template <class T> constexpr remove_reference_t<T> &&move(T &&t) noexcept {
  return static_cast<remove_reference_t<T> &&>(t);
}
template <class T> constexpr T &&forward(remove_reference_t<T> &t) noexcept {
  return static_cast<T &&>(t);
}
template <class T> constexpr T &&forward(remove_reference_t<T> &&t) noexcept {
  return static_cast<T &&>(t);
}
template <class T> T &&declval() noexcept;
template <class T> void swap(T &a, T &b) noexcept;
template <class F, class... Args>
using invoke_result_t = decltype(declval<F>()(declval<Args>()...));
} // namespace std
