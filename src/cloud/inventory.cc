#include "cloud/inventory.h"

#include <chrono>

namespace fw::cloud {
namespace {

constexpr std::string_view kReadyAtKey = "_ready_at";

int64_t ToMicros(TimePoint t) {
  return std::chrono::duration_cast<std::chrono::microseconds>(t.time_since_epoch()).count();
}

TimePoint FromMicros(int64_t us) { return TimePoint(std::chrono::microseconds(us)); }

// "vpc.vpc" → {"vpc", "vpc"}; "ecs" → {"ecs", "*"}.
std::pair<std::string_view, std::string_view> ServiceAndKind(std::string_view type) {
  size_t dot = type.find('.');
  if (dot == std::string_view::npos) return {type, "*"};
  return {type.substr(0, dot), type.substr(dot + 1)};
}

Result<InventoryItem> Decode(const store::CloudResourceRecord& row) {
  InventoryItem item;
  item.id = row.id;
  item.project_id = row.project_id;
  item.type = row.type;
  item.name = row.name;
  item.created_at = row.created_at;
  item.updated_at = row.updated_at;
  item.version = row.version;
  item.parent_id = row.parent_id;
  boost::system::error_code ec;
  boost::json::value v = boost::json::parse(row.body, ec);
  if (ec || !v.is_object()) return Internal("Corrupt inventory record " + row.type + "/" + row.id);
  item.body = std::move(v.as_object());
  if (auto* r = item.body.if_contains(kReadyAtKey); r && r->is_int64()) {
    item.ready_at = FromMicros(r->as_int64());
    item.body.erase(kReadyAtKey);
  } else {
    item.ready_at = item.created_at;
  }
  return item;
}

std::string Encode(const boost::json::object& body, TimePoint ready_at) {
  boost::json::object copy = body;
  copy[kReadyAtKey] = ToMicros(ready_at);
  return boost::json::serialize(copy);
}

}  // namespace

Inventory::Inventory(store::Store& store, const Provisioning& provisioning, FaultInjector& faults)
    : store_(store), provisioning_(provisioning), faults_(faults) {}

Status Inventory::CheckFault(std::string_view type, std::string_view operation,
                             std::string_view name) {
  auto [service, kind] = ServiceAndKind(type);
  if (auto fault = faults_.Fire(service, kind, operation, name)) {
    return Internal(fault->error_message, fault->error_code);
  }
  return Status::Ok();
}

Result<InventoryItem> Inventory::Create(const NewItem& item) {
  InventoryItem out;
  bool found = false;
  if (!item.client_token.empty()) {
    FW_RETURN_IF_ERROR(store_.Read([&](store::Repositories& r) -> Status {
      FW_ASSIGN_OR_RETURN(auto existing,
                          r.cloud().FindByClientToken(item.project_id, item.type,
                                                      item.client_token));
      if (existing) {
        FW_ASSIGN_OR_RETURN(out, Decode(*existing));
        found = true;
      }
      return Status::Ok();
    }));
    if (found) return out;
  }
  FW_RETURN_IF_ERROR(CheckFault(item.type, "create", item.name));
  const TimePoint now = provisioning_.Now();
  const TimePoint ready = provisioning_.ReadyAt(now, item.real_duration);
  store::CloudResourceRecord row{item.id,   item.project_id, item.type, item.name,
                                 item.client_token, Encode(item.body, ready), 1, now, now,
                                 item.parent_id};
  Status st = store_.Write([&](store::Repositories& r) -> Status {
    if (!item.client_token.empty()) {
      FW_ASSIGN_OR_RETURN(auto existing,
                          r.cloud().FindByClientToken(item.project_id, item.type,
                                                      item.client_token));
      if (existing) {  // a racing call with the same token won
        FW_ASSIGN_OR_RETURN(out, Decode(*existing));
        return Status::Ok();
      }
    }
    FW_RETURN_IF_ERROR(r.cloud().Insert(row));
    FW_ASSIGN_OR_RETURN(out, Decode(row));
    return Status::Ok();
  });
  if (!st.ok()) return st;
  return out;
}

Result<std::optional<InventoryItem>> Inventory::Get(const std::string& type,
                                                    const std::string& id) {
  std::optional<InventoryItem> out;
  FW_RETURN_IF_ERROR(store_.Read([&](store::Repositories& r) -> Status {
    FW_ASSIGN_OR_RETURN(auto row, r.cloud().Get(type, id));
    if (row) {
      FW_ASSIGN_OR_RETURN(out, Decode(*row));
    }
    return Status::Ok();
  }));
  return out;
}

Result<std::optional<InventoryItem>> Inventory::FindByClientToken(const std::string& project_id,
                                                                  const std::string& type,
                                                                  const std::string& token) {
  std::optional<InventoryItem> out;
  if (token.empty()) return out;
  FW_RETURN_IF_ERROR(store_.Read([&](store::Repositories& r) -> Status {
    FW_ASSIGN_OR_RETURN(auto row, r.cloud().FindByClientToken(project_id, type, token));
    if (row) {
      FW_ASSIGN_OR_RETURN(out, Decode(*row));
    }
    return Status::Ok();
  }));
  return out;
}

Result<std::vector<InventoryItem>> Inventory::ReadAll(
    const std::function<Result<std::vector<store::CloudResourceRecord>>(store::Repositories&)>&
        query) {
  std::vector<InventoryItem> out;
  FW_RETURN_IF_ERROR(store_.Read([&](store::Repositories& r) -> Status {
    FW_ASSIGN_OR_RETURN(auto rows, query(r));
    out.reserve(rows.size());
    for (const auto& row : rows) {
      FW_ASSIGN_OR_RETURN(InventoryItem item, Decode(row));
      out.push_back(std::move(item));
    }
    return Status::Ok();
  }));
  return out;
}

Result<std::vector<InventoryItem>> Inventory::ListChildren(const std::string& type,
                                                           const std::string& parent_id) {
  return ReadAll([&](store::Repositories& r) { return r.cloud().ListChildren(type, parent_id); });
}

Result<std::vector<InventoryItem>> Inventory::List(const std::string& project_id,
                                                   const std::string& type) {
  return ReadAll([&](store::Repositories& r) { return r.cloud().List(project_id, type); });
}

Result<InventoryItem> Inventory::Update(const InventoryItem& item,
                                        std::chrono::seconds real_duration) {
  FW_RETURN_IF_ERROR(CheckFault(item.type, "update", item.name));
  const TimePoint now = provisioning_.Now();
  InventoryItem out = item;
  out.updated_at = now;
  out.version = item.version + 1;
  if (real_duration.count() > 0) out.ready_at = provisioning_.ReadyAt(now, real_duration);
  store::CloudResourceRecord row{out.id,  out.project_id, out.type, out.name, "",
                                 Encode(out.body, out.ready_at), out.version, out.created_at,
                                 now,    out.parent_id};
  FW_RETURN_IF_ERROR(store_.Write([&](store::Repositories& r) { return r.cloud().Update(row); }));
  return out;
}

Status Inventory::Delete(const std::string& type, const std::string& id,
                         const std::string& name) {
  FW_RETURN_IF_ERROR(CheckFault(type, "delete", name));
  return store_.Write([&](store::Repositories& r) -> Status {
    Status st = r.cloud().Delete(type, id);
    if (st.code() == ErrorCode::kNotFound) return Status::Ok();
    return st;
  });
}

}  // namespace fw::cloud
