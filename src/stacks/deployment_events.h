// The events of a deployment (spec rfs-api.md §2.1, §10.3) and the resource statuses (§10.4),
// worded as Terraform prints them: "Creating...", "Creation complete after 8s [id=...]",
// "Apply complete! Resources: 1 added, 0 changed, 0 destroyed.". Messages never carry
// attribute values, so sensitive ones cannot leak through them.
//
// Thread-safety: pure functions.
#pragma once

#include <chrono>
#include <string>

#include "base/clock.h"
#include "engine/plan.h"
#include "store/stack_records.h"

namespace fw::stacks {

enum class ResourcePhase { kInProgress, kComplete, kFailed };

// "CREATION" / "UPDATE" / "DELETION" + "_IN_PROGRESS" | "_COMPLETE" | "_FAILED"; replacements
// count as creation. "" for actions that make no event (no-op, read).
std::string ResourceStatusFor(engine::Action action, ResourcePhase phase);

store::StackEventRecord StackLevelEvent(const std::string& stack_id,
                                        const std::string& deployment_id,
                                        std::string_view event_type, std::string message,
                                        TimePoint now);

// `physical_id` may be empty (not created yet); `message` is the failure for kFailed.
store::StackEventRecord ResourceEvent(const std::string& stack_id,
                                      const std::string& deployment_id,
                                      const engine::ResourceChange& change, ResourcePhase phase,
                                      const std::string& physical_id,
                                      std::chrono::milliseconds elapsed,
                                      const std::string& message, TimePoint now);

struct ApplyCounts {
  int added = 0;
  int changed = 0;
  int destroyed = 0;
};
// "Apply complete! Resources: 1 added, 0 changed, 0 destroyed." (or "Destroy complete! ...").
std::string SummaryMessage(const ApplyCounts& counts, bool destroy);

}  // namespace fw::stacks
