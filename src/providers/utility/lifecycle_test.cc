// null_resource, terraform_data, time_static and time_sleep: their computed values, what
// forces a replacement and what is an in-place update, and time_sleep's scaled waits.
#include <gtest/gtest.h>

#include <filesystem>
#include <regex>

#include "providers/provider_harness.h"
#include "providers/utility/time_formats.h"
#include "providers/utility/utility_types.h"

namespace fw::providers::utility {
namespace {

using hcl::Type;
using hcl::Value;

TEST(NullResourceTest, RandomDecimalIdAndTriggersForceNew) {
  ProviderHarness h;
  auto type = NewNullResource();
  auto v = h.Create(*type, "triggers = { version = \"1\" }");
  ASSERT_TRUE(v.ok()) << v.status().message();
  EXPECT_TRUE(std::regex_match(h.Str(*v, "id"), std::regex("[0-9]+")));
  EXPECT_EQ(v->Get("triggers")->Get("version")->AsString(), "1");
  EXPECT_TRUE(type->schema().block.FindAttribute("triggers")->force_new);
  EXPECT_TRUE(h.Delete(*type, *v).ok());
}

TEST(TerraformDataTest, OutputFollowsInputAndTriggersReplace) {
  ProviderHarness h;
  auto type = NewTerraformData();
  EXPECT_TRUE(type->schema().block.FindAttribute("triggers_replace")->force_new);
  EXPECT_FALSE(type->schema().block.FindAttribute("input")->force_new);

  hcl::Diagnostics diags;
  Value config = h.Decode(type->schema(), "input = { a = [1, 2] }", diags);
  ASSERT_FALSE(diags.HasErrors());
  Value planned = type->Plan(Value::Null(Type()), config);
  EXPECT_FALSE(planned.Get("output")->IsKnown());
  EXPECT_FALSE(planned.Get("id")->IsKnown());

  auto v = h.Create(*type, "input = { a = [1, 2] }\ntriggers_replace = \"t1\"");
  ASSERT_TRUE(v.ok()) << v.status().message();
  EXPECT_TRUE(v->Get("output")->RawEquals(*v->Get("input")));
  EXPECT_TRUE(std::regex_match(h.Str(*v, "id"), std::regex("[0-9a-f-]{36}")));

  // The same configuration: nothing unknown, output kept.
  Value same = h.Decode(type->schema(), "input = { a = [1, 2] }\ntriggers_replace = \"t1\"", diags);
  Value kept = type->Plan(*v, same);
  EXPECT_TRUE(kept.IsWhollyKnown());
  EXPECT_TRUE(kept.Get("output")->RawEquals(*v->Get("output")));

  // A new input: output known after apply, id kept; Update stores the new output.
  Value changed = h.Decode(type->schema(), "input = \"b\"\ntriggers_replace = \"t1\"", diags);
  Value update = type->Plan(*v, changed);
  EXPECT_FALSE(update.Get("output")->IsKnown());
  EXPECT_EQ(h.Str(update, "id"), h.Str(*v, "id"));
  auto updated = h.Update(*type, *v, "input = \"b\"\ntriggers_replace = \"t1\"");
  ASSERT_TRUE(updated.ok()) << updated.status().message();
  EXPECT_EQ(h.Str(*updated, "output"), "b");
  EXPECT_EQ(h.Str(*updated, "id"), h.Str(*v, "id"));

  // New triggers: a new id is coming.
  Value retrigger = h.Decode(type->schema(), "input = \"b\"\ntriggers_replace = \"t2\"", diags);
  EXPECT_FALSE(type->Plan(*updated, retrigger).Get("id")->IsKnown());

  auto empty = h.Create(*type, "");
  ASSERT_TRUE(empty.ok());
  EXPECT_TRUE(empty->Get("output")->IsNull());
}

TEST(TimeStaticTest, GivenTimestampAndItsFields) {
  ProviderHarness h;
  auto type = NewTimeStatic();
  EXPECT_TRUE(type->schema().block.FindAttribute("rfc3339")->force_new);
  EXPECT_TRUE(type->schema().block.FindAttribute("triggers")->force_new);
  auto v = h.Create(*type, "rfc3339 = \"2020-02-12T06:36:13Z\"");
  ASSERT_TRUE(v.ok()) << v.status().message();
  EXPECT_EQ(h.Str(*v, "id"), "2020-02-12T06:36:13Z");
  EXPECT_EQ(v->Get("year")->AsNumber().ToString(), "2020");
  EXPECT_EQ(v->Get("month")->AsNumber().ToString(), "2");
  EXPECT_EQ(v->Get("day")->AsNumber().ToString(), "12");
  EXPECT_EQ(v->Get("hour")->AsNumber().ToString(), "6");
  EXPECT_EQ(v->Get("minute")->AsNumber().ToString(), "36");
  EXPECT_EQ(v->Get("second")->AsNumber().ToString(), "13");
  EXPECT_EQ(v->Get("unix")->AsNumber().ToString(), "1581489373");

  auto offset = h.Create(*type, "rfc3339 = \"2020-02-12T23:30:00.5-02:00\"");
  ASSERT_TRUE(offset.ok()) << offset.status().message();
  EXPECT_EQ(h.Str(*offset, "rfc3339"), "2020-02-12T23:30:00-02:00");
  EXPECT_EQ(offset->Get("day")->AsNumber().ToString(), "12");
  EXPECT_EQ(offset->Get("unix")->AsNumber().ToString(), "1581557400");

  auto bad = h.Create(*type, "rfc3339 = \"2020-02-30T00:00:00Z\"");
  ASSERT_FALSE(bad.ok());
  EXPECT_NE(bad.status().message().find("Invalid value for rfc3339"), std::string::npos);
}

TEST(TimeStaticTest, NowWhenNotGiven) {
  ProviderHarness h;
  auto v = h.Create(*NewTimeStatic(), "triggers = { a = \"1\" }");
  ASSERT_TRUE(v.ok()) << v.status().message();
  EXPECT_TRUE(std::regex_match(h.Str(*v, "id"),
                               std::regex("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ")));
  auto parsed = ParseRfc3339(h.Str(*v, "id"));
  ASSERT_TRUE(parsed.has_value());
  EXPECT_LE(std::chrono::abs(parsed->instant - std::chrono::system_clock::now()),
            std::chrono::minutes(1));
}

TEST(TimeFormatsTest, SleepDurations) {
  using namespace std::chrono;
  EXPECT_EQ(ParseSleepDuration("30s"), nanoseconds(seconds(30)));
  EXPECT_EQ(ParseSleepDuration("1.5m"), nanoseconds(seconds(90)));
  EXPECT_EQ(ParseSleepDuration("250ms"), nanoseconds(milliseconds(250)));
  EXPECT_EQ(ParseSleepDuration("2h"), nanoseconds(hours(2)));
  for (const char* bad : {"", "s", "10", "1.s", "-1s", "1d", "1h30m", " 1s", "1S"}) {
    EXPECT_FALSE(ParseSleepDuration(bad).has_value()) << bad;
  }
}

TEST(TimeSleepTest, InstantAtTimeScaleZeroAndDurationsUpdateInPlace) {
  ProviderHarness h;  // time scale 0
  auto type = NewTimeSleep();
  EXPECT_FALSE(type->schema().block.FindAttribute("create_duration")->force_new);
  EXPECT_FALSE(type->schema().block.FindAttribute("destroy_duration")->force_new);
  EXPECT_TRUE(type->schema().block.FindAttribute("triggers")->force_new);
  auto start = std::chrono::steady_clock::now();
  auto v = h.Create(*type, "create_duration = \"1h\"\ndestroy_duration = \"2h\"");
  ASSERT_TRUE(v.ok()) << v.status().message();
  EXPECT_TRUE(ParseRfc3339(h.Str(*v, "id")).has_value());
  auto updated = h.Update(*type, *v, "create_duration = \"5m\"\ndestroy_duration = \"2h\"");
  ASSERT_TRUE(updated.ok());
  EXPECT_EQ(h.Str(*updated, "create_duration"), "5m");
  EXPECT_EQ(h.Str(*updated, "id"), h.Str(*v, "id"));
  EXPECT_TRUE(h.Delete(*type, *updated).ok());
  EXPECT_LT(std::chrono::steady_clock::now() - start, std::chrono::seconds(5));
}

TEST(TimeSleepTest, InvalidArguments) {
  ProviderHarness h;
  auto type = NewTimeSleep();
  auto bad = h.Create(*type, "create_duration = \"30 seconds\"");
  ASSERT_FALSE(bad.ok());
  EXPECT_NE(bad.status().message().find("must be a number immediately followed by ms"),
            std::string::npos);
  auto none = h.Create(*type, "triggers = {}");
  ASSERT_FALSE(none.ok());
  EXPECT_NE(none.status().message().find("At least one attribute out of "
                                         "[create_duration,destroy_duration]"),
            std::string::npos);
}

TEST(TimeSleepTest, WaitIsScaledOnTheCloudClock) {
  auto dir = std::filesystem::temp_directory_path() / ("fw-sleep-" + NewHexId32());
  std::filesystem::create_directories(dir);
  {
    LocalCloudOptions o;
    o.db_path = (dir / "cloud.db").string();
    o.time_scale = 0.01;  // "2s" becomes 20 ms
    auto cloud = LocalCloud::Open(o);
    ASSERT_TRUE(cloud.ok()) << cloud.status().message();
    auto ctx = (*cloud)->Context("cn-north-4", "time_sleep.wait", "k");
    ASSERT_TRUE(ctx.ok());
    auto type = NewTimeSleep();
    Value planned = Value::Object({{"create_duration", Value::String("2s")},
                                   {"destroy_duration", Value::Null(Type::String())},
                                   {"triggers", Value::Null(Type::Map(Type::String()))},
                                   {"id", Value::Unknown(Type::String())}});
    auto before = (*cloud)->services().provisioning->Now();
    auto v = type->Create(*ctx, planned);
    ASSERT_TRUE(v.ok()) << v.status().message();
    EXPECT_GE((*cloud)->services().provisioning->Now() - before, std::chrono::milliseconds(20));

    std::atomic<bool> cancelled{true};
    ctx->cancelled = &cancelled;
    auto stopped = type->Create(*ctx, planned);
    ASSERT_FALSE(stopped.ok());
    EXPECT_EQ(stopped.status().code(), ErrorCode::kUnavailable);
  }
  std::filesystem::remove_all(dir);
}

}  // namespace
}  // namespace fw::providers::utility
