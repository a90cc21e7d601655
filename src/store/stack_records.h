// Plain records of the RFS stack domain (src/stacks/): stacks, deployments, the recorded state
// of each resource instance, events and execution plans. No behaviour; StackService owns the
// rules. JSON columns are opaque text to the store.
//
// Thread-safety: plain values.
#pragma once

#include <cstdint>
#include <optional>
#include <string>

#include "base/clock.h"

namespace fw::store {

struct StackRecord {
  std::string id;  // uuid
  std::string project_id;
  std::string name;  // unique within the project
  std::string description;
  std::string status;  // stacks::StackStatusName
  std::string status_message;
  bool enable_deletion_protection = false;
  bool enable_auto_rollback = false;
  std::string agencies_json = "[]";
  // The deployment whose template/vars the stack carries now (latest started one); "" for an
  // empty stack. `last_good_deployment_id`: the latest successful one (rollback target);
  // `template_deployment_id`: the latest one that reached a terminal state (GetStackTemplate).
  std::string current_deployment_id;
  std::string last_good_deployment_id;
  std::string template_deployment_id;
  int64_t state_serial = 0;  // engine::State::serial of the recorded state
  std::string state_lineage;
  // Root module outputs of the recorded state: JSON object name → {value, type, sensitive,
  // description}. Holds sensitive values: never returned as is.
  std::string outputs_json = "{}";
  // Optimistic concurrency: every update writes version + 1 where the stored one is `version`.
  int64_t version = 0;
  TimePoint created_at;
  TimePoint updated_at;
};

struct DeploymentRecord {
  std::string id;  // uuid: the deployment_id of the API and the engine's idempotency prefix
  std::string stack_id;
  std::string kind;    // "deploy", "rollback", "delete", "delete_retain"
  std::string status;  // "IN_PROGRESS", "COMPLETE", "FAILED"
  std::string status_message;
  std::string template_json = "{}";  // {"main.tf": "..."}: the template files
  // The vars as given: {"vars_body", "vars_uri", "vars_uri_content", "vars_structure": [...]}.
  // Holds sensitive values: never returned as is.
  std::string vars_json = "{}";
  std::string execution_plan_id;  // when started by ApplyExecutionPlan
  std::string job_id;
  TimePoint started_at;
  std::optional<TimePoint> finished_at;
};

// One resource instance of a stack's recorded state (engine::InstanceState) with its status.
struct StackResourceRecord {
  std::string stack_id;
  std::string address;  // engine::InstanceAddress::String()
  std::string module;   // "" for the root
  std::string mode;     // "managed" | "data"
  std::string type;
  std::string name;
  std::string index_key_json;  // "" (no key), "0", "\"key\""
  std::string physical_id;
  std::string physical_name;
  std::string provider;
  std::string region;
  std::string attributes_json;       // unmarked attributes; holds sensitive values
  std::string sensitive_paths_json;  // [[step, ...], ...]
  std::string dependencies_json = "[]";
  bool tainted = false;
  bool in_state = true;  // false: a failed create that left nothing (status row only)
  std::string status;    // CREATION_COMPLETE, UPDATE_FAILED ... (spec §10.4)
  std::string status_message;
  TimePoint created_at;
  TimePoint updated_at;
};

struct StackEventRecord {
  int64_t seq = 0;  // assigned on insert; increasing
  std::string stack_id;
  std::string deployment_id;
  std::string event_type;
  std::string event_message;
  std::string resource_type;  // "" for stack-level events
  std::string resource_name;
  std::string resource_key;
  std::string resource_id_key;
  std::string resource_id_value;
  int64_t elapsed_seconds = -1;  // -1: not applicable
  TimePoint time;
};

struct ExecutionPlanRecord {
  std::string id;  // uuid
  std::string stack_id;
  std::string name;  // unique within the stack
  std::optional<std::string> description;
  std::string status;  // stacks::PlanStatusName
  std::string status_message;
  std::string template_json = "{}";
  std::string vars_json = "{}";  // as DeploymentRecord::vars_json
  // The computed diff, already masked: {"items": [...], "summary": {...}}; "" until AVAILABLE.
  std::string plan_json;
  int64_t prior_serial = -1;  // the stack's state serial when the plan was made
  std::string based_on_deployment_id;  // the stack's current deployment when it was made
  std::string deployment_id;           // set when applied
  TimePoint created_at;
  std::optional<TimePoint> applied_at;
};

}  // namespace fw::store
