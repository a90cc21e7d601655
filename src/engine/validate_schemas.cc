// ValidateWithSchemas (engine.h): every resource and data body decoded against its type's
// schema with every name unknown, so only the configuration's own constants are checked.
#include "engine/engine.h"
#include "engine/walk.h"
#include "hcl/eval/scope.h"
#include "providers/decode_body.h"

namespace fw::engine {
namespace {

// Every name is an unknown value: references never fail, constants are still checked.
class UnknownScope final : public hcl::Scope {
 public:
  std::optional<hcl::Value> Root(std::string_view) const override {
    return hcl::Value::DynamicUnknown();
  }
};

// No plan and no target: timestamp(), uuid() and bcrypt() are unknown as while planning, and
// plantimestamp() reads the system clock.
EvalPhase ValidationPhase() { return EvalPhase{.clock = nullptr, .planning = true}; }

void ValidateModule(const config::Config& cfg, const providers::Registry& registry,
                    hcl::Diagnostics& diags) {
  UnknownScope scope;
  hcl::FunctionRegistry functions = ModuleFunctions(cfg, ValidationPhase());
  hcl::EvalContext ctx{&scope, &functions};
  for (const auto* list : {&cfg.module->managed_resources, &cfg.module->data_resources}) {
    for (const auto& [key, r] : *list) {
      const providers::Schema* schema = nullptr;
      const providers::ResourceType* type = nullptr;
      if (r.mode == config::ResourceMode::kData) {
        if (const auto* d = registry.FindDataSource(r.type)) schema = &d->schema();
      } else if ((type = registry.FindResource(r.type))) {
        schema = &type->schema();
      }
      if (!schema || !r.config) continue;
      hcl::Value v = providers::DecodeBody(schema->block, *r.config, ctx, diags);
      providers::CheckAttributes(*schema, v, r.Address(), diags);
      if (type) type->ValidateConfig(v, r.Address(), diags);
    }
  }
  for (const auto& [name, child] : cfg.children) ValidateModule(*child, registry, diags);
}

}  // namespace

void ValidateWithSchemas(const config::Config& config, const providers::Registry& registry,
                         hcl::Diagnostics& diags) {
  // The graph construction reports unknown resource and data source types.
  Walk walk(config, registry, ValidationPhase(), diags);
  ValidateModule(config, registry, diags);
}

}  // namespace fw::engine
