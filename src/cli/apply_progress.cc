#include "cli/apply_progress.h"

#include "cli/state_file.h"

namespace fw::cli {

using engine::Action;

namespace {

std::string IdSuffix(const std::string& id) { return id.empty() ? "" : " [id=" + id + "]"; }

std::string PriorId(const engine::ResourceChange& change) {
  const hcl::Value& before = change.before;
  if (!before.IsKnown() || before.IsNull() || !before.type().IsObject()) return "";
  const hcl::Value* id = before.Get("id");
  if (!id || !id->IsKnown() || id->IsNull() || id->type() != hcl::Type::String() ||
      id->IsMarked()) {
    return "";
  }
  return id->AsString();
}

}  // namespace

std::string FormatElapsed(std::chrono::milliseconds elapsed) {
  int64_t s = elapsed.count() / 1000;
  if (s < 60) return std::to_string(s) + "s";
  return std::to_string(s / 60) + "m" + std::to_string(s % 60) + "s";
}

void ApplyProgress::OnStarted(const engine::ResourceChange& change) {
  if (!show_progress_) return;
  const std::string addr = change.address.String();
  switch (change.action) {
    case Action::kCreate: std::fprintf(out_, "%s: Creating...\n", addr.c_str()); break;
    case Action::kRead: std::fprintf(out_, "%s: Reading...\n", addr.c_str()); break;
    case Action::kUpdate:
      std::fprintf(out_, "%s: Modifying...%s\n", addr.c_str(), IdSuffix(PriorId(change)).c_str());
      break;
    case Action::kDelete:
    case Action::kDeleteThenCreate:
      std::fprintf(out_, "%s: Destroying...%s\n", addr.c_str(), IdSuffix(PriorId(change)).c_str());
      break;
    case Action::kCreateThenDelete: std::fprintf(out_, "%s: Creating...\n", addr.c_str()); break;
    case Action::kNoOp: break;
  }
  std::fflush(out_);
}

Status ApplyProgress::OnFinished(const engine::InstanceEvent& event,
                                 const engine::State& state_so_far) {
  const engine::ResourceChange& change = *event.change;
  if (event.outcome == engine::InstanceOutcome::kSucceeded) {
    const std::string id = event.state ? event.state->Id() : "";
    const std::string addr = change.address.String();
    const std::string after = FormatElapsed(event.elapsed);
    switch (change.action) {
      case Action::kCreate:
        ++counts_.added;
        if (show_progress_) {
          std::fprintf(out_, "%s: Creation complete after %s%s\n", addr.c_str(), after.c_str(),
                       IdSuffix(id).c_str());
        }
        break;
      case Action::kRead:
        if (show_progress_) {
          std::fprintf(out_, "%s: Read complete after %s%s\n", addr.c_str(), after.c_str(),
                       IdSuffix(id).c_str());
        }
        break;
      case Action::kUpdate:
        ++counts_.changed;
        if (show_progress_) {
          std::fprintf(out_, "%s: Modifications complete after %s%s\n", addr.c_str(),
                       after.c_str(), IdSuffix(id).c_str());
        }
        break;
      case Action::kDelete:
        ++counts_.destroyed;
        if (show_progress_) {
          std::fprintf(out_, "%s: Destruction complete after %s\n", addr.c_str(), after.c_str());
        }
        break;
      case Action::kDeleteThenCreate:
      case Action::kCreateThenDelete:
        ++counts_.added;
        ++counts_.destroyed;
        if (show_progress_) {
          std::fprintf(out_, "%s: Replacement complete after %s%s\n", addr.c_str(),
                       after.c_str(), IdSuffix(id).c_str());
        }
        break;
      case Action::kNoOp: break;
    }
    if (show_progress_) std::fflush(out_);
  }
  const Clock::time_point now = Clock::now();
  if (now - last_write_ < write_interval_) return Status::Ok();
  Status st = WriteStateFile(state_path_, state_so_far);
  const Clock::time_point done = Clock::now();
  write_interval_ = std::max<Clock::duration>(std::chrono::milliseconds(200), 5 * (done - now));
  last_write_ = done;
  return st;
}

}  // namespace fw::cli
