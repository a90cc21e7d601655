#include "providers/common/stored_type.h"

#include "hcl/value_json.h"
#include "providers/common/values.h"

namespace fw::providers {

using hcl::Type;
using hcl::Value;

namespace {

// `v` (an object conforming to `block`) with sensitive attributes nulled; with `from` given,
// they are taken from the same place in `from` instead.
Value ReplaceSensitive(const Block& block, const Value& v, const Value* from) {
  if (!v.IsKnown() || v.IsNull() || !v.type().IsObject()) return v;
  const bool from_usable = from && from->IsKnown() && !from->IsNull() && from->type().IsObject();
  std::vector<std::pair<std::string, Value>> attrs;
  const auto& keys = v.Keys();
  const auto& elems = v.Elements();
  for (size_t i = 0; i < keys.size(); ++i) {
    const Value* prior = from_usable ? from->Get(keys[i]) : nullptr;
    if (const Attr* a = block.FindAttribute(keys[i]); a && a->sensitive) {
      if (prior && prior->IsKnown() && prior->type() == elems[i].type()) {
        attrs.emplace_back(keys[i], *prior);
      } else {
        attrs.emplace_back(keys[i], Value::Null(elems[i].type()));
      }
      continue;
    }
    const NestedBlock* nb = block.FindBlock(keys[i]);
    const Value& e = elems[i];
    if (!nb || !e.IsKnown() || e.IsNull()) {
      attrs.emplace_back(keys[i], e);
      continue;
    }
    if (nb->nesting == Nesting::kSingle) {
      attrs.emplace_back(keys[i], ReplaceSensitive(*nb->block, e, prior));
      continue;
    }
    std::vector<Value> items;
    for (size_t j = 0; j < e.Length(); ++j) {
      const Value* p = prior && prior->IsKnown() && !prior->IsNull() && j < prior->Length()
                           ? &prior->Elements()[j]
                           : nullptr;
      items.push_back(ReplaceSensitive(*nb->block, e.Elements()[j], p));
    }
    attrs.emplace_back(keys[i], nb->nesting == Nesting::kSet
                                    ? Value::Set(e.type().ElementType(), std::move(items))
                                    : Value::List(e.type().ElementType(), std::move(items)));
  }
  return Value::Object(std::move(attrs));
}

}  // namespace

// --- Items of the caller's project ---

Result<std::optional<cloud::InventoryItem>> FindInProject(const CallContext& ctx,
                                                          std::string_view type,
                                                          const std::string& id) {
  if (id.empty()) return std::optional<cloud::InventoryItem>();
  FW_ASSIGN_OR_RETURN(auto item, ctx.cloud.inventory->Get(std::string(type), id));
  if (item && item->project_id != ctx.project_id) return std::optional<cloud::InventoryItem>();
  return item;
}

Result<cloud::InventoryItem> RequireInProject(const CallContext& ctx, std::string_view type,
                                              const std::string& id, std::string_view what) {
  if (id.empty()) return InvalidArgument("The " + std::string(what) + " ID must not be empty.");
  FW_ASSIGN_OR_RETURN(auto item, FindInProject(ctx, type, id));
  if (!item) {
    return NotFound("The " + std::string(what) + " " + id + " does not exist in this project.");
  }
  return std::move(*item);
}

Result<std::vector<cloud::InventoryItem>> ListInProject(const CallContext& ctx,
                                                        std::string_view type) {
  return ctx.cloud.inventory->List(ctx.project_id, std::string(type));
}

// --- Bodies ---

Result<boost::json::object> StateToBody(const Value& state, const Type& type) {
  FW_ASSIGN_OR_RETURN(std::string json, hcl::EncodeJson(state.UnmarkDeep(), type));
  boost::system::error_code ec;
  boost::json::value v = boost::json::parse(json, ec);
  if (ec || !v.is_object()) return Internal("Could not encode the resource's state.");
  return std::move(v.as_object());
}

Result<Value> BodyToState(const boost::json::object& body, const Type& type) {
  boost::json::object copy;
  for (const auto& field : body) {
    if (!field.key().starts_with("_") && type.FindAttribute(field.key())) {
      copy.emplace(field.key(), field.value());
    }
  }
  for (const auto& a : type.Attributes()) {
    if (!copy.contains(a.name)) copy.emplace(a.name, nullptr);
  }
  auto state = hcl::DecodeJson(boost::json::serialize(copy), type);
  if (!state.ok()) return Internal("Corrupt stored state: " + state.status().message());
  return std::move(state).value();
}

Result<boost::json::object> StateToBody(const Schema& schema, const Value& state) {
  return StateToBody(ReplaceSensitive(schema.block, state.UnmarkDeep(), nullptr),
                     schema.block.ImpliedType());
}

Result<Value> StateFromBody(const Schema& schema, const boost::json::object& body,
                            const Value& prior) {
  FW_ASSIGN_OR_RETURN(Value state, BodyToState(body, schema.block.ImpliedType()));
  Value plain_prior = prior.UnmarkDeep();
  return ReplaceSensitive(schema.block, state, &plain_prior);
}

void KeepPrivateFields(const boost::json::object& from, boost::json::object& to) {
  for (const auto& field : from) {
    if (field.key().starts_with("_") && !to.contains(field.key())) {
      to.emplace(field.key(), field.value());
    }
  }
}

// --- Creating ---

Result<std::optional<cloud::InventoryItem>> CreatedEarlier(const CallContext& ctx,
                                                           std::string_view type) {
  if (ctx.idempotency_key.empty()) return std::optional<cloud::InventoryItem>();
  return ctx.cloud.inventory->FindByClientToken(ctx.project_id, std::string(type),
                                                ctx.idempotency_key);
}

Result<cloud::InventoryItem> CreateItem(const CallContext& ctx, std::string_view type,
                                        const std::string& id, const std::string& name,
                                        boost::json::object body,
                                        std::chrono::seconds real_duration,
                                        const std::string& parent_id) {
  cloud::NewItem item;
  item.id = id;
  item.project_id = ctx.project_id;
  item.type = std::string(type);
  item.name = name;
  item.body = std::move(body);
  item.client_token = ctx.idempotency_key;
  item.real_duration = real_duration;
  item.parent_id = parent_id;
  return ctx.cloud.inventory->Create(item);
}

bool InProgress(const CallContext& ctx, const cloud::InventoryItem& item) {
  return ctx.Now() < item.ready_at;
}

Result<Value> StateWithProgress(const CallContext& ctx, const Schema& schema,
                                const cloud::InventoryItem& item, const Value& prior,
                                std::string_view busy_status) {
  FW_ASSIGN_OR_RETURN(Value v, StateFromBody(schema, item.body, prior));
  if (InProgress(ctx, item)) {
    v = WithAttrs(v, {{"status", Value::String(std::string(busy_status))}});
  }
  return v;
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

Result<Value> StoredType::Decode(CallContext& ctx, const cloud::InventoryItem& item,
                                 const Value& secrets) const {
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
  if (!restored.empty()) state = WithAttrs(state, std::move(restored));
  return Refresh(ctx, state);
}

Result<Value> StoredType::Create(CallContext& ctx, const Value& planned) const {
  // An earlier attempt with this idempotency key: report what it made.
  FW_ASSIGN_OR_RETURN(auto earlier, CreatedEarlier(ctx, inventory_type_));
  if (earlier) {
    FW_RETURN_IF_ERROR(ctx.WaitUntil(earlier->ready_at));
    return Decode(ctx, *earlier, planned);
  }
  return CreateNew(ctx, planned);
}

Result<Value> StoredType::Store(CallContext& ctx, const Value& state,
                                std::chrono::seconds real_duration, boost::json::object extras,
                                std::unique_lock<std::mutex> held) const {
  FW_ASSIGN_OR_RETURN(boost::json::object body, Encode(state));
  for (auto& [k, v] : extras) body[k] = std::move(v);
  auto created = CreateItem(ctx, inventory_type_, ItemId(ctx, state), ItemName(state),
                            std::move(body), real_duration, ParentId(state));
  if (!created.ok()) {
    if (created.status().code() == ErrorCode::kAlreadyExists) {
      return AlreadyExists(TakenMessage(state));
    }
    return created.status();
  }
  if (held.owns_lock()) held.unlock();
  FW_RETURN_IF_ERROR(ctx.WaitUntil(created->ready_at));
  return Decode(ctx, *created, state);
}

Result<Value> StoredType::Save(CallContext& ctx, const Value& state,
                               const boost::json::object& extras,
                               std::chrono::seconds real_duration) const {
  const std::string id = ItemId(ctx, state);
  FW_ASSIGN_OR_RETURN(auto item, FindInProject(ctx, inventory_type_, id));
  if (!item) return NotFound("The " + name_ + " " + id + " no longer exists.");
  FW_ASSIGN_OR_RETURN(boost::json::object body, Encode(state));
  KeepPrivateFields(item->body, body);
  for (const auto& kv : extras) body[kv.key()] = kv.value();
  item->body = std::move(body);
  item->name = ItemName(state);
  FW_ASSIGN_OR_RETURN(auto updated, ctx.cloud.inventory->Update(*item, real_duration));
  FW_RETURN_IF_ERROR(ctx.WaitUntil(updated.ready_at));
  return Decode(ctx, updated, state);
}

Result<Value> StoredType::Update(CallContext& ctx, const Value& prior, const Value& planned) const {
  Value next = FillUnknownsFrom(planned, prior);
  boost::json::object extras;
  FW_RETURN_IF_ERROR(ValidateUpdate(ctx, prior, next, extras));
  return Save(ctx, next, extras);
}

Status StoredType::Delete(CallContext& ctx, const Value& state) const {
  FW_ASSIGN_OR_RETURN(auto item, FindInProject(ctx, inventory_type_, ItemId(ctx, state)));
  if (!item) return Status::Ok();
  FW_RETURN_IF_ERROR(CheckDelete(ctx, *item, state));
  return ctx.cloud.inventory->Delete(inventory_type_, item->id, item->name);
}

Result<std::optional<Value>> StoredType::Read(CallContext& ctx, const Value& state) const {
  FW_ASSIGN_OR_RETURN(auto item, FindInProject(ctx, inventory_type_, ItemId(ctx, state)));
  if (!item) return std::optional<Value>();
  FW_ASSIGN_OR_RETURN(Value v, Decode(ctx, *item, state));
  return std::optional<Value>(std::move(v));
}

}  // namespace fw::providers
