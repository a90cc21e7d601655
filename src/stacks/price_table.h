// SIMULATED prices for EstimateExecutionPlanPrice. These are Formwork's own round numbers, not
// Huawei Cloud's price list: enough for SDK code and pipelines that read the response shape and
// compare plans, never for budgeting. Pay-per-use (POST_PAID, per HOUR) by resource type and,
// where the type has sizes, by flavor; free types (VPCs, subnets, security groups...) are FREE.
//
// Thread-safety: immutable static data.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "stacks/stack_service.h"

namespace fw::stacks {

// The price of one resource to be added, from its planned attributes (name → display value).
// nullopt when the type is not priced (the item is then "supported": false).
std::optional<std::vector<ResourcePrice>> SimulatedPrice(
    const std::string& resource_type, const std::vector<PlanItemAttribute>& attributes);

inline constexpr std::string_view kPriceCurrency = "USD";

}  // namespace fw::stacks
