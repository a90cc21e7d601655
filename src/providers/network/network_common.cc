#include "providers/network/network_common.h"

#include "hcl/value_json.h"

namespace fw::providers::network {

using hcl::Type;
using hcl::Value;

namespace {

constexpr std::string_view kClientTokenKey = "_client_token";

const Value* Known(const Value& obj, std::string_view attr) {
  if (!obj.IsKnown() || obj.IsNull() || !obj.type().IsObject()) return nullptr;
  const Value* v = obj.Get(attr);
  if (!v || !v->IsKnown() || v->IsNull()) return nullptr;
  return v;
}

}  // namespace

std::string GetString(const Value& obj, std::string_view attr) {
  const Value* v = Known(obj, attr);
  return v && v->type() == Type::String() ? v->AsString() : "";
}

std::optional<int64_t> GetInt(const Value& obj, std::string_view attr) {
  const Value* v = Known(obj, attr);
  if (!v || v->type() != Type::Number()) return std::nullopt;
  return v->AsNumber().ToInt64();
}

bool GetBool(const Value& obj, std::string_view attr, bool fallback) {
  const Value* v = Known(obj, attr);
  return v && v->type() == Type::Bool() ? v->AsBool() : fallback;
}

std::vector<std::string> GetStrings(const Value& obj, std::string_view attr) {
  std::vector<std::string> out;
  const Value* v = Known(obj, attr);
  if (!v) return out;
  for (const Value& e : v->Elements()) {
    if (e.IsKnown() && !e.IsNull() && e.type() == Type::String()) out.push_back(e.AsString());
  }
  return out;
}

Value WithAttrs(const Value& obj, std::vector<std::pair<std::string, Value>> attrs) {
  std::vector<std::pair<std::string, Value>> out;
  if (obj.IsKnown() && !obj.IsNull()) {
    for (size_t i = 0; i < obj.Keys().size(); ++i) {
      bool replaced = false;
      for (const auto& [k, _] : attrs) replaced = replaced || k == obj.Keys()[i];
      if (!replaced) out.emplace_back(obj.Keys()[i], obj.Elements()[i]);
    }
  }
  for (auto& a : attrs) out.push_back(std::move(a));
  return Value::Object(std::move(out));
}

Value StringList(const std::vector<std::string>& items) {
  std::vector<Value> elems;
  elems.reserve(items.size());
  for (const auto& s : items) elems.push_back(Value::String(s));
  return Value::List(Type::String(), std::move(elems));
}

std::string RegionOf(const CallContext& ctx, const Value& planned) {
  std::string r = GetString(planned, "region");
  return r.empty() ? ctx.region : r;
}

Result<boost::json::object> StateToBody(const Value& state, const Type& type) {
  FW_ASSIGN_OR_RETURN(std::string text, hcl::EncodeJson(state.UnmarkDeep(), type));
  boost::system::error_code ec;
  boost::json::value v = boost::json::parse(text, ec);
  if (ec || !v.is_object()) return Internal("Could not encode the resource's state.");
  return std::move(v.as_object());
}

Result<Value> BodyToState(const boost::json::object& body, const Type& type) {
  boost::json::object copy;
  for (const auto& [k, v] : body) {
    if (!k.empty() && k[0] != '_' && type.FindAttribute(k)) copy[k] = v;
  }
  auto st = hcl::DecodeJson(boost::json::serialize(copy), type);
  if (!st.ok()) return Internal("Corrupt stored state: " + st.status().message());
  return std::move(st).value();
}

std::string BodyString(const boost::json::object& body, std::string_view key) {
  const boost::json::value* v = body.if_contains(key);
  return v && v->is_string() ? std::string(v->as_string()) : "";
}

Value BodyStringMap(const boost::json::object& body, std::string_view key) {
  std::vector<std::pair<std::string, Value>> entries;
  const boost::json::value* v = body.if_contains(key);
  if (v && v->is_object()) {
    for (const auto& [k, e] : v->as_object()) {
      if (e.is_string()) entries.emplace_back(std::string(k), Value::String(std::string(e.as_string())));
    }
  }
  return Value::Map(Type::String(), std::move(entries));
}

bool TagsMatch(const boost::json::object& body, const Value& wanted) {
  if (!wanted.IsKnown() || wanted.IsNull()) return true;
  const boost::json::value* tags = body.if_contains("tags");
  for (size_t i = 0; i < wanted.Keys().size(); ++i) {
    const boost::json::value* v =
        tags && tags->is_object() ? tags->as_object().if_contains(wanted.Keys()[i]) : nullptr;
    if (!v || !v->is_string() || v->as_string() != wanted.Elements()[i].AsString()) return false;
  }
  return true;
}

std::string DataSourceId(const std::vector<std::string>& parts) {
  uint64_t h = 1469598103934665603ull;  // FNV-1a
  for (const auto& p : parts) {
    for (unsigned char c : p) h = (h ^ c) * 1099511628211ull;
    h = (h ^ 0xff) * 1099511628211ull;
  }
  static const char kHex[] = "0123456789abcdef";
  std::string out;
  for (int i = 60; i >= 0; i -= 4) out += kHex[(h >> i) & 0xf];
  return out;
}

Result<cloud::InventoryItem> FindInProject(CallContext& ctx, std::string_view type,
                                           const std::string& id, std::string_view what) {
  if (id.empty()) return InvalidArgument(std::string(what) + " ID must not be empty.");
  FW_ASSIGN_OR_RETURN(auto item, ctx.cloud.inventory->Get(std::string(type), id));
  if (!item || item->project_id != ctx.project_id) {
    return NotFound("The " + std::string(what) + " " + id + " could not be found.");
  }
  return std::move(*item);
}

Result<std::vector<cloud::InventoryItem>> ListInProject(CallContext& ctx, std::string_view type) {
  return ctx.cloud.inventory->List(ctx.project_id, std::string(type));
}

namespace {

Value PlanBlockElement(const Block& block, const Value* prior, const Value& config) {
  if (!config.IsKnown() || config.IsNull() || !config.type().IsObject()) return config;
  std::vector<std::pair<std::string, Value>> out;
  for (const Attr& a : block.attributes) {
    const Value* cv = config.Get(a.name);
    if (cv && (!cv->IsNull() || !cv->IsKnown())) {
      out.emplace_back(a.name, *cv);
    } else if (a.computed) {
      const Value* pv = prior && prior->IsKnown() && !prior->IsNull() ? prior->Get(a.name)
                                                                       : nullptr;
      out.emplace_back(a.name, pv && !pv->IsNull() ? *pv : Value::Unknown(a.type));
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

}  // namespace

Value PlanWithNestedBlocks(const Schema& schema, const Value& prior, const Value& config) {
  Value planned = PlanFromSchema(schema, prior, config);
  if (!planned.IsKnown() || planned.IsNull()) return planned;
  const bool has_prior = prior.IsKnown() && !prior.IsNull();
  std::vector<std::pair<std::string, Value>> blocks;
  for (const NestedBlock& b : schema.block.blocks) {
    const Value* cv = planned.Get(b.name);
    if (!cv || !cv->IsKnown() || cv->IsNull()) continue;
    const Value* pv = has_prior ? prior.Get(b.name) : nullptr;
    if (b.nesting == Nesting::kSingle) {
      blocks.emplace_back(b.name, PlanBlockElement(*b.block, pv, *cv));
      continue;
    }
    std::vector<Value> elems;
    for (size_t i = 0; i < cv->Length(); ++i) {
      const Value* pe = pv && pv->IsKnown() && !pv->IsNull() && i < pv->Length()
                            ? &pv->Elements()[i]
                            : nullptr;
      elems.push_back(PlanBlockElement(*b.block, pe, cv->Elements()[i]));
    }
    Type et = b.block->ImpliedType();
    blocks.emplace_back(b.name, b.nesting == Nesting::kSet ? Value::Set(et, std::move(elems))
                                                           : Value::List(et, std::move(elems)));
  }
  return WithAttrs(planned, std::move(blocks));
}

StoredResourceType::StoredResourceType(std::string name, std::string_view inventory_type,
                                       Schema schema)
    : name_(std::move(name)),
      inventory_type_(inventory_type),
      schema_(std::move(schema)),
      state_type_(schema_.block.ImpliedType()) {}

Value StoredResourceType::Plan(const Value& prior, const Value& config) const {
  return PlanWithNestedBlocks(schema_, prior, config);
}

Result<Value> StoredResourceType::Create(CallContext& ctx, const Value& planned) const {
  if (!ctx.idempotency_key.empty()) {
    FW_ASSIGN_OR_RETURN(auto items, ListInProject(ctx, inventory_type_));
    for (const auto& item : items) {
      if (BodyString(item.body, kClientTokenKey) != ctx.idempotency_key) continue;
      FW_RETURN_IF_ERROR(ctx.WaitUntil(item.ready_at));
      FW_ASSIGN_OR_RETURN(Value stored, BodyToState(item.body, state_type_));
      return Refresh(ctx, stored);
    }
  }
  return CreateNew(ctx, planned);
}

Result<Value> StoredResourceType::Store(CallContext& ctx, const Value& state,
                                        std::chrono::seconds real_duration,
                                        boost::json::object extras,
                                        std::unique_lock<std::mutex> held) const {
  FW_ASSIGN_OR_RETURN(boost::json::object body, StateToBody(state, state_type_));
  for (auto& [k, v] : extras) body[k] = std::move(v);
  body[kClientTokenKey] = ctx.idempotency_key;
  cloud::NewItem item{GetString(state, "id"), ctx.project_id,       inventory_type_,
                      GetString(state, "name"), std::move(body), ctx.idempotency_key,
                      real_duration};
  FW_ASSIGN_OR_RETURN(cloud::InventoryItem stored, ctx.cloud.inventory->Create(item));
  if (held.owns_lock()) held.unlock();
  FW_RETURN_IF_ERROR(ctx.WaitUntil(stored.ready_at));
  FW_ASSIGN_OR_RETURN(Value out, BodyToState(stored.body, state_type_));
  return Refresh(ctx, out);
}

Result<Value> StoredResourceType::Save(CallContext& ctx, const Value& state) const {
  FW_ASSIGN_OR_RETURN(cloud::InventoryItem item,
                      FindInProject(ctx, inventory_type_, GetString(state, "id"), name_));
  FW_ASSIGN_OR_RETURN(boost::json::object body, StateToBody(state, state_type_));
  for (const auto& [k, v] : item.body) {
    if (!k.empty() && k[0] == '_') body[k] = v;
  }
  item.body = std::move(body);
  item.name = GetString(state, "name");
  FW_ASSIGN_OR_RETURN(cloud::InventoryItem saved, ctx.cloud.inventory->Update(item));
  FW_RETURN_IF_ERROR(ctx.WaitUntil(saved.ready_at));
  FW_ASSIGN_OR_RETURN(Value out, BodyToState(saved.body, state_type_));
  return Refresh(ctx, out);
}

Result<Value> StoredResourceType::Update(CallContext& ctx, const Value& prior,
                                         const Value& planned) const {
  Value next = FillUnknownsFrom(planned, prior);
  FW_RETURN_IF_ERROR(ValidateUpdate(ctx, prior, next));
  return Save(ctx, next);
}

Status StoredResourceType::Delete(CallContext& ctx, const Value& state) const {
  std::string id = GetString(state, "id");
  if (id.empty()) return Status::Ok();
  FW_ASSIGN_OR_RETURN(auto item, ctx.cloud.inventory->Get(inventory_type_, id));
  if (!item || item->project_id != ctx.project_id) return Status::Ok();
  FW_RETURN_IF_ERROR(CheckDelete(ctx, *item));
  return ctx.cloud.inventory->Delete(inventory_type_, id, item->name);
}

Result<std::optional<Value>> StoredResourceType::Read(CallContext& ctx,
                                                      const Value& state) const {
  std::string id = GetString(state, "id");
  if (id.empty()) return std::optional<Value>();
  FW_ASSIGN_OR_RETURN(auto item, ctx.cloud.inventory->Get(inventory_type_, id));
  if (!item || item->project_id != ctx.project_id) return std::optional<Value>();
  FW_ASSIGN_OR_RETURN(Value stored, BodyToState(item->body, state_type_));
  FW_ASSIGN_OR_RETURN(Value out, Refresh(ctx, stored));
  return std::optional<Value>(std::move(out));
}

Attr RegionAttr() { return Attr::OptionalComputed("region", Type::String()).ForceNew(); }

Attr TagsAttr() { return Attr::Optional("tags", Type::Map(Type::String())); }

Attr EnterpriseProjectAttr() {
  return Attr::OptionalComputed("enterprise_project_id", Type::String()).ForceNew();
}

ValueCheck NoAngleBrackets(size_t max_len) {
  return [max_len](const Value& v) -> std::string {
    const std::string& s = v.AsString();
    if (s.size() > max_len) {
      return "expected length to be in the range (0 - " + std::to_string(max_len) + "), got " +
             std::to_string(s.size());
    }
    if (s.find_first_of("<>") != std::string::npos) {
      return "angle brackets (< and >) are not allowed";
    }
    return "";
  };
}

}  // namespace fw::providers::network
