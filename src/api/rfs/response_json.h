// The JSON bodies of the RFS responses, with the SDK model classes' field names and JSON types
// (huaweicloud-sdk-*/aos/v1/model: Stack, StackEvent, StackResource, StackOutput, PageInfo,
// ExecutionPlan, ExecutionPlanItem, VariableResponse…). Optional fields that do not apply are
// left out, as the real service does.
//
// Thread-safety: pure functions.
#pragma once

#include <string>
#include <vector>

#include "stacks/stack_service.h"

namespace fw::api::rfs {

// stack_json.cc
std::string CreateStackJson(const stacks::CreateStackResponse& r);
std::string DeploymentJson(const stacks::DeploymentStarted& d);
std::string StackListJson(const stacks::StackList& list);
std::string StackMetadataJson(const stacks::StackMetadata& m);
std::string EventListJson(const stacks::EventList& list);
std::string ResourceListJson(const stacks::ResourceList& list);
std::string OutputListJson(const stacks::OutputList& list);

// plan_json.cc
std::string CreatePlanJson(const stacks::CreatePlanResponse& r);
std::string PlanListJson(const stacks::PlanList& list);
std::string PlanMetadataJson(const stacks::PlanMetadata& m);
std::string PlanDiffJson(const stacks::PlanDiff& d);
std::string PriceEstimateJson(const stacks::PriceEstimate& e);
std::string VariablesJson(const std::vector<stacks::TemplateVariable>& vars);

}  // namespace fw::api::rfs
