// Plan helpers: action names, the summary, lookups (plan.h).
#include "engine/plan.h"

namespace fw::engine {

std::string_view ActionName(Action a) {
  switch (a) {
    case Action::kNoOp: return "no-op";
    case Action::kCreate: return "create";
    case Action::kRead: return "read";
    case Action::kUpdate: return "update";
    case Action::kDeleteThenCreate: return "replace";
    case Action::kCreateThenDelete: return "replace";
    case Action::kDelete: return "delete";
  }
  return "no-op";
}

PlanSummary Plan::Summary() const {
  PlanSummary s;
  for (const ResourceChange& c : changes) {
    if (c.address.data) continue;
    switch (c.action) {
      case Action::kCreate: ++s.add; break;
      case Action::kUpdate: ++s.change; break;
      case Action::kDelete: ++s.destroy; break;
      case Action::kDeleteThenCreate:
      case Action::kCreateThenDelete:
        ++s.add;
        ++s.destroy;
        break;
      default: break;
    }
  }
  return s;
}

bool Plan::HasChanges() const {
  for (const ResourceChange& c : changes) {
    if (c.action != Action::kNoOp && c.action != Action::kRead) return true;
  }
  for (const OutputChange& o : outputs) {
    if (o.action != Action::kNoOp) return true;
  }
  return false;
}

const ResourceChange* Plan::Find(const std::string& address) const {
  for (const ResourceChange& c : changes) {
    if (c.address.String() == address) return &c;
  }
  return nullptr;
}

}  // namespace fw::engine
