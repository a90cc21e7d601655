#include "providers/database/inventory_state.h"

#include "hcl/value_json.h"
#include "store/store.h"

namespace fw::providers::database {
namespace {

using hcl::Type;
using hcl::Value;

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

Result<boost::json::object> StateToBody(const Schema& schema, const Value& state) {
  Value plain = ReplaceSensitive(schema.block, state.UnmarkDeep(), nullptr);
  FW_ASSIGN_OR_RETURN(std::string json, hcl::EncodeJson(plain, schema.block.ImpliedType()));
  boost::system::error_code ec;
  boost::json::value v = boost::json::parse(json, ec);
  if (ec || !v.is_object()) return Internal("Could not encode the resource's state.");
  return std::move(v.as_object());
}

Result<Value> StateFromBody(const Schema& schema, const boost::json::object& body,
                            const Value& prior) {
  boost::json::object copy;
  for (const auto& field : body) {
    if (!field.key().starts_with("_")) copy.emplace(field.key(), field.value());
  }
  const Type type = schema.block.ImpliedType();
  // Attributes added to the schema after the item was stored read as null.
  for (const auto& a : type.Attributes()) {
    if (!copy.contains(a.name)) copy.emplace(a.name, nullptr);
  }
  FW_ASSIGN_OR_RETURN(Value state, hcl::DecodeJson(boost::json::serialize(copy), type));
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

Result<std::optional<cloud::InventoryItem>> FindInProject(const CallContext& ctx,
                                                          const std::string& type,
                                                          const std::string& id) {
  if (id.empty()) return std::optional<cloud::InventoryItem>();
  FW_ASSIGN_OR_RETURN(auto item, ctx.cloud.inventory->Get(type, id));
  if (item && item->project_id != ctx.project_id) return std::optional<cloud::InventoryItem>();
  return item;
}

Result<cloud::InventoryItem> RequireInProject(const CallContext& ctx, const std::string& type,
                                              const std::string& id, std::string_view what) {
  FW_ASSIGN_OR_RETURN(auto item, FindInProject(ctx, type, id));
  if (!item) {
    return NotFound(std::string(what) + " " + id + " does not exist in project " +
                    ctx.project_id + ".");
  }
  return std::move(*item);
}

Result<bool> AlreadyCreated(const CallContext& ctx, const std::string& type) {
  if (ctx.idempotency_key.empty()) return false;
  bool found = false;
  FW_RETURN_IF_ERROR(ctx.cloud.inventory->store().Read([&](store::Repositories& r) -> Status {
    FW_ASSIGN_OR_RETURN(auto existing,
                        r.cloud().FindByClientToken(ctx.project_id, type, ctx.idempotency_key));
    found = existing.has_value();
    return Status::Ok();
  }));
  return found;
}

Result<cloud::InventoryItem> CreateItem(const CallContext& ctx, const std::string& type,
                                        const std::string& id, const std::string& name,
                                        boost::json::object body,
                                        std::chrono::seconds real_duration) {
  cloud::NewItem item;
  item.id = id;
  item.project_id = ctx.project_id;
  item.type = type;
  item.name = name;
  item.body = std::move(body);
  item.client_token = ctx.idempotency_key;
  item.real_duration = real_duration;
  return ctx.cloud.inventory->Create(item);
}

bool InProgress(const CallContext& ctx, const cloud::InventoryItem& item) {
  return ctx.Now() < item.ready_at;
}

}  // namespace fw::providers::database
