#include "stacks/plan_items.h"

#include <boost/json.hpp>
#include <map>
#include <set>

#include "base/time_format.h"
#include "stacks/state_rows.h"

namespace fw::stacks {
namespace {

namespace json = boost::json;

std::string ActionOf(engine::Action a) {
  switch (a) {
    case engine::Action::kCreate: return "ADD";
    case engine::Action::kUpdate: return "UPDATE";
    case engine::Action::kDeleteThenCreate: return "DELETE_THEN_ADD";
    case engine::Action::kCreateThenDelete: return "ADD_THEN_DELETE";
    case engine::Action::kDelete: return "DELETE";
    default: return "NO_OPERATION";
  }
}

// "provider[\"registry.terraform.io/huaweicloud/huaweicloud\"]" → "huaweicloud".
std::string ProviderShortName(const std::string& provider, const std::string& type) {
  size_t slash = provider.rfind('/');
  if (slash != std::string::npos) {
    size_t end = provider.find('"', slash);
    return provider.substr(slash + 1, end == std::string::npos ? std::string::npos : end - slash - 1);
  }
  return type.substr(0, type.find('_'));
}

const hcl::Value* Attr(const hcl::Value& obj, const std::string& name) {
  if (obj.IsNull() || !obj.IsKnown() || !obj.type().IsObject()) return nullptr;
  return obj.Get(name);
}

std::vector<PlanItemAttribute> AttributeChanges(const engine::ResourceChange& c) {
  std::set<std::string> names;
  for (const hcl::Value* v : {&c.before, &c.after}) {
    if (!v->IsNull() && v->IsKnown() && v->type().IsObject()) {
      for (const std::string& k : v->Keys()) names.insert(k);
    }
  }
  std::vector<PlanItemAttribute> out;
  for (const std::string& name : names) {
    const hcl::Value* before = Attr(c.before, name);
    const hcl::Value* after = Attr(c.after, name);
    std::string prev = before ? DisplayValue(*before) : "";
    std::string next = after ? DisplayValue(*after) : "";
    if (c.action == engine::Action::kDelete) next.clear();
    bool both_null = (!before || before->IsNull()) && (!after || after->IsNull());
    if (both_null) continue;
    if (before && after && before->RawEquals(*after)) continue;  // marks ignored
    if (prev == next && !(before && after && before->IsSensitiveDeep())) continue;
    out.push_back({name, prev, next});
  }
  return out;
}

std::string ItemAddress(const PlanItem& i) {
  std::string out = i.module_address ? *i.module_address + "." : "";
  out += i.resource_type + "." + i.resource_name;
  if (i.index) out += "[" + *i.index + "]";
  return out;
}

constexpr std::string_view kUnknown = "(known after apply)";

}  // namespace

std::string PlanMismatch(const PlanDocument& saved, const PlanDocument& fresh) {
  std::map<std::string, const PlanItem*> now;
  for (const PlanItem& i : fresh.items) now[ItemAddress(i)] = &i;
  for (const PlanItem& was : saved.items) {
    std::string address = ItemAddress(was);
    auto it = now.find(address);
    if (it == now.end()) {
      return address + " was planned to " + was.action + " and now needs no change";
    }
    const PlanItem& is = *it->second;
    if (is.action != was.action) {
      return address + " was planned to " + was.action + " and now needs " + is.action;
    }
    std::map<std::string, const PlanItemAttribute*> targets;
    for (const PlanItemAttribute& a : is.attributes) targets[a.name] = &a;
    for (const PlanItemAttribute& a : was.attributes) {
      auto t = targets.find(a.name);
      std::string target = t == targets.end() ? "" : t->second->target_value;
      if (a.target_value == kUnknown || target == kUnknown) continue;
      if (t == targets.end() || target != a.target_value) {
        return address + "." + a.name + " was planned as " + a.target_value + " and is now " +
               (t == targets.end() ? std::string("unchanged") : target);
      }
    }
    now.erase(it);
  }
  if (!now.empty()) {
    const PlanItem& extra = *now.begin()->second;
    return now.begin()->first + " now needs " + extra.action + ", which the plan did not have";
  }
  return "";
}

PlanDocument PlanItemsOf(const engine::Plan& plan) {
  PlanDocument doc;
  for (const engine::ResourceChange& c : plan.changes) {
    if (c.action == engine::Action::kNoOp || c.action == engine::Action::kRead) continue;
    if (c.address.data) continue;
    PlanItem item;
    item.resource_type = c.address.type;
    item.resource_name = c.address.name;
    std::string key = KeyText(c.address.key);
    if (!key.empty()) item.index = key;
    item.action = ActionOf(c.action);
    item.action_reason = c.reason;
    item.provider_name = ProviderShortName(c.provider, c.address.type);
    item.mode = "RESOURCE";
    if (const hcl::Value* id = Attr(c.before, "id"); id && id->IsKnown() && !id->IsNull() &&
                                                     id->type().kind() == hcl::TypeKind::kString) {
      item.resource_id = id->AsString();
    }
    if (!c.address.module.empty()) item.module_address = c.address.module;
    item.attributes = AttributeChanges(c);
    doc.items.push_back(std::move(item));
  }
  doc.timestamp = plan.timestamp;
  engine::PlanSummary s = plan.Summary();
  doc.summary.resource_add = s.add;
  doc.summary.resource_update = s.change;
  doc.summary.resource_delete = s.destroy;
  return doc;
}

std::string PlanDocumentToJson(const PlanDocument& doc) {
  json::array items;
  for (const PlanItem& i : doc.items) {
    json::object o{{"resource_type", i.resource_type}, {"resource_name", i.resource_name},
                   {"action", i.action}, {"action_reason", i.action_reason},
                   {"provider_name", i.provider_name}, {"mode", i.mode},
                   {"drifted", i.drifted}, {"imported", i.imported}};
    if (i.index) o["index"] = *i.index;
    if (i.resource_id) o["resource_id"] = *i.resource_id;
    if (i.module_address) o["module_address"] = *i.module_address;
    json::array attrs;
    for (const auto& a : i.attributes) {
      attrs.push_back(json::object{{"name", a.name}, {"previous_value", a.previous_value},
                                   {"target_value", a.target_value}});
    }
    o["attributes"] = std::move(attrs);
    items.push_back(std::move(o));
  }
  json::object summary{{"resource_add", doc.summary.resource_add},
                       {"resource_update", doc.summary.resource_update},
                       {"resource_delete", doc.summary.resource_delete},
                       {"resource_import", doc.summary.resource_import}};
  json::object root{{"items", std::move(items)}, {"summary", summary}};
  if (doc.timestamp) root["timestamp_ms"] = ToUnixMillis(*doc.timestamp);
  return json::serialize(root);
}

PlanDocument PlanDocumentFromJson(const std::string& text) {
  PlanDocument doc;
  boost::system::error_code ec;
  json::value v = json::parse(text, ec);
  if (ec || !v.is_object()) return doc;
  const json::object& root = v.as_object();
  auto str = [](const json::object& o, std::string_view k) {
    const json::value* f = o.if_contains(k);
    return f && f->is_string() ? std::string(f->as_string()) : std::string();
  };
  auto opt = [](const json::object& o, std::string_view k) -> std::optional<std::string> {
    const json::value* f = o.if_contains(k);
    if (!f || !f->is_string()) return std::nullopt;
    return std::string(f->as_string());
  };
  auto boolean = [](const json::object& o, std::string_view k) {
    const json::value* f = o.if_contains(k);
    return f && f->is_bool() && f->as_bool();
  };
  if (const json::value* items = root.if_contains("items"); items && items->is_array()) {
    for (const json::value& iv : items->as_array()) {
      if (!iv.is_object()) continue;
      const json::object& o = iv.as_object();
      PlanItem i;
      i.resource_type = str(o, "resource_type");
      i.resource_name = str(o, "resource_name");
      i.index = opt(o, "index");
      i.action = str(o, "action");
      i.action_reason = str(o, "action_reason");
      i.provider_name = str(o, "provider_name");
      i.mode = str(o, "mode");
      i.drifted = boolean(o, "drifted");
      i.imported = boolean(o, "imported");
      i.resource_id = opt(o, "resource_id");
      i.module_address = opt(o, "module_address");
      if (const json::value* attrs = o.if_contains("attributes"); attrs && attrs->is_array()) {
        for (const json::value& av : attrs->as_array()) {
          if (!av.is_object()) continue;
          const json::object& a = av.as_object();
          i.attributes.push_back({str(a, "name"), str(a, "previous_value"),
                                  str(a, "target_value")});
        }
      }
      doc.items.push_back(std::move(i));
    }
  }
  if (const json::value* t = root.if_contains("timestamp_ms"); t && t->is_int64()) {
    doc.timestamp = FromUnixMillis(t->as_int64());
  }
  if (const json::value* s = root.if_contains("summary"); s && s->is_object()) {
    auto num = [&](std::string_view k) {
      const json::value* f = s->as_object().if_contains(k);
      return f && f->is_int64() ? static_cast<int>(f->as_int64()) : 0;
    };
    doc.summary = {num("resource_add"), num("resource_update"), num("resource_delete"),
                   num("resource_import")};
  }
  return doc;
}

}  // namespace fw::stacks
