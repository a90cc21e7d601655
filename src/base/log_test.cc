#include "base/log.h"

#include <gtest/gtest.h>

#include <cstdio>
#include <string>

namespace fw {
namespace {

TEST(LogTest, WritesOneJsonLinePerEventAndEscapes) {
  char* buf = nullptr;
  size_t len = 0;
  std::FILE* mem = open_memstream(&buf, &len);
  SetLogSink(mem);
  Log(LogLevel::kInfo, "request", {{"path", "/a\"b\n"}, {"status", 200}, {"ok", true}});
  Log(LogLevel::kDebug, "hidden");  // below the default level
  SetLogSink(nullptr);
  std::fclose(mem);
  std::string out(buf, len);
  free(buf);
  EXPECT_NE(out.find("\"msg\":\"request\""), std::string::npos) << out;
  EXPECT_NE(out.find("\"path\":\"/a\\\"b\\n\""), std::string::npos) << out;
  EXPECT_NE(out.find("\"status\":200"), std::string::npos);
  EXPECT_NE(out.find("\"ok\":true"), std::string::npos);
  EXPECT_EQ(out.find("hidden"), std::string::npos);
  EXPECT_EQ(std::count(out.begin(), out.end(), '\n'), 1);
}

TEST(LogTest, ParseLevel) {
  LogLevel l;
  EXPECT_TRUE(ParseLogLevel("warn", &l));
  EXPECT_EQ(l, LogLevel::kWarn);
  EXPECT_FALSE(ParseLogLevel("loud", &l));
}

}  // namespace
}  // namespace fw
