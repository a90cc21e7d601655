#include "providers/compute/compute_common.h"

#include <algorithm>

#include "base/time_format.h"
#include "cloud/cdm/catalog.h"
#include "hcl/value_json.h"

namespace fw::providers::compute {

using hcl::Type;
using hcl::Value;

namespace {

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
  if (!v || !(v->type().IsList() || v->type().IsSet() || v->type().IsTuple())) return out;
  for (const Value& e : v->Elements()) {
    if (e.IsKnown() && !e.IsNull() && e.type() == Type::String()) out.push_back(e.AsString());
  }
  return out;
}

bool IsSet(const Value& obj, std::string_view attr) { return Known(obj, attr) != nullptr; }

Value WithAttrs(const Value& obj, std::vector<std::pair<std::string, Value>> attrs) {
  std::vector<std::pair<std::string, Value>> out;
  const auto& keys = obj.Keys();
  const auto& elems = obj.Elements();
  for (size_t i = 0; i < keys.size(); ++i) {
    auto it = std::find_if(attrs.begin(), attrs.end(),
                           [&](const auto& a) { return a.first == keys[i]; });
    if (it == attrs.end()) out.emplace_back(keys[i], elems[i]);
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

Value OrElse(const Value& obj, std::string_view attr, Value fallback) {
  const Value* v = Known(obj, attr);
  return v ? *v : fallback;
}

std::string RegionOf(const CallContext& ctx, const Value& planned) {
  std::string r = GetString(planned, "region");
  return r.empty() ? ctx.region : r;
}

std::string Rfc3339(TimePoint t) { return FormatIsoSeconds(t); }

std::optional<std::string> Base64Decode(std::string_view text) {
  auto sextet = [](char c) -> int {
    if (c >= 'A' && c <= 'Z') return c - 'A';
    if (c >= 'a' && c <= 'z') return c - 'a' + 26;
    if (c >= '0' && c <= '9') return c - '0' + 52;
    if (c == '+') return 62;
    if (c == '/') return 63;
    return -1;
  };
  while (!text.empty() && text.back() == '=') text.remove_suffix(1);
  if (text.size() % 4 == 1) return std::nullopt;
  std::string out;
  out.reserve(text.size() * 3 / 4);
  uint32_t acc = 0;
  int bits = 0;
  for (char c : text) {
    int v = sextet(c);
    if (v < 0) return std::nullopt;
    acc = (acc << 6) | static_cast<uint32_t>(v);
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      out.push_back(static_cast<char>((acc >> bits) & 0xff));
    }
  }
  return out;
}

Result<boost::json::object> StateToBody(const Value& state, const Type& type) {
  FW_ASSIGN_OR_RETURN(std::string json, hcl::EncodeJson(state, type));
  boost::system::error_code ec;
  boost::json::value v = boost::json::parse(json, ec);
  if (ec || !v.is_object()) return Internal("State does not encode as a JSON object.");
  return std::move(v.as_object());
}

Result<Value> BodyToState(const boost::json::object& body, const Type& type) {
  boost::json::object copy;
  for (const auto& kv : body) {
    if (!kv.key().starts_with("_") && type.FindAttribute(kv.key())) copy.emplace(kv.key(), kv.value());
  }
  return hcl::DecodeJson(boost::json::serialize(copy), type);
}

std::string BodyString(const boost::json::object& body, std::string_view key) {
  const boost::json::value* v = body.if_contains(key);
  return v && v->is_string() ? std::string(v->as_string()) : "";
}

Result<cloud::InventoryItem> FindInProject(CallContext& ctx, std::string_view type,
                                           const std::string& id, std::string_view what) {
  FW_ASSIGN_OR_RETURN(auto item, ctx.cloud.inventory->Get(std::string(type), id));
  if (!item || item->project_id != ctx.project_id) {
    return NotFound("The " + std::string(what) + " " + id + " does not exist in this project.");
  }
  return std::move(*item);
}

Result<std::vector<cloud::InventoryItem>> ListInProject(CallContext& ctx, std::string_view type) {
  return ctx.cloud.inventory->List(ctx.project_id, std::string(type));
}

std::string KeypairItemId(const std::string& project_id, const std::string& name) {
  return project_id + "/" + name;
}

Result<std::string> ResolveAvailabilityZone(const CallContext& ctx, const std::string& region,
                                            const std::string& configured) {
  if (configured.empty()) return cloud::cdm::AvailabilityZones(region).front();
  if (!cloud::cdm::IsAvailabilityZone(region, configured)) {
    std::string zones;
    for (const auto& z : cloud::cdm::AvailabilityZones(region)) {
      zones += (zones.empty() ? "" : ", ") + z;
    }
    return InvalidArgument("The availability zone " + configured + " does not exist in region " +
                           region + " (available: " + zones + ").");
  }
  return configured;
}

// --- StoredType ---

StoredType::StoredType(std::string name, std::string_view inventory_type, Schema schema,
                       std::vector<std::string> unstored_attrs)
    : name_(std::move(name)),
      inventory_type_(inventory_type),
      schema_(std::move(schema)),
      state_type_(schema_.block.ImpliedType()),
      unstored_(std::move(unstored_attrs)) {}

std::string StoredType::ItemId(const CallContext&, const Value& state) const {
  return GetString(state, "id");
}

std::string StoredType::ItemName(const Value& state) const { return GetString(state, "name"); }

std::string StoredType::TakenMessage(const Value& state) const {
  return "A " + name_ + " named " + GetString(state, "name") + " already exists.";
}

Result<boost::json::object> StoredType::Encode(const Value& state) const {
  std::vector<std::pair<std::string, Value>> blanked;
  for (const auto& attr : unstored_) {
    const auto* a = state_type_.FindAttribute(attr);
    if (a) blanked.emplace_back(attr, Value::Null(a->type));
  }
  return StateToBody(blanked.empty() ? state : WithAttrs(state, std::move(blanked)), state_type_);
}

Result<Value> StoredType::Decode(const cloud::InventoryItem& item, const Value& secrets) const {
  FW_ASSIGN_OR_RETURN(Value state, BodyToState(item.body, state_type_));
  std::vector<std::pair<std::string, Value>> restored;
  for (const auto& attr : unstored_) {
    const auto* a = state_type_.FindAttribute(attr);
    if (!a) continue;
    const Value* v = secrets.IsKnown() && !secrets.IsNull() && secrets.type().IsObject()
                         ? secrets.Get(attr)
                         : nullptr;
    restored.emplace_back(attr, v && v->IsKnown() ? *v : Value::Null(a->type));
  }
  return restored.empty() ? state : WithAttrs(state, std::move(restored));
}

Result<Value> StoredType::Create(CallContext& ctx, const Value& planned) const {
  // An earlier attempt with this idempotency key: report what it made.
  std::optional<store::CloudResourceRecord> earlier;
  FW_RETURN_IF_ERROR(ctx.cloud.inventory->store().Read([&](store::Repositories& r) -> Status {
    FW_ASSIGN_OR_RETURN(earlier, r.cloud().FindByClientToken(ctx.project_id, inventory_type_,
                                                             ctx.idempotency_key));
    return Status::Ok();
  }));
  if (earlier) {
    FW_ASSIGN_OR_RETURN(auto item, ctx.cloud.inventory->Get(inventory_type_, earlier->id));
    if (item) {
      FW_RETURN_IF_ERROR(ctx.WaitUntil(item->ready_at));
      return Decode(*item, planned);
    }
  }

  std::unique_lock<std::mutex> lock = CreateLock();
  FW_ASSIGN_OR_RETURN(Built built, Build(ctx, planned));
  FW_ASSIGN_OR_RETURN(boost::json::object body, Encode(built.state));
  for (const auto& kv : built.extras) body[kv.key()] = kv.value();
  cloud::NewItem item{ItemId(ctx, built.state),
                      ctx.project_id,
                      inventory_type_,
                      ItemName(built.state),
                      std::move(body),
                      ctx.idempotency_key,
                      built.real_duration};
  auto created = ctx.cloud.inventory->Create(item);
  if (!created.ok()) {
    if (created.status().code() == ErrorCode::kAlreadyExists) {
      return AlreadyExists(TakenMessage(built.state));
    }
    return created.status();
  }
  lock = {};
  FW_RETURN_IF_ERROR(ctx.WaitUntil(created->ready_at));
  return Decode(*created, planned);
}

Result<Value> StoredType::Save(CallContext& ctx, const Value& state,
                               const boost::json::object& extras,
                               std::chrono::seconds real_duration) const {
  const std::string id = ItemId(ctx, state);
  FW_ASSIGN_OR_RETURN(auto item, ctx.cloud.inventory->Get(inventory_type_, id));
  if (!item || item->project_id != ctx.project_id) {
    return NotFound("The " + name_ + " " + id + " no longer exists.");
  }
  FW_ASSIGN_OR_RETURN(boost::json::object body, Encode(state));
  for (const auto& kv : item->body) {
    if (kv.key().starts_with("_")) body[kv.key()] = kv.value();
  }
  for (const auto& kv : extras) body[kv.key()] = kv.value();
  item->body = std::move(body);
  item->name = ItemName(state);
  FW_ASSIGN_OR_RETURN(auto updated, ctx.cloud.inventory->Update(*item, real_duration));
  FW_RETURN_IF_ERROR(ctx.WaitUntil(updated.ready_at));
  return Decode(updated, state);
}

Result<Value> StoredType::Update(CallContext& ctx, const Value& prior, const Value& planned) const {
  Value next = FillUnknownsFrom(planned, prior);
  boost::json::object extras;
  FW_RETURN_IF_ERROR(ValidateUpdate(ctx, prior, next, extras));
  return Save(ctx, next, extras);
}

Status StoredType::Delete(CallContext& ctx, const Value& state) const {
  const std::string id = ItemId(ctx, state);
  FW_ASSIGN_OR_RETURN(auto item, ctx.cloud.inventory->Get(inventory_type_, id));
  if (!item || item->project_id != ctx.project_id) return Status::Ok();
  FW_RETURN_IF_ERROR(CheckDelete(ctx, *item, state));
  return ctx.cloud.inventory->Delete(inventory_type_, id, item->name);
}

Result<std::optional<Value>> StoredType::Read(CallContext& ctx, const Value& state) const {
  const std::string id = ItemId(ctx, state);
  FW_ASSIGN_OR_RETURN(auto item, ctx.cloud.inventory->Get(inventory_type_, id));
  if (!item || item->project_id != ctx.project_id) return std::optional<Value>();
  FW_ASSIGN_OR_RETURN(Value v, Decode(*item, state));
  return std::optional<Value>(std::move(v));
}

// --- Schema pieces ---

Attr RegionAttr() { return Attr::OptionalComputed("region", Type::String()).ForceNew(); }

Attr TagsAttr() {
  return Attr::Optional("tags", Type::Map(Type::String())).Check([](const Value& v) {
    if (v.Length() > 20) return std::string("at most 20 tags are allowed");
    for (const auto& k : v.Keys()) {
      if (k.empty() || k.size() > 128) return "tag keys must be 1 to 128 characters, got " + k;
    }
    for (const auto& e : v.Elements()) {
      if (e.IsKnown() && !e.IsNull() && e.AsString().size() > 255) {
        return std::string("tag values must be at most 255 characters");
      }
    }
    return std::string();
  });
}

Attr EnterpriseProjectAttr() {
  return Attr::OptionalComputed("enterprise_project_id", Type::String()).ForceNew();
}

Attr ChargingModeAttr() {
  return Attr::OptionalComputed("charging_mode", Type::String())
      .ForceNew()
      .Check(checks::OneOf({"prePaid", "postPaid"}));
}

ValueCheck NoAngleBrackets(size_t max_len) {
  return [max_len](const Value& v) -> std::string {
    const std::string& s = v.AsString();
    if (s.size() > max_len) {
      return "the description must be at most " + std::to_string(max_len) + " characters";
    }
    if (s.find_first_of("<>") != std::string::npos) {
      return "the description cannot contain '<' or '>'";
    }
    return "";
  };
}

}  // namespace fw::providers::compute
