// Lets tests compare a JSON value with a string directly (EXPECT_EQ(v.at("id"), id)).
#pragma once

#include <boost/json.hpp>
#include <string>

namespace boost::json {
inline bool operator==(const value& a, const std::string& b) {
  return a.is_string() && a.as_string() == b;
}
template <size_t N>
inline bool operator==(const value& a, const char (&b)[N]) {
  return a.is_string() && a.as_string() == string_view(b, N - 1);
}
}  // namespace boost::json
