#include "stacks/deployment_events.h"

#include "stacks/state_rows.h"

namespace fw::stacks {
namespace {

std::string_view Family(engine::Action a) {
  switch (a) {
    case engine::Action::kCreate:
    case engine::Action::kDeleteThenCreate:
    case engine::Action::kCreateThenDelete:
      return "CREATION";
    case engine::Action::kUpdate:
      return "UPDATE";
    case engine::Action::kDelete:
      return "DELETION";
    default:
      return "";
  }
}

std::string Duration(std::chrono::milliseconds elapsed) {
  return std::to_string(std::chrono::duration_cast<std::chrono::seconds>(elapsed).count()) + "s";
}

std::string Message(engine::Action a, ResourcePhase phase, const std::string& id,
                    std::chrono::milliseconds elapsed, const std::string& failure) {
  std::string family(Family(a));
  std::string id_part = id.empty() ? "" : " [id=" + id + "]";
  if (phase == ResourcePhase::kFailed) return "Error: " + failure;
  if (family == "CREATION") {
    return phase == ResourcePhase::kInProgress
               ? "Creating..."
               : "Creation complete after " + Duration(elapsed) + id_part;
  }
  if (family == "UPDATE") {
    return phase == ResourcePhase::kInProgress
               ? "Modifying..." + id_part
               : "Modifications complete after " + Duration(elapsed) + id_part;
  }
  return phase == ResourcePhase::kInProgress ? "Destroying..." + id_part
                                             : "Destruction complete after " + Duration(elapsed);
}

}  // namespace

std::string ResourceStatusFor(engine::Action action, ResourcePhase phase) {
  std::string_view family = Family(action);
  if (family.empty()) return "";
  std::string_view suffix = phase == ResourcePhase::kInProgress ? "_IN_PROGRESS"
                            : phase == ResourcePhase::kComplete ? "_COMPLETE"
                                                                : "_FAILED";
  return std::string(family) + std::string(suffix);
}

store::StackEventRecord StackLevelEvent(const std::string& stack_id,
                                        const std::string& deployment_id,
                                        std::string_view event_type, std::string message,
                                        TimePoint now) {
  store::StackEventRecord e;
  e.stack_id = stack_id;
  e.deployment_id = deployment_id;
  e.event_type = std::string(event_type);
  e.event_message = std::move(message);
  e.time = now;
  return e;
}

store::StackEventRecord ResourceEvent(const std::string& stack_id,
                                      const std::string& deployment_id,
                                      const engine::ResourceChange& change, ResourcePhase phase,
                                      const std::string& physical_id,
                                      std::chrono::milliseconds elapsed,
                                      const std::string& message, TimePoint now) {
  store::StackEventRecord e;
  e.stack_id = stack_id;
  e.deployment_id = deployment_id;
  e.event_type = ResourceStatusFor(change.action, phase);
  e.event_message = Message(change.action, phase, physical_id, elapsed, message);
  e.resource_type = change.address.type;
  e.resource_name =
      change.address.module.empty() ? change.address.name
                                    : change.address.module + "." + change.address.name;
  e.resource_key = KeyText(change.address.key);
  if (!physical_id.empty()) {
    e.resource_id_key = "id";
    e.resource_id_value = physical_id;
  }
  if (phase != ResourcePhase::kInProgress) {
    e.elapsed_seconds = std::chrono::duration_cast<std::chrono::seconds>(elapsed).count();
  }
  e.time = now;
  return e;
}

std::string SummaryMessage(const ApplyCounts& c, bool destroy) {
  if (destroy) {
    return "Destroy complete! Resources: " + std::to_string(c.destroyed) + " destroyed.";
  }
  return "Apply complete! Resources: " + std::to_string(c.added) + " added, " +
         std::to_string(c.changed) + " changed, " + std::to_string(c.destroyed) + " destroyed.";
}

}  // namespace fw::stacks
