#include "providers/provider.h"

#include <algorithm>
#include <thread>

namespace fw::providers {

using hcl::Type;
using hcl::Value;

Status CallContext::WaitUntil(TimePoint ready_at) const {
  while (Now() < ready_at) {
    if (cancelled && cancelled->load()) return Unavailable("The deployment was stopped.");
    auto left = ready_at - Now();
    std::this_thread::sleep_for(
        std::min<std::chrono::nanoseconds>(left, std::chrono::milliseconds(50)));
  }
  return Status::Ok();
}

Value PlanFromSchema(const Schema& schema, const Value& prior, const Value& config) {
  const Block& block = schema.block;
  if (!config.IsKnown() || config.IsNull()) return config;
  const bool has_prior = !prior.IsNull() && prior.IsKnown();
  std::vector<std::pair<std::string, Value>> out;
  out.reserve(block.attributes.size() + block.blocks.size());
  for (const Attr& a : block.attributes) {
    const Value* cv = config.Get(a.name);
    if (cv && (!cv->IsNull() || !cv->IsKnown())) {
      out.emplace_back(a.name, *cv);
    } else if (a.computed) {
      const Value* pv = has_prior ? prior.Get(a.name) : nullptr;
      if (pv && !pv->IsNull()) {
        out.emplace_back(a.name, *pv);
      } else {
        out.emplace_back(a.name, Value::Unknown(a.type));
      }
    } else if (a.default_value) {
      out.emplace_back(a.name, *a.default_value);
    } else {
      out.emplace_back(a.name, Value::Null(a.type));
    }
  }
  for (const NestedBlock& b : block.blocks) {
    const Value* cv = config.Get(b.name);
    out.emplace_back(b.name, cv ? *cv : Value::Null(Type()));
  }
  return Value::Object(std::move(out));
}

Value FillUnknownsFrom(const Value& planned, const Value& prior) {
  if (!planned.IsKnown()) {
    if (prior.IsKnown()) return prior;
    return Value::Null(planned.type());
  }
  if (planned.IsNull()) return planned;
  const Type& t = planned.type();
  const bool prior_usable = prior.IsKnown() && !prior.IsNull();
  if (t.IsObject()) {
    std::vector<std::pair<std::string, Value>> attrs;
    const auto& keys = planned.Keys();
    const auto& elems = planned.Elements();
    attrs.reserve(keys.size());
    for (size_t i = 0; i < keys.size(); ++i) {
      const Value* pv = prior_usable && prior.type().IsObject() ? prior.Get(keys[i]) : nullptr;
      attrs.emplace_back(keys[i], FillUnknownsFrom(elems[i], pv ? *pv : Value::Null(Type())));
    }
    return Value::Object(std::move(attrs));
  }
  if (t.IsList() || t.IsTuple()) {
    const auto& elems = planned.Elements();
    std::vector<Value> out;
    out.reserve(elems.size());
    for (size_t i = 0; i < elems.size(); ++i) {
      const bool has = prior_usable && (prior.type().IsList() || prior.type().IsTuple()) &&
                       i < prior.Length();
      out.push_back(FillUnknownsFrom(elems[i], has ? prior.Elements()[i] : Value::Null(Type())));
    }
    if (t.IsTuple()) return Value::Tuple(std::move(out));
    return Value::List(t.ElementType(), std::move(out));
  }
  if (t.IsMap()) {
    std::vector<std::pair<std::string, Value>> entries;
    const auto& keys = planned.Keys();
    const auto& elems = planned.Elements();
    for (size_t i = 0; i < keys.size(); ++i) {
      const Value* pv = prior_usable && prior.type().IsMap() ? prior.Get(keys[i]) : nullptr;
      entries.emplace_back(keys[i], FillUnknownsFrom(elems[i], pv ? *pv : Value::Null(Type())));
    }
    return Value::Map(t.ElementType(), std::move(entries));
  }
  if (t.IsSet()) {
    std::vector<Value> out;
    for (const Value& e : planned.Elements()) {
      out.push_back(FillUnknownsFrom(e, Value::Null(Type())));
    }
    return Value::Set(t.ElementType(), std::move(out));
  }
  return planned;
}

namespace {

void CheckBlock(const Block& block, const Value& v, const std::string& prefix,
                std::string_view address, hcl::Diagnostics& diags) {
  if (!v.IsKnown() || v.IsNull() || !v.type().IsObject()) return;
  for (const Attr& a : block.attributes) {
    const Value* av = v.Get(a.name);
    if (!av || !av->IsKnown() || av->IsNull() || a.checks.empty()) continue;
    Value plain = av->UnmarkDeep();
    if (!plain.IsWhollyKnown()) continue;
    for (const ValueCheck& check : a.checks) {
      std::string msg = check(plain);
      if (!msg.empty()) {
        diags.AddError("Invalid value for " + prefix + a.name,
                       std::string(address) + ": " + msg + ".", std::nullopt);
        break;
      }
    }
  }
  for (const NestedBlock& b : block.blocks) {
    const Value* bv = v.Get(b.name);
    if (!bv || !bv->IsKnown() || bv->IsNull()) continue;
    if (b.nesting == Nesting::kSingle) {
      CheckBlock(*b.block, *bv, prefix + b.name + ".", address, diags);
      continue;
    }
    size_t n = bv->Length();
    if (static_cast<int>(n) < b.min_items || (b.max_items > 0 && static_cast<int>(n) > b.max_items)) {
      diags.AddError("Invalid number of " + b.name + " blocks",
                     std::string(address) + ": " + std::to_string(n) + " given; " +
                         std::to_string(b.min_items) + " to " +
                         (b.max_items ? std::to_string(b.max_items) : std::string("any")) +
                         " allowed.",
                     std::nullopt);
    }
    for (size_t i = 0; i < n; ++i) {
      CheckBlock(*b.block, bv->Elements()[i], prefix + b.name + "." + std::to_string(i) + ".",
                 address, diags);
    }
  }
}

}  // namespace

void CheckAttributes(const Schema& schema, const Value& config, std::string_view address,
                     hcl::Diagnostics& diags) {
  CheckBlock(schema.block, config, "", address, diags);
}

Value ResourceType::Plan(const Value& prior, const Value& config) const {
  return PlanFromSchema(schema(), prior, config);
}

Result<Value> ResourceType::Update(CallContext& ctx, const Value& prior,
                                   const Value& planned) const {
  return FillUnknownsFrom(planned, prior);
}

void Registry::Add(std::unique_ptr<ResourceType> type) { resources_.push_back(std::move(type)); }
void Registry::Add(std::unique_ptr<DataSourceType> type) {
  data_sources_.push_back(std::move(type));
}

const ResourceType* Registry::FindResource(std::string_view name) const {
  for (const auto& t : resources_) {
    if (t->name() == name) return t.get();
  }
  return nullptr;
}

const DataSourceType* Registry::FindDataSource(std::string_view name) const {
  for (const auto& t : data_sources_) {
    if (t->name() == name) return t.get();
  }
  return nullptr;
}

std::vector<std::string> Registry::ResourceNames() const {
  std::vector<std::string> out;
  for (const auto& t : resources_) out.emplace_back(t->name());
  std::sort(out.begin(), out.end());
  return out;
}

std::vector<std::string> Registry::DataSourceNames() const {
  std::vector<std::string> out;
  for (const auto& t : data_sources_) out.emplace_back(t->name());
  std::sort(out.begin(), out.end());
  return out;
}

}  // namespace fw::providers
