// time_sleep: waits `create_duration` when created and `destroy_duration` when destroyed.
// The wait runs on the simulated cloud's clock and is scaled like every simulated operation:
// duration × the time scale (FORMWORK_TIME_SCALE / LocalCloudOptions::time_scale), so it is
// instant at scale 0 (the test default) and as long as asked at scale 1. Changing a duration is
// an in-place update that does not wait; `triggers` forces a replacement. `id` is the RFC 3339
// time of creation.
#include "providers/utility/local_resource.h"
#include "providers/utility/time_formats.h"
#include "providers/utility/utility_types.h"

namespace fw::providers::utility {
namespace {

using hcl::Type;
using hcl::Value;

std::string CheckDuration(const Value& v) {
  if (ParseSleepDuration(v.AsString())) return "";
  return "must be a number immediately followed by ms (milliseconds), s (seconds), m (minutes), "
         "or h (hours). For example, \"30s\" for 30 seconds";
}

Schema SleepSchema() {
  Block b;
  b.Add(Attr::Optional("create_duration", Type::String())
            .Check(CheckDuration)
            .Describe("Time duration to delay resource creation. For example, 30s for 30 "
                      "seconds or 5m for 5 minutes. Updating this value by itself will not "
                      "trigger a delay."));
  b.Add(Attr::Optional("destroy_duration", Type::String())
            .Check(CheckDuration)
            .Describe("Time duration to delay resource destroy. For example, 30s for 30 seconds "
                      "or 5m for 5 minutes. Updating this value by itself will not trigger a "
                      "delay."));
  b.Add(KeepersAttr("triggers",
                    "Arbitrary map of values that, when changed, will run any creation or "
                    "destroy delays again."));
  b.Add(Attr::Computed("id", Type::String()).Describe("RFC3339 format of the creation time."));
  return Schema{std::move(b)};
}

// Waits `attribute`'s duration, scaled by the simulated time scale.
Status Sleep(CallContext& ctx, const Value& state, std::string_view attribute) {
  if (!IsSet(state, attribute)) return Status::Ok();
  auto d = ParseSleepDuration(StringAttr(state, attribute));
  if (!d) return InvalidArgument("The " + std::string(attribute) + " cannot be parsed");
  const double scale = ctx.cloud.provisioning ? ctx.cloud.provisioning->time_scale() : 0;
  if (scale <= 0 || d->count() == 0) return Status::Ok();
  auto scaled = std::chrono::duration_cast<std::chrono::microseconds>(
      std::chrono::duration<double, std::nano>(static_cast<double>(d->count()) * scale));
  return ctx.WaitUntil(ctx.Now() + scaled);
}

class TimeSleep final : public LocalResource {
 public:
  TimeSleep() : LocalResource("time_sleep", SleepSchema()) {}

  void ValidateConfig(const Value& config, std::string_view address,
                      hcl::Diagnostics& diags) const override {
    Value v = config.UnmarkDeep();
    if (!v.IsKnown() || v.IsNull()) return;
    const Value* c = v.Get("create_duration");
    const Value* d = v.Get("destroy_duration");
    if (c && c->IsKnown() && c->IsNull() && d && d->IsKnown() && d->IsNull()) {
      diags.AddError("Invalid Attribute Combination",
                     std::string(address) +
                         ": At least one attribute out of [create_duration,destroy_duration] "
                         "must be specified",
                     std::nullopt);
    }
  }

  Result<Value> Create(CallContext& ctx, const Value& planned) const override {
    FW_RETURN_IF_ERROR(Sleep(ctx, planned, "create_duration"));
    return WithAttributes(planned,
                          {{"id", Value::String(FormatRfc3339(Rfc3339Time{ctx.Now()}))}});
  }

  Status Delete(CallContext& ctx, const Value& state) const override {
    return Sleep(ctx, state, "destroy_duration");
  }
};

}  // namespace

std::unique_ptr<ResourceType> NewTimeSleep() { return std::make_unique<TimeSleep>(); }

}  // namespace fw::providers::utility
