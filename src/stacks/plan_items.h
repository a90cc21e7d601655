// An engine plan as RFS execution plan items (spec rfs-api.md §3.4): one item per changed
// resource instance with its action (ADD, UPDATE, DELETE, DELETE_THEN_ADD, ADD_THEN_DELETE) and
// attribute-level changes, sensitive values already masked; and the stored JSON form of them.
//
// Thread-safety: pure functions.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "base/clock.h"
#include "engine/plan.h"
#include "stacks/stack_service.h"

namespace fw::stacks {

struct PlanDocument {
  std::vector<PlanItem> items;
  PlanChangeSummary summary;
  // The plan's time (engine::Plan::timestamp): applying the plan re-plans with it, so
  // plantimestamp() keeps its value.
  std::optional<TimePoint> timestamp;
};

PlanDocument PlanItemsOf(const engine::Plan& plan);
std::string PlanDocumentToJson(const PlanDocument& doc);

// Applying a saved execution plan re-plans from the stack's state and checks that the result
// is the plan the user saw (Terraform's saved-plan check): the same instances with the same
// actions and the same target values (where either side is "(known after apply)" the value is
// not compared). "" when they agree, else what differs first, for the deployment's message.
std::string PlanMismatch(const PlanDocument& saved, const PlanDocument& fresh);
PlanDocument PlanDocumentFromJson(const std::string& json);

}  // namespace fw::stacks
