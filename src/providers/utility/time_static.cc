// time_static: a timestamp fixed in state: `rfc3339` when given, else the time of creation (the
// cloud's clock), with its calendar fields (year, month, day, hour, minute, second, in the
// timestamp's own offset) and `unix` seconds. `id` is the RFC 3339 text. `rfc3339` and
// `triggers` force a new timestamp.
#include "providers/utility/local_resource.h"
#include "providers/utility/time_formats.h"
#include "providers/utility/utility_types.h"

namespace fw::providers::utility {
namespace {

using hcl::Type;
using hcl::Value;

std::string CheckTimestamp(const Value& v) {
  if (ParseRfc3339(v.AsString())) return "";
  return "must be a valid RFC3339 timestamp (e.g. 2020-02-12T06:36:13Z), got " + v.AsString();
}

Schema StaticSchema() {
  Block b;
  b.Add(Attr::OptionalComputed("rfc3339", Type::String())
            .ForceNew()
            .Check(CheckTimestamp)
            .Describe("Base timestamp in RFC3339 format (see RFC3339 time string e.g., "
                      "YYYY-MM-DDTHH:MM:SSZ). Defaults to the current time."));
  b.Add(KeepersAttr("triggers",
                    "Arbitrary map of values that, when changed, will trigger a new base "
                    "timestamp value."));
  for (const char* field : {"year", "month", "day", "hour", "minute", "second", "unix"}) {
    b.Add(Attr::Computed(field, Type::Number()));
  }
  b.Add(Attr::Computed("id", Type::String()).Describe("RFC3339 format of the timestamp."));
  return Schema{std::move(b)};
}

class TimeStatic final : public LocalResource {
 public:
  TimeStatic() : LocalResource("time_static", StaticSchema()) {}

  Result<Value> Create(CallContext& ctx, const Value& planned) const override {
    Rfc3339Time t;
    if (IsSet(planned, "rfc3339")) {
      auto parsed = ParseRfc3339(StringAttr(planned, "rfc3339"));
      if (!parsed) return InvalidArgument("rfc3339 is not a valid RFC3339 timestamp");
      t = *parsed;
    } else {
      t.instant = ctx.Now();
    }
    const std::string text = FormatRfc3339(t);
    const CivilTime c = ToCivil(t);
    const int64_t unix =
        std::chrono::floor<std::chrono::seconds>(t.instant).time_since_epoch().count();
    return WithAttributes(planned, {{"rfc3339", Value::String(text)},
                                    {"id", Value::String(text)},
                                    {"year", Value::Int(c.year)},
                                    {"month", Value::Int(c.month)},
                                    {"day", Value::Int(c.day)},
                                    {"hour", Value::Int(c.hour)},
                                    {"minute", Value::Int(c.minute)},
                                    {"second", Value::Int(c.second)},
                                    {"unix", Value::Int(unix)}});
  }
};

}  // namespace

std::unique_ptr<ResourceType> NewTimeStatic() { return std::make_unique<TimeStatic>(); }

}  // namespace fw::providers::utility
